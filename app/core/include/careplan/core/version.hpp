#pragma once
// Version compare for the client notice (S11: クライアントアプリ バージョンアップのお知らせ).

#include <optional>
#include <string_view>
#include <vector>

#include "careplan/core/date.hpp"

namespace careplan::core {

// ケアプラン連携クライアントアプリケーション ver1.1.2, released 令和6年2月28日(水).
inline constexpr std::string_view latest_client_version = "1.1.2";
inline constexpr Date latest_client_released_on{std::chrono::year{2024}, std::chrono::month{2},
                                                std::chrono::day{28}};

// Numeric components of "1.1.2", "v1.1.2", "ver1.1.2", "Ver 1.1.2" (prefix
// case-insensitive, surrounding spaces ignored). nullopt when there is no
// number or a component is not a plain decimal number.
std::optional<std::vector<int>> parse_version(std::string_view text);

// <0, 0, >0 as a is older, equal, newer than b; numeric per component, a
// missing component counts as 0 (1.1 == 1.1.0). An unparsable version is
// older than any parsable one; two unparsable versions compare equal.
int compare_versions(std::string_view a, std::string_view b);

// True when `installed` is older than latest_client_version (or unparsable).
bool client_update_needed(std::string_view installed);

}  // namespace careplan::core
