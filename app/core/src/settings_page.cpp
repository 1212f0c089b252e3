#include "careplan/core/settings_page.hpp"

namespace careplan::core {

namespace {

// The Settings app (ms-settings:) exists from Windows 10 on; Windows 7 and
// 8.1 have the same pages in the control panel.
bool has_settings_app(const WindowsBuild& windows) { return windows.major >= 10; }

SettingsLaunch control_panel(std::string parameters) { return {"control.exe", std::move(parameters)}; }

}  // namespace

std::optional<SettingsLaunch> settings_launch(SettingsPage page, const std::optional<WindowsBuild>& windows) {
    if (!windows || windows->major == 0) return std::nullopt;
    const bool settings_app = has_settings_app(*windows);
    switch (page) {
        case SettingsPage::region_format:
            if (settings_app && windows->build >= region_formatting_first_build)
                return SettingsLaunch{"ms-settings:regionformatting", ""};
            return control_panel("intl.cpl");
        case SettingsPage::default_apps:
            if (settings_app) return SettingsLaunch{"ms-settings:defaultapps", ""};
            return control_panel("/name Microsoft.DefaultPrograms");
        case SettingsPage::windows_update:
            if (settings_app) return SettingsLaunch{"ms-settings:windowsupdate", ""};
            return control_panel("/name Microsoft.WindowsUpdate");
    }
    return std::nullopt;
}

}  // namespace careplan::core
