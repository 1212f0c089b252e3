#pragma once
// Reading and writing the instants of the report (internal to envcheck).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace careplan::envcheck {

// RFC 3339 as the service writes it: "2026-11-25T10:00:00+09:00", also with
// fractional seconds and "Z". nullopt for anything else, and for instants
// that system_clock cannot hold.
std::optional<std::chrono::sys_time<std::chrono::milliseconds>> parse_rfc3339(std::string_view text);

// "2026-11-25 10:00:03 (日本時間)".
std::string jst_text(std::chrono::system_clock::time_point instant);

}  // namespace careplan::envcheck
