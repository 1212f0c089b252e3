#pragma once
// The health function the client passes to the environment check: one
// GET /api/v1/health over app/api's client, so that the check goes through
// the same HTTP stack (TLS, timeouts) as the app itself. The client's main
// needs the same few lines; see the envcheck notes.

#include <chrono>
#include <string>

#include "careplan/api/client.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::envcheck::test {

inline HealthResult health_over_api(const std::string& base_url, std::chrono::milliseconds timeout) {
    api::Client client(api::ClientOptions{base_url, timeout, timeout, ""});
    const auto answer = client.health();
    if (answer) return HealthResult{true, 200, "", "", answer.value().time};
    const core::ApiError& error = answer.error();
    // http_status 0 is a transport failure (refused, timeout, TLS); anything
    // else is an answer that was not a healthy {status, time}.
    return HealthResult{error.http_status != 0, error.http_status, error.code, error.message, ""};
}

}  // namespace careplan::envcheck::test
