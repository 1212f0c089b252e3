#include "careplan/core/holidays.hpp"

#include <array>

#include "careplan/core/text_keys.hpp"

namespace careplan::core {

using namespace std::chrono;

namespace {

// How a 国民の祝日 finds its day in a year.
enum class DayRule {
    fixed,       // a fixed month/day
    nth_monday,  // Happy Monday: the n-th Monday of the month
    vernal,      // 春分日
    autumnal,    // 秋分日
};

struct HolidayRule {
    TextKey name;
    unsigned month;
    unsigned day_or_n;  // day of month (fixed) or n (nth_monday); unused for equinoxes
    DayRule rule;
    int first_year;
    int last_year;
    bool moved_for_olympics = false;  // 2020 and 2021 had it on another day (one-off list)
};

// The 祝日法 (1948) and its amendments, as rules over years.
constexpr std::array<HolidayRule, 24> rules{{
    {texts::holiday::new_year, 1, 1, DayRule::fixed, 1949, 2099},
    {texts::holiday::coming_of_age, 1, 15, DayRule::fixed, 1949, 1999},
    {texts::holiday::coming_of_age, 1, 2, DayRule::nth_monday, 2000, 2099},
    {texts::holiday::foundation, 2, 11, DayRule::fixed, 1967, 2099},
    {texts::holiday::emperor_birthday, 2, 23, DayRule::fixed, 2020, 2099},
    {texts::holiday::vernal_equinox, 3, 0, DayRule::vernal, 1949, 2099},
    {texts::holiday::emperor_birthday, 4, 29, DayRule::fixed, 1949, 1988},
    {texts::holiday::greenery, 4, 29, DayRule::fixed, 1989, 2006},
    {texts::holiday::showa, 4, 29, DayRule::fixed, 2007, 2099},
    {texts::holiday::constitution, 5, 3, DayRule::fixed, 1949, 2099},
    {texts::holiday::greenery, 5, 4, DayRule::fixed, 2007, 2099},
    {texts::holiday::children, 5, 5, DayRule::fixed, 1949, 2099},
    {texts::holiday::marine, 7, 20, DayRule::fixed, 1996, 2002},
    {texts::holiday::marine, 7, 3, DayRule::nth_monday, 2003, 2099, true},
    {texts::holiday::mountain, 8, 11, DayRule::fixed, 2016, 2099, true},
    {texts::holiday::respect_for_aged, 9, 15, DayRule::fixed, 1966, 2002},
    {texts::holiday::respect_for_aged, 9, 3, DayRule::nth_monday, 2003, 2099},
    {texts::holiday::autumnal_equinox, 9, 0, DayRule::autumnal, 1949, 2099},
    {texts::holiday::health_sports, 10, 10, DayRule::fixed, 1966, 1999},
    {texts::holiday::health_sports, 10, 2, DayRule::nth_monday, 2000, 2019},
    {texts::holiday::sports, 10, 2, DayRule::nth_monday, 2020, 2099, true},
    {texts::holiday::culture, 11, 3, DayRule::fixed, 1949, 2099},
    {texts::holiday::labour_thanksgiving, 11, 23, DayRule::fixed, 1949, 2099},
    {texts::holiday::emperor_birthday, 12, 23, DayRule::fixed, 1989, 2018},
}};

struct OneOffHoliday {
    Date date;
    TextKey name;
};

// Days made holidays by their own laws: imperial events, and the 2020/2021
// moves of three holidays around the Tokyo Olympics (東京オリンピック特措法).
constexpr std::array<OneOffHoliday, 12> one_off_holidays{{
    {year{1959} / April / 10, texts::holiday::crown_prince_akihito_wedding},
    {year{1989} / February / 24, texts::holiday::showa_funeral},
    {year{1990} / November / 12, texts::holiday::enthronement_ceremony},
    {year{1993} / June / 9, texts::holiday::crown_prince_naruhito_wedding},
    {year{2019} / May / 1, texts::holiday::enthronement_day},
    {year{2019} / October / 22, texts::holiday::enthronement_ceremony},
    {year{2020} / July / 23, texts::holiday::marine},
    {year{2020} / July / 24, texts::holiday::sports},
    {year{2020} / August / 10, texts::holiday::mountain},
    {year{2021} / July / 22, texts::holiday::marine},
    {year{2021} / July / 23, texts::holiday::sports},
    {year{2021} / August / 8, texts::holiday::mountain},
}};

// 振替休日 exists for Sunday holidays from the 1973 amendment's effective date.
constexpr Date substitute_rule_start = year{1973} / April / 12;
// From 2007 the substitute is the next non-holiday, not only the Monday.
constexpr Date substitute_next_free_day_start = year{2007} / January / 1;
// 国民の休日 (a day between two holidays) exists from the 1985 amendment.
constexpr Date citizens_holiday_start = year{1985} / December / 27;
// Until 2006 a Sunday between two holidays was not a 国民の休日.
constexpr Date citizens_holiday_sunday_start = year{2007} / January / 1;

// Day of March / September of the equinox: the widely used approximation of
// the astronomical equinox (valid 1900-2099), which the 国立天文台's 暦要項
// matches for these years. Integer division truncates toward zero, as the
// formula's int() does.
unsigned equinox_day(int y, double base_1900_1979, double base_1980_2099) {
    const int since_1980 = y - 1980;
    if (y < 1980) {
        return static_cast<unsigned>(base_1900_1979 + 0.242194 * since_1980 - (y - 1983) / 4);
    }
    return static_cast<unsigned>(base_1980_2099 + 0.242194 * since_1980 - since_1980 / 4);
}

bool is_sunday(Date date) { return weekday{sys_days{date}} == Sunday; }

Date rule_date(const HolidayRule& rule, year y) {
    const month m{rule.month};
    switch (rule.rule) {
        case DayRule::fixed: return y / m / day{rule.day_or_n};
        case DayRule::nth_monday: return Date{sys_days{y / m / Monday[rule.day_or_n]}};
        case DayRule::vernal: return y / m / day{equinox_day(static_cast<int>(y), 20.8357, 20.8431)};
        case DayRule::autumnal: return y / m / day{equinox_day(static_cast<int>(y), 23.2588, 23.2488)};
    }
    return {};
}

bool rule_applies(const HolidayRule& rule, int y) {
    if (y < rule.first_year || y > rule.last_year) return false;
    return !(rule.moved_for_olympics && (y == 2020 || y == 2021));
}

// A 国民の祝日 itself (named by the law, or a one-off day), without the
// 振替休日 and 国民の休日 that follow from them.
std::optional<TextKey> statutory_holiday(Date date) {
    const int y = static_cast<int>(date.year());
    for (const HolidayRule& rule : rules) {
        if (static_cast<unsigned>(date.month()) == rule.month && rule_applies(rule, y) &&
            rule_date(rule, date.year()) == date) {
            return rule.name;
        }
    }
    for (const OneOffHoliday& one_off : one_off_holidays) {
        if (one_off.date == date) return one_off.name;
    }
    return std::nullopt;
}

bool is_statutory(Date date) { return statutory_holiday(date).has_value(); }

// 振替休日: the first non-holiday after a holiday that fell on a Sunday
// (before 2007 only the Monday right after, when it was no holiday itself).
bool is_substitute_holiday(Date date) {
    if (is_statutory(date)) return false;
    for (int back = 1;; ++back) {
        const Date earlier = add_days(date, -back);
        if (!is_statutory(earlier)) return false;
        if (is_sunday(earlier)) {
            if (earlier < substitute_rule_start) return false;
            return back == 1 || earlier >= substitute_next_free_day_start;
        }
    }
}

// 国民の休日: an ordinary day whose day before and day after are both 国民の祝日.
bool is_citizens_holiday(Date date) {
    if (date < citizens_holiday_start || is_statutory(date)) return false;
    if (is_sunday(date) && date < citizens_holiday_sunday_start) return false;
    return is_statutory(add_days(date, -1)) && is_statutory(add_days(date, 1));
}

// The holiday's name in the catalogue, or nullopt on an ordinary day.
std::optional<TextKey> holiday_key(Date date) {
    const int y = static_cast<int>(date.year());
    if (!date.ok() || y < first_holiday_year || y > last_holiday_year) return std::nullopt;
    if (auto name = statutory_holiday(date)) return name;
    if (is_substitute_holiday(date)) return texts::holiday::substitute;
    if (is_citizens_holiday(date)) return texts::holiday::citizens;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> holiday_name(Date date) {
    const auto key = holiday_key(date);
    return key ? std::optional{tr(*key)} : std::nullopt;
}

bool is_holiday(Date date) { return holiday_key(date).has_value(); }

bool is_year_end_break(Date date) {
    const auto m = static_cast<unsigned>(date.month());
    const auto d = static_cast<unsigned>(date.day());
    return (m == year_end_closure_first.month && d >= year_end_closure_first.day) ||
           (m == year_end_closure_last.month && d <= year_end_closure_last.day);
}

bool is_business_day(Date date) {
    const weekday wd{sys_days{date}};
    return wd != Saturday && wd != Sunday && !is_year_end_break(date) && !is_holiday(date);
}

Date add_business_days(Date from, int n) {
    Date day = from;
    for (int counted = 0; counted < n;) {
        day = add_days(day, 1);
        if (is_business_day(day)) ++counted;
    }
    return day;
}

Date next_business_day_on_or_after(Date date) {
    return is_business_day(date) ? date : add_business_days(date, 1);
}

}  // namespace careplan::core
