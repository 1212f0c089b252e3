#pragma once
// The help desk (ヘルプデスク): 0120-584-708, 9:00-17:00 JST on business days
// (受付時間 9:00~17:00 (土日祝日は除く); the year-end break is closed too).

#include <chrono>
#include <string>
#include <string_view>

#include "careplan/core/date.hpp"

namespace careplan::core {

inline constexpr std::string_view helpdesk_phone = "0120-584-708";
inline constexpr int helpdesk_opens_hour = 9;    // 9:00 JST, inclusive
inline constexpr int helpdesk_closes_hour = 17;  // 17:00 JST, exclusive

struct HelpdeskStatus {
    bool open_now = false;
    JstDateTime closes_at;     // today 17:00; meaningful only when open_now
    JstDateTime next_opening;  // next 9:00 on a business day strictly after now
    std::string message;       // Japanese sentence for display
};

// Whether the help desk answers at `now`, and when it next opens.
HelpdeskStatus helpdesk_status(std::chrono::system_clock::time_point now);

}  // namespace careplan::core
