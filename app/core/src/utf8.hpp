#pragma once
// Private UTF-8 helpers of careplan_core (not installed).

#include <cstddef>
#include <string>
#include <string_view>

namespace careplan::core::utf8 {

// One decoded step: a code point and the bytes it took, or an invalid byte
// (valid == false, length 1) for malformed, overlong, surrogate or
// out-of-range sequences.
struct Step {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = false;
};

Step decode(std::string_view text, std::size_t offset);

void append(std::string& out, char32_t code_point);

// Calls visit(step, bytes) for every step of `text`.
template <typename Visit>
void for_each(std::string_view text, Visit visit) {
    for (std::size_t offset = 0; offset < text.size();) {
        const Step step = decode(text, offset);
        visit(step, text.substr(offset, step.length));
        offset += step.length;
    }
}

// Text as code points, where an invalid byte b is kept as raw_byte_base + b
// (outside Unicode), so that normalisers can work on code points and still
// give invalid bytes back unchanged.
inline constexpr char32_t raw_byte_base = 0x110000;
std::u32string decode_all(std::string_view text);
std::string encode_all(std::u32string_view code_points);

}  // namespace careplan::core::utf8
