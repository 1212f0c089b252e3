#include "careplan/assets.hpp"

#include <zlib.h>

namespace careplan::assets {
namespace {

// cmake/embed_asset.py stores raw DEFLATE (no zlib header, hence windowBits
// -15). Anything but a stream that ends exactly at `size` bytes is damaged.
std::optional<std::vector<std::uint8_t>> inflate_raw(std::span<const std::uint8_t> packed, std::size_t size) {
    z_stream stream{};
    if (inflateInit2(&stream, -15) != Z_OK) return std::nullopt;
    std::vector<std::uint8_t> data(size);
    stream.next_in = packed.data();
    stream.avail_in = static_cast<uInt>(packed.size());
    stream.next_out = data.data();
    stream.avail_out = static_cast<uInt>(data.size());
    const int rc = inflate(&stream, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && stream.avail_out == 0;
    inflateEnd(&stream);
    if (!whole) return std::nullopt;
    return data;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> unpack(const Asset& asset) {
    if (!asset.deflated) return std::vector<std::uint8_t>(asset.bytes.begin(), asset.bytes.end());
    return inflate_raw(asset.bytes, asset.size);
}

}  // namespace careplan::assets
