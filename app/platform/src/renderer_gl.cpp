// OpenGL renderers: 3.3 core through the glad loader and ImGui's opengl3
// backend; 2.1 through the GL 1.1 entry points and the opengl2 backend.
#include <glad/gl.h>
// glad's header replaces the system GL header; GLFW must not include another.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl2.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "renderer.hpp"

namespace careplan::platform {
namespace {

class GlRenderer : public Renderer {
  public:
    void render(ImDrawData* draw_data, int fb_width, int fb_height) override {
        glViewport(0, 0, fb_width, fb_height);
        glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        render_draw_data(draw_data);
    }

    bool present() override {
        glfwSwapBuffers(window_);
        return true;  // OpenGL does not tell; a minimised window is seen by GLFW
    }

    std::vector<unsigned char> read_rgb(int width, int height) override {
        std::vector<unsigned char> bottom_up(static_cast<std::size_t>(width) * height * 3);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
        std::vector<unsigned char> top_down(bottom_up.size());
        const std::size_t stride = static_cast<std::size_t>(width) * 3;
        for (int y = 0; y < height; ++y)
            std::copy_n(bottom_up.begin() + static_cast<std::ptrdiff_t>(y * stride), stride,
                        top_down.begin() + static_cast<std::ptrdiff_t>((height - 1 - y) * stride));
        return top_down;
    }

  protected:
    // Makes the context current and loads the GL entry points this renderer uses.
    bool bind_context(GLFWwindow* window) {
        window_ = window;
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        return gladLoadGL(glfwGetProcAddress) != 0;
    }
    virtual void render_draw_data(ImDrawData* draw_data) = 0;
    GLFWwindow* window_ = nullptr;
};

class Gl3Renderer final : public GlRenderer {
  public:
    const char* name() const override { return "OpenGL 3.3"; }
    void hint_window() const override {
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    }
    bool init(GLFWwindow* window) override {
        return bind_context(window) && ImGui_ImplGlfw_InitForOpenGL(window, true) &&
               ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    void new_frame() override {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
    }
    void shutdown() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }

  private:
    void render_draw_data(ImDrawData* draw_data) override { ImGui_ImplOpenGL3_RenderDrawData(draw_data); }
};

class Gl2Renderer final : public GlRenderer {
  public:
    const char* name() const override { return "OpenGL 2.1"; }
    void hint_window() const override {
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 2);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 1);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_ANY_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_FALSE);
    }
    bool init(GLFWwindow* window) override {
        // glad loads the entry points up to the context's version (2.1 here):
        // the ones that the clear and the screenshot need.
        return bind_context(window) && ImGui_ImplGlfw_InitForOpenGL(window, true) && ImGui_ImplOpenGL2_Init();
    }
    void new_frame() override {
        ImGui_ImplOpenGL2_NewFrame();
        ImGui_ImplGlfw_NewFrame();
    }
    void shutdown() override {
        ImGui_ImplOpenGL2_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }

  private:
    void render_draw_data(ImDrawData* draw_data) override { ImGui_ImplOpenGL2_RenderDrawData(draw_data); }
};

}  // namespace

std::unique_ptr<Renderer> make_gl3_renderer() { return std::make_unique<Gl3Renderer>(); }
std::unique_ptr<Renderer> make_gl2_renderer() { return std::make_unique<Gl2Renderer>(); }

}  // namespace careplan::platform
