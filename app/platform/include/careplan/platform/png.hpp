#pragma once
// A minimal PNG writer for screenshots (--screenshot, UI scripts, bug reports).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace careplan::platform {

// Encodes 8-bit RGB pixels, top row first, as a PNG file image, compressed by
// zlib: screenshots go into bug reports and the help desk's walkthrough.
std::vector<std::uint8_t> encode_png_rgb(int width, int height, std::span<const std::uint8_t> rgb);

// Writes the PNG to a UTF-8 path; false when the file cannot be written.
bool write_png_rgb(const std::string& path, int width, int height, std::span<const std::uint8_t> rgb);

}  // namespace careplan::platform
