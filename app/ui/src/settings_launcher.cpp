#include "settings_launcher.hpp"

#include <fstream>

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>

#include "careplan/platform/paths.hpp"
#endif

namespace careplan::ui {
namespace {

class SystemLauncher final : public SettingsLauncher {
  public:
    bool open([[maybe_unused]] const core::SettingsLaunch& launch) override {
#ifdef _WIN32
        // UTF-8 to UTF-16 as for paths.
        const std::wstring file = platform::path_from_utf8(launch.file).wstring();
        const std::wstring parameters = platform::path_from_utf8(launch.parameters).wstring();
        // Above 32 is success (the documented contract of ShellExecute).
        const auto result =
            ShellExecuteW(nullptr, L"open", file.c_str(), parameters.empty() ? nullptr : parameters.c_str(),
                          nullptr, SW_SHOWNORMAL);
        return reinterpret_cast<INT_PTR>(result) > 32;
#else
        return false;
#endif
    }
};

class TracingLauncher final : public SettingsLauncher {
  public:
    explicit TracingLauncher(std::filesystem::path trace) : trace_(std::move(trace)) {}
    bool open(const core::SettingsLaunch& launch) override {
        std::ofstream out(trace_, std::ios::app | std::ios::binary);
        out << launch.file << ' ' << launch.parameters << '\n';
        return static_cast<bool>(out.flush());
    }

  private:
    std::filesystem::path trace_;
};

}  // namespace

std::unique_ptr<SettingsLauncher> system_settings_launcher() { return std::make_unique<SystemLauncher>(); }

std::unique_ptr<SettingsLauncher> tracing_settings_launcher(std::filesystem::path trace) {
    return std::make_unique<TracingLauncher>(std::move(trace));
}

}  // namespace careplan::ui
