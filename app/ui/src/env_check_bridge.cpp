#include "env_check_bridge.hpp"

#include "careplan/envcheck/api_health.hpp"
#include "careplan/envcheck/cli.hpp"
#include "careplan/envcheck/evaluate.hpp"
#include "careplan/envcheck/report_format.hpp"

namespace careplan::ui {

namespace {

core::EnvCheckResult to_result(const envcheck::Report& report) {
    core::EnvCheckResult result;
    result.overall = report.overall;
    for (const auto& item : report.items)
        result.items.push_back(
            {item.title, item.outcome, envcheck::label(item.outcome), item.facts, item.remedy});
    result.text = envcheck::format_text(report);
    return result;
}

}  // namespace

core::event::EnvCheckFinished run_env_check_for_ui(const std::string& base_url,
                                                   const core::ProxyRoute& route) {
    envcheck::ProbeOptions options;
    options.server_url = base_url;
    options.client_version = CAREPLAN_VERSION;
    options.health = envcheck::health_over_api(route.proxy);
    options.route = route;
    const envcheck::Facts facts = envcheck::collect_facts(options);
    core::event::EnvCheckFinished finished;
    finished.report = to_result(envcheck::evaluate(facts));
    if (facts.installed_clients) {
        for (const auto& installed : *facts.installed_clients)
            if (!installed.version.empty()) finished.installed_client_version = installed.version;
    }
    return finished;
}

int run_check_env_cli(bool json, const std::string& base_url, const core::ProxyRoute& route) {
    envcheck::CheckEnvOptions options;
    options.json = json;
    options.server_url = base_url;
    options.client_version = CAREPLAN_VERSION;
    options.health = envcheck::health_over_api(route.proxy);
    options.route = route;
    return envcheck::run_check_env(options, stdout);
}

}  // namespace careplan::ui
