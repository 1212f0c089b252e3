#include "careplan/platform/runner.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#ifdef _WIN32
#define GLFW_EXPOSE_NATIVE_WIN32
#include <GLFW/glfw3native.h>
#endif
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <vector>

#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/platform/png.hpp"
#include "ime.hpp"
#include "renderer.hpp"

namespace careplan::platform {
namespace {

std::atomic<bool> loop_running{false};
GLFWwindow* running_window = nullptr;  // while run() runs
std::atomic<bool> close_requested{false};

// Frames drawn after an input event: ImGui settles hover and focus changes
// over a couple of frames.
constexpr int frames_after_input = 3;
// A screenshot is taken once two consecutive frames are identical (the font
// atlas fills on demand over the first frames), at the latest after this many.
constexpr int max_screenshot_frames = 120;
constexpr double animation_interval_seconds = 1.0 / 30.0;
// While the window is minimised or covered: how often to look whether it is
// visible again (Direct3D does not send a message when it is).
constexpr double hidden_check_seconds = 0.25;

struct Window {
    GLFWwindow* handle = nullptr;
    std::unique_ptr<Renderer> renderer;
};

// Tries the renderers in order of preference; the first whose context can be
// made and whose ImGui backends start wins.
std::unique_ptr<Renderer> make_renderer(core::RendererChoice choice) {
    switch (choice) {
        case core::RendererChoice::gl3: return make_gl3_renderer();
        case core::RendererChoice::gl2: return make_gl2_renderer();
        case core::RendererChoice::dx11:
#ifdef _WIN32
            return make_dx11_renderer();
#else
            return nullptr;
#endif
    }
    return nullptr;
}

Window open_window(const RunnerOptions& options) {
    for (const core::RendererChoice choice : options.renderers) {
        auto renderer = make_renderer(choice);
        if (!renderer) continue;
        glfwDefaultWindowHints();
        renderer->hint_window();
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        GLFWwindow* handle =
            glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
        if (!handle) continue;
        ImGui::CreateContext();
        if (renderer->init(handle)) return {handle, std::move(renderer)};
        ImGui::DestroyContext();
        glfwDestroyWindow(handle);
    }
    return {};
}

bool imgui_has_queued_input() { return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

class ScreenshotTaker {
  public:
    ScreenshotTaker(std::string path, std::function<void(bool ok)> done)
        : path_(std::move(path)), done_(std::move(done)) {}

    // Called after each rendered frame; true once the picture was written.
    bool after_frame(Renderer& renderer, int width, int height) {
        auto pixels = renderer.read_rgb(width, height);
        const bool stable = pixels == previous_ && frames_ >= 2;
        previous_ = std::move(pixels);
        if (!stable && ++frames_ < max_screenshot_frames) return false;
        const bool ok = write_png_rgb(path_, width, height, previous_);
        if (done_) done_(ok);
        return true;
    }

  private:
    std::string path_;
    std::function<void(bool ok)> done_;
    std::vector<unsigned char> previous_;
    int frames_ = 0;
};

// A screenshot asked for from inside a frame (UI scripts).
std::optional<ScreenshotTaker> requested_screenshot;

// The content scale last reported for the window; 0 until one is. Below 1
// is taken as 1: the layout is made for 96 dpi at least.
float reported_scale = 0;

float usable_scale(float x, float y) { return std::max({x, y, 1.0f}); }

void on_content_scale(GLFWwindow*, float x, float y) { reported_scale = usable_scale(x, y); }

// The window got the keyboard focus back since the last frame.
std::atomic<bool> focus_regained{false};

// Set after the ImGui backend installed its own, so it hands the event on.
void on_focus(GLFWwindow* window, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(window, focused);
    if (focused == GLFW_TRUE) focus_regained = true;
}

// Windows tells about changed settings (high contrast, text size) only in
// messages to the window, which GLFW does not pass on: the window procedure
// is wrapped to notice them.
std::atomic<bool> system_settings_changed{false};
#ifdef _WIN32
WNDPROC glfw_window_proc = nullptr;

LRESULT CALLBACK settings_watching_proc(HWND hwnd, UINT message, WPARAM wparam, LPARAM lparam) {
    if (message == WM_SETTINGCHANGE || message == WM_SYSCOLORCHANGE) {
        system_settings_changed = true;
        glfwPostEmptyEvent();  // a sent message alone does not end glfwWaitEvents
    }
    return CallWindowProcW(glfw_window_proc, hwnd, message, wparam, lparam);
}

void watch_system_settings(GLFWwindow* window) {
    HWND hwnd = glfwGetWin32Window(window);
    glfw_window_proc = reinterpret_cast<WNDPROC>(
        SetWindowLongPtrW(hwnd, GWLP_WNDPROC, reinterpret_cast<LONG_PTR>(&settings_watching_proc)));
}
#else
void watch_system_settings(GLFWwindow*) {}
#endif

// minimize_for(): minimised until the deadline, then restored.
struct MinimizeRequest {
    double seconds = 0;
    std::function<void(bool minimized, int frames_drawn)> done;
    std::optional<std::chrono::steady_clock::time_point> until;  // once minimised
    bool seen_minimized = false;
    int frames_at_start = 0;
};
std::optional<MinimizeRequest> minimize_request;
int frames_drawn = 0;

// Minimises the window for a requested time; true once that is over and the
// window was restored (the caller redraws).
bool advance_minimize_request(GLFWwindow* window) {
    if (!minimize_request) return false;
    MinimizeRequest& request = *minimize_request;
    const auto now = std::chrono::steady_clock::now();
    if (!request.until) {
        request.until = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(request.seconds));
        glfwIconifyWindow(window);
        return false;
    }
    // Frames count from when the system has the window minimised (on X11 that
    // comes a moment after the request).
    if (!request.seen_minimized && glfwGetWindowAttrib(window, GLFW_ICONIFIED)) {
        request.seen_minimized = true;
        request.frames_at_start = frames_drawn;
    }
    if (now < *request.until) return false;
    glfwRestoreWindow(window);
    auto done = std::move(request.done);
    const bool minimized = request.seen_minimized;
    const int frames = minimized ? frames_drawn - request.frames_at_start : 0;
    minimize_request.reset();
    if (done) done(minimized, frames);
    return true;
}

// A startup failure, told with the help desk's number and hours.
void show_startup_error(core::TextKey message) {
    show_fatal_error(core::tr(message, {{"contact", core::tr(texts::helpdesk::contact)}}));
}

}  // namespace

int run(const RunnerOptions& options, const RunnerCallbacks& callbacks, RunInfo* info) {
    if (!glfwInit()) {
        // GLFW's reason, for the tests' logs and whoever starts it from a console.
        const char* reason = nullptr;
        glfwGetError(&reason);
        std::fprintf(stderr, "glfwInit failed: %s\n", reason ? reason : "no reason given");
        show_startup_error(texts::startup::no_window_system);
        return 3;
    }
    Window window = open_window(options);
    if (!window.handle) {
        glfwTerminate();
        show_startup_error(texts::startup::no_renderer);
        return 3;
    }
    attach_ime(window.handle, options.ime_trace_path, window.renderer->name());
    glfwSetWindowSizeLimits(window.handle, options.min_width, options.min_height, GLFW_DONT_CARE,
                            GLFW_DONT_CARE);
    ImGui::GetIO().IniFilename = nullptr;  // settings live in careplan-client.ini, not imgui.ini
    float scale_x = 1, scale_y = 1;
    glfwGetWindowContentScale(window.handle, &scale_x, &scale_y);
    float applied_scale = usable_scale(scale_x, scale_y);
    reported_scale = 0;
    glfwSetWindowContentScaleCallback(window.handle, on_content_scale);
    focus_regained = false;
    glfwSetWindowFocusCallback(window.handle, on_focus);
    if (info) info->renderer = window.renderer->name();
    const bool ready = !callbacks.setup || callbacks.setup(applied_scale);

    // --screenshot: the run ends with the picture.
    std::optional<ScreenshotTaker> screenshot;
    if (options.screenshot_path) {
        const std::string path = *options.screenshot_path;
        screenshot.emplace(path, [&callbacks, path](bool ok) {
            if (callbacks.screenshot_taken) callbacks.screenshot_taken(ok, path);
        });
    }

    loop_running = true;
    running_window = window.handle;
    close_requested = !ready;
    watch_system_settings(window.handle);
    int frames_left = frames_after_input;
    bool first_frame = true;
    bool occluded = false;
    while (!glfwWindowShouldClose(window.handle) && !close_requested) {
        // Minimised or covered: nothing is drawn, and the loop only wakes to
        // look whether that is still so.
        const bool hidden = occluded || glfwGetWindowAttrib(window.handle, GLFW_ICONIFIED);
        if (hidden || minimize_request) {
            glfwWaitEventsTimeout(hidden_check_seconds);
        } else if (frames_left > 0 || screenshot || requested_screenshot) {
            glfwPollEvents();
        } else {
            if (callbacks.wants_animation && callbacks.wants_animation())
                glfwWaitEventsTimeout(animation_interval_seconds);
            else
                glfwWaitEvents();
            frames_left = frames_after_input;
        }
        if (advance_minimize_request(window.handle)) frames_left = frames_after_input;
        if (system_settings_changed.exchange(false) && callbacks.system_settings_changed) {
            callbacks.system_settings_changed();
            frames_left = frames_after_input;
        }
        occluded = occluded && window.renderer->still_occluded();
        if (occluded || glfwGetWindowAttrib(window.handle, GLFW_ICONIFIED)) {
            frames_left = 0;
            continue;
        }
        if (reported_scale != 0 && reported_scale != applied_scale) {
            applied_scale = reported_scale;
            if (callbacks.scale_changed) callbacks.scale_changed(applied_scale);
            frames_left = frames_after_input;
        }
        if (focus_regained.exchange(false) && callbacks.focus_regained) callbacks.focus_regained();
        if (hidden) frames_left = frames_after_input;  // visible again: the picture is drawn anew
        window.renderer->new_frame();
        ImGui::NewFrame();
        if (callbacks.draw) callbacks.draw();
        ImGui::Render();
        int fb_width = 0, fb_height = 0;
        glfwGetFramebufferSize(window.handle, &fb_width, &fb_height);
        window.renderer->render(ImGui::GetDrawData(), fb_width, fb_height);
        if (screenshot && screenshot->after_frame(*window.renderer, fb_width, fb_height)) break;
        if (requested_screenshot && requested_screenshot->after_frame(*window.renderer, fb_width, fb_height))
            requested_screenshot.reset();
        occluded = !window.renderer->present();
        ++frames_drawn;
        if (first_frame && info)
            info->first_frame_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - options.started).count();
        first_frame = false;
        // A click whose move, press and release arrive in one batch is handed to
        // ImGui one event per frame: keep drawing until the queue is drained.
        frames_left = imgui_has_queued_input() ? std::max(frames_left, 1) : frames_left - 1;
    }
    loop_running = false;
    detach_ime();
    running_window = nullptr;
    window.renderer->shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window.handle);
    glfwTerminate();
    return ready ? 0 : 4;
}

