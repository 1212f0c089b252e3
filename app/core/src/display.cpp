#include "careplan/core/display.hpp"

#include <algorithm>
#include <cmath>

namespace careplan::core {
namespace {

// WCAG 2: text must reach 4.5:1 against its background.
constexpr float readable_contrast = 4.5f;
constexpr int min_text_percent = 100;
constexpr int max_text_percent = 225;

float linear(float channel) {
    return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float luminance(Rgb c) { return 0.2126f * linear(c.r) + 0.7152f * linear(c.g) + 0.0722f * linear(c.b); }

Rgb mix(Rgb from, Rgb to, float t) {
    return {from.r + (to.r - from.r) * t, from.g + (to.g - from.g) * t, from.b + (to.b - from.b) * t};
}

// The colour, moved towards `text` in small steps until it reads on
// `background`: its hue stays recognisable, its contrast becomes enough.
// `text` itself is the end of the way and always reads.
Rgb readable_on(Rgb colour, Rgb background, Rgb text) {
    constexpr int steps = 20;
    for (int i = 0; i < steps; ++i) {
        const Rgb candidate = mix(colour, text, static_cast<float>(i) / steps);
        if (contrast_ratio(candidate, background) >= readable_contrast) return candidate;
    }
    return text;
}

// Of the two, the one that reads better on `background`.
Rgb better_on(Rgb background, Rgb a, Rgb b) {
    return contrast_ratio(a, background) >= contrast_ratio(b, background) ? a : b;
}

}  // namespace

Rgb rgb_from_colorref(std::uint32_t colorref) {
    return {static_cast<float>(colorref & 0xFF) / 255.0f, static_cast<float>((colorref >> 8) & 0xFF) / 255.0f,
            static_cast<float>((colorref >> 16) & 0xFF) / 255.0f};
}

float contrast_ratio(Rgb a, Rgb b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

Palette light_palette() {
    Palette p;
    p.window_bg = {0.97f, 0.97f, 0.96f};
    p.frame_bg = {1, 1, 1};
    p.border = {0.70f, 0.72f, 0.75f};
    p.text = {0.10f, 0.11f, 0.13f};
    p.muted = {0.36f, 0.38f, 0.42f};
    p.primary = {0.09f, 0.38f, 0.70f};
    p.primary_hover = {0.12f, 0.45f, 0.80f};
    p.primary_active = {0.06f, 0.30f, 0.58f};
    p.on_primary = {1, 1, 1};
    p.button = {0.69f, 0.82f, 0.97f};  // ImGui's light button blue, as seen on the window
    p.error = {0.75f, 0.10f, 0.10f};
    p.ok = {0.10f, 0.50f, 0.22f};
    p.warning = {0.70f, 0.45f, 0.00f};
    p.info = {0.10f, 0.35f, 0.75f};
    p.on_status = {1, 1, 1};
    p.banner = {1.00f, 0.95f, 0.80f};
    // The guide overlay: a colour no control uses, so its frame cannot be mistaken.
    p.guide = {0.85f, 0.20f, 0.45f};
    p.guide_soft = {1.00f, 0.86f, 0.92f};
    return p;
}

Palette high_contrast_palette(const SystemColors& system) {
    const Palette light = light_palette();
    const Rgb bg = system.window;
    const Rgb text = system.window_text;
    const auto readable = [&](Rgb colour) { return readable_on(colour, bg, text); };
    Palette p;
    p.window_bg = bg;
    p.frame_bg = bg;
    p.border = text;
    p.text = text;
    p.muted = readable(system.gray_text);
    p.primary = readable(system.highlight);
    p.primary_hover = p.primary;
    p.primary_active = p.primary;
    p.on_primary = better_on(p.primary, system.highlight_text, better_on(p.primary, bg, text));
    p.button = system.button_face;
    // The statuses keep their hues (red, green, amber, blue), so that two of
    // them never look alike; their words say which is which anyway.
    p.error = readable(light.error);
    p.ok = readable(light.ok);
    p.warning = readable(light.warning);
    p.info = readable(light.info);
    p.on_status = bg;
    p.banner = bg;
    p.guide = readable(system.hot_light);
    p.guide_soft = bg;
    p.dark = luminance(bg) < luminance(text);
    p.high_contrast = true;
    return p;
}

float text_scale_from_percent(std::optional<std::int64_t> percent) {
    const std::int64_t value =
        std::clamp<std::int64_t>(percent.value_or(min_text_percent), min_text_percent, max_text_percent);
    return static_cast<float>(value) / 100.0f;
}

std::vector<RendererChoice> renderer_attempts(std::optional<RendererChoice> requested, bool remote_session) {
    using enum RendererChoice;
    if (!requested && remote_session) return {dx11, gl3, gl2};
    const std::vector<RendererChoice> order{gl3, gl2, dx11};
    const auto first = std::find(order.begin(), order.end(), requested.value_or(gl3));
    return {first, order.end()};
}

}  // namespace careplan::core
