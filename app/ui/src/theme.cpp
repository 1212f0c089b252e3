#include "theme.hpp"

namespace careplan::ui {

void apply_theme(float content_scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = {24, 20};
    style.FramePadding = {10, 7};
    style.ItemSpacing = {12, 10};
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.Colors[ImGuiCol_Text] = colors::text;
    style.Colors[ImGuiCol_TextDisabled] = colors::muted;
    style.Colors[ImGuiCol_WindowBg] = {0.97f, 0.97f, 0.96f, 1.0f};
    style.Colors[ImGuiCol_FrameBg] = {1, 1, 1, 1};
    style.Colors[ImGuiCol_Border] = {0.70f, 0.72f, 0.75f, 1.0f};
    style.Colors[ImGuiCol_NavCursor] = colors::primary;  // the keyboard focus is always visible
    style.ScaleAllSizes(content_scale);
    style.FontSizeBase = body_font_px;
    style.FontScaleDpi = content_scale;
}

}  // namespace careplan::ui
