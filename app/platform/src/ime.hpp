#pragma once
// The window's IME (imm32 on Windows): the composition and candidate windows
// placed at ImGui's caret, and the input mode of the fields through
// platform::ime_switch(). Elsewhere nothing is placed and ime_switch() has no
// input context.
#include <optional>
#include <string>

struct GLFWwindow;

namespace careplan::platform {

// After the ImGui backends are bound to the window; `trace_path`: the
// --ime-trace file, one line per call with what imm32 then holds, after a
// first line naming the renderer (the IME goes through the window whichever).
void attach_ime(GLFWwindow* window, const std::optional<std::string>& trace_path,
                const std::string& renderer);
void detach_ime();

}  // namespace careplan::platform
