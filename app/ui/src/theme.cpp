#include "theme.hpp"

namespace careplan::ui {
namespace {

ImVec4 im(core::Rgb c) { return {c.r, c.g, c.b, 1.0f}; }

Colors colors_of(const core::Palette& p) {
    return Colors{im(p.text),       im(p.muted),  im(p.primary), im(p.primary_hover), im(p.primary_active),
                  im(p.on_primary), im(p.error),  im(p.ok),      im(p.warning),       im(p.info),
                  im(p.on_status),  im(p.banner), im(p.guide),   im(p.guide_soft)};
}

Colors current = colors_of(core::light_palette());

// Everything ImGui draws besides the views' own colours: under a high
// contrast scheme no tinted default of ImGui's may remain.
void apply_style_colors(ImGuiStyle& style, const core::Palette& p) {
    if (p.dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = im(p.text);
    c[ImGuiCol_TextDisabled] = im(p.muted);
    c[ImGuiCol_WindowBg] = c[ImGuiCol_PopupBg] = im(p.window_bg);
    c[ImGuiCol_FrameBg] = im(p.frame_bg);
    c[ImGuiCol_Border] = im(p.border);
    c[ImGuiCol_Button] = im(p.button);
    c[ImGuiCol_NavCursor] = im(p.primary);  // the keyboard focus is always visible
    c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = im(p.primary);
    if (p.high_contrast) {  // solid system colours only
        c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBgActive] = im(p.frame_bg);
        c[ImGuiCol_ButtonHovered] = c[ImGuiCol_ButtonActive] = im(p.button);
        c[ImGuiCol_Header] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_HeaderActive] = im(p.button);
        c[ImGuiCol_ScrollbarBg] = im(p.window_bg);
        c[ImGuiCol_ScrollbarGrab] = c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] =
            im(p.text);
        c[ImGuiCol_Separator] = c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = im(p.text);
        c[ImGuiCol_TextSelectedBg] = im(p.primary);
    }
}

}  // namespace

const Colors& colors() { return current; }

void apply_theme(float content_scale, const core::Palette& palette) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    apply_style_colors(style, palette);
    style.WindowPadding = {24, 20};
    style.FramePadding = {10, 7};
    style.ItemSpacing = {12, 10};
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.ScaleAllSizes(content_scale);
    style.FontSizeBase = body_font_px;
    style.FontScaleDpi = content_scale;
    current = colors_of(palette);
}

}  // namespace careplan::ui
