#include "timestamp.hpp"

namespace careplan::service {

std::int64_t unix_seconds(std::chrono::system_clock::time_point instant) {
    return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

}  // namespace careplan::service
