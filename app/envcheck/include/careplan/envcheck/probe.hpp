#pragma once
// Collecting the facts: per-platform probes, run concurrently, each within a
// time limit. A probe that fails or overruns leaves its facts empty; the
// check as a whole never fails and never waits past the limit.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "careplan/envcheck/facts.hpp"

namespace careplan::envcheck {

// What one GET /api/v1/health gave. envcheck does not speak HTTP itself: the
// client passes a function over its own HTTP stack (app/api), so the check
// sees what the app sees (TLS, proxy, timeouts).
struct HealthResult {
    bool answered = false;  // an HTTP answer arrived, whatever its status
    int http_status = 0;
    std::optional<core::ErrorCode> error;  // when not answered: network_unreachable, timeout, tls_error, ...
    std::string error_message;
    std::string server_time;  // the answer's "time" (RFC 3339), "" when none
};

// Called with the service's base URL and the time it may take at most.
using HealthFunction =
    std::function<HealthResult(const std::string& base_url, std::chrono::milliseconds timeout)>;

struct ProbeOptions {
    std::string server_url;      // base URL; "" skips the network and clock probes
    std::string client_version;  // this client's version, for the report header
    std::chrono::milliseconds time_limit{3000};
    HealthFunction health;                  // empty: the network and clock probes are skipped
    std::optional<core::ProxyRoute> route;  // how the health call goes, when known
};

// Waits at most time_limit plus a short grace for the health function to
// report its own timeout. Never throws. The health function always runs on
// one lifelong thread (see probe.cpp), so calls never overlap: while an
// earlier call is still stuck, the next check reports a timeout.
Facts collect_facts(const ProbeOptions& options);

// The facts of one item probed again (after the user changed a setting), the
// others kept from `facts`: os, calendar, browser, pdf, client_app and proxy
// have probes of their own; any other id gives `facts` back unchanged.
// Waits at most time_limit plus the grace; a probe that fails or overruns
// leaves its facts empty ("not seen"), as in collect_facts.
Facts recollect_item(Facts facts, std::string_view item_id, std::chrono::milliseconds time_limit);

// The grace added to time_limit (see collect_facts).
inline constexpr std::chrono::milliseconds probe_grace{250};

}  // namespace careplan::envcheck
