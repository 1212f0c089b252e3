#pragma once
// Facts the environment check collects (S08, `careplan-client --check-env`).
//
// Plain data only: the probes fill them in, the evaluator judges them. Every
// fact is optional: an empty optional means "not seen" (the probe does not
// apply on this platform, found nothing to read, or ran out of time), which
// the evaluator tells apart from a fact that was seen and is bad.
//
// Nothing here may identify the user: no user name, no user ID, no paths
// under the user's profile. The report built from these is handed to the
// help desk.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "careplan/core/errors.hpp"
#include "careplan/core/proxy.hpp"

namespace careplan::envcheck {

struct OsFacts {
    bool is_windows = false;
    std::optional<std::string> product_name;  // "Linux 6.1.0"; on Windows the EditionID
    std::optional<unsigned> major;            // RtlGetVersion
    std::optional<unsigned> minor;
    std::optional<unsigned> build;
    std::optional<unsigned> update_revision;     // UBR: rises with each monthly update
    std::optional<std::string> display_version;  // "22H2"
};

// The user's date settings (HKCU\Control Panel\International and the locale).
struct CalendarFacts {
    std::optional<std::string> calendar_type;         // iCalendarType: "1" 西暦, "3" 和暦
    std::optional<std::string> short_date;            // sShortDate, e.g. "yyyy/MM/dd"
    std::optional<std::string> long_date;             // sLongDate
    std::optional<std::string> locale_calendar_type;  // GetLocaleInfoEx(LOCALE_ICALENDARTYPE)
    std::optional<std::string> locale_short_date;     // GetLocaleInfoEx(LOCALE_SSHORTDATE)
};

struct BrowserFacts {
    bool present = false;
    std::optional<std::string> version;
};

struct BrowsersFacts {
    BrowserFacts edge;    // Microsoft Edge (Chromium): msedge.exe
    BrowserFacts chrome;  // Google Chrome: chrome.exe
};

struct PdfFacts {
    std::optional<std::string> handler_prog_id;   // "AcroExch.Document.DC", "MSEdgePDF"
    std::optional<std::string> handler_app_name;  // "Adobe Acrobat Reader", "Microsoft Edge"
    std::optional<std::string> acrobat_version;   // Adobe Acrobat (Reader) installed, its version
};

// An installed ケアプランデータ連携 client (the other program of the manual,
// from the Uninstall keys), not this renewal client.
struct InstalledClient {
    std::string display_name;
    std::string version;  // DisplayVersion, "" when the key has none
    friend bool operator==(const InstalledClient&, const InstalledClient&) = default;
};

// Summaries for the report, credentials and script paths left out.
struct ProxyFacts {
    std::optional<std::string> winhttp;  // "直接接続" or "proxy.example.jp:8080"
    std::optional<std::string> user;     // the user's (Internet Options) settings
    // A proxy server or a configuration script is set in either (automatic
    // detection alone does not count: it is on by default and mostly finds none).
    bool configured = false;
};

// One call of GET /api/v1/health.
struct ServiceFacts {
    std::string url;        // the service's base URL
    bool tls = false;       // https
    bool answered = false;  // an HTTP answer arrived (any status)
    int http_status = 0;
    std::optional<core::ErrorCode> error;  // network_unreachable, timeout, tls_error, ...
    std::string error_message;
    std::chrono::milliseconds latency{0};
    std::string server_time;  // the answer's "time" (RFC 3339)
    // The PC's clock halfway through the call, to compare with server_time.
    std::chrono::sys_time<std::chrono::milliseconds> local_time{};
    std::optional<core::ProxyRoute> route;  // direct or the proxy, and who chose it; when known
};

struct Facts {
    // When the check ran (the PC's clock). Today's date for the support rules
    // is its date in JST; injected so that the evaluator stays pure.
    std::chrono::sys_seconds checked_at{};
    std::string client_version;  // this renewal client, for the report header
    OsFacts os;
    std::optional<CalendarFacts> calendar;
    std::optional<BrowsersFacts> browsers;
    std::optional<PdfFacts> pdf;
    // Empty vector: looked and found none; nullopt: could not look.
    std::optional<std::vector<InstalledClient>> installed_clients;
    std::optional<ProxyFacts> proxy;
    std::optional<ServiceFacts> service;
};

}  // namespace careplan::envcheck
