#include "rate_limit.hpp"

#include <algorithm>

namespace careplan::service {

void RateLimit::forget_before(std::int64_t oldest) {
    for (auto it = events_.begin(); it != events_.end();) {
        auto& times = it->second;
        while (!times.empty() && times.front() <= oldest) times.pop_front();
        it = times.empty() ? events_.erase(it) : std::next(it);
    }
}

std::int64_t RateLimit::wait_seconds(const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    forget_before(now - window_);
    auto found = events_.find(address);
    if (found == events_.end() || static_cast<int>(found->second.size()) < limit_) return 0;
    // Free again once the oldest of the last `limit_` events leaves the window.
    const auto& times = found->second;
    return std::max<std::int64_t>(1, times[times.size() - limit_] + window_ - now);
}

void RateLimit::record(const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    events_[address].push_back(now);
}

}  // namespace careplan::service
