#pragma once
// The fuzz targets' check: a broken invariant aborts, which libFuzzer reports
// as a crash and keeps the input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace careplan::fuzz {

inline void expect(bool condition) {
    if (!condition) std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace careplan::fuzz
