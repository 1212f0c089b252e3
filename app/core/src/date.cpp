#include "careplan/core/date.hpp"

#include <array>
#include <string>

#include "careplan/core/text_keys.hpp"

namespace careplan::core {

using namespace std::chrono;

namespace {

constexpr auto jst_offset = hours{9};

// Reads exactly `width` ASCII digits; nullopt otherwise.
std::optional<int> read_digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string two_digits(unsigned value) {
    return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

// "2027年1月8日" with the given year text.
std::string japanese_month_day(const std::string& year_text, Date date) {
    return tr(texts::date::year_month_day, {{"year", year_text},
                                            {"month", static_cast<unsigned>(date.month())},
                                            {"day", static_cast<unsigned>(date.day())}});
}

struct Era {
    TextKey name;
    Date first_day;
};

// Newest first. 明治 counts from 1868, but dates only exist here from the
// Gregorian calendar's adoption (明治6年 = 1873).
constexpr std::array<Era, 5> eras{{
    {texts::era::reiwa, year{2019} / May / 1},
    {texts::era::heisei, year{1989} / January / 8},
    {texts::era::showa, year{1926} / December / 25},
    {texts::era::taisho, year{1912} / July / 30},
    {texts::era::meiji, year{1868} / October / 23},
}};
constexpr Date gregorian_adoption = year{1873} / January / 1;

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = read_digits(text.substr(0, 4));
    auto m = read_digits(text.substr(5, 2));
    auto d = read_digits(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::optional<YearMonth> parse_iso_year_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const auto y = read_digits(text.substr(0, 4));
    const auto m = read_digits(text.substr(5, 2));
    if (!y || !m) return std::nullopt;
    const YearMonth month{year{*y}, std::chrono::month{static_cast<unsigned>(*m)}};
    if (!month.ok()) return std::nullopt;
    return month;
}

std::string format_iso(YearMonth month) { return format_iso(month / day{1}).substr(0, 7); }

std::string format_japanese(YearMonth month) {
    return tr(texts::date::year_month,
              {{"year", static_cast<int>(month.year())}, {"month", static_cast<unsigned>(month.month())}});
}

std::string format_iso(Date date) {
    int y = static_cast<int>(date.year());
    std::string out = std::to_string(y);
    out.insert(0, 4 - std::min<std::size_t>(4, out.size()), '0');
    return out + "-" + two_digits(static_cast<unsigned>(date.month())) + "-" +
           two_digits(static_cast<unsigned>(date.day()));
}

std::string_view weekday_japanese(Date date) {
    // date.weekdays is seven characters, Sunday first: take the n-th one.
    const std::string_view names = text_source(texts::date::weekdays);
    const auto is_lead_byte = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    std::size_t begin = 0;
    for (unsigned n = weekday{sys_days{date}}.c_encoding(); n > 0; --n) {
        do ++begin;
        while (begin < names.size() && !is_lead_byte(names[begin]));
    }
    std::size_t end = begin + 1;
    while (end < names.size() && !is_lead_byte(names[end])) ++end;
    return names.substr(begin, end - begin);
}

std::string format_japanese(Date date) {
    return tr(texts::date::with_weekday,
              {{"date", japanese_month_day(std::to_string(static_cast<int>(date.year())), date)},
               {"weekday", weekday_japanese(date)}});
}

std::string format_month_day(unsigned month, unsigned day) {
    return tr(texts::date::month_day, {{"month", month}, {"day", day}});
}

std::string format_clock(int hour, int minute) {
    return tr(texts::date::clock, {{"hour", hour}, {"minute", two_digits(static_cast<unsigned>(minute))}});
}

std::string format_wareki(Date date) {
    if (date < gregorian_adoption)
        return japanese_month_day(std::to_string(static_cast<int>(date.year())), date);
    for (const Era& era : eras) {
        if (date < era.first_day) continue;
        int era_year = static_cast<int>(date.year()) - static_cast<int>(era.first_day.year()) + 1;
        std::string year_text = era_year == 1 ? tr(texts::era::first_year) : std::to_string(era_year);
        return japanese_month_day(tr(era.name) + year_text, date);
    }
    return {};  // unreachable: gregorian_adoption is after the oldest era's start
}

std::string format_wareki_with_weekday(Date date) {
    return tr(texts::date::with_weekday,
              {{"date", format_wareki(date)}, {"weekday", weekday_japanese(date)}});
}

Date jst_date(system_clock::time_point instant) { return Date{floor<days>(instant + jst_offset)}; }

JstDateTime jst_date_time(system_clock::time_point instant) {
    auto local = instant + jst_offset;
    auto day_start = floor<days>(local);
    hh_mm_ss<seconds> time{floor<seconds>(local - day_start)};
    return {Date{day_start}, static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
            static_cast<int>(time.seconds().count())};
}

std::string format_time_of_day(const JstDateTime& reading) {
    return two_digits(static_cast<unsigned>(reading.hour)) + ":" +
           two_digits(static_cast<unsigned>(reading.minute)) + ":" +
           two_digits(static_cast<unsigned>(reading.second));
}

std::string format_rfc3339_jst(system_clock::time_point instant) {
    const JstDateTime reading = jst_date_time(instant);
    return format_iso(reading.date) + "T" + format_time_of_day(reading) + "+09:00";
}

system_clock::time_point jst_instant(Date date, int hour, int minute) {
    return sys_days{date} + hours{hour} + minutes{minute} - jst_offset;
}

int days_between(Date from, Date to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

Date add_days(Date date, int count) { return Date{sys_days{date} + days{count}}; }

Date one_year_period_end(Date valid_from) {
    // For 29 February the anniversary does not exist; sys_days of the
    // invalid date 29 Feb rolls over to 1 March, which is what we want.
    Date anniversary{valid_from.year() + years{1}, valid_from.month(), valid_from.day()};
    return Date{sys_days{anniversary.year() / anniversary.month() / day{1}} +
                days{static_cast<unsigned>(anniversary.day()) - 1} - days{1}};
}

}  // namespace careplan::core
