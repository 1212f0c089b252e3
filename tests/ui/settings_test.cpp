// careplan-client.ini: display preferences only, bad values never break the client.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>

#include "settings.hpp"

using careplan::ui::load_settings;
using careplan::ui::save_settings;
using careplan::ui::Settings;

namespace {
std::filesystem::path temp_ini(const char* name) {
    auto dir = std::filesystem::temp_directory_path() / "careplan-settings-test";
    std::filesystem::create_directories(dir);
    return dir / name;
}
}  // namespace

TEST_CASE("settings survive a save and load; a missing file gives the defaults") {
    const auto path = temp_ini("roundtrip.ini");
    std::filesystem::remove(path);
    CHECK(load_settings(path).zoom == 1.0f);
    REQUIRE(save_settings(path, Settings{1.5f}));
    CHECK(load_settings(path).zoom == 1.5f);
}

TEST_CASE("out-of-range or garbled zoom values are clamped or ignored") {
    const auto path = temp_ini("bad.ini");
    std::ofstream(path) << "[display]\nzoom=9\n";
    CHECK(load_settings(path).zoom == careplan::ui::max_zoom);
    std::ofstream(path) << "zoom=0.1\n";
    CHECK(load_settings(path).zoom == careplan::ui::min_zoom);
    std::ofstream(path) << "zoom=abc\nother=1\n\xff\xfe";
    CHECK(load_settings(path).zoom == 1.0f);
}

TEST_CASE("the ini file sits beside the executable when that folder is writable") {
    // The test binary's own folder (a build directory) is writable.
    CHECK(careplan::ui::settings_path().filename() == "careplan-client.ini");
    CHECK(careplan::ui::settings_path().parent_path() ==
          std::filesystem::read_symlink("/proc/self/exe").parent_path());
}

TEST_CASE("the proxy is kept beside the zoom") {
    const auto path = temp_ini("proxy.ini");
    REQUIRE(save_settings(path, Settings{1.2f, "proxy.example.jp:8080"}));
    const Settings loaded = load_settings(path);
    CHECK(loaded.proxy == "proxy.example.jp:8080");
    CHECK(loaded.zoom == 1.2f);
}

TEST_CASE("a hand-edited zoom is saved with every digit it needs to read back the same") {
    const auto path = temp_ini("digits.ini");
    std::ofstream(path) << "[display]\nzoom=1.23456789\n";
    const Settings loaded = load_settings(path);
    REQUIRE(save_settings(path, loaded));
    CHECK(load_settings(path) == loaded);
}

TEST_CASE("a settings file larger than any the client writes is not read") {
    const auto path = temp_ini("large.ini");
    std::ofstream(path) << "[display]\nzoom=1.5\n" << std::string(70 * 1024, '#') << "\n";
    CHECK(load_settings(path) == Settings{});
}

TEST_CASE("a proxy setting with a control character in it is no proxy setting") {
    const auto path = temp_ini("control.ini");
    std::ofstream(path, std::ios::binary) << "[network]\nproxy=10.0.0.1\r:3128\n";
    CHECK(load_settings(path).proxy.empty());
}
