// careplan-client: the entry point. Parses the command line, starts the
// embedded demo service when no server is given, and hands the UI to the
// platform runner.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "careplan/assets.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/walkthrough_code.hpp"
#include "careplan/envcheck/system_proxy.hpp"
#include "careplan/platform/paths.hpp"
#include "careplan/platform/runner.hpp"
#include "careplan/platform/system_look.hpp"
#include "careplan/service/service.hpp"
#include "client_app.hpp"
#include "command_line.hpp"
#include "env_check_bridge.hpp"
#include "ui_script.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

namespace {

using namespace careplan;

// A GUI-subsystem program has no console of its own: when started from one,
// print there; when the output is redirected, the handles are already set.
void attach_console_for_output() {
#ifdef _WIN32
    if (GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)) == FILE_TYPE_UNKNOWN &&
        AttachConsole(ATTACH_PARENT_PROCESS)) {
        std::freopen("CONOUT$", "w", stdout);
        std::freopen("CONOUT$", "w", stderr);
        SetConsoleOutputCP(CP_UTF8);
    }
#endif
}

// The embedded demo service: the real service code, in memory, on loopback,
// with the demo offices. Its Argon2 cost is light: it only ever holds the
// published demo passwords, and the client must start fast on old PCs. It
// seeds and starts serving in the background while the window opens: a login
// sent before then waits (busy on S01) and is answered once it serves.
std::unique_ptr<service::Service> start_demo_service() {
    service::ServiceOptions options;
    options.seed_demo = true;
    options.argon2_time_cost = 1;
    options.argon2_memory_kib = 1024;
    auto demo = std::make_unique<service::Service>(options);
    demo->start_in_background("127.0.0.1", 0);
    return demo;
}

std::vector<ui::DemoAccount> demo_accounts() {
    std::vector<ui::DemoAccount> accounts;
    for (const auto& office : service::demo_offices())
        accounts.push_back(
            {office.user_id, office.password, office.scenario, office.days_remaining, office.applied});
    return accounts;
}

std::optional<std::vector<ui::ScriptStep>> load_script(const std::string& path) {
    std::ifstream in(platform::path_from_utf8(path), std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s\n", core::tr(texts::client::script::cannot_open, {{"path", path}}).c_str());
        return std::nullopt;
    }
    std::stringstream source;
    source << in.rdbuf();
    std::string error;
    auto steps = ui::parse_ui_script(source.str(), error);
    if (!steps)
        std::fprintf(stderr, "%s\n", core::tr(texts::client::script::invalid, {{"error", error}}).c_str());
    return steps;
}

std::optional<core::RendererChoice> renderer_named(const std::optional<std::string>& name) {
    using Choice = core::RendererChoice;
    if (!name) return std::nullopt;
    return *name == "gl2" ? Choice::gl2 : *name == "dx11" ? Choice::dx11 : Choice::gl3;
}

// The look Windows asks for: a high contrast scheme's colours, the text size.
void follow_system_look(ui::ClientApp& app, const ui::CommandLine& cl) {
    const platform::SystemLook look = platform::read_system_look(cl.assume_high_contrast);
    app.set_look(
        look.high_contrast ? core::high_contrast_palette(*look.high_contrast) : core::light_palette(),
        look.text_scale);
}

// The runner has told the user about a missing graphics context (3); a
// damaged font (4) is told here.
int report_failed_start(int status) {
    if (status == 4) platform::show_fatal_error(core::tr(texts::client::font_damaged));
    return status;
}

bool report_script(const ui::UiScriptPlayer& player, const std::string& path) {
    if (player.passed()) {
        std::printf("ui-script passed: %s\n", path.c_str());
        return true;
    }
    const std::string failure =
        player.finished() ? player.failure() : core::tr(texts::client::script::window_closed);
    std::fprintf(stderr, "%s\n", core::tr(texts::client::script::failed, {{"failure", failure}}).c_str());
    return false;
}

// Where the client's requests go.
struct Connection {
    std::string base_url;
    core::ProxyRoute route;  // direct to the embedded demo service
    bool demo = false;       // the embedded demo service
};

// The proxy given with --proxy, else in the ini, else Windows' own manual
// proxy setting (as the office's browsers use it); nullopt after telling the
// user that the one they gave cannot be read.
std::optional<core::ProxyRoute> choose_route(const ui::CommandLine& cl, const ui::Settings& settings,
                                             const std::string& base_url) {
    using core::ProxySource;
    const auto given = cl.proxy ? std::pair{*cl.proxy, ProxySource::command_line}
                                : std::pair{settings.proxy, ProxySource::settings_file};
    if (given.first.empty()) {
        const auto proxy = core::proxy_for_url(envcheck::manual_proxy_setting(), base_url);
        return core::ProxyRoute{proxy, proxy ? ProxySource::windows_setting : ProxySource::none};
    }
    if (const auto proxy = core::parse_host_port(given.first)) return core::ProxyRoute{proxy, given.second};
    std::fprintf(stderr, "%s\n", core::tr(texts::client::option::proxy, {{"proxy", given.first}}).c_str());
    return std::nullopt;
}

