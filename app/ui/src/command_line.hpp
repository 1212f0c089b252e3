#pragma once
// The client's command line.
#include <optional>
#include <string>
#include <vector>

namespace careplan::ui {

struct CommandLine {
    bool help = false;
    bool version = false;
    bool licenses = false;
    std::optional<std::string> renderer;  // the first renderer to try: gl3, gl2 or dx11
    // Hidden, for the tests under Wine: as if the session were a remote
    // desktop, or a high contrast scheme were on (Wine 8 never reports one).
    bool assume_remote_session = false;
    bool assume_high_contrast = false;
    bool check_env = false;
    bool json = false;
    std::optional<std::string> server;  // checked: https, or http to this PC (or allowed)
    bool allow_insecure_http = false;   // http:// to another host (test setups only)
    std::optional<std::string> proxy;
    std::optional<std::string> ui_script;
    std::optional<std::string> screenshot;
    // --ime-trace FILE, a test flag left out of --help: a line per IME call
    // with what imm32 then holds (the Wine test's proof, tests/tools/ime-check.py).
    std::optional<std::string> ime_trace;
    // Hidden test option: S08's remedy buttons write what they would open to
    // this file instead of opening it.
    std::optional<std::string> launch_trace;
    bool helpdesk = false;                     // ヘルプデスク表示 on the embedded demo service
    std::optional<std::string> helpdesk_code;  // the walkthrough code to open, checked
    std::string error;                         // a Japanese message when the arguments are wrong
};

CommandLine parse_command_line(const std::vector<std::string>& args);

std::string usage_text();

// The arguments as UTF-8 (on Windows from the UTF-16 command line, whatever
// the code page).
std::vector<std::string> utf8_arguments(int argc, char** argv);

}  // namespace careplan::ui
