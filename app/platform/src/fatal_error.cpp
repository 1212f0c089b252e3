#include <cstdio>

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
  auto widen = [](const std::string& s) {
    const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
  };
  MessageBoxW(nullptr, widen(utf8_message).c_str(), widen(core::tr(texts::startup::error_title)).c_str(),
              MB_OK | MB_ICONERROR);
#endif
}

}  // namespace careplan::platform