int run_client(const ui::CommandLine& cl, const Connection& connection, ui::ClientConfig config,
               std::chrono::steady_clock::time_point started) {
    std::optional<std::vector<ui::ScriptStep>> script;
    if (cl.ui_script && !(script = load_script(*cl.ui_script))) return 64;

    if (connection.demo) config.demo_accounts = demo_accounts();
    ui::EffectRunnerOptions runner;
    runner.base_url = connection.base_url;
    runner.proxy = connection.route.proxy;
    auto env_check = std::make_shared<ui::EnvCheckSession>(connection.base_url, connection.route);
    runner.run_env_check = [env_check] { return env_check->run(); };
    runner.recheck_env_item = [env_check](const std::string& item_id) { return env_check->recheck(item_id); };
    config.settings_launcher = cl.launch_trace
                                   ? ui::tracing_settings_launcher(platform::path_from_utf8(*cl.launch_trace))
                                   : ui::system_settings_launcher();
    runner.on_result = platform::request_redraw;
    ui::ClientApp app(config, runner);

    std::optional<ui::UiScriptPlayer> player;
    if (script) player.emplace(std::move(*script), [&app] { return app.idle(); });

    platform::RunnerOptions options;
    options.title = core::tr(texts::client::name);
    options.screenshot_path = cl.screenshot;
    options.ime_trace_path = cl.ime_trace;
    options.renderers = core::renderer_attempts(renderer_named(cl.renderer),
                                                cl.assume_remote_session || platform::is_remote_session());
    options.started = started;
    platform::RunnerCallbacks callbacks;
    platform::RunInfo info;
    callbacks.setup = [&](float scale) {
        app.set_renderer(info.renderer);  // known before setup
        follow_system_look(app, cl);
        return app.setup(scale);
    };
    callbacks.system_settings_changed = [&] { follow_system_look(app, cl); };
    callbacks.scale_changed = [&](float scale) { app.rescale(scale); };
    callbacks.focus_regained = [&] { app.focus_regained(); };
    callbacks.draw = [&] {
        app.draw();
        if (!player) return;
        player->after_frame();
        if (player->finished()) platform::request_close();
    };
    callbacks.wants_animation = [&] { return player.has_value() || app.wants_animation(); };
    int screenshot_status = 0;
    callbacks.screenshot_taken = [&](bool ok, const std::string& path) {
        if (!ok) {
            std::fprintf(stderr, "%s: %s\n", core::tr(texts::client::screenshot_failed).c_str(),
                         path.c_str());
            screenshot_status = 1;
        }
    };
    const int status = platform::run(options, callbacks, &info);
    if (status != 0) return report_failed_start(status);
    if (cl.screenshot)
        std::printf("screenshot %s renderer=\"%s\" first_frame_ms=%.0f\n", cl.screenshot->c_str(),
                    info.renderer.c_str(), info.first_frame_seconds * 1000);
    if (player && !report_script(*player, *cl.ui_script)) return 1;
    return screenshot_status;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    attach_console_for_output();
    const ui::CommandLine cl = ui::parse_command_line(ui::utf8_arguments(argc, argv));
    if (!cl.error.empty()) {
        std::fprintf(stderr, "%s\n\n%s", cl.error.c_str(), ui::usage_text().c_str());
        return 64;
    }
    if (cl.help) {
        std::fputs(ui::usage_text().c_str(), stdout);
        return 0;
    }
    if (cl.version) {
        std::printf("careplan-client %s\n", CAREPLAN_VERSION);
        return 0;
    }
    if (cl.licenses) {
        for (const assets::Asset& license : {assets::font_ipaexg_license(), assets::inih_license()}) {
            const auto text = assets::unpack(license);
            if (!text) return 4;
            std::fwrite(text->data(), 1, text->size(), stdout);
            std::fputs("\n", stdout);
        }
        return 0;
    }

    // A script replays with the settings of the folder it runs in (tests start
    // from the defaults and leave the exe's own settings alone).
    ui::ClientConfig config;
    config.settings_file = cl.ui_script ? std::filesystem::path("careplan-client.ini") : ui::settings_path();
    config.settings = ui::load_settings(config.settings_file);
    const service::DemoOffice& first_demo = service::demo_offices().front();
    config.replay_login = {first_demo.user_id, first_demo.password};
    config.helpdesk = cl.helpdesk;
    if (cl.helpdesk_code) config.helpdesk_code = core::decode_walkthrough_code(*cl.helpdesk_code);

    std::unique_ptr<service::Service> demo;
    Connection connection;
    if (cl.server) {
        connection.base_url = *cl.server;
        const auto route = choose_route(cl, config.settings, connection.base_url);
        if (!route) return 64;
        connection.route = *route;
    } else {
        // The demo service runs inside this process: no proxy between.
        try {
            demo = start_demo_service();
            connection.base_url = demo->base_url();
            connection.demo = true;
        } catch (const std::exception& e) {
            platform::show_fatal_error(core::tr(texts::client::demo_failed, {{"error", e.what()}}));
            return 5;
        }
    }
    const int status = cl.check_env ? ui::run_check_env_cli(cl.json, connection.base_url, connection.route)
                                    : run_client(cl, connection, std::move(config), started);
    // The demo service (in memory, nothing to keep) is not stopped: stopping
    // ends its HTTP threads, and in the static mingw build a thread that served
    // HTTP corrupts the heap when it exits. The process's end takes it down.
    (void)demo.release();
    return status;
}
