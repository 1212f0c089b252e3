#pragma once
// A sliding-window limit per client address, kept in memory: at most `limit`
// events of one address within any `window`. It forgets an address once its
// last event is older than the window, so memory follows the addresses of
// the last hour only. A restart forgets everything, which for a limit
// against floods from one place is acceptable.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace careplan::service {

class RateLimit {
  public:
    RateLimit(int limit, std::chrono::seconds window) : limit_(std::max(1, limit)), window_(window.count()) {}

    // Seconds until `address` may have its next event (for Retry-After); 0
    // when it may now. Times are Unix seconds.
    std::int64_t wait_seconds(const std::string& address, std::int64_t now);
    void record(const std::string& address, std::int64_t now);

  private:
    void forget_before(std::int64_t oldest);

    int limit_;
    std::int64_t window_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::int64_t>> events_;  // per address, oldest first
};

}  // namespace careplan::service
