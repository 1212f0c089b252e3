#pragma once
// The support report the help desk asks for: enough to see what the caller
// sees, nothing secret (no password, no token, the user ID masked).
#include <string>

#include <string_view>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

// `walkthrough_code`: the screen's 画面共有コード (it needs the renderer,
// which the state does not hold).
std::string support_report(const core::State& state, std::string_view walkthrough_code);

}  // namespace careplan::ui
