#include "careplan/envcheck/probe.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "platform_probes.hpp"

namespace careplan::envcheck {

using namespace std::chrono;

namespace {

// Runs a probe on a detached thread. std::async is not used: the future of
// std::async blocks in its destructor until the probe ends, which would let
// a stuck probe hold up the whole check. A detached probe that overruns
// finishes in the background and its result is dropped.
template <class Probe>
auto start(Probe probe) -> std::future<decltype(probe())> {
    std::promise<decltype(probe())> promise;
    auto future = promise.get_future();
    try {
        std::thread([promise = std::move(promise), probe = std::move(probe)]() mutable {
            try {
                promise.set_value(probe());
            } catch (...) {
                promise.set_exception(std::current_exception());
            }
        }).detach();
    } catch (...) {
        // No thread: the promise died with the lambda, the future reports it.
    }
    return future;
}

// Runs jobs one after another on a thread that lives as long as the process.
// The health function goes through the app's HTTP stack, whose thread_local
// objects (cpp-httplib keeps regexes and sets in them) are destroyed when a
// thread exits; in the mingw-w64 static build under Wine 8 that corrupted the
// heap (reproduced with nothing but a thread that called the health function
// and exited). A thread that never exits never runs those destructors.
class LifelongWorker {
public:
    static LifelongWorker& instance() {
        // Never destroyed: the thread outlives main and is never joined.
        static auto* worker = new LifelongWorker;
        return *worker;
    }

    void post(std::function<void()> job) {
        {
            const std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        }
        ready_.notify_one();
    }

private:
    LifelongWorker() { std::thread([this] { run(); }).detach(); }

    [[noreturn]] void run() {
        while (true) {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return !jobs_.empty(); });
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
        }
    }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
};

// Runs a probe on the lifelong worker; a previous call still stuck there
// makes this one wait, and so report a timeout.
template <class Probe>
auto start_on_worker(Probe probe) -> std::future<decltype(probe())> {
    auto promise = std::make_shared<std::promise<decltype(probe())>>();
    auto future = promise->get_future();
    try {
        LifelongWorker::instance().post([promise, probe = std::move(probe)] {
            try {
                promise->set_value(probe());
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
    } catch (...) {
        promise->set_exception(std::current_exception());
    }
    return future;
}

// The probe's facts if it finished in time without throwing.
template <class T>
std::optional<T> settle(std::future<std::optional<T>>& future, steady_clock::time_point deadline) {
    if (!future.valid() || future.wait_until(deadline) != std::future_status::ready) return std::nullopt;
    try {
        return future.get();
    } catch (...) {
        return std::nullopt;
    }
}

bool is_https(const std::string& url) { return url.rfind("https://", 0) == 0; }

ServiceFacts call_health(const HealthFunction& health, const std::string& url, milliseconds limit) {
    ServiceFacts service;
    service.url = url;
    service.tls = is_https(url);
    const auto started_at = system_clock::now();
    const auto started = steady_clock::now();
    HealthResult result;
    try {
        result = health(url, limit);
    } catch (const std::exception& error) {
        result.error_code = "CHECK_FAILED";
        result.error_message = error.what();
    }
    service.latency = duration_cast<milliseconds>(steady_clock::now() - started);
    // The server wrote its time somewhere in the call; halfway is the best guess.
    service.local_time = time_point_cast<milliseconds>(started_at) + service.latency / 2;
    service.answered = result.answered;
    service.http_status = result.http_status;
    service.error_code = result.error_code;
    service.error_message = result.error_message;
    service.server_time = result.server_time;
    return service;
}

// What the report says of a health call that did not come back in time.
ServiceFacts overran(const std::string& url, milliseconds waited) {
    ServiceFacts service;
    service.url = url;
    service.tls = is_https(url);
    service.error_code = "TIMEOUT";
    service.error_message = "no answer within " + std::to_string(waited.count()) + " ms";
    service.latency = waited;
    return service;
}

}  // namespace

Facts collect_facts(const ProbeOptions& options) {
    const auto started = steady_clock::now();
    const auto deadline = started + options.time_limit + probe_grace;
    const bool check_service = options.health && !options.server_url.empty();

    auto os = start(platform::probe_os);
    auto calendar = start(platform::probe_calendar);
    auto browsers = start(platform::probe_browsers);
    auto pdf = start(platform::probe_pdf);
    auto clients = start(platform::probe_installed_clients);
    auto proxy = start(platform::probe_proxy);
    std::future<std::optional<ServiceFacts>> service;
    if (check_service) {
        service = start_on_worker([health = options.health, url = options.server_url, limit = options.time_limit] {
            return std::optional<ServiceFacts>{call_health(health, url, limit)};
        });
    }

    Facts facts;
    facts.checked_at = time_point_cast<seconds>(system_clock::now());
    facts.client_version = options.client_version;
    facts.os = settle(os, deadline).value_or(OsFacts{});
    facts.os.is_windows = platform::is_windows;
    facts.calendar = settle(calendar, deadline);
    facts.browsers = settle(browsers, deadline);
    facts.pdf = settle(pdf, deadline);
    facts.installed_clients = settle(clients, deadline);
    facts.proxy = settle(proxy, deadline);
    if (check_service) {
        facts.service = settle(service, deadline);
        if (!facts.service) {
            facts.service = overran(options.server_url, duration_cast<milliseconds>(steady_clock::now() - started));
        }
    }
    return facts;
}

}  // namespace careplan::envcheck
