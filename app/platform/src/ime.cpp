#include "ime.hpp"

#include <imgui.h>

#include "careplan/platform/runner.hpp"

#ifdef _WIN32
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_WIN32
#include <GLFW/glfw3native.h>
#include <imm.h>

#include <cstdio>
#include <fstream>

#include "careplan/platform/paths.hpp"
#endif

namespace careplan::platform {

#ifdef _WIN32
static_assert(IME_CMODE_NATIVE == core::ime_native && IME_CMODE_KATAKANA == core::ime_katakana &&
              IME_CMODE_FULLSHAPE == core::ime_full_shape);

namespace {

HWND window_handle = nullptr;
std::ofstream trace;

// The window's input context for the length of one call.
class InputContext {
  public:
    InputContext() : himc_(window_handle ? ImmGetContext(window_handle) : nullptr) {}
    ~InputContext() {
        if (himc_) ImmReleaseContext(window_handle, himc_);
    }
    InputContext(const InputContext&) = delete;
    InputContext& operator=(const InputContext&) = delete;
    explicit operator bool() const { return himc_ != nullptr; }
    HIMC get() const { return himc_; }

  private:
    HIMC himc_;
};

// What imm32 holds now, read back (not what was asked for): the proof of the
// --ime-trace file. The client area's origin on the screen shows that the
// windows follow when the window moves.
std::string held_state(const InputContext& himc) {
    char line[320];
    COMPOSITIONFORM composition{};
    CANDIDATEFORM candidate{};
    DWORD conversion = 0, sentence = 0;
    const bool has_composition = ImmGetCompositionWindow(himc.get(), &composition);
    const bool has_candidate = ImmGetCandidateWindow(himc.get(), 0, &candidate);
    const bool has_conversion = ImmGetConversionStatus(himc.get(), &conversion, &sentence);
    POINT origin{0, 0};
    ClientToScreen(window_handle, &origin);
    std::snprintf(line, sizeof line,
                  "composition=%d:0x%lx:%ld,%ld candidate=%d:0x%lx:%ld,%ld exclude=%ld,%ld,%ld,%ld open=%d "
                  "conversion=%d:0x%lx origin=%ld,%ld",
                  has_composition, composition.dwStyle, composition.ptCurrentPos.x,
                  composition.ptCurrentPos.y, has_candidate, candidate.dwStyle, candidate.ptCurrentPos.x,
                  candidate.ptCurrentPos.y, candidate.rcArea.left, candidate.rcArea.top,
                  candidate.rcArea.right, candidate.rcArea.bottom, ImmGetOpenStatus(himc.get()) ? 1 : 0,
                  has_conversion, conversion, origin.x, origin.y);
    return line;
}

void trace_line(const std::string& line) {
    if (trace.is_open()) trace << line << '\n' << std::flush;
}

void set_ime_data(ImGuiContext*, ImGuiViewport* viewport, ImGuiPlatformImeData* data) {
    if (!data->WantVisible) return;  // no field is being typed in: the IME stays where it was
    const InputContext himc;
    if (!himc) return;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    const core::ImePlacement place = core::ime_placement(
        {data->InputPos.x, data->InputPos.y, data->InputLineHeight}, viewport->Pos.x, viewport->Pos.y, scale);
    COMPOSITIONFORM composition{};
    composition.dwStyle = CFS_FORCE_POSITION;
    composition.ptCurrentPos = {place.composition.x, place.composition.y};
    ImmSetCompositionWindow(himc.get(), &composition);
    CANDIDATEFORM candidate{};
    candidate.dwIndex = 0;
    candidate.dwStyle = CFS_EXCLUDE;
    candidate.ptCurrentPos = {place.candidate.x, place.candidate.y};
    candidate.rcArea = {place.exclude.left, place.exclude.top, place.exclude.right, place.exclude.bottom};
    ImmSetCandidateWindow(himc.get(), &candidate);
    if (trace.is_open()) {
        char caret[96];
        std::snprintf(caret, sizeof caret, "place caret=%.2f,%.2f,%.2f scale=%.3f ", data->InputPos.x,
                      data->InputPos.y, data->InputLineHeight, scale);
        trace_line(caret + held_state(himc));
    }
}

void on_window_moved(GLFWwindow*, int, int) {
    const InputContext himc;
    if (himc) trace_line("moved " + held_state(himc));
}

class Imm32Switch : public core::ImeSwitch {
  public:
    std::optional<core::ImeState> read() override {
        const InputContext himc;
        DWORD conversion = 0, sentence = 0;
        if (!himc || !ImmGetConversionStatus(himc.get(), &conversion, &sentence)) return std::nullopt;
        const core::ImeState state{ImmGetOpenStatus(himc.get()) != FALSE, conversion};
        trace_line("read open=" + std::to_string(state.open) + " conversion=" + std::to_string(conversion));
        return state;
    }
    void write(const core::ImeState& state, std::string_view field) override {
        const InputContext himc;
        DWORD conversion = 0, sentence = 0;
        if (!himc || !ImmGetConversionStatus(himc.get(), &conversion, &sentence)) return;
        // Opened first: an IME may take its last conversion mode as it opens.
        ImmSetOpenStatus(himc.get(), state.open);
        ImmSetConversionStatus(himc.get(), state.conversion, sentence);
        trace_line("mode field=" + std::string(field.empty() ? "-" : field) +
                   " want=" + std::to_string(state.open) + ":" + std::to_string(state.conversion) + " " +
                   held_state(himc));
    }
};

}  // namespace

void attach_ime(GLFWwindow* window, const std::optional<std::string>& trace_path,
                const std::string& renderer) {
    window_handle = glfwGetWin32Window(window);
    if (trace_path) trace.open(path_from_utf8(*trace_path), std::ios::binary | std::ios::trunc);
    trace_line("window renderer=" + renderer);
    // MinGW builds of Dear ImGui leave the IME where it is (its own handler
    // is compiled in only for MSVC): this one places it.
    ImGui::GetPlatformIO().Platform_SetImeDataFn = set_ime_data;
    glfwSetWindowPosCallback(window, on_window_moved);
}

void detach_ime() {
    window_handle = nullptr;
    if (trace.is_open()) trace.close();
}

core::ImeSwitch& ime_switch() {
    static Imm32Switch imm32;
    return imm32;
}

#else

namespace {
class NoIme : public core::ImeSwitch {
  public:
    std::optional<core::ImeState> read() override { return std::nullopt; }
    void write(const core::ImeState&, std::string_view) override {}
};
}  // namespace

void attach_ime(GLFWwindow*, const std::optional<std::string>&, const std::string&) {}
void detach_ime() {}

core::ImeSwitch& ime_switch() {
    static NoIme none;
    return none;
}

#endif

}  // namespace careplan::platform
