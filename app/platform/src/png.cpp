#include "careplan/platform/png.hpp"

#include <zlib.h>

#include <fstream>
#include <new>

#include "careplan/platform/paths.hpp"

namespace careplan::platform {
namespace {

void put_u32_be(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_chunk(std::vector<std::uint8_t>& out, const char (&type)[5], std::span<const std::uint8_t> payload) {
    put_u32_be(out, static_cast<std::uint32_t>(payload.size()));
    const std::size_t type_at = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), payload.begin(), payload.end());
    const auto crc_input = std::span(out).subspan(type_at);
    put_u32_be(out,
               static_cast<std::uint32_t>(crc32(0, crc_input.data(), static_cast<uInt>(crc_input.size()))));
}

// The zlib stream (header, DEFLATE data, Adler-32) that IDAT carries.
std::vector<std::uint8_t> zlib_compress(std::span<const std::uint8_t> raw) {
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::vector<std::uint8_t> z(size);
    // With a buffer of compressBound bytes, running out of memory is the only failure.
    if (compress2(z.data(), &size, raw.data(), static_cast<uLong>(raw.size()), Z_DEFAULT_COMPRESSION) != Z_OK)
        throw std::bad_alloc();
    z.resize(size);
    return z;
}

}  // namespace

std::vector<std::uint8_t> encode_png_rgb(int width, int height, std::span<const std::uint8_t> rgb) {
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> raw;
    raw.reserve((stride + 1) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);  // filter type: none
        auto row = rgb.subspan(static_cast<std::size_t>(y) * stride, stride);
        raw.insert(raw.end(), row.begin(), row.end());
    }
    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    put_u32_be(ihdr, static_cast<std::uint32_t>(width));
    put_u32_be(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8-bit, truecolour, deflate, no filter, no interlace
    put_chunk(png, "IHDR", ihdr);
    put_chunk(png, "IDAT", zlib_compress(raw));
    put_chunk(png, "IEND", {});
    return png;
}

bool write_png_rgb(const std::string& path, int width, int height, std::span<const std::uint8_t> rgb) {
    if (width <= 0 || height <= 0 || rgb.size() < static_cast<std::size_t>(width) * height * 3) return false;
    const auto png = encode_png_rgb(width, height, rgb);
    std::ofstream file(path_from_utf8(path), std::ios::binary);
    file.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    return static_cast<bool>(file);
}

}  // namespace careplan::platform
