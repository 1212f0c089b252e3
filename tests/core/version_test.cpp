#include <catch2/catch_test_macros.hpp>

#include "careplan/core/version.hpp"

using namespace careplan::core;

TEST_CASE("compare_versions is numeric per component", "[version]") {
    CHECK(compare_versions("1.1.2", "1.1.10") < 0);
    CHECK(compare_versions("1.1.10", "1.1.2") > 0);
    CHECK(compare_versions("1.1.2", "1.1.2") == 0);
    CHECK(compare_versions("ver1.1.2", "1.1.2") == 0);
    CHECK(compare_versions("v1.1.2", "Ver 1.1.2") == 0);
    CHECK(compare_versions("VER1.1.1", "v1.1.2") < 0);
    CHECK(compare_versions("1.1", "1.1.0") == 0);
    CHECK(compare_versions("1.2", "1.1.9") > 0);
    CHECK(compare_versions("2", "1.99.99") > 0);
}

TEST_CASE("compare_versions orders unparsable versions first", "[version]") {
    CHECK(compare_versions("", "0.0.1") < 0);
    CHECK(compare_versions("1.1.2", "abc") > 0);
    CHECK(compare_versions("1..2", "1.2") < 0);
    CHECK(compare_versions("x", "y") == 0);
    CHECK_FALSE(parse_version("1.1.2-beta").has_value());
    CHECK_FALSE(parse_version("1.-1").has_value());
    CHECK_FALSE(parse_version("99999999999999").has_value());
    CHECK(parse_version(" ver1.10.3 ") == std::vector<int>{1, 10, 3});
}

TEST_CASE("the latest client is ver1.1.2 of 2024-02-28", "[version]") {
    CHECK(latest_client_version == "1.1.2");
    CHECK(format_iso(latest_client_released_on) == "2024-02-28");
    CHECK(client_update_needed("ver1.1.1"));
    CHECK(client_update_needed("1.0.9"));
    CHECK_FALSE(client_update_needed("ver1.1.2"));
    CHECK_FALSE(client_update_needed("1.1.10"));
    CHECK(client_update_needed("unknown"));
}
