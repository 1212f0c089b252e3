#include "settings_text.hpp"

#include <ini.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace careplan::ui {
namespace {

// A key counts in its own section, and above the first section header, where
// a hand-edited file may put it.
bool in_section(const char* section, const char* wanted) {
    return *section == '\0' || std::strcmp(section, wanted) == 0;
}

// A proxy setting is "host:port": a control character (a stray carriage
// return inside the line, say) makes it no proxy setting at all.
bool usable_proxy(const char* value) {
    const std::size_t length = std::strlen(value);
    return length <= max_proxy_length &&
           std::none_of(value, value + length, [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

// inih's handler: takes the keys it knows, clamps the zoom, skips the rest.
int take_setting(void* user, const char* section, const char* name, const char* value) {
    auto& s = *static_cast<Settings*>(user);
    if (std::strcmp(name, "zoom") == 0 && in_section(section, "display")) {
        const float z = std::strtof(value, nullptr);
        if (z > 0) s.zoom = std::clamp(z, min_zoom, max_zoom);
    } else if (std::strcmp(name, "proxy") == 0 && in_section(section, "network") && usable_proxy(value)) {
        s.proxy = value;
    }
    return 1;
}

// The shortest text that reads back as the same float, whatever the locale.
std::string float_text(float value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return {buffer, end};
}

}  // namespace

Settings parse_settings(const std::string& text) {
    Settings s;
    // inih goes on past a bad line, so its answer (the first bad line's
    // number) is not needed.
    ini_parse_string(text.c_str(), take_setting, &s);
    return s;
}

std::string settings_text(const Settings& settings) {
    std::string text = "[display]\nzoom=" + float_text(settings.zoom) + "\n";
    if (!settings.proxy.empty()) text += "[network]\nproxy=" + settings.proxy + "\n";
    return text;
}

}  // namespace careplan::ui
