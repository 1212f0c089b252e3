// S08's remedy buttons reach Windows only through the launcher seam: the
// client hands it what the flow chose, and tells the user when it fails.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "client_app.hpp"
#include "settings_launcher.hpp"

using namespace careplan;
using namespace careplan::ui;

namespace {

class RecordingLauncher final : public SettingsLauncher {
  public:
    bool open(const core::SettingsLaunch& launch) override {
        opened.push_back(launch);
        return works;
    }
    std::vector<core::SettingsLaunch> opened;
    bool works = true;
};

core::event::EnvCheckFinished wareki_pc(core::WindowsBuild windows) {
    core::EnvCheckItem calendar;
    calendar.id = "calendar";
    calendar.outcome = core::CheckOutcome::ng;
    calendar.fix = core::SettingsPage::region_format;
    core::EnvCheckResult report;
    report.overall = core::CheckOutcome::ng;
    report.items = {calendar};
    report.windows = windows;
    return {report, std::nullopt};
}

struct Client {
    std::shared_ptr<RecordingLauncher> launcher = std::make_shared<RecordingLauncher>();
    std::unique_ptr<ClientApp> app;
    Client() {
        ClientConfig config;
        config.settings_launcher = launcher;
        app = std::make_unique<ClientApp>(config, EffectRunnerOptions{});
    }
};

}  // namespace

TEST_CASE("a remedy button opens the page the flow chose for this Windows") {
    Client client;
    client.app->dispatch(wareki_pc({10, 0, 17763}));  // 1809: no 地域 page in Settings yet
    client.app->dispatch(core::event::OpenFixPage{"calendar"});
    REQUIRE(client.launcher->opened.size() == 1);
    CHECK(client.launcher->opened[0] == core::SettingsLaunch{"control.exe", "intl.cpl"});
    CHECK(client.app->state().env_fix_opened == "calendar");
    CHECK_FALSE(client.app->state().message);

    client.app->dispatch(wareki_pc({10, 0, 26100}));
    client.app->dispatch(core::event::OpenFixPage{"calendar"});
    REQUIRE(client.launcher->opened.size() == 2);
    CHECK(client.launcher->opened[1] == core::SettingsLaunch{"ms-settings:regionformatting", ""});
}

TEST_CASE("a page Windows refuses to open is told to the user") {
    Client client;
    client.launcher->works = false;
    client.app->dispatch(wareki_pc({10, 0, 19045}));
    client.app->dispatch(core::event::OpenFixPage{"calendar"});
    CHECK(client.launcher->opened.size() == 1);
    REQUIRE(client.app->state().message);
    CHECK(client.app->state().message->code == "FIX_PAGE_FAILED");
    CHECK_FALSE(client.app->state().env_fix_opened);
}

TEST_CASE("--launch-trace writes one line per page instead of opening it") {
    const auto dir = std::filesystem::temp_directory_path() / "careplan-launch-trace-test";
    std::filesystem::create_directories(dir);
    const auto trace = dir / "trace.txt";
    std::filesystem::remove(trace);
    const auto launcher = tracing_settings_launcher(trace);
    CHECK(launcher->open({"ms-settings:defaultapps", ""}));
    CHECK(launcher->open({"control.exe", "/name Microsoft.WindowsUpdate"}));
    std::ifstream in(trace);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    CHECK(first == "ms-settings:defaultapps ");
    CHECK(second == "control.exe /name Microsoft.WindowsUpdate");
    // A trace that cannot be written is a failure, as a refused page would be.
    CHECK_FALSE(tracing_settings_launcher(dir / "no-such-dir" / "trace.txt")->open({"x", ""}));
}
