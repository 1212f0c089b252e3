#include "utf8.hpp"

#include "careplan/core/input.hpp"

namespace careplan::core::utf8 {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

Step decode(std::string_view text, std::size_t offset) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;  // smallest code point of that length (no overlongs)
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code_point = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code_point = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code_point = lead & 0x07, minimum = 0x10000;
    } else {
        return {};
    }
    if (offset + length > text.size()) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[offset + i]);
        if (!is_continuation(byte)) return {};
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (code_point < minimum || surrogate || code_point > 0x10FFFF) return {};
    return {code_point, length, true};
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u32string decode_all(std::string_view text) {
    std::u32string out;
    for_each(text, [&](const Step& step, std::string_view bytes) {
        out += step.valid ? step.code_point : raw_byte_base + static_cast<unsigned char>(bytes[0]);
    });
    return out;
}

std::string encode_all(std::u32string_view code_points) {
    std::string out;
    for (char32_t cp : code_points) {
        if (cp >= raw_byte_base) {
            out += static_cast<char>(cp - raw_byte_base);
        } else {
            append(out, cp);
        }
    }
    return out;
}

}  // namespace careplan::core::utf8

namespace careplan::core {

bool is_valid_utf8(std::string_view text) {
    bool valid = true;
    utf8::for_each(text, [&](const utf8::Step& step, std::string_view) { valid = valid && step.valid; });
    return valid;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    utf8::for_each(text, [&](const utf8::Step&, std::string_view) { ++count; });
    return count;
}

}  // namespace careplan::core
