#pragma once
// The health function of the real client: one GET /api/v1/health over
// app/api's client, so that the check goes through the same HTTP stack (TLS,
// timeouts) as the app itself.
#include <optional>

#include "careplan/core/input.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::envcheck {

// The health function, through `proxy` when one is given (as the app's own
// requests go).
HealthFunction health_over_api(std::optional<core::HostPort> proxy = std::nullopt);

}  // namespace careplan::envcheck
