// The assets compiled into the client: the font is stored as it is (read in
// place), the license texts compressed, and both must come back byte-exact.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "careplan/assets.hpp"

TEST_CASE("the embedded font is a whole TrueType file, stored uncompressed to be read in place") {
    const auto asset = careplan::assets::font_ipaexg();
    CHECK_FALSE(asset.deflated);
    REQUIRE(asset.bytes.size() == asset.size);
    CHECK(asset.size > 1'000'000);
    CHECK(std::vector<std::uint8_t>(asset.bytes.begin(), asset.bytes.begin() + 4) ==
          std::vector<std::uint8_t>{0x00, 0x01, 0x00, 0x00});  // sfnt version 1.0
}

TEST_CASE("the font's license is shipped with it") {
    auto text = careplan::assets::unpack(careplan::assets::font_ipaexg_license());
    REQUIRE(text);
    const std::string license(text->begin(), text->end());
    CHECK(license.find("IPA Font License Agreement v1.0") != std::string::npos);
}

TEST_CASE("a damaged embedded stream is reported, not crashed on") {
    auto asset = careplan::assets::font_ipaexg_license();
    asset.bytes = asset.bytes.first(asset.bytes.size() / 2);
    CHECK_FALSE(careplan::assets::unpack(asset));
}

TEST_CASE("an embedded stream that unpacks to more than its recorded size is refused") {
    auto asset = careplan::assets::font_ipaexg_license();
    asset.size -= 1;
    CHECK_FALSE(careplan::assets::unpack(asset));
}
