#pragma once
// The evaluator: facts -> report. Pure (no I/O, no clock), so that every rule
// is tested from fixture facts.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "careplan/core/model.hpp"
#include "careplan/core/os_support.hpp"
#include "careplan/core/settings_page.hpp"
#include "careplan/envcheck/facts.hpp"

namespace careplan::envcheck {

// Ordered from best to worst, except not_applicable which counts as fine.
using Outcome = core::CheckOutcome;

// "OK", "注意", "NG", "対象外" (envcheck.outcome.* of the text catalogue).
std::string label(Outcome outcome);
// "ok", "warning", "ng", "not_applicable" (for JSON).
std::string_view key(Outcome outcome);

struct Item {
    std::string id;     // stable: "os", "calendar", ...
    std::string title;  // Japanese, for the list
    Outcome outcome = Outcome::not_applicable;
    std::vector<std::string> facts;         // Japanese lines: what was seen
    std::string remedy;                     // Japanese, what to do; "" when nothing to do
    std::optional<core::SettingsPage> fix;  // the Windows page where the user fixes it
};

struct Report {
    // Always the same items in the same order (see item_ids()).
    std::vector<Item> items;
    Outcome overall = Outcome::ok;  // ng if any ng, else warning if any, else ok
    std::string checked_at;         // "2026-11-25 10:00 (日本時間)"
    std::string client_version;
    std::optional<core::WindowsBuild> windows;  // the PC's Windows, when it is one and was seen
};

// The item ids in report order: os, calendar, browser, pdf, client_app,
// network, clock, proxy.
const std::vector<std::string_view>& item_ids();

// Windows 10's end of support (and the start of ESU): a fact of app/core.
using core::windows10_end_of_support;

// Thresholds of the network and clock items.
inline constexpr std::chrono::milliseconds slow_latency{2000};
inline constexpr std::chrono::minutes clock_warning_offset{5};
inline constexpr std::chrono::hours clock_ng_offset{24};

Report evaluate(const Facts& facts);

}  // namespace careplan::envcheck
