#pragma once
// careplan-client.ini's text, read from and written to a string. Apart from
// the file handling (settings.hpp) so that the fuzz target
// (tests/fuzz/settings_fuzz.cpp) runs exactly the client's parser.
#include <cstddef>
#include <string>

namespace careplan::ui {

struct Settings {
    float zoom = 1.0f;  // Ctrl +/-: 0.8 .. 2.0
    std::string proxy;  // "host:port" of the office's HTTP proxy, "" for none

    bool operator==(const Settings&) const = default;
};

inline constexpr float min_zoom = 0.8f;
inline constexpr float max_zoom = 2.0f;
inline constexpr std::size_t max_proxy_length = 260;  // longer is no "host:port"

// Unknown keys and bad lines are skipped; bad values give the default or are
// clamped.
Settings parse_settings(const std::string& text);
// What save_settings writes; parse_settings reads it back to the same values.
std::string settings_text(const Settings& settings);

}  // namespace careplan::ui
