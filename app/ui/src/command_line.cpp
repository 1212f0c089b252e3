#include "command_line.hpp"

#include "careplan/core/input.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/walkthrough_code.hpp"

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#endif

namespace careplan::ui {

namespace {

// Why --server cannot be used, or "": the password goes over this connection,
// so plain http:// is for a service on this PC only unless explicitly allowed.
std::string server_error(const std::string& server, bool allow_insecure_http) {
    const auto url = core::parse_server_url(server);
    if (!url) return core::tr(texts::client::option::server, {{"url", server}});
    if (!url->https && !core::is_loopback_host(url->host) && !allow_insecure_http) {
        return core::tr(texts::client::option::insecure_http, {{"url", server}});
    }
    return {};
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string>& args) {
    CommandLine cl;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 < args.size()) return args[++i];
            cl.error = core::tr(texts::client::option::needs_value, {{"option", a}});
            return std::nullopt;
        };
        if (a == "--help" || a == "-h")
            cl.help = true;
        else if (a == "--version")
            cl.version = true;
        else if (a == "--licenses")
            cl.licenses = true;
        else if (a == "--renderer") {
            cl.renderer = value();
            if (cl.renderer && *cl.renderer != "gl3" && *cl.renderer != "gl2" && *cl.renderer != "dx11")
                cl.error = core::tr(texts::client::option::renderer);
        } else if (a == "--assume-remote-session")
            cl.assume_remote_session = true;
        else if (a == "--assume-high-contrast")
            cl.assume_high_contrast = true;
        else if (a == "--screenshot")
            cl.screenshot = value();
        else if (a == "--ime-trace")
            cl.ime_trace = value();
        else if (a == "--check-env")
            cl.check_env = true;
        else if (a == "--json")
            cl.json = true;
        else if (a == "--server")
            cl.server = value();
        else if (a == "--allow-insecure-http")
            cl.allow_insecure_http = true;
        else if (a == "--proxy")
            cl.proxy = value();
        else if (a == "--ui-script")
            cl.ui_script = value();
        else if (a == "--launch-trace")  // hidden: for the GUI tests, not in the usage text
            cl.launch_trace = value();
        else if (a == "--helpdesk") {
            cl.helpdesk = true;
            // The code is optional: without it the client asks for it.
            if (i + 1 < args.size() && !args[i + 1].starts_with("--")) cl.helpdesk_code = args[++i];
        } else
            cl.error = core::tr(texts::client::option::unknown, {{"option", a}});
        if (!cl.error.empty()) break;
    }
    if (cl.error.empty() && cl.json && !cl.check_env) cl.error = core::tr(texts::client::option::json_alone);
    if (cl.error.empty() && cl.server) cl.error = server_error(*cl.server, cl.allow_insecure_http);
    if (cl.error.empty() && cl.helpdesk && cl.server)
        cl.error = core::tr(texts::client::option::helpdesk_demo);
    if (cl.error.empty() && cl.helpdesk_code && !core::decode_walkthrough_code(*cl.helpdesk_code))
        cl.error = core::tr(texts::client::option::helpdesk_code, {{"code", *cl.helpdesk_code}});
    return cl;
}

std::string usage_text() {
    return core::tr(texts::client::usage, {{"product", core::tr(texts::client::name)}}) + "\n";
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
    std::vector<std::string> args;
#ifdef _WIN32
    (void)argc;
    (void)argv;
    int count = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
    for (int i = 1; wide && i < count; ++i) args.push_back(core::from_wide(wide[i]));
    LocalFree(wide);
#else
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
#endif
    return args;
}

}  // namespace careplan::ui
