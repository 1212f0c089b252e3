#pragma once
// Fixture facts for the evaluator tests: a PC where everything is fine, which
// each test then spoils in one way.

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <string_view>

#include "careplan/core/date.hpp"
#include "careplan/envcheck/evaluate.hpp"
#include "careplan/envcheck/facts.hpp"

namespace careplan::envcheck::test {

using namespace std::chrono;

inline sys_seconds jst(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return time_point_cast<seconds>(
        core::jst_instant(year_month_day{year{y}, month{m}, day{d}}, hour, minute));
}

// The day the check is written: Windows 10 is out of support.
inline const sys_seconds today = jst(2026, 11, 25, 10);

inline Facts good_windows11_pc() {
    Facts facts;
    facts.checked_at = today;
    facts.client_version = "1.0.0";
    facts.os = OsFacts{true, "Professional", 10u, 0u, 22631u, 4460u, "23H2"};
    facts.calendar = CalendarFacts{"1", "yyyy/MM/dd", "yyyy'年'M'月'd'日'", "1", "yyyy/MM/dd"};
    facts.browsers = BrowsersFacts{{true, "131.0.2903.86"}, {false, std::nullopt}};
    facts.pdf = PdfFacts{"AcroExch.Document.DC", "Adobe Acrobat Reader", "24.004.20219"};
    facts.installed_clients = std::vector<InstalledClient>{{"ケアプランデータ連携システム", "1.1.2"}};
    facts.proxy = ProxyFacts{"直接接続", "直接接続、設定を自動的に検出する: オン", false};
    ServiceFacts service;
    service.url = "https://license.example.jp";
    service.tls = true;
    service.answered = true;
    service.http_status = 200;
    service.latency = milliseconds{120};
    service.server_time = "2026-11-25T10:00:00+09:00";
    service.local_time = today;
    facts.service = service;
    return facts;
}

// A developer's Linux PC talking to the same healthy service.
inline Facts good_linux_pc() {
    Facts facts = good_windows11_pc();
    facts.os = OsFacts{};
    facts.os.product_name = "Linux 6.1.0";
    facts.calendar.reset();
    facts.browsers.reset();
    facts.pdf.reset();
    facts.installed_clients.reset();
    facts.proxy.reset();
    return facts;
}

inline const Item& item_of(const Report& report, std::string_view id) {
    const auto found = std::find_if(report.items.begin(), report.items.end(),
                                    [&](const Item& item) { return item.id == id; });
    REQUIRE(found != report.items.end());
    return *found;
}

inline Outcome outcome_of(const Facts& facts, std::string_view id) {
    return item_of(evaluate(facts), id).outcome;
}

// True when some fact line of the item contains `text`.
inline bool has_fact(const Item& item, std::string_view text) {
    return std::any_of(item.facts.begin(), item.facts.end(),
                       [&](const std::string& fact) { return fact.find(text) != std::string::npos; });
}

}  // namespace careplan::envcheck::test
