#include "settings.hpp"

#include <cstdlib>
#include <fstream>
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
// The file written is a few lines; a larger one is not ours.
constexpr std::streamsize max_file_size = 64 * 1024;

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

}  // namespace

std::filesystem::path settings_path() {
    const auto beside_exe = executable_dir();
    if (writable(beside_exe)) return beside_exe / file_name;
    return user_config_dir() / file_name;
}

Settings load_settings(const std::filesystem::path& path) {
    // Read through a C++ stream, which opens any Unicode path on Windows (inih's
    // ini_parse takes a narrow name).
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(max_file_size) + 1, '\0');
    in.read(text.data(), max_file_size + 1);
    if (in.gcount() > max_file_size) return {};
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_settings(text);
}

bool save_settings(const std::filesystem::path& path, const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << settings_text(settings);
    return static_cast<bool>(out);
}

}  // namespace careplan::ui
