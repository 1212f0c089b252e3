#pragma once
// What Windows says about how this user wants to see programs: a high
// contrast scheme and its colours, "Make text bigger", and whether the
// session is a remote desktop. Elsewhere: no scheme, 100 %, local.
#include <optional>

#include "careplan/core/display.hpp"

namespace careplan::platform {

struct SystemLook {
    std::optional<core::SystemColors> high_contrast;  // while a high contrast scheme is on
    float text_scale = 1.0f;                          // "Make text bigger", 1.0 to 2.25
};

// `assume_high_contrast`: as if SPI_GETHIGHCONTRAST said on (Wine 8 always
// says off, while it does give the registry's system colours; the tests).
SystemLook read_system_look(bool assume_high_contrast = false);

// GetSystemMetrics(SM_REMOTESESSION).
bool is_remote_session();

}  // namespace careplan::platform
