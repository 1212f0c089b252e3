// Direct3D 11 renderer for Windows PCs without a usable OpenGL: remote-desktop
// sessions offer only GDI's software OpenGL 1.1, which GLFW refuses. A GLFW
// window without a GL context is drawn by ImGui's dx11 backend on the
// hardware device, else on WARP (Windows' software rasteriser).
#include <d3d11.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_WIN32
#include <GLFW/glfw3native.h>
#include <imgui.h>
#include <imgui_impl_dx11.h>
#include <imgui_impl_glfw.h>

#include "renderer.hpp"

namespace careplan::platform {
namespace {

template <class T>
void release(T*& p) {
    if (p) p->Release();
    p = nullptr;
}

class Dx11Renderer final : public Renderer {
  public:
    const char* name() const override {
        return driver_ == D3D_DRIVER_TYPE_WARP ? "Direct3D 11 (WARP)" : "Direct3D 11";
    }

    void hint_window() const override { glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API); }

    bool init(GLFWwindow* window) override {
        if (!create_device(glfwGetWin32Window(window))) return false;
        return ImGui_ImplGlfw_InitForOther(window, true) && ImGui_ImplDX11_Init(device_, context_);
    }

    void new_frame() override {
        ImGui_ImplDX11_NewFrame();
        ImGui_ImplGlfw_NewFrame();
    }

    void render(ImDrawData* draw_data, int fb_width, int fb_height) override {
        if (fb_width != width_ || fb_height != height_) resize(fb_width, fb_height);
        const float clear[4] = {0.96f, 0.96f, 0.95f, 1.0f};
        context_->OMSetRenderTargets(1, &target_, nullptr);
        context_->ClearRenderTargetView(target_, clear);
        ImGui_ImplDX11_RenderDrawData(draw_data);
    }

    bool present() override { return swap_chain_->Present(1, 0) != DXGI_STATUS_OCCLUDED; }

    // A test present shows nothing; it only asks whether the window is visible.
    bool still_occluded() override {
        return swap_chain_->Present(0, DXGI_PRESENT_TEST) == DXGI_STATUS_OCCLUDED;
    }

    std::vector<unsigned char> read_rgb(int width, int height) override {
        std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
        ID3D11Texture2D* back = nullptr;
        if (FAILED(swap_chain_->GetBuffer(0, __uuidof(ID3D11Texture2D), reinterpret_cast<void**>(&back))))
            return rgb;
        D3D11_TEXTURE2D_DESC desc{};
        back->GetDesc(&desc);
        desc.Usage = D3D11_USAGE_STAGING;
        desc.BindFlags = 0;
        desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
        desc.MiscFlags = 0;
        ID3D11Texture2D* staging = nullptr;
        D3D11_MAPPED_SUBRESOURCE mapped{};
        if (SUCCEEDED(device_->CreateTexture2D(&desc, nullptr, &staging))) {
            context_->CopyResource(staging, back);
            if (SUCCEEDED(context_->Map(staging, 0, D3D11_MAP_READ, 0, &mapped))) {
                copy_rows(static_cast<const unsigned char*>(mapped.pData), mapped.RowPitch, width, height,
                          rgb);
                context_->Unmap(staging, 0);
            }
        }
        release(staging);
        release(back);
        return rgb;
    }

    void shutdown() override {
        ImGui_ImplDX11_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        release(target_);
        release(swap_chain_);
        release(context_);
        release(device_);
    }

  private:
    bool create_device(HWND hwnd) {
        DXGI_SWAP_CHAIN_DESC sd{};
        sd.BufferCount = 2;
        sd.BufferDesc.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
        sd.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
        sd.OutputWindow = hwnd;
        sd.SampleDesc.Count = 1;
        sd.Windowed = TRUE;
        sd.SwapEffect = DXGI_SWAP_EFFECT_DISCARD;
        const D3D_FEATURE_LEVEL levels[] = {D3D_FEATURE_LEVEL_11_0, D3D_FEATURE_LEVEL_10_0};
        for (D3D_DRIVER_TYPE driver : {D3D_DRIVER_TYPE_HARDWARE, D3D_DRIVER_TYPE_WARP}) {
            if (SUCCEEDED(D3D11CreateDeviceAndSwapChain(nullptr, driver, nullptr, 0, levels, 2,
                                                        D3D11_SDK_VERSION, &sd, &swap_chain_, &device_,
                                                        nullptr, &context_))) {
                driver_ = driver;
                return create_target();
            }
        }
        return false;
    }

    bool create_target() {
        ID3D11Texture2D* back = nullptr;
        if (FAILED(swap_chain_->GetBuffer(0, __uuidof(ID3D11Texture2D), reinterpret_cast<void**>(&back))))
            return false;
        const bool ok = SUCCEEDED(device_->CreateRenderTargetView(back, nullptr, &target_));
        release(back);
        return ok;
    }

    void resize(int width, int height) {
        release(target_);
        swap_chain_->ResizeBuffers(0, static_cast<UINT>(width), static_cast<UINT>(height),
                                   DXGI_FORMAT_UNKNOWN, 0);
        create_target();
        width_ = width;
        height_ = height;
    }

    static void copy_rows(const unsigned char* rgba, UINT pitch, int width, int height,
                          std::vector<unsigned char>& rgb) {
        for (int y = 0; y < height; ++y) {
            const unsigned char* row = rgba + static_cast<std::size_t>(y) * pitch;
            for (int x = 0; x < width; ++x) {
                unsigned char* out = &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
                out[0] = row[x * 4];
                out[1] = row[x * 4 + 1];
                out[2] = row[x * 4 + 2];
            }
        }
    }

    ID3D11Device* device_ = nullptr;
    ID3D11DeviceContext* context_ = nullptr;
    IDXGISwapChain* swap_chain_ = nullptr;
    ID3D11RenderTargetView* target_ = nullptr;
    D3D_DRIVER_TYPE driver_ = D3D_DRIVER_TYPE_HARDWARE;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_dx11_renderer() { return std::make_unique<Dx11Renderer>(); }

}  // namespace careplan::platform
