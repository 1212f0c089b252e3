#pragma once
// Building blocks shared by the views, so every screen looks and behaves
// alike. Every labelled control and every text goes through them, which is
// what lets the UI script runner find a control by the label a user sees.
#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"

namespace careplan::ui {

// The one primary action of a screen: large and coloured. True when pressed.
bool primary_button(std::string_view label, bool enabled = true);
// A secondary action: plain.
bool button(std::string_view label, bool enabled = true);
// A text field with its label above and its error (if any) in red below.
bool input_field(std::string_view label, std::string& value, const core::FieldErrors& errors,
                 std::string_view field, ImGuiInputTextFlags flags = 0, const char* hint = nullptr,
                 float width_em = 22.0f);
bool checkbox(std::string_view label, bool& value, bool enabled = true);
// One choice of a group; true when clicked (the caller selects it).
bool radio_button(std::string_view label, bool selected);

// Texts wrap at the right edge, or before `wrap_x` (window coordinates) when
// something stands to their right.
void text(std::string_view text);
void text_colored(const ImVec4& color, std::string_view text, float wrap_x = 0.0f);
void text_muted(std::string_view text, float wrap_x = 0.0f);
void text_large(std::string_view text, const ImVec4& color);
// A red message for a field or a form.
void error_text(std::string_view text);
// A label/value pair in two columns (summaries).
void field_row(std::string_view label, std::string_view value);

// The width a button() with this label takes.
float button_width(std::string_view label);

// Items side by side that go on to a new line when the next one would run
// off the right edge (tabs and buttons at a large text size on a small
// screen). Made at the start of the row.
class FlowRow {
  public:
    FlowRow();
    // Before each item but the first, with the width it will take.
    void next(float width);

  private:
    float right_edge_;  // screen coordinates
    bool first_ = true;
};

// An indeterminate progress indicator for requests in flight.
void spinner();

// Focus that never lies: where typing goes next frame. A form asks for a
// field (on entering, after an error, back from a review) and the field
// takes the keyboard when it is drawn, so that a field never looks focused
// while the keys go nowhere.
class FieldFocus {
  public:
    void request(std::string_view field) { field_ = field; }
    // The first field of `order` that has an error; false when none has.
    bool request_first_error(const core::FieldErrors& errors, std::initializer_list<std::string_view> order);
    // Just before drawing `field`: it takes the keys if it was asked for.
    void before(std::string_view field);

  private:
    std::string field_;
};

// A FieldFocus that starts on `field` (the first field of a form).
inline FieldFocus first_field(std::string_view field) {
    FieldFocus focus;
    focus.request(field);
    return focus;
}

}  // namespace careplan::ui
