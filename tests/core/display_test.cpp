#include <catch2/catch_test_macros.hpp>

#include "careplan/core/display.hpp"

using namespace careplan::core;

namespace {

Rgb hex(std::uint32_t rrggbb) {
    return {static_cast<float>((rrggbb >> 16) & 0xFF) / 255.0f,
            static_cast<float>((rrggbb >> 8) & 0xFF) / 255.0f, static_cast<float>(rrggbb & 0xFF) / 255.0f};
}

// Windows' own high contrast schemes (Settings > Contrast themes).
SystemColors high_contrast_black() {
    return {hex(0x000000), hex(0xFFFFFF), hex(0x1AEBFF), hex(0x000000),
            hex(0x000000), hex(0xFFFFFF), hex(0x3FF23F), hex(0xFFFF00)};
}
SystemColors high_contrast_white() {
    return {hex(0xFFFFFF), hex(0x000000), hex(0x37006E), hex(0xFFFFFF),
            hex(0xFFFFFF), hex(0x000000), hex(0x600000), hex(0x00009F)};
}
// Aquatic: a dark blue window; and a scheme whose grey text and highlight
// a user chose too close to the window colour.
SystemColors aquatic() {
    return {hex(0x202020), hex(0xFFFFFF), hex(0x8EE3F0), hex(0x263B50),
            hex(0x202020), hex(0xFFFFFF), hex(0xA6A6A6), hex(0x75E9FC)};
}
SystemColors careless() {
    return {hex(0x000000), hex(0xFFFFFF), hex(0x101010), hex(0x202020),
            hex(0x000000), hex(0xFFFFFF), hex(0x181818), hex(0x200000)};
}

float distance(Rgb a, Rgb b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

}  // namespace

TEST_CASE("a COLORREF from GetSysColor is 0x00BBGGRR") {
    CHECK(rgb_from_colorref(0x0000FF) == Rgb{1, 0, 0});
    CHECK(rgb_from_colorref(0x00FF00) == Rgb{0, 1, 0});
    CHECK(rgb_from_colorref(0xFF0000) == Rgb{0, 0, 1});
}

TEST_CASE("the contrast ratio is WCAG's") {
    CHECK(contrast_ratio(hex(0x000000), hex(0xFFFFFF)) > 20.9f);
    CHECK(contrast_ratio(hex(0x777777), hex(0x777777)) == 1.0f);
    CHECK(contrast_ratio(hex(0x767676), hex(0xFFFFFF)) > 4.5f);  // the classic threshold grey
    CHECK(contrast_ratio(hex(0x777777), hex(0xFFFFFF)) < 4.5f);
}

TEST_CASE("a high contrast scheme gives the window and text colours of the system") {
    const Palette black = high_contrast_palette(high_contrast_black());
    CHECK(black.window_bg == hex(0x000000));
    CHECK(black.text == hex(0xFFFFFF));
    CHECK(black.frame_bg == hex(0x000000));
    CHECK(black.border == hex(0xFFFFFF));
    CHECK(black.primary == hex(0x1AEBFF));
    CHECK(black.on_primary == hex(0x000000));
    CHECK(black.guide == hex(0xFFFF00));
    CHECK(black.dark);
    const Palette white = high_contrast_palette(high_contrast_white());
    CHECK(white.window_bg == hex(0xFFFFFF));
    CHECK(white.text == hex(0x000000));
    CHECK(white.primary == hex(0x37006E));
    CHECK(white.on_primary == hex(0xFFFFFF));
    CHECK_FALSE(white.dark);
}

TEST_CASE("under every scheme each text colour reads and the statuses stay apart") {
    for (const SystemColors& scheme : {high_contrast_black(), high_contrast_white(), aquatic(), careless()}) {
        const Palette p = high_contrast_palette(scheme);
        const Rgb texts[] = {p.text, p.muted, p.primary, p.error, p.ok, p.warning, p.info, p.guide};
        for (const Rgb& text : texts) CHECK(contrast_ratio(text, p.window_bg) >= 4.5f);
        CHECK(contrast_ratio(p.on_primary, p.primary) >= 4.5f);
        const Rgb statuses[] = {p.error, p.ok, p.warning, p.info};
        for (const Rgb& status : statuses) CHECK(contrast_ratio(p.on_status, status) >= 4.5f);
        for (std::size_t i = 0; i < 4; ++i)
            for (std::size_t j = i + 1; j < 4; ++j) CHECK(distance(statuses[i], statuses[j]) > 0.3f);
    }
}

TEST_CASE("grey text too faint in the scheme is made readable, not dropped") {
    const Palette p = high_contrast_palette(careless());
    CHECK(p.muted != careless().gray_text);
    CHECK(contrast_ratio(p.muted, p.window_bg) >= 4.5f);
    CHECK(p.on_primary != careless().highlight_text);  // too close to its button
}

TEST_CASE("the light look keeps its tuned colours") {
    const Palette p = light_palette();
    CHECK_FALSE(p.dark);
    for (const Rgb& text : {p.text, p.muted, p.primary, p.error, p.ok, p.info})
        CHECK(contrast_ratio(text, p.window_bg) >= 4.5f);
}

TEST_CASE("Make text bigger: 100..225 percent, bad values clamped") {
    CHECK(text_scale_from_percent(std::nullopt) == 1.0f);
    CHECK(text_scale_from_percent(100) == 1.0f);
    CHECK(text_scale_from_percent(150) == 1.5f);
    CHECK(text_scale_from_percent(225) == 2.25f);
    CHECK(text_scale_from_percent(0) == 1.0f);
    CHECK(text_scale_from_percent(-5) == 1.0f);
    CHECK(text_scale_from_percent(226) == 2.25f);
    CHECK(text_scale_from_percent(0xFFFFFFFF) == 2.25f);
}

TEST_CASE("the renderers to try: a request first, dx11 first on a remote desktop") {
    using enum RendererChoice;
    using Order = std::vector<RendererChoice>;
    CHECK(renderer_attempts(std::nullopt, false) == Order{gl3, gl2, dx11});
    CHECK(renderer_attempts(std::nullopt, true) == Order{dx11, gl3, gl2});
    CHECK(renderer_attempts(gl3, true) == Order{gl3, gl2, dx11});
    CHECK(renderer_attempts(gl2, false) == Order{gl2, dx11});
    CHECK(renderer_attempts(gl2, true) == Order{gl2, dx11});
    CHECK(renderer_attempts(dx11, false) == Order{dx11});
}
