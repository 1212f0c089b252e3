#pragma once
// Connects the environment check (app/envcheck) to the client: the S08 result
// event and `--check-env`, both with the health probe over the app's own
// HTTP client.
#include <mutex>
#include <optional>
#include <string>

#include "careplan/core/flow.hpp"
#include "careplan/core/proxy.hpp"
#include "careplan/envcheck/probe.hpp"

namespace careplan::ui {

// The S08 check as the effect runner performs it. It keeps the facts of the
// last whole check, so that one item can be checked again after its fix with
// the others as they were. Thread-safe (the runner has two workers).
class EnvCheckSession {
  public:
    EnvCheckSession(std::string base_url, core::ProxyRoute route);
    // Runs the whole check and reports it as the flow's event.
    core::event::EnvCheckFinished run();
    // Probes one item again; the report's text is rebuilt around it.
    core::event::EnvItemRechecked recheck(const std::string& item_id);

  private:
    std::string base_url_;
    core::ProxyRoute route_;
    std::mutex mutex_;
    envcheck::Facts last_;
};

// `careplan-client --check-env [--json]`: prints the report, returns 0 (all
// OK), 1 (注意 only) or 2 (an NG).
int run_check_env_cli(bool json, const std::string& base_url, const core::ProxyRoute& route);

}  // namespace careplan::ui
