#pragma once
// The report as text (console, 「結果をコピー」, 「保存」) and as JSON
// (`--check-env --json`). Both carry only what the report holds: no user
// name, user ID or paths.

#include <string>

#include "careplan/envcheck/evaluate.hpp"

namespace careplan::envcheck {

std::string format_text(const Report& report);

// {"checked_at", "client_version", "overall", "overall_label",
//  "items": [{"id", "title", "outcome", "label", "facts": [...], "remedy"}]}
// outcome is key(), label is label().
std::string format_json(const Report& report);

}  // namespace careplan::envcheck
