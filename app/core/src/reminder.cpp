#include "careplan/core/reminder.hpp"

#include <cstdio>
#include <string_view>

#include "careplan/core/text_keys.hpp"

namespace careplan::core {
namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT.
std::string escape_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c != '\r') out += c;
    }
    return out;
}

// RFC 5545 3.1: lines longer than 75 octets continue on the next line after
// CRLF and a space; a UTF-8 character is never split.
std::string folded(std::string_view line) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0)
            length = 4;
        else if (lead >= 0xE0)
            length = 3;
        else if (lead >= 0xC0)
            length = 2;
        if (width + length > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, length));
        width += length;
        i += length;
    }
    return out + "\r\n";
}

std::string compact_date(Date date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::string utc_stamp(std::chrono::system_clock::time_point now) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::hh_mm_ss time{seconds - day};
    char text[32];
    std::snprintf(text, sizeof text, "%sT%02d%02d%02dZ", compact_date(Date{day}).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return text;
}

}  // namespace

std::string renewal_reminder_ics(Date opens_on, std::chrono::system_clock::time_point now) {
    const std::string summary = escape_text(tr(texts::reminder::summary));
    const std::string description =
        escape_text(tr(texts::reminder::description,
                       {{"opens_on", format_japanese(opens_on)}, {"contact", tr(texts::helpdesk::contact)}}));
    std::string ics;
    for (const std::string& line : {
             std::string("BEGIN:VCALENDAR"),
             std::string("VERSION:2.0"),
             std::string("PRODID:-//careplan//renewal client//JA"),
             std::string("CALSCALE:GREGORIAN"),
             std::string("BEGIN:VEVENT"),
             // One event per opening day: saving again replaces it in the calendar.
             "UID:renewal-" + compact_date(opens_on) + "@careplan-client",
             "DTSTAMP:" + utc_stamp(now),
             "DTSTART;VALUE=DATE:" + compact_date(opens_on),
             "DTEND;VALUE=DATE:" + compact_date(add_days(opens_on, 1)),
             "SUMMARY:" + summary,
             "DESCRIPTION:" + description,
             std::string("TRANSP:TRANSPARENT"),
             std::string("BEGIN:VALARM"),
             std::string("ACTION:DISPLAY"),
             "DESCRIPTION:" + summary,
             // From the start of the all-day event: that morning.
             "TRIGGER:PT" + std::to_string(reminder_alarm_hour) + "H",
             std::string("END:VALARM"),
             std::string("END:VEVENT"),
             std::string("END:VCALENDAR"),
         })
        ics += folded(line);
    return ics;
}

std::string renewal_reminder_file_name(Date opens_on) {
    return "careplan-renewal-" + format_iso(opens_on) + ".ics";
}

}  // namespace careplan::core
