#include "env_check_bridge.hpp"

#include "careplan/api/client.hpp"
#include "careplan/envcheck/cli.hpp"
#include "careplan/envcheck/evaluate.hpp"
#include "careplan/envcheck/report_format.hpp"

namespace careplan::ui {

envcheck::HealthFunction api_health() {
  return [](const std::string& base_url, std::chrono::milliseconds timeout) {
    api::Client client({base_url, timeout, timeout});
    envcheck::HealthResult result;
    const auto health = client.health();
    if (health) {
      result.answered = true;
      result.http_status = 200;
      result.server_time = health.value().time;
      return result;
    }
    const core::ApiError& e = health.error();
    result.answered = e.http_status != 0;
    result.http_status = e.http_status;
    result.error_code = e.code;
    result.error_message = e.message;
    return result;
  };
}

namespace {

core::EnvCheckResult to_result(const envcheck::Report& report) {
  core::EnvCheckResult result;
  result.overall = envcheck::key(report.overall);
  for (const auto& item : report.items)
    result.items.push_back({item.title, std::string(envcheck::key(item.outcome)),
                            std::string(envcheck::label(item.outcome)), item.facts, item.remedy});
  result.text = envcheck::format_text(report);
  return result;
}

}  // namespace

core::event::EnvCheckFinished run_env_check_for_ui(const std::string& base_url) {
  envcheck::ProbeOptions options;
  options.server_url = base_url;
  options.client_version = CAREPLAN_VERSION;
  options.health = api_health();
  const envcheck::Facts facts = envcheck::collect_facts(options);
  core::event::EnvCheckFinished finished;
  finished.report = to_result(envcheck::evaluate(facts));
  if (facts.installed_clients) {
    for (const auto& installed : *facts.installed_clients)
      if (!installed.version.empty()) finished.installed_client_version = installed.version;
  }
  return finished;
}

int run_check_env_cli(bool json, const std::string& base_url) {
  envcheck::CheckEnvOptions options;
  options.json = json;
  options.server_url = base_url;
  options.client_version = CAREPLAN_VERSION;
  options.health = api_health();
  return envcheck::run_check_env(options, stdout);
}

}  // namespace careplan::ui
