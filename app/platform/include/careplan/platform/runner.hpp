#pragma once
// The small runner that owns the window and the frame loop (in the manner of
// hello_imgui): the application gives callbacks, the runner decides when to
// draw. It waits for events and draws nothing while idle.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "careplan/core/display.hpp"

#include "careplan/core/ime.hpp"

namespace careplan::platform {

struct RunnerOptions {
    std::string title;
    int width = 1024;
    int height = 720;
    int min_width = 800;
    int min_height = 600;
    // Render until the picture is stable, write it as PNG, and return.
    std::optional<std::string> screenshot_path;
    // The renderers to try, in order (core::renderer_attempts); dx11 is
    // passed over outside Windows.
    std::vector<core::RendererChoice> renderers = core::renderer_attempts(std::nullopt, false);
    // Where RunInfo::first_frame_seconds counts from (the process's start).
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    // --ime-trace: a line per IME call, with what imm32 then holds (Windows).
    std::optional<std::string> ime_trace_path;
};

struct RunnerCallbacks {
    // After the ImGui context exists, before the first frame; gets the monitor's
    // content scale (1.0 on a 96-dpi screen). False stops the run (exit code 4).
    std::function<bool(float content_scale)> setup;
    // Builds one frame of ImGui widgets.
    std::function<void()> draw;
    // True while the application wants frames without input (an animation, a
    // spinner); the runner then draws at a modest rate instead of idling.
    std::function<bool()> wants_animation;
    // The window's content scale changed while running: it moved to a screen
    // of another scale, or a remote desktop session came back from a PC with
    // another one. Before the next frame.
    std::function<void(float content_scale)> scale_changed;
    // The window got the keyboard focus back (the user returns from another
    // program). Before the next frame.
    std::function<void()> focus_regained;

    // Windows reported a changed setting (WM_SETTINGCHANGE, WM_SYSCOLORCHANGE):
    // a high contrast scheme or the text size may have changed. Before the next frame.
    std::function<void()> system_settings_changed;
    // Once a screenshot is taken, its path; or the error.
    std::function<void(bool ok, const std::string& path)> screenshot_taken;
};

struct RunInfo {
    std::string renderer;            // "OpenGL 3.3", "OpenGL 2.1", "Direct3D 11" or "Direct3D 11 (WARP)"
    double first_frame_seconds = 0;  // from RunnerOptions::started to the first frame shown
};

// Runs until the window is closed (or the screenshot is written). Returns the
// process exit code: 0 on success, 3 when no usable graphics context exists
// (the user has then already been told, in Japanese), 4 when setup failed.
// On Windows, Direct3D 11 is the last fallback, so 3 means neither worked.
int run(const RunnerOptions& options, const RunnerCallbacks& callbacks, RunInfo* info = nullptr);

// Thread-safe: wakes the loop so that it draws a frame (results of background
// work arriving).
void request_redraw();

// Takes a screenshot once the picture is stable (from inside a frame, e.g. a
// UI script); `done` is called on the UI thread with the result.
void request_screenshot(std::string path, std::function<void(bool ok)> done);

// Sends the window the message Windows broadcasts when a setting changed
// (WM_SETTINGCHANGE), through the same path (UI scripts); elsewhere as if.
void announce_settings_change();

// Resizes the window (in screen coordinates) from inside a frame (UI scripts:
// a small office screen).
void resize_window(int width, int height);

// Minimises the window, keeps it so for `seconds`, restores it, and then
// calls `done` (on the UI thread) with whether it really was minimised and
// how many frames were drawn meanwhile (UI scripts: none should be).
void minimize_for(double seconds, std::function<void(bool minimized, int frames_drawn)> done);

// Closes the window from inside a frame (e.g. a UI script that finished).
void request_close();

// As if the system reported this content scale for the window (UI scripts:
// the same path as a real change, minus the system).
void simulate_content_scale(float content_scale);

// Moves the window by that many screen pixels (UI scripts: the IME windows
// must follow it).
void move_window(int dx, int dy);

// The window's IME, for the input mode of each field: imm32 on Windows; on
// other systems one without an input context.
core::ImeSwitch& ime_switch();

// As if the window got the focus back (UI scripts: the user returning from
// a page the client opened).
void simulate_focus_regained();

// Shows an error to a user who may have started the program by double-click:
// a message box on Windows, stderr elsewhere.
void show_fatal_error(const std::string& utf8_message);

}  // namespace careplan::platform
