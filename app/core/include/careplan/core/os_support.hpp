#pragma once
// Facts about the Windows versions the product supports (PC環境: Windows10 or
// Windows11), for the environment check and its texts.
#include "careplan/core/date.hpp"

namespace careplan::core {

// Microsoft ended support for Windows 10 (22H2, Home and Pro) on this day.
inline constexpr Date windows10_end_of_support{std::chrono::year{2025}, std::chrono::month{10},
                                               std::chrono::day{14}};

}  // namespace careplan::core
