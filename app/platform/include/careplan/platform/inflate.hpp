#pragma once
// Decoder for raw DEFLATE streams (RFC 1951). The build compresses the
// embedded font with zlib's deflate; this small decoder unpacks it at start-up
// so that the executable stays one file without pulling in zlib.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace careplan::platform {

// Returns the decoded bytes, or nothing when the stream is malformed or its
// output would exceed `max_output` bytes.
std::optional<std::vector<std::uint8_t>> inflate_raw(std::span<const std::uint8_t> input,
                                                     std::size_t max_output);

}  // namespace careplan::platform
