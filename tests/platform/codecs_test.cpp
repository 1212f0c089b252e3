// The small codecs that keep the client one file: DEFLATE in, PNG out.
#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "careplan/platform/inflate.hpp"
#include "careplan/platform/png.hpp"

using careplan::platform::encode_png_rgb;
using careplan::platform::inflate_raw;

namespace {
std::string as_string(const std::vector<std::uint8_t>& v) { return {v.begin(), v.end()}; }

std::uint32_t be32(const std::vector<std::uint8_t>& v, std::size_t at) {
  return (std::uint32_t{v[at]} << 24) | (std::uint32_t{v[at + 1]} << 16) |
         (std::uint32_t{v[at + 2]} << 8) | v[at + 3];
}
}  // namespace

TEST_CASE("inflate decodes a fixed-Huffman stream with back-references") {
  // zlib (Z_FIXED) of "hello hello hello hello".
  const std::vector<std::uint8_t> packed{0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x27, 0x01};
  auto out = inflate_raw(packed, 1024);
  REQUIRE(out);
  CHECK(as_string(*out) == "hello hello hello hello");
}

TEST_CASE("inflate decodes UTF-8 text repeated by long matches") {
  // zlib -9 of "ケアプランデータ連携" repeated 20 times (600 bytes).
  const std::vector<std::uint8_t> packed{
      0x7b, 0xdc, 0xb4, 0xf1, 0x71, 0xd3, 0xa2, 0xc7, 0xcd, 0xd3, 0x1f, 0x37, 0xaf, 0x7c,
      0xdc, 0xbc, 0xf9, 0x71, 0x73, 0xfb, 0xe3, 0xe6, 0x3d, 0x8f, 0x9b, 0xf6, 0xbf, 0x6c,
      0x58, 0xfc, 0x6c, 0xc2, 0xae, 0xc7, 0xa3, 0xb2, 0xa3, 0xb2, 0x64, 0xc9, 0x02, 0x00};
  std::string expected;
  for (int i = 0; i < 20; ++i) expected += "ケアプランデータ連携";
  auto out = inflate_raw(packed, 4096);
  REQUIRE(out);
  CHECK(as_string(*out) == expected);
}

TEST_CASE("inflate refuses damaged or oversized streams without crashing") {
  const std::vector<std::uint8_t> packed{0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x27, 0x01};
  SECTION("truncated") {
    CHECK_FALSE(inflate_raw(std::span(packed).first(5), 1024));
  }
  SECTION("output over the limit") { CHECK_FALSE(inflate_raw(packed, 10)); }
  SECTION("reserved block type 3") {
    const std::vector<std::uint8_t> bad{0x07, 0x00};
    CHECK_FALSE(inflate_raw(bad, 1024));
  }
  SECTION("arbitrary bytes") {
    std::vector<std::uint8_t> noise(512);
    std::uint32_t x = 12345;
    for (auto& b : noise) b = static_cast<std::uint8_t>((x = x * 1103515245u + 12345u) >> 16);
    for (std::size_t n = 0; n <= noise.size(); n += 7)
      (void)inflate_raw(std::span(noise).first(n), 1 << 16);  // must return, not crash
    SUCCEED();
  }
}

TEST_CASE("PNG: signature, header and pixels survive a round trip through inflate") {
  const int w = 3, h = 2;
  const std::vector<std::uint8_t> rgb{255, 0, 0, 0, 255, 0, 0, 0, 255,
                                      10, 20, 30, 40, 50, 60, 70, 80, 90};
  const auto png = encode_png_rgb(w, h, rgb);
  REQUIRE(png.size() > 8 + 25 + 12);
  CHECK(std::vector<std::uint8_t>(png.begin(), png.begin() + 8) ==
        std::vector<std::uint8_t>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
  CHECK(std::string(png.begin() + 12, png.begin() + 16) == "IHDR");
  CHECK(be32(png, 16) == w);
  CHECK(be32(png, 20) == h);
  // IDAT follows IHDR (8 signature + 25 IHDR); its zlib stream holds each row
  // behind a filter byte 0.
  const std::size_t idat = 8 + 25;
  CHECK(std::string(png.begin() + idat + 4, png.begin() + idat + 8) == "IDAT");
  const std::uint32_t len = be32(png, idat);
  std::span<const std::uint8_t> zlib(png.data() + idat + 8, len);
  auto raw = inflate_raw(zlib.subspan(2, zlib.size() - 6), 1024);  // skip zlib header/Adler-32
  REQUIRE(raw);
  std::vector<std::uint8_t> expected{0};
  expected.insert(expected.end(), rgb.begin(), rgb.begin() + 9);
  expected.push_back(0);
  expected.insert(expected.end(), rgb.begin() + 9, rgb.end());
  CHECK(*raw == expected);
  CHECK(std::string(png.end() - 8, png.end() - 4) == "IEND");
}
