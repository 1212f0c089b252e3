#include <catch2/catch_test_macros.hpp>

#include "careplan/core/strings.hpp"

using namespace careplan::core;

TEST_CASE("string helpers: trim, case, loopback, UTF-16", "[strings]") {
    CHECK(trim("  \t KJ00000001 \r\n") == "KJ00000001");
    CHECK(trim(" \t ").empty());
    CHECK(iequals("Bearer", "bEARER"));
    CHECK_FALSE(iequals("Bearer", "Bearer "));
    CHECK(starts_with_ignoring_case("Ver1.1.2", "ver"));
    CHECK(to_lower_ascii("HTTP://Example.JP") == "http://example.jp");
    for (std::string_view host : {"localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "::1", "[::1]"}) {
        INFO(host);
        CHECK(is_loopback_host(host));
    }
    for (std::string_view host : {"128.0.0.1", "example.jp", "[::2]", "10.0.0.1", ""}) {
        INFO(host);
        CHECK_FALSE(is_loopback_host(host));
    }
    const std::string name = "髙橋 﨑子 😀";
    const std::u16string wide = utf8_to_utf16(name);
    CHECK(wide.size() == 8);  // the emoji is a surrogate pair
    CHECK(utf16_to_utf8(wide) == name);
    CHECK(utf16_to_utf8(std::u16string{0xD800, u'A'}) ==
          "\xEF\xBF\xBD"
          "A");  // lone surrogate
    CHECK(utf8_to_utf16("\xFF") == std::u16string{0xFFFD});
}

TEST_CASE("wide strings for the Windows API round-trip", "[strings]") {
    const std::string name = "ケアプランデータ連携 😀";
    CHECK(from_wide(to_wide(name)) == name);
    CHECK(to_wide("KJ") == L"KJ");
}
