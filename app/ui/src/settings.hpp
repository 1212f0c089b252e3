#pragma once
// careplan-client.ini: beside the executable when that folder is writable
// (portable use from a USB stick or a download folder), else in the user's
// configuration folder. Holds the display zoom and the proxy only: never the
// session token, never a password.
#include <filesystem>
#include <string>

namespace careplan::ui {

struct Settings {
    float zoom = 1.0f;  // Ctrl +/-: 0.8 .. 2.0
    std::string proxy;  // "host:port" of the office's HTTP proxy, "" for none
};

inline constexpr float min_zoom = 0.8f;
inline constexpr float max_zoom = 2.0f;

// Where the ini file lives on this machine.
std::filesystem::path settings_path();

// Missing or unreadable files give the defaults; bad values are clamped.
Settings load_settings(const std::filesystem::path& path);
bool save_settings(const std::filesystem::path& path, const Settings& settings);

}  // namespace careplan::ui
