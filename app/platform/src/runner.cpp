#include "careplan/platform/runner.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
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
std::atomic<bool> close_requested{false};

// Frames drawn after an input event: ImGui settles hover and focus changes
// over a couple of frames.
constexpr int frames_after_input = 3;
// A screenshot is taken once two consecutive frames are identical (the font
// atlas fills on demand over the first frames), at the latest after this many.
constexpr int max_screenshot_frames = 120;
constexpr double animation_interval_seconds = 1.0 / 30.0;

struct Window {
    GLFWwindow* handle = nullptr;
    std::unique_ptr<Renderer> renderer;
};

// Tries the renderers in order of preference; the first whose context can be
// made and whose ImGui backends start wins.
Window open_window(const RunnerOptions& options) {
    using Choice = RunnerOptions::Renderer;
    std::vector<std::unique_ptr<Renderer>> candidates;
    if (options.first_renderer == Choice::gl3) candidates.push_back(make_gl3_renderer());
    if (options.first_renderer != Choice::dx11) candidates.push_back(make_gl2_renderer());
#ifdef _WIN32
    candidates.push_back(make_dx11_renderer());
#endif
    for (auto& renderer : candidates) {
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

// The open window, for move_window.
GLFWwindow* open_handle = nullptr;

float usable_scale(float x, float y) { return std::max({x, y, 1.0f}); }

void on_content_scale(GLFWwindow*, float x, float y) { reported_scale = usable_scale(x, y); }

// The window got the keyboard focus back since the last frame.
std::atomic<bool> focus_regained{false};

// Set after the ImGui backend installed its own, so it hands the event on.
void on_focus(GLFWwindow* window, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(window, focused);
    if (focused == GLFW_TRUE) focus_regained = true;
}

// A startup failure, told with the help desk's number and hours.
void show_startup_error(core::TextKey message) {
    show_fatal_error(core::tr(message, {{"contact", core::tr(texts::helpdesk::contact)}}));
}

}  // namespace

int run(const RunnerOptions& options, const RunnerCallbacks& callbacks, RunInfo* info) {
    if (!glfwInit()) {
        show_startup_error(texts::startup::no_window_system);
        return 3;
    }
    Window window = open_window(options);
    if (!window.handle) {
        glfwTerminate();
        show_startup_error(texts::startup::no_renderer);
        return 3;
    }
    open_handle = window.handle;
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
    close_requested = !ready;
    int frames_left = frames_after_input;
    bool first_frame = true;
    while (!glfwWindowShouldClose(window.handle) && !close_requested) {
        if (frames_left > 0 || screenshot || requested_screenshot) {
            glfwPollEvents();
        } else {
            if (callbacks.wants_animation && callbacks.wants_animation())
                glfwWaitEventsTimeout(animation_interval_seconds);
            else
                glfwWaitEvents();
            frames_left = frames_after_input;
        }
        if (glfwGetWindowAttrib(window.handle, GLFW_ICONIFIED)) {
            frames_left = 0;
            continue;
        }
        if (reported_scale != 0 && reported_scale != applied_scale) {
            applied_scale = reported_scale;
            if (callbacks.scale_changed) callbacks.scale_changed(applied_scale);
            frames_left = frames_after_input;
        }
        if (focus_regained.exchange(false) && callbacks.focus_regained) callbacks.focus_regained();
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
        window.renderer->present();
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
    open_handle = nullptr;
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

void simulate_content_scale(float content_scale) {
    reported_scale = usable_scale(content_scale, content_scale);
    request_redraw();
}

void move_window(int dx, int dy) {
    if (!open_handle) return;
    int x = 0, y = 0;
    glfwGetWindowPos(open_handle, &x, &y);
    glfwSetWindowPos(open_handle, x + dx, y + dy);
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
