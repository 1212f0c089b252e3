#include "settings.hpp"

#include <ini.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace careplan::ui {
namespace {

constexpr const char* file_name = "careplan-client.ini";
constexpr std::size_t max_proxy_length = 260;  // longer is no "host:port"

std::filesystem::path executable_dir() {
#ifdef _WIN32
    std::wstring buffer(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    buffer.resize(n);
    return std::filesystem::path(buffer).parent_path();
#else
    std::error_code ec;
    return std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
#endif
}

std::filesystem::path user_config_dir() {
#ifdef _WIN32
    if (const wchar_t* appdata = _wgetenv(L"APPDATA"))
        return std::filesystem::path(appdata) / "CarePlanClient";
#else
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "careplan-client";
    if (const char* home = std::getenv("HOME"))
        return std::filesystem::path(home) / ".config" / "careplan-client";
#endif
    return std::filesystem::temp_directory_path() / "careplan-client";
}

// A folder is usable when a file can be created in it (read-only shares and
// Program Files are not).
bool writable(const std::filesystem::path& dir) {
    if (dir.empty()) return false;
    const auto probe = dir / ".careplan-write-test";
    bool ok = static_cast<bool>(std::ofstream(probe));
    std::error_code ec;
    std::filesystem::remove(probe, ec);
    return ok;
}

// A key counts in its own section, and above the first section header, where
// a hand-edited file may put it.
bool in_section(const char* section, const char* wanted) {
    return *section == '\0' || std::strcmp(section, wanted) == 0;
}

// inih's handler: takes the keys it knows, clamps the zoom, skips the rest.
int take_setting(void* user, const char* section, const char* name, const char* value) {
    auto& s = *static_cast<Settings*>(user);
    if (std::strcmp(name, "zoom") == 0 && in_section(section, "display")) {
        const float z = std::strtof(value, nullptr);
        if (z > 0) s.zoom = std::clamp(z, min_zoom, max_zoom);
    } else if (std::strcmp(name, "proxy") == 0 && in_section(section, "network") &&
               std::strlen(value) <= max_proxy_length) {
        s.proxy = value;
    }
    return 1;
}

}  // namespace

std::filesystem::path settings_path() {
    const auto beside_exe = executable_dir();
    if (writable(beside_exe)) return beside_exe / file_name;
    return user_config_dir() / file_name;
}

Settings load_settings(const std::filesystem::path& path) {
    Settings s;
    // Read through a C++ stream, which opens any Unicode path on Windows (inih's
    // ini_parse takes a narrow name). inih goes on past a bad line, so its
    // answer (the first bad line's number) is not needed.
    std::ifstream in(path, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ini_parse_string(text.c_str(), take_setting, &s);
    return s;
}

bool save_settings(const std::filesystem::path& path, const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path);
    out << "[display]\nzoom=" << settings.zoom << "\n";
    if (!settings.proxy.empty()) out << "[network]\nproxy=" << settings.proxy << "\n";
    return static_cast<bool>(out);
}

}  // namespace careplan::ui
