// The assets compiled into the client: the font must come back byte-exact.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "careplan/assets.hpp"

TEST_CASE("the embedded font unpacks to a TrueType file of its original size") {
    const auto asset = careplan::assets::font_ipaexg();
    CHECK(asset.deflated);
    CHECK(asset.bytes.size() < asset.size);  // stored compressed
    auto ttf = careplan::assets::unpack(asset);
    REQUIRE(ttf);
    CHECK(ttf->size() == asset.size);
    CHECK(ttf->size() > 1'000'000);
    CHECK(std::vector<std::uint8_t>(ttf->begin(), ttf->begin() + 4) ==
          std::vector<std::uint8_t>{0x00, 0x01, 0x00, 0x00});  // sfnt version 1.0
}

TEST_CASE("the font's license is shipped with it") {
    auto text = careplan::assets::unpack(careplan::assets::font_ipaexg_license());
    REQUIRE(text);
    const std::string license(text->begin(), text->end());
    CHECK(license.find("IPA Font License Agreement v1.0") != std::string::npos);
}

TEST_CASE("a damaged embedded stream is reported, not crashed on") {
    auto asset = careplan::assets::font_ipaexg();
    asset.bytes = asset.bytes.first(asset.bytes.size() / 2);
    CHECK_FALSE(careplan::assets::unpack(asset));
}

TEST_CASE("an embedded stream that unpacks to more than its recorded size is refused") {
    auto asset = careplan::assets::font_ipaexg();
    asset.size -= 1;
    CHECK_FALSE(careplan::assets::unpack(asset));
}
