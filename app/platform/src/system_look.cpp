#include "careplan/platform/system_look.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

namespace careplan::platform {

#ifdef _WIN32
namespace {

bool high_contrast_on() {
    HIGHCONTRASTW hc{};
    hc.cbSize = sizeof(hc);
    return SystemParametersInfoW(SPI_GETHIGHCONTRAST, sizeof(hc), &hc, 0) &&
           (hc.dwFlags & HCF_HIGHCONTRASTON);
}

core::Rgb system_colour(int index) { return core::rgb_from_colorref(GetSysColor(index)); }

core::SystemColors system_colours() {
    return {system_colour(COLOR_WINDOW),    system_colour(COLOR_WINDOWTEXT),
            system_colour(COLOR_HIGHLIGHT), system_colour(COLOR_HIGHLIGHTTEXT),
            system_colour(COLOR_BTNFACE),   system_colour(COLOR_BTNTEXT),
            system_colour(COLOR_GRAYTEXT),  system_colour(COLOR_HOTLIGHT)};
}

// HKCU\SOFTWARE\Microsoft\Accessibility TextScaleFactor, as Settings >
// Accessibility > Text size writes it; absent until the user changes it.
std::optional<std::int64_t> text_scale_percent() {
    DWORD value = 0;
    DWORD size = sizeof(value);
    if (RegGetValueW(HKEY_CURRENT_USER, L"SOFTWARE\\Microsoft\\Accessibility", L"TextScaleFactor",
                     RRF_RT_REG_DWORD, nullptr, &value, &size) != ERROR_SUCCESS)
        return std::nullopt;
    return value;
}

}  // namespace

SystemLook read_system_look(bool assume_high_contrast) {
    SystemLook look;
    if (assume_high_contrast || high_contrast_on()) look.high_contrast = system_colours();
    look.text_scale = core::text_scale_from_percent(text_scale_percent());
    return look;
}

bool is_remote_session() { return GetSystemMetrics(SM_REMOTESESSION) != 0; }

#else

SystemLook read_system_look(bool) { return {}; }

bool is_remote_session() { return false; }

#endif

}  // namespace careplan::platform
