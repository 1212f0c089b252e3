#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <map>
#include <sstream>
#include <vector>

#include "careplan/core/reminder.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::jst;
using careplan::core::test::ymd;
using Catch::Matchers::ContainsSubstring;

namespace {

// The physical lines, which must all end in CRLF.
std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < ics.size()) {
        const auto end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        lines.push_back(ics.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// Unfolds (RFC 5545 3.1) into content lines.
std::vector<std::string> content_lines(const std::string& ics) {
    std::vector<std::string> lines;
    for (const std::string& line : physical_lines(ics)) {
        if (!line.empty() && line[0] == ' ')
            lines.back() += line.substr(1);
        else
            lines.push_back(line);
    }
    return lines;
}

std::string value_of(const std::vector<std::string>& lines, const std::string& name) {
    for (const auto& line : lines)
        if (line.rfind(name + ":", 0) == 0) return line.substr(name.size() + 1);
    FAIL("no " << name);
    return {};
}

}  // namespace

TEST_CASE("reminder: an all-day event on the opening day in JST, with an alarm that morning", "[reminder]") {
    const std::string ics = renewal_reminder_ics(ymd(2027, 1, 29), jst(2026, 11, 30, 10, 5));
    const auto lines = content_lines(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(value_of(lines, "VERSION") == "2.0");
    CHECK(value_of(lines, "DTSTART;VALUE=DATE") == "20270129");
    CHECK(value_of(lines, "DTEND;VALUE=DATE") == "20270130");
    CHECK(value_of(lines, "DTSTAMP") == "20261130T010500Z");  // 10:05 JST
    CHECK(value_of(lines, "UID") == "renewal-20270129@careplan-client");
    CHECK_THAT(value_of(lines, "SUMMARY"), ContainsSubstring("申請開始日"));
    CHECK_THAT(value_of(lines, "DESCRIPTION"), ContainsSubstring("2027年1月29日"));
    CHECK_THAT(value_of(lines, "DESCRIPTION"), ContainsSubstring("0120-584-708"));
    CHECK(value_of(lines, "TRIGGER") == "PT9H");
    // Every BEGIN has its END, in order.
    std::vector<std::string> open;
    for (const auto& line : lines) {
        if (line.rfind("BEGIN:", 0) == 0) open.push_back(line.substr(6));
        if (line.rfind("END:", 0) == 0) {
            REQUIRE_FALSE(open.empty());
            CHECK(open.back() == line.substr(4));
            open.pop_back();
        }
    }
    CHECK(open.empty());
    CHECK(renewal_reminder_file_name(ymd(2027, 1, 29)) == "careplan-renewal-2027-01-29.ics");
}

TEST_CASE("reminder: lines folded at 75 octets, never inside a character", "[reminder]") {
    const std::string ics = renewal_reminder_ics(ymd(2026, 12, 31), jst(2026, 11, 30, 10));
    for (const std::string& line : physical_lines(ics)) {
        CHECK(line.size() <= 75);
        // A continuation never starts with a UTF-8 continuation byte.
        if (line.size() > 1 && line[0] == ' ') CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
    }
    const auto lines = content_lines(ics);
    CHECK(value_of(lines, "DTEND;VALUE=DATE") == "20270101");  // across the year end
    // No raw comma or semicolon in the texts: the catalogue's wording is escaped.
    for (const std::string name : {"SUMMARY", "DESCRIPTION"}) {
        const std::string value = value_of(lines, name);
        for (std::size_t i = 0; i < value.size(); ++i)
            if (value[i] == ',' || value[i] == ';') CHECK((i > 0 && value[i - 1] == '\\'));
    }
}