void request_redraw() {
    if (loop_running) glfwPostEmptyEvent();
}

void request_screenshot(std::string path, std::function<void(bool ok)> done) {
    requested_screenshot.emplace(std::move(path), std::move(done));
}

void announce_settings_change() {
#ifdef _WIN32
    if (running_window)
        SendMessageW(glfwGetWin32Window(running_window), WM_SETTINGCHANGE, 0,
                     reinterpret_cast<LPARAM>(L"Accessibility"));
#else
    system_settings_changed = true;
    request_redraw();
#endif
}

void resize_window(int width, int height) {
    if (running_window) glfwSetWindowSize(running_window, width, height);
}

void minimize_for(double seconds, std::function<void(bool minimized, int frames_drawn)> done) {
    minimize_request.emplace();
    minimize_request->seconds = seconds;
    minimize_request->done = std::move(done);
    request_redraw();
}

void simulate_content_scale(float content_scale) {
    reported_scale = usable_scale(content_scale, content_scale);
    request_redraw();
}

void move_window(int dx, int dy) {
    if (!running_window) return;
    int x = 0, y = 0;
    glfwGetWindowPos(running_window, &x, &y);
    glfwSetWindowPos(running_window, x + dx, y + dy);
}

void simulate_focus_regained() {
    focus_regained = true;
    request_redraw();
}

void request_close() {
    close_requested = true;
    request_redraw();
}

}  // namespace careplan::platform
