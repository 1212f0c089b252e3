// POSIX probes: developers run the check on Linux. Only the OS name applies
// here; the Windows-only items stay unseen and are judged 対象外.

#include <sys/utsname.h>

#include "careplan/envcheck/system_proxy.hpp"
#include "platform_probes.hpp"

namespace careplan::envcheck::platform {

std::optional<OsFacts> probe_os() {
    utsname name{};
    if (uname(&name) != 0) return std::nullopt;
    OsFacts os;
    os.product_name = std::string{name.sysname} + " " + name.release;
    return os;
}

std::optional<CalendarFacts> probe_calendar() { return std::nullopt; }
std::optional<BrowsersFacts> probe_browsers() { return std::nullopt; }
std::optional<PdfFacts> probe_pdf() { return std::nullopt; }
std::optional<std::vector<InstalledClient>> probe_installed_clients() { return std::nullopt; }
std::optional<ProxyFacts> probe_proxy() { return std::nullopt; }

}  // namespace careplan::envcheck::platform

namespace careplan::envcheck {

core::ManualProxySetting manual_proxy_setting() { return {}; }

}  // namespace careplan::envcheck
