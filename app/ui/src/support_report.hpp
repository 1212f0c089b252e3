#pragma once
// The support report the help desk asks for: enough to see what the caller
// sees, nothing secret (no password, no token, the user ID masked).
#include <string>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

std::string support_report(const core::State& state);

}  // namespace careplan::ui
