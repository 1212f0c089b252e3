#include "time_text.hpp"

#include "careplan/core/date.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::envcheck {

using namespace std::chrono;

namespace {

// Exactly the digits of `text`; nullopt for anything else.
std::optional<int> digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Milliseconds of ".123456" (extra digits dropped), 0 for "".
std::optional<milliseconds> fraction(std::string_view text) {
    if (text.empty()) return milliseconds{0};
    if (text.front() != '.' || text.size() > 10) return std::nullopt;
    std::string padded{text.substr(1, 3)};
    padded.resize(3, '0');
    if (!digits(text.substr(1))) return std::nullopt;
    return milliseconds{*digits(padded)};
}

// "Z", "+09:00", "-05:30": the offset of local time from UTC.
std::optional<minutes> zone(std::string_view text) {
    if (text == "Z" || text == "z") return minutes{0};
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
    const auto h = digits(text.substr(1, 2));
    const auto m = digits(text.substr(4, 2));
    if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
    const minutes offset = hours{*h} + minutes{*m};
    return text[0] == '-' ? -offset : offset;
}

}  // namespace

std::optional<sys_time<milliseconds>> parse_rfc3339(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS" is 19 characters; the zone is at least "Z".
    if (text.size() < 20 || text.size() > 40 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
        return std::nullopt;
    }
    const auto date = core::parse_iso_date(text.substr(0, 10));
    const auto h = digits(text.substr(11, 2));
    const auto m = digits(text.substr(14, 2));
    const auto s = digits(text.substr(17, 2));
    if (!date || !h || !m || !s || text[13] != ':' || text[16] != ':' || *h > 23 || *m > 59 || *s > 60) {
        return std::nullopt;
    }
    const std::string_view rest = text.substr(19);
    const auto zone_at = rest.find_first_of("Zz+-");
    if (zone_at == std::string_view::npos) return std::nullopt;
    const auto ms = fraction(rest.substr(0, zone_at));
    const auto offset = zone(rest.substr(zone_at));
    if (!ms || !offset) return std::nullopt;
    const sys_time<milliseconds> local_reading =
        sys_days{*date} + hours{*h} + minutes{*m} + seconds{*s} + *ms;
    // Only what system_clock holds (nanoseconds: about 1678..2261), so that
    // the instant can be shown and compared without overflow.
    const sys_time<milliseconds> instant = local_reading - *offset;
    const auto earliest = ceil<milliseconds>(system_clock::time_point::min());
    const auto latest = floor<milliseconds>(system_clock::time_point::max());
    if (instant < earliest || instant > latest) return std::nullopt;
    return instant;
}

std::string jst_text(system_clock::time_point instant) {
    const core::JstDateTime reading = core::jst_date_time(instant);
    return core::tr(texts::envcheck::time,
                    {{"date", core::format_iso(reading.date)}, {"time", core::format_time_of_day(reading)}});
}

}  // namespace careplan::envcheck
