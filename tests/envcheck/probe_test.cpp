#include <catch2/catch_test_macros.hpp>

#include <stdexcept>

#include "careplan/envcheck/probe.hpp"
#include "fake_health.hpp"
#include "fixtures.hpp"

using namespace careplan::envcheck;
using namespace careplan::envcheck::test;
using namespace std::chrono;

namespace {

ProbeOptions options_with(HealthFunction health, milliseconds limit = milliseconds{1000}) {
    return ProbeOptions{"http://127.0.0.1:9", "1.0.0", limit, std::move(health)};
}

}  // namespace

TEST_CASE("on Linux the probes report the OS and leave the Windows items unseen") {
    const Facts facts = collect_facts(options_with(answering()));
    CHECK_FALSE(facts.os.is_windows);
    REQUIRE(facts.os.product_name);
    CHECK(facts.os.product_name->rfind("Linux ", 0) == 0);
    CHECK_FALSE(facts.calendar);
    CHECK_FALSE(facts.browsers);
    CHECK_FALSE(facts.pdf);
    CHECK_FALSE(facts.installed_clients);
    CHECK_FALSE(facts.proxy);
    CHECK(facts.client_version == "1.0.0");
    CHECK(abs(facts.checked_at - system_clock::now()) < seconds{2});
}

TEST_CASE("a reachable service: answered, fast, its clock compared") {
    std::string seen_url;
    milliseconds seen_timeout{0};
    const Facts facts = collect_facts(options_with([&](const std::string& url, milliseconds timeout) {
        seen_url = url;
        seen_timeout = timeout;
        return answering()(url, timeout);
    }));
    CHECK(seen_url == "http://127.0.0.1:9");
    CHECK(seen_timeout == milliseconds{1000});
    REQUIRE(facts.service);
    CHECK(facts.service->answered);
    CHECK_FALSE(facts.service->tls);
    CHECK(facts.service->latency < milliseconds{500});
    CHECK(abs(facts.service->local_time - system_clock::now()) < seconds{2});
    const Report report = evaluate(facts);
    CHECK(item_of(report, "network").outcome == Outcome::ok);
    CHECK(item_of(report, "clock").outcome == Outcome::ok);
}

TEST_CASE("a skewed service clock shows in the clock item") {
    const Report report = evaluate(collect_facts(options_with(answering(minutes{10}))));
    CHECK(item_of(report, "clock").outcome == Outcome::warning);
    CHECK(has_fact(item_of(report, "clock"), "遅れています"));
}

TEST_CASE("refused and TLS failures come through as facts") {
    Facts facts = collect_facts(
        options_with(failing(careplan::core::ErrorCode::network_unreachable, "Connection refused")));
    CHECK_FALSE(facts.service->answered);
    CHECK(facts.service->error == careplan::core::ErrorCode::network_unreachable);
    CHECK(item_of(evaluate(facts), "network").outcome == Outcome::ng);

    ProbeOptions tls =
        options_with(failing(careplan::core::ErrorCode::tls_error, "certificate verify failed"));
    tls.server_url = "https://127.0.0.1:9";
    facts = collect_facts(tls);
    CHECK(facts.service->tls);
    CHECK(facts.service->error == careplan::core::ErrorCode::tls_error);
    CHECK(has_fact(item_of(evaluate(facts), "network"), "安全な接続 (TLS)"));
}

TEST_CASE("the route of the health call is kept with its facts") {
    ProbeOptions options = options_with(answering());
    options.route = careplan::core::ProxyRoute{};
    CHECK(collect_facts(options).service->route == options.route);
}

TEST_CASE("a health call stuck past the limit does not hold up the check") {
    const milliseconds limit{300};
    const Stuck stuck = stuck_for(milliseconds{1500});
    const auto started = steady_clock::now();
    ProbeOptions stuck_options = options_with(stuck.health, limit);
    stuck_options.route = {careplan::core::HostPort{"gate", 8080},
                           careplan::core::ProxySource::settings_file};
    const Facts facts = collect_facts(stuck_options);
    const auto took = steady_clock::now() - started;
    CHECK(took >= limit);
    CHECK(took < limit + probe_grace + milliseconds{300});
    REQUIRE(facts.service);
    CHECK(facts.service->error == careplan::core::ErrorCode::timeout);
    CHECK(facts.service->route == stuck_options.route);
    CHECK(facts.service->latency >= limit);
    CHECK(item_of(evaluate(facts), "network").outcome == Outcome::ng);
    CHECK(item_of(evaluate(facts), "clock").outcome == Outcome::warning);

    // A re-check while the first call is still stuck times out too, rather
    // than running a second call beside it.
    const Facts again = collect_facts(options_with(answering(), limit));
    CHECK(again.service->error == careplan::core::ErrorCode::timeout);
    stuck.done.wait();
    // Once the stuck call has ended, checks work again.
    CHECK(collect_facts(options_with(answering(), limit)).service->answered);
}

TEST_CASE("a throwing health function is a failed check, not an exception") {
    const Facts facts = collect_facts(options_with(
        [](const std::string&, milliseconds) -> HealthResult { throw std::runtime_error("boom"); }));
    REQUIRE(facts.service);
    CHECK(facts.service->error == careplan::core::ErrorCode::check_failed);
    CHECK(facts.service->error_message == "boom");
}

TEST_CASE("without a health function or URL the network is not checked") {
    CHECK_FALSE(collect_facts(options_with(HealthFunction{})).service);
    ProbeOptions no_url = options_with(answering());
    no_url.server_url.clear();
    const Facts facts = collect_facts(no_url);
    CHECK_FALSE(facts.service);
    CHECK(item_of(evaluate(facts), "network").outcome == Outcome::warning);
}

TEST_CASE("one item probed again keeps the other facts as they were") {
    Facts before = good_windows11_pc();
    before.calendar->calendar_type = "3";
    // On Linux the calendar probe sees nothing: the item's facts are replaced, not kept.
    const Facts after = recollect_item(before, "calendar", milliseconds{1000});
    CHECK_FALSE(after.calendar);
    CHECK(after.pdf->handler_prog_id == before.pdf->handler_prog_id);
    CHECK(after.os.build == before.os.build);
    CHECK(after.service->server_time == before.service->server_time);

    const Facts os_again = recollect_item(before, "os", milliseconds{1000});
    CHECK_FALSE(os_again.os.is_windows);
    CHECK(os_again.calendar->calendar_type == "3");

    // Items without a probe of their own come back unchanged.
    const Facts network_again = recollect_item(before, "network", milliseconds{1000});
    CHECK(network_again.service->latency == before.service->latency);
    CHECK(network_again.calendar->calendar_type == "3");
}
