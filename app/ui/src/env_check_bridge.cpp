#include "env_check_bridge.hpp"

#include "careplan/envcheck/api_health.hpp"
#include "careplan/envcheck/cli.hpp"
#include "careplan/envcheck/evaluate.hpp"
#include "careplan/envcheck/report_format.hpp"

namespace careplan::ui {

namespace {

// The time one item's probes may take when it is checked again.
constexpr std::chrono::milliseconds recheck_time_limit{3000};

core::EnvCheckItem to_item(const envcheck::Item& item) {
    return {item.title, item.outcome, envcheck::label(item.outcome), item.facts, item.remedy,
            item.id,    item.fix};
}

core::EnvCheckResult to_result(const envcheck::Report& report) {
    core::EnvCheckResult result;
    result.overall = report.overall;
    for (const auto& item : report.items) result.items.push_back(to_item(item));
    result.text = envcheck::format_text(report);
    result.windows = report.windows;
    return result;
}

}  // namespace

EnvCheckSession::EnvCheckSession(std::string base_url, core::ProxyRoute route)
    : base_url_(std::move(base_url)), route_(std::move(route)) {}

core::event::EnvCheckFinished EnvCheckSession::run() {
    envcheck::ProbeOptions options;
    options.server_url = base_url_;
    options.client_version = CAREPLAN_VERSION;
    options.health = envcheck::health_over_api(route_.proxy);
    options.route = route_;
    const envcheck::Facts facts = envcheck::collect_facts(options);
    {
        std::lock_guard lock(mutex_);
        last_ = facts;
    }
    core::event::EnvCheckFinished finished;
    finished.report = to_result(envcheck::evaluate(facts));
    if (facts.installed_clients) {
        for (const auto& installed : *facts.installed_clients)
            if (!installed.version.empty()) finished.installed_client_version = installed.version;
    }
    return finished;
}

core::event::EnvItemRechecked EnvCheckSession::recheck(const std::string& item_id) {
    envcheck::Facts facts;
    {
        std::lock_guard lock(mutex_);
        facts = last_;
    }
    facts = envcheck::recollect_item(std::move(facts), item_id, recheck_time_limit);
    const envcheck::Report report = envcheck::evaluate(facts);
    {
        std::lock_guard lock(mutex_);
        last_ = facts;
    }
    core::event::EnvItemRechecked rechecked;
    for (const auto& item : report.items)
        if (item.id == item_id) rechecked.item = to_item(item);
    rechecked.report_text = envcheck::format_text(report);
    return rechecked;
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
