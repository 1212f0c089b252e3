#include "script_steps.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <utility>

#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::ui {
namespace {

const std::vector<std::string> commands_with_argument{
    "click",          "type",        "key",       "wait-screen", "expect-text", "expect-disabled",
    "expect-enabled", "screenshot",  "scroll",    "text",        "paste",       "content-scale",
    "print-text",     "move-window", "wait-file", "expect-gone", "minimize",    "window-size"};
const std::vector<std::string> commands_without_argument{"wait-idle", "refocus", "settings-changed"};

bool listed(const std::vector<std::string>& commands, const std::string& command) {
    return std::find(commands.begin(), commands.end(), command) != commands.end();
}

constexpr std::array<std::pair<std::string_view, ScriptKey>, 10> key_names{{
    {"Enter", ScriptKey::enter},
    {"Tab", ScriptKey::tab},
    {"Shift+Tab", ScriptKey::shift_tab},
    {"Escape", ScriptKey::escape},
    {"Space", ScriptKey::space},
    {"F1", ScriptKey::f1},
    {"Ctrl+Plus", ScriptKey::ctrl_plus},
    {"Ctrl+Minus", ScriptKey::ctrl_minus},
    {"Ctrl+A", ScriptKey::ctrl_a},
    {"Ctrl+V", ScriptKey::ctrl_v},
}};

// Where "LABEL = TEXT" is split: the first '=' with white space on both
// sides (labels may hold spaces). Any white space counts, not only ' ', so
// that a label, once trimmed, cannot end in a separator of its own ("a =\t"
// before " = x"), and the step written back as "LABEL = TEXT" reads the same.
std::size_t text_separator(std::string_view rest) {
    for (std::size_t i = 1; i + 1 < rest.size(); ++i)
        if (rest[i] == '=' && core::is_ascii_space(rest[i - 1]) && core::is_ascii_space(rest[i + 1]))
            return i;
    return std::string_view::npos;
}

// The step of one line that is neither blank nor a comment; on a mistake,
// nothing and the message.
std::optional<ScriptStep> parse_step(const std::string& line, int line_no, std::string& error) {
    ScriptStep step;
    step.line = line_no;
    const auto space = line.find(' ');
    step.command = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : std::string(core::trim(line.substr(space + 1)));
    const bool needs_argument = listed(commands_with_argument, step.command);
    const auto mistake = [&](core::TextKey key) {
        error = core::tr(key, {{"line", line_no}, {"command", step.command}});
        return std::nullopt;
    };
    if (step.command == "type" || step.command == "paste") {
        const auto eq = text_separator(rest);
        if (eq == std::string::npos) return mistake(texts::client::script::type_form);
        step.text = rest.substr(eq + 2);
        rest = std::string(core::trim(rest.substr(0, eq)));
    }
    step.argument = rest;
    if (!needs_argument && !listed(commands_without_argument, step.command))
        return mistake(texts::client::script::unknown_command);
    if (needs_argument && rest.empty()) return mistake(texts::client::script::needs_argument);
    if (!needs_argument && !rest.empty()) return mistake(texts::client::script::no_argument);
    if (step.command == "content-scale" && !script_scale(rest)) {
        error = core::tr(texts::client::script::scale, {{"line", line_no},
                                                        {"min", static_cast<int>(min_script_scale)},
                                                        {"max", static_cast<int>(max_script_scale)},
                                                        {"value", rest}});
        return std::nullopt;
    }
    if (step.command == "move-window" && !window_move(rest)) {
        error = core::tr(texts::client::script::move_window,
                         {{"line", line_no}, {"max", max_window_move}, {"value", rest}});
        return std::nullopt;
    }
    if (step.command == "minimize" && !script_seconds(rest)) {
        error = core::tr(texts::client::script::seconds, {{"line", line_no},
                                                          {"min", min_minimize_seconds},
                                                          {"max", max_minimize_seconds},
                                                          {"value", rest}});
        return std::nullopt;
    }
    if (step.command == "window-size" && !script_window_size(rest)) {
        error = core::tr(
            texts::client::script::window_size,
            {{"line", line_no}, {"width", min_window_width}, {"height", min_window_height}, {"value", rest}});
        return std::nullopt;
    }
    if (step.command == "key" && !script_key(rest)) {
        error = core::tr(texts::client::script::unknown_key, {{"line", line_no}, {"key", rest}});
        return std::nullopt;
    }
    return step;
}

}  // namespace

std::optional<ScriptKey> script_key(std::string_view name) {
    for (const auto& [key_name, key] : key_names)
        if (key_name == name) return key;
    return std::nullopt;
}

std::optional<float> script_scale(const std::string& text) {
    char* end = nullptr;
    const float scale = std::strtof(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(scale >= min_script_scale && scale <= max_script_scale))
        return std::nullopt;
    return scale;
}

std::optional<std::pair<int, int>> window_move(const std::string& text) {
    std::istringstream in(text);
    int dx = 0, dy = 0;
    std::string rest;
    if (!(in >> dx >> dy) || (in >> rest) || std::abs(dx) > max_window_move || std::abs(dy) > max_window_move)
        return std::nullopt;
    return std::pair{dx, dy};
}

std::optional<int> script_seconds(const std::string& text) {
    char* end = nullptr;
    const long seconds = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || seconds < min_minimize_seconds ||
        seconds > max_minimize_seconds)
        return std::nullopt;
    return static_cast<int>(seconds);
}

std::optional<std::pair<int, int>> script_window_size(const std::string& text) {
    int width = 0, height = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &rest) != 2) return std::nullopt;
    if (width < min_window_width || height < min_window_height || width > max_window_side ||
        height > max_window_side)
        return std::nullopt;
    return std::pair{width, height};
}

std::optional<std::vector<ScriptStep>> parse_ui_script(const std::string& source, std::string& error) {
    if (source.size() > max_script_size) {
        error = core::tr(texts::client::script::too_large,
                         {{"max_kib", static_cast<int>(max_script_size / 1024)}});
        return std::nullopt;
    }
    std::vector<ScriptStep> steps;
    std::istringstream in(source);
    std::string raw;
    int line_no = 0;
    while (std::getline(in, raw)) {
        ++line_no;
        const std::string line = std::string(core::trim(raw));
        if (line.empty() || line[0] == '#') continue;
        auto step = parse_step(line, line_no, error);
        if (!step) return std::nullopt;
        steps.push_back(std::move(*step));
    }
    return steps;
}

}  // namespace careplan::ui
