#pragma once
// What the UI script runner (and a help-desk replay) can see of a frame: the
// labelled controls with their rectangles, and the texts shown. The widgets
// record into it as they draw; the runner reads the last complete frame.
#include <imgui.h>

#include "careplan/core/operation_record.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace careplan::ui {

struct SeenControl {
    std::string label;
    ImVec2 min;
    ImVec2 max;
    // What its window showed of the screen (a control scrolled under the
    // window's edge is drawn, but clipped: a click there hits something else).
    ImVec2 visible_min;
    ImVec2 visible_max;
    bool enabled = true;
};

class FrameRecord {
  public:
    void begin_frame();
    // Records the last submitted ImGui item under the given visible label.
    void control(std::string_view label, bool enabled);
    void text(std::string_view text);
    void screen(std::string_view code) { current_screen_ = std::string(code); }
    // The text field being typed in, by its field name (its IME mode).
    void focused_field(std::string_view field) { current_focused_field_ = std::string(field); }
    // In the frame being built: "" when no text field has the focus.
    const std::string& focused_field() const { return current_focused_field_; }

    // In the last complete frame (what the script runner sees).
    const SeenControl* find_control(std::string_view label) const;
    // In the frame being built, once its controls were drawn (the guide overlay).
    const SeenControl* find_drawn_control(std::string_view label) const;
    bool shows_text(std::string_view needle) const;
    const std::string& screen_code() const { return last_screen_; }
    const std::vector<std::string>& texts() const { return last_texts_; }

  private:
    std::vector<SeenControl> current_controls_, last_controls_;
    std::vector<std::string> current_texts_, last_texts_;
    std::string current_screen_, last_screen_;
    std::string current_focused_field_;
};

FrameRecord& frame_record();

// The 操作記録 of the run: the widgets note what the user does (personal
// input replaced as it is noted); S10 saves it when the user asks.
core::OperationRecord& operation_record();
// What a text field holds, by its field name ("applicant_name", "password", …).
core::FieldKind field_kind(std::string_view field);

}  // namespace careplan::ui
