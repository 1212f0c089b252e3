#pragma once
// Civil dates in Japan Standard Time (UTC+9, no daylight saving time).
//
// Every rule of the manual works on whole days in JST. "Today" always comes
// from a time point the caller passes in (an injected clock), never from the
// system clock inside a rule, so that tests and the service's --today agree.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace careplan::core {

using Date = std::chrono::year_month_day;
using YearMonth = std::chrono::year_month;

// Strict "YYYY-MM-DD" (exactly 10 ASCII characters, zero padded); nullopt for
// anything else, including impossible dates such as 2027-02-29.
std::optional<Date> parse_iso_date(std::string_view text);

// "2027-01-08".
std::string format_iso(Date date);

// Strict "YYYY-MM", as the API writes months; nullopt for anything else.
std::optional<YearMonth> parse_iso_year_month(std::string_view text);
// "2027-01".
std::string format_iso(YearMonth month);
// "2027年1月".
std::string format_japanese(YearMonth month);

// "2027年1月8日(金)" — the form the manual itself uses (令和6年2月28日(水)).
std::string format_japanese(Date date);

// Japanese era date for display where users expect it: "令和9年1月8日",
// "令和元年5月1日" for the first year of an era. Covers 明治 (from the
// Gregorian calendar's adoption in 1873) to 令和; earlier dates fall back to
// format_japanese without the weekday ("1872年1月1日").
std::string format_wareki(Date date);
// The era date with its weekday, as the manual writes a release: "令和6年2月28日(水)".
std::string format_wareki_with_weekday(Date date);

// "12月29日" (a day of every year, e.g. the year-end break).
std::string format_month_day(unsigned month, unsigned day);

// A wall-clock time: "9:00", "14:05".
std::string format_clock(int hour, int minute);

// One-letter Japanese weekday: "日" "月" "火" "水" "木" "金" "土".
std::string_view weekday_japanese(Date date);

// The civil date in JST at the given instant.
Date jst_date(std::chrono::system_clock::time_point instant);

// A wall-clock reading in JST.
struct JstDateTime {
    Date date;
    int hour = 0;    // 0..23
    int minute = 0;  // 0..59
    int second = 0;  // 0..59
    friend bool operator==(const JstDateTime&, const JstDateTime&) = default;
};
JstDateTime jst_date_time(std::chrono::system_clock::time_point instant);

// "09:05:07", zero padded, for logs and reports.
std::string format_time_of_day(const JstDateTime& reading);

// RFC 3339 in JST, as the API writes times: "2026-11-25T09:30:00+09:00".
std::string format_rfc3339_jst(std::chrono::system_clock::time_point instant);

// The instant at which the given JST wall-clock time happens.
std::chrono::system_clock::time_point jst_instant(Date date, int hour, int minute = 0);

// to - from, in days (negative when `to` is earlier).
int days_between(Date from, Date to);

// The date `days` days after (or before, when negative) `date`.
Date add_days(Date date, int days);

// Last day of a one-year period starting on `valid_from`: valid_from + 1 year
// - 1 day. A start on 29 February rolls the anniversary over to 1 March of
// the next year first, so 2028-02-29 gives 2029-02-28 and 2027-03-01 gives
// 2028-02-29.
Date one_year_period_end(Date valid_from);

}  // namespace careplan::core
