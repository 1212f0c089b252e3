// The embedded font covers what care-office staff type: kana, common and
// rarer name kanji, full-width forms. ImGui 1.92 rasterises them on first use.
#include <catch2/catch_test_macros.hpp>

#include <imgui.h>

#include "fonts.hpp"

namespace {

struct ImGuiContextGuard {
    ImGuiContextGuard() { ImGui::CreateContext(); }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("the embedded font has the glyphs of Japanese names and forms") {
    ImGuiContextGuard context;
    REQUIRE(careplan::ui::load_fonts());
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    // ア, ん, 介 (common), 髙 and 﨑 (the rarer name kanji of 髙橋, 山﨑), ｶ (half-width), Ａ (full-width),
    // ～ and 〒.
    for (ImWchar c : {0x30A2, 0x3093, 0x4ECB, 0x9AD9, 0xFA11, 0xFF76, 0xFF21, 0xFF5E, 0x3012})
        CHECK(font->IsGlyphInFont(c));
    CHECK_FALSE(font->IsGlyphInFont(0xE000));  // a private-use code point: really absent
}
