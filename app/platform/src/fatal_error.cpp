#include <cstdio>

#include "careplan/core/strings.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/platform/runner.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

namespace careplan::platform {

void show_fatal_error(const std::string& utf8_message) {
    std::fprintf(stderr, "%s\n", utf8_message.c_str());
#ifdef _WIN32
    // Started by double-click there is no console: the message box is what the
    // user sees. UTF-16 so that the Japanese text shows on any code page.
    MessageBoxW(nullptr, core::to_wide(utf8_message).c_str(),
                core::to_wide(core::tr(texts::client::name)).c_str(), MB_OK | MB_ICONERROR);
#endif
}

}  // namespace careplan::platform
