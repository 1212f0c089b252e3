#include "careplan/core/strings.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace careplan::core {

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

namespace {

constexpr char32_t replacement_character = 0xFFFD;

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

char to_lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return to_lower_ascii(c); });
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return to_lower_ascii(x) == to_lower_ascii(y); });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool is_loopback_host(std::string_view host) {
    return iequals(host, "localhost") || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

std::u16string utf8_to_utf16(std::string_view text) {
    std::u16string out;
    out.reserve(text.size());
    utf8::for_each(text, [&](const utf8::Step& step, std::string_view) {
        const char32_t cp = step.valid ? step.code_point : replacement_character;
        if (cp < 0x10000) {
            out.push_back(static_cast<char16_t>(cp));
        } else {
            out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        }
    });
    return out;
}

std::string utf16_to_utf8(std::u16string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t unit = text[i];
        const bool high = unit >= 0xD800 && unit <= 0xDBFF;
        const bool low_follows = i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF;
        if (high && low_follows) {
            utf8::append(out, 0x10000 + ((unit - 0xD800) << 10) + (text[++i] - 0xDC00));
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            utf8::append(out, replacement_character);
        } else {
            utf8::append(out, unit);
        }
    }
    return out;
}

std::wstring to_wide(std::string_view text) {
    static_assert(sizeof(wchar_t) == sizeof(char16_t) || sizeof(wchar_t) == sizeof(char32_t));
    if constexpr (sizeof(wchar_t) == sizeof(char16_t)) {
        const std::u16string utf16 = utf8_to_utf16(text);
        return {utf16.begin(), utf16.end()};
    } else {
        std::wstring out;
        utf8::for_each(text, [&](const utf8::Step& step, std::string_view) {
            out.push_back(static_cast<wchar_t>(step.valid ? step.code_point : replacement_character));
        });
        return out;
    }
}

std::string from_wide(std::wstring_view text) {
    if constexpr (sizeof(wchar_t) == sizeof(char16_t)) {
        return utf16_to_utf8(std::u16string(text.begin(), text.end()));
    } else {
        std::string out;
        for (wchar_t unit : text) utf8::append(out, static_cast<char32_t>(unit));
        return out;
    }
}

}  // namespace careplan::core
