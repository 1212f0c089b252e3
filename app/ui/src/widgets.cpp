#include "widgets.hpp"

#include <imgui_internal.h>  // CalcWrapWidthForPos: wrap where ImGui would
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "automation.hpp"
#include "careplan/core/line_breaking.hpp"
#include "theme.hpp"

namespace careplan::ui {
namespace {

// ImGui IDs must be unique per window; the label a user sees need not be.
std::string id_for(std::string_view label) { return std::string(label) + "##" + std::string(label); }

// Wrapped at `wrap_x` (window-local; 0 for the right edge) by the rules of
// Japanese line breaking, not ImGui's, which would start a line with 。.
void wrapped(std::string_view s, float wrap_x = 0.0f) {
    // The width ImGui itself would wrap at, measured in the font being drawn.
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_x);
    ImFontBaked* font = ImGui::GetFontBaked();
    const float scale = ImGui::GetFontSize() / font->Size;
    const std::string lines = core::break_lines(s, width, [font, scale](char32_t cp) {
        return font->GetCharAdvance(static_cast<ImWchar>(cp)) * scale;
    });
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    frame_record().text(s);
}

// Records the control just drawn for the script runner, and a press of it in
// the operation record.
bool noted_press(std::string_view label, bool pressed, bool enabled) {
    frame_record().control(label, enabled);
    if (pressed && enabled) operation_record().click(label);
    return pressed && enabled;
}

}  // namespace

bool primary_button(std::string_view label, bool enabled) {
    ImGui::PushStyleColor(ImGuiCol_Button, colors().primary);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors().primary_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors().primary_active);
    ImGui::PushStyleColor(ImGuiCol_Text, colors().on_primary);
    ImGui::BeginDisabled(!enabled);
    const float em = ImGui::GetFontSize();
    const float width =
        std::max(em * 12.0f, ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + em * 2);
    const bool pressed = ImGui::Button(id_for(label).c_str(), ImVec2{width, em * 2.4f});
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    return noted_press(label, pressed, enabled);
}

bool button(std::string_view label, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(id_for(label).c_str());
    ImGui::EndDisabled();
    return noted_press(label, pressed, enabled);
}

float button_width(std::string_view label) {
    return ImGui::CalcTextSize(label.data(), label.data() + label.size()).x +
           ImGui::GetStyle().FramePadding.x * 2;
}

FlowRow::FlowRow() : right_edge_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

void FlowRow::next(float width) {
    if (std::exchange(first_, false)) return;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right_edge_) ImGui::SameLine();
}

bool input_field(std::string_view label, std::string& value, const core::FieldErrors& errors,
                 std::string_view field, ImGuiInputTextFlags flags, const char* hint, float width_em) {
    text(label);
    // Wide enough for its example, but not past the right edge.
    float width = ImGui::GetFontSize() * width_em;
    if (hint) width = std::max(width, ImGui::CalcTextSize(hint).x + ImGui::GetStyle().FramePadding.x * 2);
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
    const std::string id = "##" + std::string(field);
    const bool changed = hint ? ImGui::InputTextWithHint(id.c_str(), hint, &value, flags)
                              : ImGui::InputText(id.c_str(), &value, flags);
    frame_record().control(label, true);
    if (ImGui::IsItemActive()) frame_record().focused_field(field);
    if (ImGui::IsItemDeactivatedAfterEdit()) operation_record().typed(label, field_kind(field), value);
    if (auto it = errors.find(std::string(field)); it != errors.end()) error_text(it->second.message);
    return changed;
}

bool checkbox(std::string_view label, bool& value, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool changed = ImGui::Checkbox(id_for(label).c_str(), &value);
    ImGui::EndDisabled();
    return noted_press(label, changed, enabled);
}

bool radio_button(std::string_view label, bool selected) {
    return noted_press(label, ImGui::RadioButton(id_for(label).c_str(), selected), true);
}

void text(std::string_view s) { wrapped(s); }

void text_colored(const ImVec4& color, std::string_view s, float wrap_x) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    wrapped(s, wrap_x);
    ImGui::PopStyleColor();
}

void text_muted(std::string_view s, float wrap_x) { text_colored(colors().muted, s, wrap_x); }

void text_large(std::string_view s, const ImVec4& color) {
    ImGui::PushFont(nullptr, heading_font_px);
    text_colored(color, s);
    ImGui::PopFont();
}

void error_text(std::string_view s) { text_colored(colors().error, s); }

void field_row(std::string_view label, std::string_view value) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors().muted);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetFontSize() * 11.0f);
    wrapped(value);
    frame_record().text(label);
}

void spinner() {
    const float radius = ImGui::GetFontSize() * 0.5f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 centre{pos.x + radius, pos.y + radius};
    const float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PathArcTo(centre, radius * 0.8f, t, t + 4.5f, 24);
    draw->PathStroke(ImGui::GetColorU32(colors().primary), 0, radius * 0.3f);
    ImGui::Dummy(ImVec2{radius * 2, radius * 2});
}

bool FieldFocus::request_first_error(const core::FieldErrors& errors,
                                     std::initializer_list<std::string_view> order) {
    for (std::string_view field : order) {
        if (!errors.contains(std::string(field))) continue;
        request(field);
        return true;
    }
    return false;
}

void FieldFocus::before(std::string_view field) {
    if (field_.empty() || field_ != field) return;
    ImGui::SetKeyboardFocusHere();
    field_.clear();
}

}  // namespace careplan::ui
