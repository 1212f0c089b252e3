#pragma once
// The steps of a --ui-script file (the commands: ui_script.hpp), parsed from
// its text. Apart from the player, which drives ImGui, so that the fuzz
// target (tests/fuzz/ui_script_fuzz.cpp) runs exactly the client's parser.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace careplan::ui {

struct ScriptStep {
    int line = 0;
    std::string command;
    std::string argument;  // LABEL, TEXT, FILE, CODE or key name
    std::string text;      // for type and paste

    bool operator==(const ScriptStep&) const = default;
};

// The keys a script may press.
enum class ScriptKey { enter, tab, shift_tab, escape, space, f1, ctrl_plus, ctrl_minus, ctrl_a, ctrl_v };
std::optional<ScriptKey> script_key(std::string_view name);

// The content scales a script may ask for (1.0 = 96 dpi).
inline constexpr float min_script_scale = 1.0f, max_script_scale = 4.0f;
std::optional<float> script_scale(const std::string& text);

// How far move-window may move the window, in screen pixels either way.
inline constexpr int max_window_move = 2000;
// "DX DY" of move-window.
std::optional<std::pair<int, int>> window_move(const std::string& text);

// How long minimize may keep the window minimised, in whole seconds.
inline constexpr int min_minimize_seconds = 1, max_minimize_seconds = 10;
std::optional<int> script_seconds(const std::string& text);

// The window sizes window-size may ask for ("WxH"): from the client's minimum up.
inline constexpr int min_window_width = 800, min_window_height = 600, max_window_side = 4096;
std::optional<std::pair<int, int>> script_window_size(const std::string& text);

// The longest script read: the longest of the GUI tests has a few KiB.
inline constexpr std::size_t max_script_size = 256 * 1024;

// Parses a script; on a mistake, nothing and the message.
std::optional<std::vector<ScriptStep>> parse_ui_script(const std::string& source, std::string& error);

}  // namespace careplan::ui
