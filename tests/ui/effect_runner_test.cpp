// The client's effect runner against an in-process service on loopback: the
// effects run on its workers, the results come back on the caller's thread,
// and a runner that goes away reports nothing more. Also built under
// ThreadSanitizer (the linux-tsan preset).
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "effect_runner.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

using namespace careplan;
using namespace std::chrono_literals;

namespace {

// The UI loop's side: woken by on_result, collects what take_results hands over.
struct ResultInbox {
    std::mutex mutex;
    std::condition_variable woken;
    int wakes = 0;

    void wake() {
        {
            std::lock_guard lock(mutex);
            ++wakes;
        }
        woken.notify_all();
    }
};

// Takes results until `count` arrived (or 20 s passed, which FAILs).
std::vector<core::Event> collect(ui::EffectRunner& runner, ResultInbox& inbox, std::size_t count) {
    std::vector<core::Event> events;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (events.size() < count && std::chrono::steady_clock::now() < deadline) {
        {
            std::unique_lock lock(inbox.mutex);
            inbox.woken.wait_for(lock, 50ms);
        }
        for (auto& e : runner.take_results()) events.push_back(std::move(e));
    }
    REQUIRE(events.size() == count);
    return events;
}

template <class T>
std::vector<T> of_type(const std::vector<core::Event>& events) {
    std::vector<T> found;
    for (const auto& e : events)
        if (const T* t = std::get_if<T>(&e)) found.push_back(*t);
    return found;
}

}  // namespace

TEST_CASE("the effect runner performs effects on its workers and hands back their results") {
    test::TestService service;
    test::TempDir dir("careplan-effects-");
    auto inbox = std::make_shared<ResultInbox>();
    auto env_checks = std::make_shared<std::atomic<int>>(0);
    ui::EffectRunnerOptions options;
    options.base_url = service.service().base_url();
    options.run_env_check = [env_checks] {
        ++*env_checks;
        return core::event::EnvCheckFinished{};
    };
    options.on_result = [inbox] { inbox->wake(); };
    ui::EffectRunner runner(std::move(options));

    for (int office = 1; office <= 4; ++office)
        runner.perform(core::effect::Login{test::demo_user(office), test::demo_password(office)});
    runner.perform(core::effect::Login{test::demo_user(1), "wrong-password"});
    runner.perform(core::effect::RunEnvCheck{});
    const std::string saved = dir.file("report.txt");
    runner.perform(core::effect::SaveFile{saved, "report\n"});
    runner.perform(core::effect::CopyToClipboard{"left to the UI thread"});
    const auto events = collect(runner, *inbox, 7);

    const auto logins = of_type<core::event::LoginSucceeded>(events);
    std::set<std::string> users, tokens;
    for (const auto& login : logins) {
        users.insert(login.session.user.user_id);
        tokens.insert(login.session.token);
    }
    CHECK(users == std::set<std::string>{test::demo_user(1), test::demo_user(2), test::demo_user(3),
                                         test::demo_user(4)});
    CHECK(tokens.size() == 4);
    const auto failed = of_type<core::event::RequestFailed>(events);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].request == core::Request::login);
    CHECK(of_type<core::event::EnvCheckFinished>(events).size() == 1);
    CHECK(*env_checks == 1);
    const auto files = of_type<core::event::FileSaved>(events);
    REQUIRE(files.size() == 1);
    CHECK((files[0].path == saved && files[0].ok));
    std::ostringstream content;
    content << std::ifstream(saved).rdbuf();
    CHECK(content.str() == "report\n");

    // A token from one worker serves on the other: the license of office 1.
    const auto first = std::find_if(logins.begin(), logins.end(), [](const auto& l) {
        return l.session.user.user_id == test::demo_user(1);
    });
    REQUIRE(first != logins.end());
    runner.perform(core::effect::FetchLicense{first->session.token});
    runner.perform(core::effect::FetchLicense{first->session.token});
    const auto licenses = of_type<core::event::LicenseLoaded>(collect(runner, *inbox, 2));
    REQUIRE(licenses.size() == 2);
    CHECK(licenses[0].license.office_number == test::demo_office_number(1));
    for (int i = 0; i < 500 && !runner.idle(); ++i) std::this_thread::sleep_for(2ms);
    CHECK(runner.idle());
}

TEST_CASE("a runner that goes away reports nothing more and drops the effects still queued") {
    // Both workers sit in a check until the test lets them go.
    struct Gate {
        std::mutex mutex;
        std::condition_variable changed;
        int entered = 0;
        bool open = false;
    };
    auto gate = std::make_shared<Gate>();
    auto inbox = std::make_shared<ResultInbox>();
    ui::EffectRunnerOptions options;
    options.run_env_check = [gate] {
        std::unique_lock lock(gate->mutex);
        ++gate->entered;
        gate->changed.notify_all();
        gate->changed.wait(lock, [&] { return gate->open; });
        return core::event::EnvCheckFinished{};
    };
    options.on_result = [inbox] { inbox->wake(); };
    auto runner = std::make_unique<ui::EffectRunner>(std::move(options), 2);
    for (int i = 0; i < 6; ++i) runner->perform(core::effect::RunEnvCheck{});
    {
        std::unique_lock lock(gate->mutex);
        REQUIRE(gate->changed.wait_for(lock, 10s, [&] { return gate->entered == 2; }));
    }
    CHECK_FALSE(runner->idle());
    runner.reset();
    {
        std::lock_guard lock(gate->mutex);
        gate->open = true;
    }
    gate->changed.notify_all();
    std::this_thread::sleep_for(200ms);
    std::lock_guard lock(gate->mutex);
    CHECK(gate->entered == 2);  // the four queued checks never ran
    std::lock_guard inbox_lock(inbox->mutex);
    CHECK(inbox->wakes == 0);
}
