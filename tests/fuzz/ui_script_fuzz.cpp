// libFuzzer target: a --ui-script file (tests, or a caller's steps replayed
// by the help desk).
#include <string>

#include "careplan/core/strings.hpp"
#include "expect.hpp"
#include "script_steps.hpp"

using namespace careplan::ui;
using careplan::fuzz::expect;

namespace {

bool has_text(const ScriptStep& step) { return step.command == "type" || step.command == "paste"; }

// The step written as a script line: "command", "command ARGUMENT" or
// "command LABEL = TEXT".
std::string line_of(const ScriptStep& step) {
    std::string line = step.command;
    if (!step.argument.empty()) line += " " + step.argument;
    if (has_text(step)) line += " = " + step.text;
    return line;
}

// A step the player can run: a known command with what it needs.
void check_step(const ScriptStep& step) {
    expect(!step.command.empty() && step.command.find_first_of(" \n") == std::string::npos);
    expect(step.argument.find('\n') == std::string::npos && step.text.find('\n') == std::string::npos);
    expect(careplan::core::trim(step.argument) == step.argument);
    const bool alone =
        step.command == "wait-idle" || step.command == "refocus" || step.command == "settings-changed";
    expect(alone == step.argument.empty());
    expect(has_text(step) != step.text.empty());
    if (step.command == "key") expect(script_key(step.argument).has_value());
    if (step.command == "move-window") expect(window_move(step.argument).has_value());
    if (step.command == "minimize") expect(script_seconds(step.argument).has_value());
    if (step.command == "window-size") expect(script_window_size(step.argument).has_value());
    if (step.command == "content-scale") {
        const auto scale = script_scale(step.argument);
        expect(scale && *scale >= min_script_scale && *scale <= max_script_scale);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string source{careplan::fuzz::as_text(data, size)};
    std::string error;
    const auto steps = parse_ui_script(source, error);
    if (!steps) {
        expect(!error.empty());
        return 0;
    }
    expect(source.size() <= max_script_size);
    int previous_line = 0;
    std::string written;
    for (const ScriptStep& step : *steps) {
        check_step(step);
        expect(step.line > previous_line);
        previous_line = step.line;
        written += line_of(step) + "\n";
    }
    // Written back one step a line, the script parses to the same steps.
    const auto again = parse_ui_script(written, error);
    expect(again && again->size() == steps->size());
    for (std::size_t i = 0; i < steps->size(); ++i) {
        ScriptStep expected = (*steps)[i];
        expected.line = static_cast<int>(i) + 1;
        expect((*again)[i] == expected);
    }
    return 0;
}
