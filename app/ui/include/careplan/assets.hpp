#pragma once
// Files compiled into the executable by the asset build step
// (cmake/embed_asset.py): the client stays one portable file.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace careplan::assets {

struct Asset {
    std::span<const std::uint8_t> bytes;  // as stored (maybe DEFLATE-compressed)
    bool deflated = false;
    std::size_t size = 0;  // original size
};

// The bytes as they were before the build compressed them; nothing if the
// embedded data is damaged.
std::optional<std::vector<std::uint8_t>> unpack(const Asset& asset);

Asset font_ipaexg();          // IPAexGothic (fonts-ipaexfont-gothic)
Asset font_ipaexg_license();  // its license (IPA Font License), shipped with it
Asset inih_license();         // inih's BSD license, whose notice binaries must carry

}  // namespace careplan::assets
