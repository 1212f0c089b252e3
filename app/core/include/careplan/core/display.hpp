#pragma once
// How the client shows itself on this PC, decided from what Windows reports:
// the colours of a high contrast scheme, the "Make text bigger" factor, and
// the renderers to try on a remote desktop. Pure: the platform layer reads the
// system, these functions decide.
#include <cstdint>
#include <optional>
#include <vector>

namespace careplan::core {

struct Rgb {
    float r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

// An 0x00BBGGRR COLORREF as GetSysColor returns it.
Rgb rgb_from_colorref(std::uint32_t colorref);

// WCAG 2 contrast ratio, 1 (same) to 21 (black on white).
float contrast_ratio(Rgb a, Rgb b);

// The system colours of a high contrast scheme that the client follows.
struct SystemColors {
    Rgb window;          // COLOR_WINDOW
    Rgb window_text;     // COLOR_WINDOWTEXT
    Rgb highlight;       // COLOR_HIGHLIGHT
    Rgb highlight_text;  // COLOR_HIGHLIGHTTEXT
    Rgb button_face;     // COLOR_BTNFACE
    Rgb button_text;     // COLOR_BTNTEXT
    Rgb gray_text;       // COLOR_GRAYTEXT
    Rgb hot_light;       // COLOR_HOTLIGHT
};

// Every colour the views use, by role.
struct Palette {
    Rgb window_bg, frame_bg, border;
    Rgb text, muted;
    Rgb primary, primary_hover, primary_active, on_primary;  // the main button and its label
    Rgb button, button_text;                                 // the other buttons
    Rgb error, ok, warning, info;                            // statuses (always with their words)
    Rgb on_status;                                           // a mark drawn on a status or guide colour
    Rgb banner;                                              // the demo banner's background
    Rgb guide, guide_soft;                                   // the guide overlay
    bool dark = false;                                       // light text on a dark background
    bool high_contrast = false;                              // the system's scheme, not ours
};

// The tuned light look (DESIGN.md, Look and feel).
Palette light_palette();

// The look under a high contrast scheme: the system's own colours, and the
// status colours moved towards the text colour until they read as well as
// text must (4.5:1) while keeping their hue, so that they stay apart.
Palette high_contrast_palette(const SystemColors& system);

// Windows' "Make text bigger" (TextScaleFactor, percent): 100..225 is used as
// given; a missing value is 100 %, anything outside is clamped into the range.
float text_scale_from_percent(std::optional<std::int64_t> percent);

enum class RendererChoice { gl3, gl2, dx11 };

// The renderers to try, in order. One asked for on the command line comes
// first, followed by the ones after it (gl3, gl2, dx11). Without a request a
// remote desktop session starts with Direct3D 11: OpenGL there is often
// Windows' software 1.1 or a slow remoted driver.
std::vector<RendererChoice> renderer_attempts(std::optional<RendererChoice> requested, bool remote_session);

}  // namespace careplan::core
