#pragma once
// careplan-client.ini: beside the executable when that folder is writable
// (portable use from a USB stick or a download folder), else in the user's
// configuration folder. Holds the display zoom and the proxy only: never the
// session token, never a password.
#include <filesystem>

#include "settings_text.hpp"

namespace careplan::ui {

// Where the ini file lives on this machine.
std::filesystem::path settings_path();

// Missing, unreadable or oversized files give the defaults; bad values are
// clamped.
Settings load_settings(const std::filesystem::path& path);
bool save_settings(const std::filesystem::path& path, const Settings& settings);

}  // namespace careplan::ui
