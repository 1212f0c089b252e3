#pragma once
// Small helpers shared by the core tests.

#include <chrono>

#include "careplan/core/date.hpp"

namespace careplan::core::test {

inline Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// The instant of a JST wall-clock time.
inline std::chrono::system_clock::time_point jst(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return jst_instant(ymd(y, m, d), hour, minute);
}

}  // namespace careplan::core::test
