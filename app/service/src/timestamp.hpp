#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace careplan::service {

std::int64_t unix_seconds(std::chrono::system_clock::time_point instant);

}  // namespace careplan::service
