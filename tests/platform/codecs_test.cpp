// The PNG writer of screenshots, read back with zlib's own inflate.
#include <catch2/catch_test_macros.hpp>

#include <zlib.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "careplan/platform/png.hpp"

using careplan::platform::encode_png_rgb;

namespace {
// The bytes of a zlib stream (header, DEFLATE data, Adler-32 checked), or
// nothing when it is damaged or holds more than max_output bytes.
std::optional<std::vector<std::uint8_t>> inflate_zlib(std::span<const std::uint8_t> stream,
                                                      std::size_t max_output) {
    std::vector<std::uint8_t> out(max_output);
    uLongf size = static_cast<uLongf>(out.size());
    if (uncompress(out.data(), &size, stream.data(), static_cast<uLong>(stream.size())) != Z_OK)
        return std::nullopt;
    out.resize(size);
    return out;
}

std::uint32_t be32(const std::vector<std::uint8_t>& v, std::size_t at) {
    return (std::uint32_t{v[at]} << 24) | (std::uint32_t{v[at + 1]} << 16) | (std::uint32_t{v[at + 2]} << 8) |
           v[at + 3];
}
}  // namespace

TEST_CASE("PNG: signature, header and pixels survive a round trip through inflate") {
    const int w = 3, h = 2;
    const std::vector<std::uint8_t> rgb{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90};
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
    auto raw = inflate_zlib(zlib, 1024);
    REQUIRE(raw);
    std::vector<std::uint8_t> expected{0};
    expected.insert(expected.end(), rgb.begin(), rgb.begin() + 9);
    expected.push_back(0);
    expected.insert(expected.end(), rgb.begin() + 9, rgb.end());
    CHECK(*raw == expected);
    CHECK(std::string(png.end() - 8, png.end() - 4) == "IEND");
    CHECK(be32(png, png.size() - 4) == 0xAE426082);  // the CRC-32 every IEND chunk carries
}

TEST_CASE("PNG: a screenshot's flat areas are compressed, not stored") {
    const int w = 256, h = 256;
    std::vector<std::uint8_t> rgb(std::size_t{w} * h * 3, 0xF0);      // a light window background
    for (std::size_t i = 0; i < rgb.size(); i += 997) rgb[i] = 0x20;  // with a little "text"
    const auto png = encode_png_rgb(w, h, rgb);
    CHECK(png.size() < rgb.size() / 20);
}
