#include "ui_script.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "automation.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/platform/paths.hpp"
#include "careplan/platform/runner.hpp"

namespace careplan::ui {
namespace {

// Longer than the client's read time-out (15 s), so that time-outs can be awaited.
constexpr auto step_time_limit = std::chrono::seconds(20);
// Frames to let ImGui settle after input (hover, activation, focus).
constexpr int frames_after_input = 3;

const std::vector<std::string> commands_with_argument{
    "click",           "type",           "key",        "wait-screen", "expect-text",
    "expect-disabled", "expect-enabled", "screenshot", "scroll",      "text",
    "paste",           "content-scale",  "print-text", "minimize",    "window-size"};

// The content scales a script may ask for (1.0 = 96 dpi).
constexpr float min_script_scale = 1.0f, max_script_scale = 4.0f;

std::optional<float> script_scale(const std::string& text) {
    char* end = nullptr;
    const float scale = std::strtof(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || scale < min_script_scale || scale > max_script_scale)
        return std::nullopt;
    return scale;
}

// How long a script may keep the window minimised, in whole seconds.
constexpr int min_minimize_seconds = 1, max_minimize_seconds = 10;

std::optional<int> script_seconds(const std::string& text) {
    char* end = nullptr;
    const long seconds = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || seconds < min_minimize_seconds ||
        seconds > max_minimize_seconds)
        return std::nullopt;
    return static_cast<int>(seconds);
}

// The window sizes a script may ask for: from the client's minimum up.
constexpr int min_window_width = 800, min_window_height = 600, max_window_side = 4096;

std::optional<std::pair<int, int>> script_window_size(const std::string& text) {
    int width = 0, height = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &rest) != 2) return std::nullopt;
    if (width < min_window_width || height < min_window_height || width > max_window_side ||
        height > max_window_side)
        return std::nullopt;
    return std::pair{width, height};
}

struct KeyChord {
    ImGuiKey key;
    ImGuiKey modifier;  // ImGuiKey_None, ImGuiMod_Ctrl or ImGuiMod_Shift
};

std::optional<KeyChord> key_named(const std::string& name) {
    if (name == "Enter") return KeyChord{ImGuiKey_Enter, ImGuiKey_None};
    if (name == "Tab") return KeyChord{ImGuiKey_Tab, ImGuiKey_None};
    if (name == "Shift+Tab") return KeyChord{ImGuiKey_Tab, ImGuiMod_Shift};
    if (name == "Escape") return KeyChord{ImGuiKey_Escape, ImGuiKey_None};
    if (name == "Space") return KeyChord{ImGuiKey_Space, ImGuiKey_None};
    if (name == "F1") return KeyChord{ImGuiKey_F1, ImGuiKey_None};
    if (name == "Ctrl+Plus") return KeyChord{ImGuiKey_Equal, ImGuiMod_Ctrl};
    if (name == "Ctrl+Minus") return KeyChord{ImGuiKey_Minus, ImGuiMod_Ctrl};
    if (name == "Ctrl+A") return KeyChord{ImGuiKey_A, ImGuiMod_Ctrl};
    if (name == "Ctrl+V") return KeyChord{ImGuiKey_V, ImGuiMod_Ctrl};
    return std::nullopt;
}

void press(const KeyChord& chord) {
    ImGuiIO& io = ImGui::GetIO();
    if (chord.modifier != ImGuiKey_None) io.AddKeyEvent(chord.modifier, true);
    io.AddKeyEvent(chord.key, true);
    io.AddKeyEvent(chord.key, false);
    if (chord.modifier != ImGuiKey_None) io.AddKeyEvent(chord.modifier, false);
}

}  // namespace

