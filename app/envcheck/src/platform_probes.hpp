#pragma once
// The per-platform probes behind collect_facts (probe_windows.cpp on Windows,
// probe_posix.cpp elsewhere). Each only reads; nullopt means "not seen".

#include <optional>
#include <vector>

#include "careplan/envcheck/facts.hpp"

namespace careplan::envcheck::platform {

#ifdef _WIN32
inline constexpr bool is_windows = true;
#else
inline constexpr bool is_windows = false;
#endif

std::optional<OsFacts> probe_os();
std::optional<CalendarFacts> probe_calendar();
std::optional<BrowsersFacts> probe_browsers();
std::optional<PdfFacts> probe_pdf();
std::optional<std::vector<InstalledClient>> probe_installed_clients();
std::optional<ProxyFacts> probe_proxy();

}  // namespace careplan::envcheck::platform
