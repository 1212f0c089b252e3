#pragma once
// The support report the help desk asks for: enough to see what the caller
// sees, nothing secret (no password, no token, the user ID masked).
#include <string>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

// "KJ00000001" -> "KJ******01"; short IDs are masked whole.
std::string mask_user_id(const std::string& user_id);

std::string support_report(const core::State& state);

}  // namespace careplan::ui