std::optional<std::vector<ScriptStep>> parse_ui_script(const std::string& source, std::string& error) {
    std::vector<ScriptStep> steps;
    std::istringstream in(source);
    std::string raw;
    int line_no = 0;
    while (std::getline(in, raw)) {
        ++line_no;
        const std::string line = std::string(core::trim(raw));
        if (line.empty() || line[0] == '#') continue;
        ScriptStep step;
        step.line = line_no;
        const auto space = line.find(' ');
        step.command = line.substr(0, space);
        std::string rest = space == std::string::npos ? "" : std::string(core::trim(line.substr(space + 1)));
        const bool needs_argument = std::find(commands_with_argument.begin(), commands_with_argument.end(),
                                              step.command) != commands_with_argument.end();
        if (step.command == "type" || step.command == "paste") {
            // Labels may hold spaces, so " = " separates the label from the text.
            const auto eq = rest.find(" = ");
            if (eq == std::string::npos) {
                error = core::tr(texts::client::script::type_form,
                                 {{"line", line_no}, {"command", step.command}});
                return std::nullopt;
            }
            step.text = rest.substr(eq + 3);
            rest = std::string(core::trim(rest.substr(0, eq)));
        }
        step.argument = rest;
        if (!needs_argument && step.command != "wait-idle" && step.command != "settings-changed") {
            error = core::tr(texts::client::script::unknown_command,
                             {{"line", line_no}, {"command", step.command}});
            return std::nullopt;
        }
        if (needs_argument && rest.empty()) {
            error = core::tr(texts::client::script::needs_argument,
                             {{"line", line_no}, {"command", step.command}});
            return std::nullopt;
        }
        if (step.command == "content-scale" && !script_scale(rest)) {
            error = core::tr(texts::client::script::scale, {{"line", line_no},
                                                            {"min", static_cast<int>(min_script_scale)},
                                                            {"max", static_cast<int>(max_script_scale)},
                                                            {"value", rest}});
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
            error = core::tr(texts::client::script::window_size, {{"line", line_no},
                                                                  {"width", min_window_width},
                                                                  {"height", min_window_height},
                                                                  {"value", rest}});
            return std::nullopt;
        }
        if (step.command == "key" && !key_named(rest)) {
            error = core::tr(texts::client::script::unknown_key, {{"line", line_no}, {"key", rest}});
            return std::nullopt;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

UiScriptPlayer::UiScriptPlayer(std::vector<ScriptStep> steps, std::function<bool()> idle)
    : steps_(std::move(steps)),
      idle_(std::move(idle)),
      settle_frames_(frames_after_input),  // the first frames still lay out
      step_started_(std::chrono::steady_clock::now()) {}

// What the screen showed, so that a failed wait in CI can be read from its log.
std::string UiScriptPlayer::shown_texts() const {
    std::string shown;
    for (const std::string& text : frame_record().texts()) {
        if (shown.size() > 2000) return shown + "\n  " + core::tr(texts::client::script::more);
        shown += "\n  | " + text;
    }
    return shown.empty() ? shown : "\n" + core::tr(texts::client::script::shown) + shown;
}

void UiScriptPlayer::fail(const std::string& why) {
    const auto& s = steps_[current_];
    failure_ = core::tr(texts::client::script::step_failed, {{"line", s.line},
                                                             {"command", s.command},
                                                             {"argument", s.argument},
                                                             {"why", why},
                                                             {"screen", frame_record().screen_code()}});
    finished_ = true;
}

// Moves the mouse to the middle of a control; false while it is not shown
// (or, failing the script, when it is shown but cannot be used).
bool UiScriptPlayer::point_at(const std::string& label) {
    const SeenControl* control = frame_record().find_control(label);
    if (!control) return false;
    if (!control->enabled) {
        fail(core::tr(texts::client::script::disabled));
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    const float y = (control->min.y + control->max.y) / 2;
    const float top = std::max(0.0f, control->visible_min.y);
    const float bottom = std::min(io.DisplaySize.y, control->visible_max.y);
    if (y < top || y > bottom) {
        // Scrolled out of its window, as a user would: turn the wheel over it and look again.
        io.AddMousePosEvent((control->visible_min.x + control->visible_max.x) / 2, (top + bottom) / 2);
        io.AddMouseWheelEvent(0, y < top ? 2.0f : -2.0f);
        settle_frames_ = frames_after_input;  // look again once the scrolled frame was recorded
        return false;
    }
    io.AddMousePosEvent((control->min.x + control->max.x) / 2, y);
    return true;
}

bool UiScriptPlayer::click(const std::string& label) {
    if (!point_at(label)) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    return true;
}

bool UiScriptPlayer::run_step(const ScriptStep& step) {
    const FrameRecord& seen = frame_record();
    const std::string& arg = step.argument;
    if (step.command == "click") return click(arg);
    if (step.command == "type" || step.command == "paste") {
        if (phase_ == 0) {
            if (!click(arg)) return false;
            phase_ = 1;
            settle_frames_ = frames_after_input;
            return false;
        }
        press(*key_named("Ctrl+A"));
        if (step.command == "type") {
            ImGui::GetIO().AddInputCharactersUTF8(step.text.c_str());
        } else {
            ImGui::SetClipboardText(step.text.c_str());
            press(*key_named("Ctrl+V"));
        }
        return true;
    }
    if (step.command == "scroll") {
        if (!point_at(arg)) return false;
        ImGui::GetIO().AddMouseWheelEvent(0, -1000);
        return true;
    }
    if (step.command == "key") {
        press(*key_named(arg));
        return true;
    }
    if (step.command == "text") {
        ImGui::GetIO().AddInputCharactersUTF8(arg.c_str());
        return true;
    }
    if (step.command == "wait-screen") return seen.screen_code() == arg;
    if (step.command == "expect-text") return seen.shows_text(arg);
    if (step.command == "print-text") {
        const auto& shown = seen.texts();
        const auto it = std::find_if(shown.begin(), shown.end(),
                                     [&](const std::string& t) { return t.find(arg) != std::string::npos; });
        if (it == shown.end()) return false;
        std::printf("ui-script text: %s\n", it->c_str());
        std::fflush(stdout);
        return true;
    }
    if (step.command == "expect-disabled" || step.command == "expect-enabled") {
        const SeenControl* c = seen.find_control(arg);
        return c && c->enabled == (step.command == "expect-enabled");
    }
    if (step.command == "wait-idle") return idle_();
    if (step.command == "wait-file") {
        std::error_code ignored;
        return std::filesystem::exists(platform::path_from_utf8(arg), ignored);
    }
    if (step.command == "settings-changed") {
        platform::announce_settings_change();
        return true;
    }
    if (step.command == "content-scale") {
        const float scale = *script_scale(arg);
        if (phase_ == 0) {
            phase_ = 1;
            platform::simulate_content_scale(scale);
            return false;
        }
        return ImGui::GetStyle().FontScaleDpi == scale;  // the client has applied it
    }
    if (step.command == "minimize") return minimize_step(*script_seconds(arg));
    if (step.command == "window-size") {
        const auto [width, height] = *script_window_size(arg);
        if (phase_ == 0) {
            phase_ = 1;
            platform::resize_window(width, height);
            return false;
        }
        const ImVec2 size = ImGui::GetIO().DisplaySize;  // the client has laid out at the new size
        return size.x == static_cast<float>(width) && size.y == static_cast<float>(height);
    }
    // screenshot
    if (phase_ == 0) {
        phase_ = 1;
        screenshot_done_ = false;
        platform::request_screenshot(arg, [this](bool ok) {
            screenshot_done_ = true;
            screenshot_ok_ = ok;
        });
        return false;
    }
    if (!screenshot_done_) return false;
    if (!screenshot_ok_) fail(core::tr(texts::client::screenshot_failed));
    return true;
}

// Minimised for a while and restored: the runner must draw nothing meanwhile.
bool UiScriptPlayer::minimize_step(int seconds) {
    if (phase_ == 0) {
        phase_ = 1;
        minimized_.reset();
        platform::minimize_for(seconds, [this](bool minimized, int frames) {
            minimized_ = std::pair{minimized, frames};
        });
        return false;
    }
    if (!minimized_) return false;
    const auto [minimized, frames] = *minimized_;
    std::printf("ui-script minimized: %s for %d s, frames drawn meanwhile: %d\n", minimized ? "yes" : "no",
                seconds, frames);
    std::fflush(stdout);
    if (!minimized)
        fail(core::tr(texts::client::script::not_minimized));
    else if (frames > 0)
        fail(core::tr(texts::client::script::drawn_while_minimized, {{"frames", frames}}));
    return true;
}

void UiScriptPlayer::after_frame() {
    if (finished_) return;
    if (settle_frames_ > 0) {
        --settle_frames_;
        return;
    }
    if (current_ >= steps_.size()) {
        finished_ = true;
        return;
    }
    const bool done = run_step(steps_[current_]);
    if (finished_) return;
    if (done) {
        // How long the screen took to come: the figures of the GUI tests.
        if (steps_[current_].command == "wait-screen") {
            const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - step_started_);
            std::printf("ui-script: %s after %lld ms\n", steps_[current_].argument.c_str(),
                        static_cast<long long>(waited.count()));
        }
        ++current_;
        phase_ = 0;
        settle_frames_ = frames_after_input;
        step_started_ = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - step_started_ > step_time_limit) {
        fail(core::tr(texts::client::script::timeout));
        failure_ += shown_texts();
    }
}

}  // namespace careplan::ui
