#pragma once
// Fake health functions standing in for the app's HTTP client.

#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "careplan/core/date.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::envcheck::test {

// The service's "time": now (plus a skew) as RFC 3339 in JST.
inline std::string service_time(std::chrono::seconds skew = std::chrono::seconds{0}) {
    return core::format_rfc3339_jst(std::chrono::system_clock::now() + skew);
}

inline HealthFunction answering(std::chrono::seconds skew = std::chrono::seconds{0}) {
    return [skew](const std::string&, std::chrono::milliseconds) {
        return HealthResult{true, 200, std::nullopt, "", service_time(skew)};
    };
}

inline HealthFunction failing(core::ErrorCode code, std::string message) {
    return [code, message](const std::string&, std::chrono::milliseconds) {
        return HealthResult{false, 0, code, message, ""};
    };
}

// Answers only after `delay`, ignoring the timeout it is given (a stuck
// stack). Health calls share one worker thread, so a test that gets stuck
// waits for `done` before it ends, leaving the worker free for the next.
struct Stuck {
    HealthFunction health;
    std::shared_future<void> done;
};

inline Stuck stuck_for(std::chrono::milliseconds delay) {
    auto finished = std::make_shared<std::promise<void>>();
    std::shared_future<void> done = finished->get_future().share();
    return {[delay, finished](const std::string&, std::chrono::milliseconds) {
                std::this_thread::sleep_for(delay);
                finished->set_value();
                return HealthResult{true, 200, std::nullopt, "", service_time()};
            },
            done};
}

}  // namespace careplan::envcheck::test
