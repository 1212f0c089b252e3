#pragma once
// The look: a calm light form for office clerks (DESIGN.md, Look and feel),
// or the colours of the user's Windows high contrast scheme.
#include <imgui.h>

#include "careplan/core/display.hpp"

namespace careplan::ui {

inline constexpr float body_font_px = 18.0f;  // never under 16: also for OCR of screenshots
inline constexpr float heading_font_px = 26.0f;
inline constexpr float small_font_px = 16.0f;

// The colours the views draw with, by role (core::Palette as ImGui colours).
struct Colors {
    ImVec4 text, muted;
    ImVec4 primary, primary_hover, primary_active, on_primary;
    ImVec4 error, ok_green, amber, info_blue, on_status;
    ImVec4 banner;
    ImVec4 guide, guide_soft;
};

// The colours of the theme applied last.
const Colors& colors();

// Applies the tuned style in the palette's colours, scaled for the monitor's DPI.
void apply_theme(float content_scale, const core::Palette& palette);

}  // namespace careplan::ui
