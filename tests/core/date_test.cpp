#include <catch2/catch_test_macros.hpp>

#include "careplan/core/date.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::jst;
using careplan::core::test::ymd;

TEST_CASE("parse_iso_date accepts only real dates in strict YYYY-MM-DD", "[date]") {
    CHECK(parse_iso_date("2027-01-08") == ymd(2027, 1, 8));
    CHECK(parse_iso_date("2028-02-29") == ymd(2028, 2, 29));
    CHECK(parse_iso_date("2000-02-29") == ymd(2000, 2, 29));
    for (const char* bad :
         {"2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-01-32", "2027-1-8", "2027/01/08",
          " 2027-01-08", "2027-01-08 ", "２０２７-01-08", "", "abcd-ef-gh", "2027-01-0a", "+027-01-08"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
}

TEST_CASE("format_iso pads and round-trips", "[date]") {
    CHECK(format_iso(ymd(2027, 1, 8)) == "2027-01-08");
    CHECK(format_iso(ymd(987, 12, 31)) == "0987-12-31");
    for (int offset = -400; offset <= 400; offset += 7) {
        const Date date = add_days(ymd(2028, 2, 29), offset);
        CHECK(parse_iso_date(format_iso(date)) == date);
    }
}

TEST_CASE("format_japanese gives the manual's style with the weekday", "[date]") {
    CHECK(format_japanese(ymd(2027, 1, 8)) == "2027年1月8日(金)");
    CHECK(format_japanese(ymd(2024, 2, 28)) == "2024年2月28日(水)");  // ver1.1.2 release (令和6年2月28日(水))
    CHECK(format_japanese(ymd(2026, 11, 29)) == "2026年11月29日(日)");
    CHECK(weekday_japanese(ymd(2027, 1, 9)) == "土");
}

TEST_CASE("format_wareki switches eras on their first day and says 元年", "[date]") {
    CHECK(format_wareki(ymd(2027, 1, 8)) == "令和9年1月8日");
    CHECK(format_wareki(ymd(2024, 2, 28)) == "令和6年2月28日");
    CHECK(format_wareki(ymd(2019, 5, 1)) == "令和元年5月1日");
    CHECK(format_wareki(ymd(2019, 4, 30)) == "平成31年4月30日");
    CHECK(format_wareki(ymd(1989, 1, 8)) == "平成元年1月8日");
    CHECK(format_wareki(ymd(1989, 1, 7)) == "昭和64年1月7日");
    CHECK(format_wareki(ymd(1926, 12, 25)) == "昭和元年12月25日");
    CHECK(format_wareki(ymd(1926, 12, 24)) == "大正15年12月24日");
    CHECK(format_wareki(ymd(1912, 7, 30)) == "大正元年7月30日");
    CHECK(format_wareki(ymd(1873, 1, 1)) == "明治6年1月1日");
    CHECK(format_wareki(ymd(1872, 12, 31)) == "1872年12月31日");
}

TEST_CASE("jst_date turns over at 15:00 UTC", "[date]") {
    using namespace std::chrono;
    const auto utc_midnight = sys_days{ymd(2027, 1, 8)};
    CHECK(jst_date(utc_midnight) == ymd(2027, 1, 8));
    CHECK(jst_date(utc_midnight + hours{14} + minutes{59} + seconds{59}) == ymd(2027, 1, 8));
    CHECK(jst_date(utc_midnight + hours{15}) == ymd(2027, 1, 9));
    CHECK(jst_date(utc_midnight - hours{9}) == ymd(2027, 1, 8));
    CHECK(jst_date(utc_midnight - hours{9} - seconds{1}) == ymd(2027, 1, 7));
    // New Year's Eve in UTC is already New Year in Japan.
    CHECK(jst_date(sys_days{ymd(2026, 12, 31)} + hours{16}) == ymd(2027, 1, 1));
}

TEST_CASE("jst_date_time and jst_instant are inverse", "[date]") {
    using namespace std::chrono;
    const auto instant = sys_days{ymd(2027, 1, 8)} + hours{3} + minutes{4} + seconds{5};
    const JstDateTime local = jst_date_time(instant);
    CHECK(local == JstDateTime{ymd(2027, 1, 8), 12, 4, 5});
    CHECK(jst_instant(ymd(2027, 1, 8), 12, 4) == instant - seconds{5});
}

TEST_CASE("days_between and add_days across month, year and leap day", "[date]") {
    CHECK(days_between(ymd(2027, 1, 8), ymd(2027, 1, 8)) == 0);
    CHECK(days_between(ymd(2027, 1, 8), ymd(2027, 3, 9)) == 60);
    CHECK(days_between(ymd(2027, 3, 9), ymd(2027, 1, 8)) == -60);
    CHECK(days_between(ymd(2028, 2, 28), ymd(2028, 3, 1)) == 2);
    CHECK(days_between(ymd(2027, 2, 28), ymd(2027, 3, 1)) == 1);
    CHECK(add_days(ymd(2026, 12, 31), 1) == ymd(2027, 1, 1));
    CHECK(add_days(ymd(2028, 3, 1), -1) == ymd(2028, 2, 29));
    CHECK(add_days(ymd(2027, 3, 9), -60) == ymd(2027, 1, 8));
}

TEST_CASE("one_year_period_end is one year minus one day, leap days included", "[date]") {
    CHECK(one_year_period_end(ymd(2027, 1, 8)) == ymd(2028, 1, 7));
    CHECK(one_year_period_end(ymd(2027, 1, 1)) == ymd(2027, 12, 31));
    CHECK(one_year_period_end(ymd(2028, 2, 29)) == ymd(2029, 2, 28));
    CHECK(one_year_period_end(ymd(2027, 3, 1)) == ymd(2028, 2, 29));
    CHECK(one_year_period_end(ymd(2028, 3, 1)) == ymd(2029, 2, 28));
    CHECK(one_year_period_end(ymd(2028, 2, 28)) == ymd(2029, 2, 27));
}

TEST_CASE("times as logs and the API write them", "[date]") {
    const auto instant = jst(2026, 11, 25, 9, 5) + std::chrono::seconds{7};
    CHECK(format_time_of_day(jst_date_time(instant)) == "09:05:07");
    CHECK(format_rfc3339_jst(instant) == "2026-11-25T09:05:07+09:00");
    CHECK(format_clock(9, 0) == "9:00");
    CHECK(format_clock(14, 5) == "14:05");
}
