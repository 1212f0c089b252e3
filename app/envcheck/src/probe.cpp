#include "careplan/envcheck/probe.hpp"

#include <exception>
#include <future>
#include <memory>
#include <utility>

#include "lifelong_threads.hpp"
#include "platform_probes.hpp"

namespace careplan::envcheck {

using namespace std::chrono;

namespace {

// The probes run side by side; one stuck probe keeps its thread and the
// check goes on without it, its late result dropped. std::async is not used:
// its future blocks in its destructor until the probe ends.
LifelongThreads& probe_threads() {
    static auto* threads = new LifelongThreads;  // never destroyed: see the header
    return *threads;
}

// Health calls run one at a time: while an earlier call is still stuck, the
// next check waits behind it and reports a timeout rather than piling up
// connections to a service that does not answer.
LifelongThreads& health_lane() {
    static auto* lane = new LifelongThreads(1);
    return *lane;
}

template <class Probe>
auto start_on(LifelongThreads& threads, Probe probe) -> std::future<decltype(probe())> {
    auto promise = std::make_shared<std::promise<decltype(probe())>>();
    auto future = promise->get_future();
    try {
        threads.run([promise, probe = std::move(probe)] {
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

template <class Probe>
auto start(Probe probe) {
    return start_on(probe_threads(), std::move(probe));
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
        result.error = core::ErrorCode::check_failed;
        result.error_message = error.what();
    }
    service.latency = duration_cast<milliseconds>(steady_clock::now() - started);
    // The server wrote its time somewhere in the call; halfway is the best guess.
    service.local_time = time_point_cast<milliseconds>(started_at) + service.latency / 2;
    service.answered = result.answered;
    service.http_status = result.http_status;
    service.error = result.error;
    service.error_message = result.error_message;
    service.server_time = result.server_time;
    return service;
}

// What the report says of a health call that did not come back in time.
ServiceFacts overran(const std::string& url, milliseconds waited) {
    ServiceFacts service;
    service.url = url;
    service.tls = is_https(url);
    service.error = core::ErrorCode::timeout;
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
        service = start_on(health_lane(),
                           [health = options.health, url = options.server_url, limit = options.time_limit] {
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
            facts.service =
                overran(options.server_url, duration_cast<milliseconds>(steady_clock::now() - started));
        }
        facts.service->route = options.route;
    }
    return facts;
}

Facts recollect_item(Facts facts, std::string_view item_id, milliseconds time_limit) {
    const auto deadline = steady_clock::now() + time_limit + probe_grace;
    auto again = [&](auto probe, auto& fact) {
        auto future = start(probe);
        fact = settle(future, deadline);
    };
    if (item_id == "os") {
        auto future = start(platform::probe_os);
        facts.os = settle(future, deadline).value_or(OsFacts{});
        facts.os.is_windows = platform::is_windows;
    } else if (item_id == "calendar") {
        again(platform::probe_calendar, facts.calendar);
    } else if (item_id == "browser") {
        again(platform::probe_browsers, facts.browsers);
    } else if (item_id == "pdf") {
        again(platform::probe_pdf, facts.pdf);
    } else if (item_id == "client_app") {
        again(platform::probe_installed_clients, facts.installed_clients);
    } else if (item_id == "proxy") {
        again(platform::probe_proxy, facts.proxy);
    }
    return facts;
}

}  // namespace careplan::envcheck
