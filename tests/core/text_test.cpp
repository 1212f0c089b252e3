#include <catch2/catch_test_macros.hpp>

#include <string>

#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/input.hpp"

using namespace careplan;
using namespace careplan::core;

namespace {

// The facts assets/texts/README.md lists, each defined once in app/core.
constexpr std::string_view fact_names[] = {"phone",
                                           "opens",
                                           "closes",
                                           "year_end_first",
                                           "year_end_last",
                                           "renewal_window_days",
                                           "mail_days_min",
                                           "mail_days_max",
                                           "latest_client_version",
                                           "client_released_on",
                                           "client_released_on_era",
                                           "windows10_end",
                                           "contact"};

}  // namespace

TEST_CASE("tr fills the caller's values, then the facts", "[text]") {
    CHECK(tr(texts::date::month_day, {{"month", 12}, {"day", 29}}) == "12月29日");
    CHECK(tr(texts::helpdesk::hours) ==
          "受付時間 9:00～17:00（土日・祝日・年末年始 12月29日～1月3日 を除く）");
    CHECK(tr(texts::error::renewal_not_open).find("60日前") != std::string::npos);
    // A caller's value wins over a fact of the same name.
    CHECK(tr(texts::helpdesk::open_now, {{"closes", "16:00"}}).find("本日16:00まで") != std::string::npos);
}

TEST_CASE("a parameter nobody fills stays visible as written", "[text]") {
    CHECK(tr(texts::flow::saved) == "保存しました: {path}");
}

TEST_CASE("every fact has a value", "[text]") {
    for (std::string_view name : fact_names) {
        INFO(name);
        CHECK_FALSE(fact_text(name).empty());
    }
    CHECK(fact_text("phone") == "0120-584-708");
    CHECK(fact_text("client_released_on_era") == "令和6年2月28日(水)");
    CHECK(fact_text("windows10_end") == "2025年10月14日(火)");
    CHECK(fact_text("no_such_fact").empty());
}

TEST_CASE("the catalogue is sorted, valid UTF-8 and names no fact by its value", "[text]") {
    const auto entries = detail::catalogue();
    REQUIRE(entries.size() > 30);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& [key, source] = entries[i];
        INFO(key);
        if (i > 0) CHECK(entries[i - 1].key < key);
        CHECK_FALSE(source.empty());
        CHECK(is_valid_utf8(source));
        // A fact is written as {name}; its value written out would go stale.
        for (std::string_view fact : {"phone", "closes", "year_end_first", "latest_client_version",
                                      "client_released_on", "client_released_on_era", "windows10_end"}) {
            CHECK(source.find(fact_text(fact)) == std::string_view::npos);
        }
        CHECK(source.find(fact_text("renewal_window_days") + "日") == std::string_view::npos);
    }
}

TEST_CASE("a key names its own entry", "[text]") {
    CHECK(text_name(texts::screen::login) == "screen.login");
    CHECK(text_source(texts::screen::login) == "ログイン");
}
