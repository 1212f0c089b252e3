#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "careplan/core/holidays.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::ymd;

namespace {

// date -> name from the official list (tests/data; its # lines say where the
// dates come from); an unreadable file fails the test.
std::map<std::string, std::string> official_holidays() {
    std::ifstream file{CAREPLAN_HOLIDAYS_CSV};
    REQUIRE(file.good());
    std::map<std::string, std::string> holidays;
    std::string line;
    while (std::getline(file, line) && line.starts_with("#")) {
    }
    REQUIRE(line.rfind("date,name", 0) == 0);
    while (std::getline(file, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto comma = line.find(',');
        REQUIRE(comma != std::string::npos);
        holidays.emplace(line.substr(0, comma), line.substr(comma + 1));
    }
    return holidays;
}

std::string name_or_empty(Date date) {
    const auto name = holiday_name(date);
    return name ? std::string{*name} : std::string{};
}

bool is_sunday(Date date) { return std::chrono::weekday{std::chrono::sys_days{date}} == std::chrono::Sunday; }

bool is_monday(Date date) { return std::chrono::weekday{std::chrono::sys_days{date}} == std::chrono::Monday; }

bool is_derived(std::string_view name) { return name == "振替休日" || name == "国民の休日"; }

// A 国民の祝日 proper: a holiday other than 振替休日 / 国民の休日.
bool is_statutory(Date date) {
    const auto name = holiday_name(date);
    return name && !is_derived(*name);
}

template <typename Visit>
void for_each_day(Date first, Date last, Visit visit) {
    for (Date day = first; day <= last; day = add_days(day, 1)) visit(day);
}

}  // namespace

TEST_CASE("holidays 2024-2027 equal the official published list", "[holidays]") {
    const auto official = official_holidays();
    REQUIRE(official.size() > 60);
    for_each_day(ymd(2024, 1, 1), ymd(2027, 12, 31), [&](Date day) {
        const std::string iso = format_iso(day);
        const auto found = official.find(iso);
        const std::string expected = found != official.end() ? found->second : std::string{};
        INFO(iso);
        CHECK(name_or_empty(day) == expected);
    });
}

TEST_CASE("one-off holidays and the Olympic moves", "[holidays]") {
    CHECK(name_or_empty(ymd(1959, 4, 10)) == "皇太子明仁親王の結婚の儀");
    CHECK(name_or_empty(ymd(1989, 2, 24)) == "昭和天皇の大喪の礼");
    CHECK(name_or_empty(ymd(1990, 11, 12)) == "即位礼正殿の儀");
    CHECK(name_or_empty(ymd(1993, 6, 9)) == "皇太子徳仁親王の結婚の儀");
    // 2019: the enthronement day makes 4/30 and 5/2 国民の休日 (ten days off).
    CHECK(name_or_empty(ymd(2019, 4, 29)) == "昭和の日");
    CHECK(name_or_empty(ymd(2019, 4, 30)) == "国民の休日");
    CHECK(name_or_empty(ymd(2019, 5, 1)) == "天皇の即位の日");
    CHECK(name_or_empty(ymd(2019, 5, 2)) == "国民の休日");
    CHECK(name_or_empty(ymd(2019, 5, 6)) == "振替休日");
    CHECK(name_or_empty(ymd(2019, 10, 22)) == "即位礼正殿の儀");
    CHECK(name_or_empty(ymd(2019, 2, 23)).empty());  // no 天皇誕生日 in 2019
    CHECK(name_or_empty(ymd(2019, 12, 23)).empty());
    CHECK(name_or_empty(ymd(2018, 12, 23)) == "天皇誕生日");
    CHECK(name_or_empty(ymd(2018, 12, 24)) == "振替休日");
    // 2020 and 2021 Olympics.
    CHECK(name_or_empty(ymd(2020, 7, 23)) == "海の日");
    CHECK(name_or_empty(ymd(2020, 7, 24)) == "スポーツの日");
    CHECK(name_or_empty(ymd(2020, 8, 10)) == "山の日");
    CHECK(name_or_empty(ymd(2020, 7, 20)).empty());  // the regular 3rd Monday
    CHECK(name_or_empty(ymd(2020, 8, 11)).empty());
    CHECK(name_or_empty(ymd(2020, 10, 12)).empty());
    CHECK(name_or_empty(ymd(2021, 7, 22)) == "海の日");
    CHECK(name_or_empty(ymd(2021, 7, 23)) == "スポーツの日");
    CHECK(name_or_empty(ymd(2021, 8, 8)) == "山の日");
    CHECK(name_or_empty(ymd(2021, 8, 9)) == "振替休日");
    CHECK(name_or_empty(ymd(2021, 10, 11)).empty());
}

TEST_CASE("holidays across the amendments of the 祝日法", "[holidays]") {
    CHECK(name_or_empty(ymd(1949, 1, 1)) == "元日");
    CHECK(name_or_empty(ymd(1948, 11, 3)).empty());  // before the first full year
    CHECK(name_or_empty(ymd(1966, 9, 15)) == "敬老の日");
    CHECK(name_or_empty(ymd(1965, 9, 15)).empty());
    CHECK(name_or_empty(ymd(1967, 2, 11)) == "建国記念の日");
    CHECK(name_or_empty(ymd(1966, 2, 11)).empty());
    CHECK(name_or_empty(ymd(1988, 4, 29)) == "天皇誕生日");
    CHECK(name_or_empty(ymd(1989, 4, 29)) == "みどりの日");
    CHECK(name_or_empty(ymd(2007, 4, 29)) == "昭和の日");
    CHECK(name_or_empty(ymd(1999, 1, 15)) == "成人の日");
    CHECK(name_or_empty(ymd(2000, 1, 10)) == "成人の日");  // first Happy Monday
    CHECK(name_or_empty(ymd(2000, 1, 15)).empty());
    CHECK(name_or_empty(ymd(1999, 10, 11)) == "振替休日");  // 体育の日 10/10 on a Sunday
    CHECK(name_or_empty(ymd(2019, 10, 14)) == "体育の日");
    CHECK(name_or_empty(ymd(1996, 7, 20)) == "海の日");
    CHECK(name_or_empty(ymd(2003, 7, 21)) == "海の日");
    CHECK(name_or_empty(ymd(2016, 8, 11)) == "山の日");
    CHECK(name_or_empty(ymd(2015, 8, 11)).empty());
    // 振替休日 starts with the 1973 amendment (effective 1973-04-12).
    CHECK(name_or_empty(ymd(1973, 2, 12)).empty());  // 建国記念の日 on a Sunday, too early
    CHECK(name_or_empty(ymd(1973, 4, 30)) == "振替休日");
    // Before 2007 a Sunday 5/3 gave only the Monday, which was a 振替休日.
    CHECK(name_or_empty(ymd(1998, 5, 4)) == "振替休日");
    // From 2007 the substitute moves past following holidays.
    CHECK(name_or_empty(ymd(2008, 5, 6)) == "振替休日");  // みどりの日 5/4 on a Sunday
    CHECK(name_or_empty(ymd(2009, 5, 6)) == "振替休日");  // 憲法記念日 5/3 on a Sunday
    // 国民の休日 from 1985-12-27.
    CHECK(name_or_empty(ymd(1988, 5, 4)) == "国民の休日");
    CHECK(name_or_empty(ymd(1985, 5, 4)).empty());
    CHECK(name_or_empty(ymd(2009, 9, 22)) == "国民の休日");
    CHECK(name_or_empty(ymd(2015, 9, 22)) == "国民の休日");
    // Equinoxes from the astronomical formula.
    CHECK(name_or_empty(ymd(1979, 9, 24)) == "秋分の日");
    CHECK(name_or_empty(ymd(2012, 9, 22)) == "秋分の日");
    CHECK(name_or_empty(ymd(2012, 3, 20)) == "春分の日");
    CHECK(name_or_empty(ymd(2023, 3, 21)) == "春分の日");
    CHECK(name_or_empty(ymd(1960, 3, 20)) == "春分の日");
}

TEST_CASE("properties of the holiday rules 1949-2099", "[holidays][property]") {
    const Date first = ymd(first_holiday_year, 1, 1);
    const Date last = ymd(last_holiday_year, 12, 31);
    std::map<int, int> per_year;
    for_each_day(first, last, [&](Date day) {
        const auto name = holiday_name(day);
        INFO(format_iso(day));
        if (!name) {
            const bool weekend =
                is_sunday(day) || std::chrono::weekday{std::chrono::sys_days{day}} == std::chrono::Saturday;
            CHECK(is_business_day(day) == (!weekend && !is_year_end_break(day)));
            return;
        }
        ++per_year[static_cast<int>(day.year())];
        CHECK_FALSE(is_business_day(day));
        if (*name == "振替休日") {
            // Only after a run of 国民の祝日 that contains a Sunday, never itself a Sunday.
            CHECK_FALSE(is_sunday(day));
            Date back = add_days(day, -1);
            bool sunday_in_run = false;
            while (is_statutory(back)) {
                sunday_in_run = sunday_in_run || is_sunday(back);
                back = add_days(back, -1);
            }
            CHECK(sunday_in_run);
            CHECK(is_statutory(add_days(day, -1)));
        } else if (*name == "国民の休日") {
            CHECK(is_statutory(add_days(day, -1)));
            CHECK(is_statutory(add_days(day, 1)));
            CHECK_FALSE(is_sunday(day));
        } else if (*name == "成人の日" || *name == "海の日" || *name == "敬老の日" || *name == "体育の日" ||
                   *name == "スポーツの日") {
            const bool happy_monday_era = (*name == "成人の日" || *name == "体育の日")
                                              ? day.year() >= std::chrono::year{2000}
                                              : day.year() >= std::chrono::year{2003};
            const bool olympic_year =
                day.year() == std::chrono::year{2020} || day.year() == std::chrono::year{2021};
            if (happy_monday_era && !olympic_year) CHECK(is_monday(day));
        } else if (*name == "春分の日") {
            CHECK(day.month() == std::chrono::March);
            CHECK(day.day() >= std::chrono::day{19});
            CHECK(day.day() <= std::chrono::day{22});
        } else if (*name == "秋分の日") {
            CHECK(day.month() == std::chrono::September);
            CHECK(day.day() >= std::chrono::day{21});
            CHECK(day.day() <= std::chrono::day{24});
        }
        // A Sunday holiday always has its 振替休日 (from 1973-04-12).
        if (is_sunday(day) && !is_derived(*name) && day >= ymd(1973, 4, 12)) {
            Date after = add_days(day, 1);
            while (is_statutory(after)) after = add_days(after, 1);
            CHECK(name_or_empty(after) == "振替休日");
        }
    });
    for (int y = first_holiday_year; y <= last_holiday_year; ++y) {
        INFO(y);
        CHECK(per_year[y] >= 9);
        CHECK(per_year[y] <= 22);
        // One 春分の日 and one 秋分の日 each year.
        int equinoxes = 0;
        for_each_day(ymd(y, 3, 1), ymd(y, 9, 30), [&](Date day) {
            const auto name = holiday_name(day);
            equinoxes += name && (*name == "春分の日" || *name == "秋分の日");
        });
        CHECK(equinoxes == 2);
    }
    CHECK_FALSE(holiday_name(ymd(2100, 1, 1)).has_value());
    CHECK_FALSE(holiday_name(ymd(1948, 12, 31)).has_value());
}

TEST_CASE("business days skip weekends, holidays and 12/29-1/3", "[holidays]") {
    CHECK(is_business_day(ymd(2027, 1, 8)));         // Friday
    CHECK_FALSE(is_business_day(ymd(2027, 1, 9)));   // Saturday
    CHECK_FALSE(is_business_day(ymd(2027, 1, 10)));  // Sunday
    CHECK_FALSE(is_business_day(ymd(2027, 1, 11)));  // 成人の日
    CHECK(is_business_day(ymd(2026, 12, 28)));
    CHECK_FALSE(is_business_day(ymd(2026, 12, 29)));  // Tuesday, year-end break
    CHECK_FALSE(is_business_day(ymd(2027, 1, 3)));
    CHECK(is_business_day(ymd(2027, 1, 4)));
    CHECK(is_year_end_break(ymd(2026, 12, 31)));
    CHECK_FALSE(is_year_end_break(ymd(2026, 12, 28)));
    CHECK_FALSE(is_year_end_break(ymd(2027, 1, 4)));
}

TEST_CASE("add_business_days does not count the start day", "[holidays]") {
    CHECK(add_business_days(ymd(2027, 1, 6), 1) == ymd(2027, 1, 7));
    CHECK(add_business_days(ymd(2027, 1, 8), 1) == ymd(2027, 1, 12));   // over the weekend and 成人の日
    CHECK(add_business_days(ymd(2026, 12, 28), 1) == ymd(2027, 1, 4));  // over the year end
    CHECK(add_business_days(ymd(2027, 1, 9), 1) == ymd(2027, 1, 12));   // from a Saturday
    CHECK(add_business_days(ymd(2027, 4, 28), 3) == ymd(2027, 5, 7));   // Golden Week
    CHECK(add_business_days(ymd(2027, 1, 8), 0) == ymd(2027, 1, 8));
    CHECK(next_business_day_on_or_after(ymd(2027, 1, 8)) == ymd(2027, 1, 8));
    CHECK(next_business_day_on_or_after(ymd(2027, 1, 9)) == ymd(2027, 1, 12));
}
