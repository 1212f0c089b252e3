#pragma once
// Japanese national holidays (国民の祝日) by the rules of the 祝日法 from its
// enactment in 1948 (first full year 1949) through 2099, computed from the
// rules, not from a table: fixed days, Happy Monday days, 春分の日/秋分の日 by
// the astronomical approximation, 振替休日, 国民の休日 and the one-off days and
// moves (1959/1989/1990/1993/2019 imperial events, 2020 and 2021 Olympics).
//
// Business days (営業日) skip Saturdays, Sundays, holidays and the year-end
// break 12/29-1/3.

#include <optional>
#include <string>

#include "careplan/core/date.hpp"

namespace careplan::core {

// First and last year the holiday rules are known to hold for.
inline constexpr int first_holiday_year = 1949;
inline constexpr int last_holiday_year = 2099;

// The holiday's Japanese name ("元日", "振替休日", "国民の休日", ...), or
// nullopt on an ordinary day. Outside 1949..2099 always nullopt.
std::optional<std::string> holiday_name(Date date);

bool is_holiday(Date date);

// The year-end break (年末年始休業): 12/29 .. 1/3.
struct MonthDay {
    unsigned month;
    unsigned day;
};
inline constexpr MonthDay year_end_closure_first{12, 29};
inline constexpr MonthDay year_end_closure_last{1, 3};
bool is_year_end_break(Date date);

// Not a Saturday, Sunday, holiday or year-end break day.
bool is_business_day(Date date);

// The n-th business day after `from` (`from` itself never counts). n >= 1.
// n == 0 returns `from` unchanged.
Date add_business_days(Date from, int n);

// The first business day on or after `date`.
Date next_business_day_on_or_after(Date date);

}  // namespace careplan::core
