#pragma once
// `careplan-client --check-env [--json] [--server URL]`.

#include <chrono>
#include <cstdio>
#include <string>

#include "careplan/envcheck/evaluate.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::envcheck {

struct CheckEnvOptions {
    bool json = false;
    std::string server_url;      // the service's base URL
    std::string client_version;  // this client's version, printed in the header
    HealthFunction health;       // GET /api/v1/health over the app's HTTP client
    std::chrono::milliseconds time_limit{3000};
    std::optional<core::ProxyRoute> route;  // how the health call goes, when known
};

// The process exit code of a report: 0 all OK (or 対象外), 1 注意 only, 2 any NG.
int exit_code(Outcome overall);

// Collects, evaluates, prints the report (text or JSON) to `out` and returns
// exit_code() of it.
int run_check_env(const CheckEnvOptions& options, std::FILE* out);

}  // namespace careplan::envcheck
