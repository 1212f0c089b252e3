#include "timestamp.hpp"

#include <cstdio>

#include "careplan/core/date.hpp"

namespace careplan::service {

std::string jst_timestamp(std::chrono::system_clock::time_point instant) {
    core::JstDateTime t = core::jst_date_time(instant);
    char time[16];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d+09:00", t.hour, t.minute, t.second);
    return core::format_iso(t.date) + time;
}

std::int64_t unix_seconds(std::chrono::system_clock::time_point instant) {
    return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

}  // namespace careplan::service
