#include "careplan/assets.hpp"

#include "careplan/platform/inflate.hpp"

namespace careplan::assets {

std::optional<std::vector<std::uint8_t>> unpack(const Asset& asset) {
  if (!asset.deflated) return std::vector<std::uint8_t>(asset.bytes.begin(), asset.bytes.end());
  auto data = platform::inflate_raw(asset.bytes, asset.size);
  if (!data || data->size() != asset.size) return std::nullopt;
  return data;
}

}  // namespace careplan::assets
