#pragma once
// The renderer behind one small interface, so that the fallbacks (OpenGL 3.3,
// OpenGL 2.1, Direct3D 11 on Windows for remote-desktop PCs) are a choice
// made at start-up, not a fork of the loop.
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImDrawData;

namespace careplan::platform {

class Renderer {
  public:
    virtual ~Renderer() = default;
    virtual const char* name() const = 0;
    // Client-API window hints for this renderer, before the window is made.
    virtual void hint_window() const = 0;
    // Binds the ImGui backends to the window; false if this renderer cannot run.
    virtual bool init(GLFWwindow* window) = 0;
    virtual void new_frame() = 0;
    virtual void render(ImDrawData* draw_data, int fb_width, int fb_height) = 0;
    // Shows the frame; false when the window is fully covered (Direct3D says
    // so): drawing is then wasted until still_occluded() says otherwise.
    virtual bool present() = 0;
    virtual bool still_occluded() { return false; }
    // The last rendered frame as RGB, top row first.
    virtual std::vector<unsigned char> read_rgb(int width, int height) = 0;
    virtual void shutdown() = 0;
};

std::unique_ptr<Renderer> make_gl3_renderer();
std::unique_ptr<Renderer> make_gl2_renderer();
#ifdef _WIN32
std::unique_ptr<Renderer> make_dx11_renderer();
#endif

}  // namespace careplan::platform
