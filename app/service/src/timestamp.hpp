#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace careplan::service {

// RFC 3339 in JST: "2026-11-25T09:30:00+09:00".
std::string jst_timestamp(std::chrono::system_clock::time_point instant);

std::int64_t unix_seconds(std::chrono::system_clock::time_point instant);

}  // namespace careplan::service
