#pragma once
// The health function of the real client: one GET /api/v1/health over
// app/api's client, so that the check goes through the same HTTP stack (TLS,
// timeouts) as the app itself.
#include "careplan/envcheck/probe.hpp"

namespace careplan::envcheck {

HealthResult health_over_api(const std::string& base_url, std::chrono::milliseconds timeout);

}  // namespace careplan::envcheck
