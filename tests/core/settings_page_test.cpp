// Which Windows page an environment-check remedy opens, per Windows build.
#include "careplan/core/settings_page.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace careplan::core;

namespace {

const WindowsBuild windows7{6, 1, 7601};
const WindowsBuild windows81{6, 3, 9600};
const WindowsBuild windows10_1809{10, 0, 17763};  // the last build without the 地域 page
const WindowsBuild windows10_1903{10, 0, 18362};
const WindowsBuild windows10_22h2{10, 0, 19045};
const WindowsBuild windows11_24h2{10, 0, 26100};

SettingsLaunch control(std::string parameters) { return {"control.exe", std::move(parameters)}; }
SettingsLaunch uri(std::string address) { return {std::move(address), ""}; }

}  // namespace

TEST_CASE("the date format page: the Settings app from 1903 on, intl.cpl before", "[settings_page]") {
    const auto page = SettingsPage::region_format;
    CHECK(settings_launch(page, windows7) == control("intl.cpl"));
    CHECK(settings_launch(page, windows81) == control("intl.cpl"));
    CHECK(settings_launch(page, windows10_1809) == control("intl.cpl"));
    CHECK(settings_launch(page, WindowsBuild{10, 0, region_formatting_first_build - 1}) ==
          control("intl.cpl"));
    CHECK(settings_launch(page, windows10_1903) == uri("ms-settings:regionformatting"));
    CHECK(settings_launch(page, windows10_22h2) == uri("ms-settings:regionformatting"));
    CHECK(settings_launch(page, windows11_24h2) == uri("ms-settings:regionformatting"));
}

TEST_CASE("default apps: the Settings app on Windows 10 and 11, the control panel before",
          "[settings_page]") {
    const auto page = SettingsPage::default_apps;
    CHECK(settings_launch(page, windows7) == control("/name Microsoft.DefaultPrograms"));
    CHECK(settings_launch(page, windows81) == control("/name Microsoft.DefaultPrograms"));
    CHECK(settings_launch(page, WindowsBuild{10, 0, 10240}) == uri("ms-settings:defaultapps"));
    CHECK(settings_launch(page, windows10_1809) == uri("ms-settings:defaultapps"));
    CHECK(settings_launch(page, windows11_24h2) == uri("ms-settings:defaultapps"));
}

TEST_CASE("Windows Update: the Settings app on Windows 10 and 11, the control panel on 7 and 8.1",
          "[settings_page]") {
    const auto page = SettingsPage::windows_update;
    CHECK(settings_launch(page, windows7) == control("/name Microsoft.WindowsUpdate"));
    CHECK(settings_launch(page, windows81) == control("/name Microsoft.WindowsUpdate"));
    CHECK(settings_launch(page, WindowsBuild{10, 0, 10240}) == uri("ms-settings:windowsupdate"));
    CHECK(settings_launch(page, windows10_22h2) == uri("ms-settings:windowsupdate"));
    CHECK(settings_launch(page, windows11_24h2) == uri("ms-settings:windowsupdate"));
}

TEST_CASE("no page to open where Windows was not seen", "[settings_page]") {
    for (auto page :
         {SettingsPage::region_format, SettingsPage::default_apps, SettingsPage::windows_update}) {
        CHECK_FALSE(settings_launch(page, std::nullopt));
        CHECK_FALSE(settings_launch(page, WindowsBuild{}));
    }
}
