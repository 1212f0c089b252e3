#include "widgets.hpp"

#include <string>

#include "theme.hpp"

namespace careplan::ui {

void screen_header(std::string_view title, std::string_view code, std::string_view step) {
  const float right_edge = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(nullptr, heading_font_px);
  ImGui::TextUnformatted(title.data(), title.data() + title.size());
  ImGui::PopFont();
  std::string tag(code);
  if (!step.empty()) tag.append("  ").append(step);
  ImGui::PushFont(nullptr, small_font_px);
  const float width = ImGui::CalcTextSize(tag.c_str()).x;
  ImGui::SameLine(right_edge - width);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextUnformatted(tag.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
}

bool primary_button(const char* label, bool enabled) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors::primary);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::primary_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::primary_active);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1, 1, 1, 1});
  ImGui::BeginDisabled(!enabled);
  const float height = ImGui::GetFontSize() * 2.4f;
  const bool pressed = ImGui::Button(label, ImVec2{ImGui::GetFontSize() * 12.0f, height});
  ImGui::EndDisabled();
  ImGui::PopStyleColor(4);
  return pressed;
}

void text_colored(const ImVec4& color, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

void text_wrapped(std::string_view text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
}

void text_muted(std::string_view text) { text_colored(colors::muted, text); }

}  // namespace careplan::ui
