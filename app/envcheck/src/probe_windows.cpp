// Windows probes: read-only looks at the registry, the locale, the file
// associations and the proxy settings. Every string read is bounded, and a
// value of an unexpected type or size reads as "not there".

#include <windows.h>

#include <objbase.h>
#include <shlwapi.h>
#include <winhttp.h>

#include <array>
#include <string>
#include <string_view>

#include "careplan/core/strings.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/envcheck/system_proxy.hpp"
#include "platform_probes.hpp"
#include "redact.hpp"

namespace careplan::envcheck::platform {

namespace {

// Longer registry strings are odd; they read as absent rather than cut.
constexpr DWORD max_registry_chars = 1024;
// Far more than any PC has; a broken hive must not keep the probe busy.
constexpr DWORD max_uninstall_keys = 5000;

std::string to_utf8(std::wstring_view text) { return bounded(core::from_wide(text)); }

// A REG_SZ value, up to its first NUL; "" value name is the key's default
// value. RRF_RT_REG_SZ also takes REG_EXPAND_SZ, expanded (adding
// RRF_RT_REG_EXPAND_SZ would need RRF_NOEXPAND and fail otherwise).
std::optional<std::wstring> read_wide(HKEY root, const std::wstring& key, const wchar_t* value) {
    std::array<wchar_t, max_registry_chars> buffer{};
    DWORD size = sizeof buffer;
    if (RegGetValueW(root, key.c_str(), value, RRF_RT_REG_SZ, nullptr, buffer.data(), &size) !=
        ERROR_SUCCESS) {
        return std::nullopt;
    }
    buffer.back() = L'\0';
    return std::wstring{buffer.data()};
}

std::optional<std::string> read_string(HKEY root, const std::wstring& key, const wchar_t* value) {
    const auto wide = read_wide(root, key, value);
    if (!wide || wide->empty()) return std::nullopt;
    return to_utf8(*wide);
}

std::optional<unsigned> read_dword(HKEY root, const std::wstring& key, const wchar_t* value) {
    DWORD data = 0;
    DWORD size = sizeof data;
    if (RegGetValueW(root, key.c_str(), value, RRF_RT_REG_DWORD, nullptr, &data, &size) != ERROR_SUCCESS) {
        return std::nullopt;
    }
    return static_cast<unsigned>(data);
}

// The first of the places that has the value.
struct Place {
    HKEY root;
    const wchar_t* key;
};

template <std::size_t N>
std::optional<std::string> first_string(const std::array<Place, N>& places, const wchar_t* value) {
    for (const Place& place : places) {
        if (auto text = read_string(place.root, place.key, value)) return text;
    }
    return std::nullopt;
}

// ---- OS ----------------------------------------------------------------

constexpr const wchar_t* current_version_key = L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

// RtlGetVersion tells the truth whatever the manifest says (GetVersionEx
// reports 6.2 to programs without a Windows 10 manifest).
std::optional<RTL_OSVERSIONINFOW> rtl_version() {
    using RtlGetVersionFunction = LONG(WINAPI*)(PRTL_OSVERSIONINFOW);
    const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (!ntdll) return std::nullopt;
    const auto function = reinterpret_cast<RtlGetVersionFunction>(
        reinterpret_cast<void*>(GetProcAddress(ntdll, "RtlGetVersion")));
    RTL_OSVERSIONINFOW info{};
    info.dwOSVersionInfoSize = sizeof info;
    if (!function || function(&info) != 0) return std::nullopt;
    return info;
}

// ---- Browsers ----------------------------------------------------------

constexpr const wchar_t* app_paths = L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\";

// App Paths names the installed executable; a key left behind by an
// uninstaller points at a file that is gone.
bool app_installed(const wchar_t* exe) {
    for (HKEY root : {HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER}) {
        auto path = read_wide(root, std::wstring{app_paths} + exe, L"");
        if (!path) continue;
        if (path->size() >= 2 && path->front() == L'"') *path = path->substr(1, path->find(L'"', 1) - 1);
        if (GetFileAttributesW(path->c_str()) != INVALID_FILE_ATTRIBUTES) return true;
    }
    return false;
}

BrowserFacts browser(const wchar_t* exe, const std::array<Place, 3>& version_places, const wchar_t* value) {
    BrowserFacts facts;
    facts.present = app_installed(exe);
    if (facts.present) facts.version = first_string(version_places, value);
    return facts;
}

// The update clients (EdgeUpdate, Google Update) record the installed
// version as "pv"; the keys are per machine (32-bit view) or per user.
const std::array<Place, 3> edge_versions{{
    {HKEY_LOCAL_MACHINE,
     L"SOFTWARE\\WOW6432Node\\Microsoft\\EdgeUpdate\\Clients\\{56EB18F8-B008-4CBD-B6D2-8C97FE7E9062}"},
    {HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\EdgeUpdate\\Clients\\{56EB18F8-B008-4CBD-B6D2-8C97FE7E9062}"},
    {HKEY_CURRENT_USER, L"Software\\Microsoft\\EdgeUpdate\\Clients\\{56EB18F8-B008-4CBD-B6D2-8C97FE7E9062}"},
}};
const std::array<Place, 3> chrome_versions{{
    {HKEY_LOCAL_MACHINE,
     L"SOFTWARE\\WOW6432Node\\Google\\Update\\Clients\\{8A69D345-D564-463c-AFF1-A69D9E530F96}"},
    {HKEY_LOCAL_MACHINE, L"SOFTWARE\\Google\\Update\\Clients\\{8A69D345-D564-463c-AFF1-A69D9E530F96}"},
    {HKEY_CURRENT_USER, L"Software\\Google\\Update\\Clients\\{8A69D345-D564-463c-AFF1-A69D9E530F96}"},
}};

// ---- Uninstall entries ---------------------------------------------------

struct UninstallEntry {
    std::wstring display_name;
    std::string version;
};

const std::array<Place, 3> uninstall_places{{
    {HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall"},
    {HKEY_LOCAL_MACHINE, L"SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall"},
    {HKEY_CURRENT_USER, L"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"},
}};

void append_entries(const Place& place, std::vector<UninstallEntry>& entries) {
    HKEY key = nullptr;
    if (RegOpenKeyExW(place.root, place.key, 0, KEY_READ, &key) != ERROR_SUCCESS) return;
    std::array<wchar_t, 256> name{};  // registry key names are at most 255 characters
    for (DWORD index = 0; index < max_uninstall_keys; ++index) {
        DWORD length = static_cast<DWORD>(name.size());
        const LONG status =
            RegEnumKeyExW(key, index, name.data(), &length, nullptr, nullptr, nullptr, nullptr);
        if (status == ERROR_NO_MORE_ITEMS) break;
        if (status != ERROR_SUCCESS) continue;
        const std::wstring subkey{name.data(), length};
        const auto display_name = read_wide(key, subkey, L"DisplayName");
        if (!display_name || display_name->empty()) continue;
        entries.push_back({*display_name, read_string(key, subkey, L"DisplayVersion").value_or("")});
    }
    RegCloseKey(key);
}

std::vector<UninstallEntry> uninstall_entries() {
    std::vector<UninstallEntry> entries;
    for (const Place& place : uninstall_places) append_entries(place, entries);
    return entries;
}

bool contains(std::wstring_view text, std::wstring_view part) {
    return text.find(part) != std::wstring_view::npos;
}

// The manual names the program both ways: 「ケアプランデータ連携システム」 in the
// uninstall steps and 『ケアプラン連携クライアントアプリケーション』 in the notice;
// the catalogue holds the parts of those names that the uninstall list shows.
bool is_careplan_client(std::wstring_view name) {
    static const std::wstring long_name = core::to_wide(core::tr(texts::envcheck::client_app::listed_name));
    static const std::wstring short_name =
        core::to_wide(core::tr(texts::envcheck::client_app::listed_short_name));
    return contains(name, long_name) || contains(name, short_name);
}

// "Adobe Acrobat Reader DC - Japanese", "Adobe Acrobat Reader - 日本語",
// "Adobe Acrobat (64-bit)": the Reader and the full Acrobat both open PDFs.
bool is_acrobat(std::wstring_view name) { return name.rfind(L"Adobe Acrobat", 0) == 0; }

// ---- PDF ---------------------------------------------------------------

// The user's choice in Windows 10/11 settings wins over the class default.
std::optional<std::wstring> pdf_prog_id() {
    if (auto choice =
            read_wide(HKEY_CURRENT_USER,
                      L"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts\\.pdf\\UserChoice",
                      L"ProgId")) {
        return choice;
    }
    return read_wide(HKEY_CLASSES_ROOT, L".pdf", L"");
}

// Only a ProgID with an open command names an app. Asking for the name of
// one without makes Wine 8's AssocQueryStringW fault.
std::optional<std::string> pdf_app_name(const std::wstring& prog_id) {
    if (!read_wide(HKEY_CLASSES_ROOT, prog_id + L"\\shell\\open\\command", L"")) {
        return std::nullopt;
    }
    std::array<wchar_t, max_registry_chars> buffer{};
    DWORD length = static_cast<DWORD>(buffer.size());
    if (FAILED(AssocQueryStringW(ASSOCF_NONE, ASSOCSTR_FRIENDLYAPPNAME, L".pdf", nullptr, buffer.data(),
                                 &length))) {
        return std::nullopt;
    }
    buffer.back() = L'\0';
    const std::wstring name{buffer.data()};
    if (name.empty()) return std::nullopt;
    return to_utf8(name);
}

// ---- Proxy -------------------------------------------------------------

// Frees what WinHTTP allocated for us.
struct GlobalString {
    LPWSTR text = nullptr;
    ~GlobalString() {
        if (text) GlobalFree(text);
    }
    // Whole: what goes into a fact is redacted first and bounded after.
    std::string utf8() const { return text ? core::from_wide(text) : std::string{}; }
};

std::string winhttp_proxy(bool& configured) {
    WINHTTP_PROXY_INFO info{};
    if (!WinHttpGetDefaultProxyConfiguration(&info)) return core::tr(texts::envcheck::unknown);
    const GlobalString proxy{info.lpszProxy};
    const GlobalString bypass{info.lpszProxyBypass};
    if (info.dwAccessType != WINHTTP_ACCESS_TYPE_NAMED_PROXY || proxy.utf8().empty()) {
        return core::tr(texts::envcheck::proxy::direct);
    }
    configured = true;
    return proxy_fact(proxy.utf8());
}

std::string user_proxy(bool& configured) {
    WINHTTP_CURRENT_USER_IE_PROXY_CONFIG config{};
    if (!WinHttpGetIEProxyConfigForCurrentUser(&config)) return core::tr(texts::envcheck::unknown);
    const GlobalString script{config.lpszAutoConfigUrl};
    const GlobalString proxy{config.lpszProxy};
    const GlobalString bypass{config.lpszProxyBypass};
    const std::string separator = core::tr(texts::envcheck::list_separator);
    std::string summary;
    if (!script.utf8().empty()) {
        summary += core::tr(texts::envcheck::proxy::script, {{"origin", bounded(origin_of(script.utf8()))}}) +
                   separator;
    }
    if (!proxy.utf8().empty()) {
        summary +=
            core::tr(texts::envcheck::proxy::server, {{"server", proxy_fact(proxy.utf8())}}) + separator;
    }
    configured = configured || !summary.empty();
    if (summary.empty()) summary = core::tr(texts::envcheck::proxy::direct) + separator;
    return summary + core::tr(config.fAutoDetect ? texts::envcheck::proxy::auto_detect_on
                                                 : texts::envcheck::proxy::auto_detect_off);
}

}  // namespace

std::optional<OsFacts> probe_os() {
    OsFacts os;
    if (const auto version = rtl_version()) {
        os.major = version->dwMajorVersion;
        os.minor = version->dwMinorVersion;
        os.build = version->dwBuildNumber;
    }
    os.product_name = read_string(HKEY_LOCAL_MACHINE, current_version_key, L"EditionID");
    os.update_revision = read_dword(HKEY_LOCAL_MACHINE, current_version_key, L"UBR");
    os.display_version = read_string(HKEY_LOCAL_MACHINE, current_version_key, L"DisplayVersion");
    if (!os.display_version)
        os.display_version = read_string(HKEY_LOCAL_MACHINE, current_version_key, L"ReleaseId");
    return os;
}

std::optional<CalendarFacts> probe_calendar() {
    const std::wstring international = L"Control Panel\\International";
    CalendarFacts calendar;
    calendar.calendar_type = read_string(HKEY_CURRENT_USER, international, L"iCalendarType");
    calendar.short_date = read_string(HKEY_CURRENT_USER, international, L"sShortDate");
    calendar.long_date = read_string(HKEY_CURRENT_USER, international, L"sLongDate");
    const auto locale_info = [](LCTYPE type) -> std::optional<std::string> {
        std::array<wchar_t, 128> buffer{};
        if (GetLocaleInfoEx(LOCALE_NAME_USER_DEFAULT, type, buffer.data(), static_cast<int>(buffer.size())) <=
            0) {
            return std::nullopt;
        }
        buffer.back() = L'\0';
        return to_utf8(buffer.data());
    };
    calendar.locale_calendar_type = locale_info(LOCALE_ICALENDARTYPE);
    calendar.locale_short_date = locale_info(LOCALE_SSHORTDATE);
    return calendar;
}

std::optional<BrowsersFacts> probe_browsers() {
    BrowsersFacts browsers;
    browsers.edge = browser(L"msedge.exe", edge_versions, L"pv");
    browsers.chrome = browser(L"chrome.exe", chrome_versions, L"pv");
    return browsers;
}

std::optional<PdfFacts> probe_pdf() {
    // The association functions may use COM; this thread is the probe's own.
    const HRESULT com = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
    PdfFacts pdf;
    if (const auto prog_id = pdf_prog_id(); prog_id && !prog_id->empty()) {
        pdf.handler_prog_id = to_utf8(*prog_id);
        pdf.handler_app_name = pdf_app_name(*prog_id);
    }
    for (const UninstallEntry& entry : uninstall_entries()) {
        if (is_acrobat(entry.display_name)) {
            pdf.acrobat_version = entry.version.empty() ? core::tr(texts::envcheck::unknown) : entry.version;
            break;
        }
    }
    if (SUCCEEDED(com)) CoUninitialize();
    return pdf;
}

std::optional<std::vector<InstalledClient>> probe_installed_clients() {
    std::vector<InstalledClient> clients;
    for (const UninstallEntry& entry : uninstall_entries()) {
        if (is_careplan_client(entry.display_name))
            clients.push_back({to_utf8(entry.display_name), entry.version});
    }
    return clients;
}

std::optional<ProxyFacts> probe_proxy() {
    ProxyFacts proxy;
    proxy.winhttp = winhttp_proxy(proxy.configured);
    proxy.user = user_proxy(proxy.configured);
    return proxy;
}

}  // namespace careplan::envcheck::platform

namespace careplan::envcheck {

core::ManualProxySetting manual_proxy_setting() {
    const std::wstring key = L"Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
    core::ManualProxySetting setting;
    setting.enabled = platform::read_dword(HKEY_CURRENT_USER, key, L"ProxyEnable").value_or(0) != 0;
    setting.server = platform::read_string(HKEY_CURRENT_USER, key, L"ProxyServer").value_or("");
    setting.bypass = platform::read_string(HKEY_CURRENT_USER, key, L"ProxyOverride").value_or("");
    return setting;
}

}  // namespace careplan::envcheck
