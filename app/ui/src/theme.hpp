#pragma once
// The look: a calm light form for office clerks (DESIGN.md, Look and feel).
#include <imgui.h>

namespace careplan::ui {

inline constexpr float body_font_px = 18.0f;  // never under 16: also for OCR of screenshots
inline constexpr float heading_font_px = 26.0f;
inline constexpr float small_font_px = 16.0f;

namespace colors {
inline constexpr ImVec4 text{0.10f, 0.11f, 0.13f, 1.0f};
inline constexpr ImVec4 muted{0.36f, 0.38f, 0.42f, 1.0f};
inline constexpr ImVec4 primary{0.09f, 0.38f, 0.70f, 1.0f};
inline constexpr ImVec4 primary_hover{0.12f, 0.45f, 0.80f, 1.0f};
inline constexpr ImVec4 primary_active{0.06f, 0.30f, 0.58f, 1.0f};
inline constexpr ImVec4 error{0.75f, 0.10f, 0.10f, 1.0f};
inline constexpr ImVec4 ok_green{0.10f, 0.50f, 0.22f, 1.0f};
inline constexpr ImVec4 amber{0.70f, 0.45f, 0.00f, 1.0f};
inline constexpr ImVec4 info_blue{0.10f, 0.35f, 0.75f, 1.0f};
inline constexpr ImVec4 banner{1.00f, 0.95f, 0.80f, 1.0f};
// The guide overlay: a colour no control uses, so its frame cannot be mistaken.
inline constexpr ImVec4 guide{0.85f, 0.20f, 0.45f, 1.0f};
inline constexpr ImVec4 guide_soft{1.00f, 0.86f, 0.92f, 1.0f};
}  // namespace colors

// Applies the tuned light style, scaled for the monitor's DPI.
void apply_theme(float content_scale);

}  // namespace careplan::ui
