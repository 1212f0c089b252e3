#pragma once
// One-click remedies of the environment check (S08): the Windows page that
// fixes an item, and how to open it on a given Windows build. Pure: the
// client's launcher (ShellExecuteW) performs what settings_launch() chooses.
#include <optional>
#include <string>

namespace careplan::core {

// The Windows pages the check can send the user to.
enum class SettingsPage {
    region_format,   // 地域 → 日付と時刻の形式 (the 和暦 calendar item)
    default_apps,    // 既定のアプリ (Acrobat installed but not the .pdf handler)
    windows_update,  // Windows Update (Windows 10 past its support: ESU or Windows 11)
};

// The PC's Windows version as RtlGetVersion reports it.
struct WindowsBuild {
    unsigned major = 0;
    unsigned minor = 0;
    unsigned build = 0;
    friend bool operator==(const WindowsBuild&, const WindowsBuild&) = default;
};

// What to hand to ShellExecuteW: a file (a settings URI or control.exe) and
// its parameters ("" for a URI).
struct SettingsLaunch {
    std::string file;
    std::string parameters;
    friend bool operator==(const SettingsLaunch&, const SettingsLaunch&) = default;
};

// ms-settings:regionformatting opens the 地域 page only from Windows 10
// version 1903 (build 18362) on; before, the Settings app has no such page.
inline constexpr unsigned region_formatting_first_build = 18362;

// The page to open for `page` on `windows`; nullopt when the PC is not
// Windows (or its version was not seen): there is no page to open, and the
// item's remedy text says what to do by hand.
std::optional<SettingsLaunch> settings_launch(SettingsPage page, const std::optional<WindowsBuild>& windows);

}  // namespace careplan::core
