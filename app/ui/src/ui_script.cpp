#include "ui_script.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the input queue, to wait until it is empty

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "automation.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/platform/paths.hpp"
#include "careplan/platform/runner.hpp"

namespace careplan::ui {
namespace {

// Longer than the client's read time-out (15 s), so that time-outs can be awaited.
constexpr auto step_time_limit = std::chrono::seconds(20);
// Frames to let ImGui settle after input (hover, activation, focus).
constexpr int frames_after_input = 3;

struct KeyChord {
    ImGuiKey key;
    ImGuiKey modifier;  // ImGuiKey_None, ImGuiMod_Ctrl or ImGuiMod_Shift
};

KeyChord chord_of(ScriptKey key) {
    switch (key) {
        case ScriptKey::enter: return {ImGuiKey_Enter, ImGuiKey_None};
        case ScriptKey::tab: return {ImGuiKey_Tab, ImGuiKey_None};
        case ScriptKey::shift_tab: return {ImGuiKey_Tab, ImGuiMod_Shift};
        case ScriptKey::escape: return {ImGuiKey_Escape, ImGuiKey_None};
        case ScriptKey::space: return {ImGuiKey_Space, ImGuiKey_None};
        case ScriptKey::f1: return {ImGuiKey_F1, ImGuiKey_None};
        case ScriptKey::ctrl_plus: return {ImGuiKey_Equal, ImGuiMod_Ctrl};
        case ScriptKey::ctrl_minus: return {ImGuiKey_Minus, ImGuiMod_Ctrl};
        case ScriptKey::ctrl_a: return {ImGuiKey_A, ImGuiMod_Ctrl};
        case ScriptKey::ctrl_v: return {ImGuiKey_V, ImGuiMod_Ctrl};
    }
    return {ImGuiKey_None, ImGuiKey_None};
}

void press(const KeyChord& chord) {
    ImGuiIO& io = ImGui::GetIO();
    if (chord.modifier != ImGuiKey_None) io.AddKeyEvent(chord.modifier, true);
    io.AddKeyEvent(chord.key, true);
    io.AddKeyEvent(chord.key, false);
    if (chord.modifier != ImGuiKey_None) io.AddKeyEvent(chord.modifier, false);
}

}  // namespace

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
bool UiScriptPlayer::point_at(const std::string& label, bool whole) {
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
    // Its middle in view, or all of it when asked and it fits.
    const bool fits = control->max.y - control->min.y <= bottom - top;
    const float above = whole && fits ? control->min.y : y;
    const float below = whole && fits ? control->max.y : y;
    if (above < top || below > bottom) {
        // Scrolled out of its window, as a user would: turn the wheel over the
        // window's scroll bar (not over a box inside it that would take the
        // wheel itself) and look again.
        io.AddMousePosEvent(control->visible_max.x + ImGui::GetStyle().ScrollbarSize / 2, (top + bottom) / 2);
        // Short turns to bring a whole box in, so as not to overshoot past it.
        const float notches = whole ? 0.5f : 2.0f;
        io.AddMouseWheelEvent(0, above < top ? notches : -notches);
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
        press(chord_of(ScriptKey::ctrl_a));
        if (step.command == "type") {
            ImGui::GetIO().AddInputCharactersUTF8(step.text.c_str());
        } else {
            ImGui::SetClipboardText(step.text.c_str());
            press(chord_of(ScriptKey::ctrl_v));
        }
        return true;
    }
    if (step.command == "scroll") {
        if (!point_at(arg, true)) return false;  // its end must be on screen to count as read
        ImGui::GetIO().AddMouseWheelEvent(0, -1000);
        return true;
    }
    if (step.command == "key") {
        press(chord_of(*script_key(arg)));
        return true;
    }
    if (step.command == "text") {
        ImGui::GetIO().AddInputCharactersUTF8(arg.c_str());
        return true;
    }
    if (step.command == "wait-screen") return seen.screen_code() == arg;
    if (step.command == "expect-text") return seen.shows_text(arg);
    if (step.command == "expect-gone") return !seen.shows_text(arg);
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
    // The user comes back to the window, as GLFW reports it.
    if (step.command == "refocus") {
        platform::simulate_focus_regained();
        return true;
    }
    // A file that the test around the client writes when it is done (e.g.
    // changing a setting while S08 waits for the user to come back).
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
    if (step.command == "move-window") {
        const auto [dx, dy] = *window_move(arg);
        platform::move_window(dx, dy);
        return true;
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
    // ImGui hands queued input to the frames a little at a time (a click, the
    // keys of Ctrl+A, then the typed text): the settling frames count from
    // when all of it was taken, or the next step would read a layout that
    // the input is still changing (a message gone under a corrected field).
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) return;
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
