#pragma once
// Small string helpers every module needs, written once: ASCII trimming and
// case folding (protocol words, settings, scripts), the loopback test for
// host names, and UTF-8 <-> UTF-16 for the Windows API.
#include <string>
#include <string_view>

namespace careplan::core {

// Space, tab, CR, LF, vertical tab or form feed.
bool is_ascii_space(char c);

// `text` without leading and trailing ASCII white space (is_ascii_space).
std::string_view trim(std::string_view text);

char to_lower_ascii(char c);
std::string to_lower_ascii(std::string_view text);

// Equal when ASCII letters are compared without case ("Bearer" == "bearer").
bool iequals(std::string_view a, std::string_view b);
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

// localhost, any 127.0.0.0/8 address, ::1 and [::1] (any case): a host that
// never leaves the PC.
bool is_loopback_host(std::string_view host);

// Invalid UTF-8 bytes become U+FFFD; unpaired surrogates likewise.
std::u16string utf8_to_utf16(std::string_view text);
std::string utf16_to_utf8(std::u16string_view text);

// The same for the Windows API's wchar_t strings (UTF-16 there).
std::wstring to_wide(std::string_view text);
std::string from_wide(std::wstring_view text);

}  // namespace careplan::core
