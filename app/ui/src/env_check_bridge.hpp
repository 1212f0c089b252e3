#pragma once
// Connects the environment check (app/envcheck) to the client: the S08 result
// event and `--check-env`, both with the health probe over the app's own
// HTTP client.
#include <optional>
#include <string>

#include "careplan/core/flow.hpp"
#include "careplan/core/proxy.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::ui {

// Runs the whole check (S08) and reports it as the flow's event.
core::event::EnvCheckFinished run_env_check_for_ui(const std::string& base_url,
                                                   const core::ProxyRoute& route);

// `careplan-client --check-env [--json]`: prints the report, returns 0 (all
// OK), 1 (注意 only) or 2 (an NG).
int run_check_env_cli(bool json, const std::string& base_url, const core::ProxyRoute& route);

}  // namespace careplan::ui
