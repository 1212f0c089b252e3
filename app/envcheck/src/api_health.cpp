#include "careplan/envcheck/api_health.hpp"

#include "careplan/api/client.hpp"

namespace careplan::envcheck {

HealthFunction health_over_api(std::optional<core::HostPort> proxy) {
    return [proxy](const std::string& base_url, std::chrono::milliseconds timeout) {
        api::Client client(api::ClientOptions{base_url, timeout, timeout, "", proxy});
        const auto answer = client.health();
        if (answer) return HealthResult{true, 200, std::nullopt, "", answer.value().time};
        const core::ApiError& error = answer.error();
        // http_status 0 is a transport failure (refused, timeout, TLS); anything
        // else is an answer that was not a healthy {status, time}.
        // A code this client does not know is still an error: a server-side one.
        const auto code = core::parse_error_code(error.code).value_or(core::ErrorCode::server_error);
        return HealthResult{error.http_status != 0, error.http_status, code, error.message, ""};
    };
}

}  // namespace careplan::envcheck
