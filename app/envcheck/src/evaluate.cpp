#include "careplan/envcheck/evaluate.hpp"

#include <algorithm>
#include <cctype>

#include "careplan/core/date.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/version.hpp"
#include "time_text.hpp"

namespace careplan::envcheck {

using namespace std::chrono;

namespace {

using core::tr;

// "If that does not help, call the help desk", with its number and hours.
std::string if_unsolved() {
    return tr(texts::envcheck::if_unsolved, {{"contact", tr(texts::helpdesk::contact)}});
}

Item make_item(std::string_view id, core::TextKey title) {
    return Item{std::string{id}, tr(title), Outcome::ok, {}, {}};
}

Item judged(Item item, Outcome outcome, std::string remedy = {}) {
    item.outcome = outcome;
    item.remedy = std::move(remedy);
    return item;
}

// A remedy the user can carry out on a Windows page: S08 offers to open it.
Item fixed_on(Item item, core::SettingsPage page) {
    item.fix = page;
    return item;
}

// A Windows-only item on another OS: developers run the check on Linux.
Item not_windows(Item item) {
    item.facts.push_back(tr(texts::envcheck::not_windows));
    return judged(std::move(item), Outcome::not_applicable);
}

// The probe found nothing to read in time: say so instead of guessing.
Item not_seen(Item item) {
    item.facts.push_back(tr(texts::envcheck::not_seen));
    return judged(std::move(item), Outcome::warning, tr(texts::envcheck::not_seen_remedy) + if_unsolved());
}

std::string or_unknown(const std::optional<std::string>& value) {
    return value && !value->empty() ? *value : tr(texts::envcheck::unknown);
}

// ---- OS ----------------------------------------------------------------

bool is_windows11(const OsFacts& os) { return *os.major > 10 || (*os.major == 10 && *os.build >= 22000); }

std::string windows_name(const OsFacts& os) {
    if (*os.major >= 10) return is_windows11(os) ? "Windows 11" : "Windows 10";
    if (*os.major == 6 && os.minor) {
        if (*os.minor == 1) return "Windows 7";
        if (*os.minor == 2) return "Windows 8";
        if (*os.minor == 3) return "Windows 8.1";
    }
    return "Windows " + std::to_string(*os.major) + "." + std::to_string(os.minor.value_or(0));
}

std::string windows_line(const OsFacts& os) {
    std::string build = std::to_string(*os.build);
    if (os.update_revision) build += "." + std::to_string(*os.update_revision);
    if (!os.display_version)
        return tr(texts::envcheck::os::build_only, {{"name", windows_name(os)}, {"build", build}});
    return tr(texts::envcheck::os::version_and_build,
              {{"name", windows_name(os)}, {"version", *os.display_version}, {"build", build}});
}

Item evaluate_os(const Facts& facts) {
    const OsFacts& os = facts.os;
    Item item = make_item("os", texts::envcheck::os::title);
    if (!os.is_windows) {
        item.facts.push_back(tr(texts::envcheck::os::other_os, {{"os", or_unknown(os.product_name)}}));
        return judged(std::move(item), Outcome::not_applicable, tr(texts::envcheck::os::other_os_remedy));
    }
    if (!os.major || !os.build) return not_seen(std::move(item));
    item.facts.push_back(windows_line(os));
    if (os.product_name)
        item.facts.push_back(tr(texts::envcheck::os::edition, {{"edition", *os.product_name}}));
    if (*os.major < 10)
        return judged(std::move(item), Outcome::ng, tr(texts::envcheck::os::unsupported_remedy));
    if (is_windows11(os)) return item;
    if (core::jst_date(facts.checked_at) <= windows10_end_of_support) {
        item.facts.push_back(tr(texts::envcheck::os::windows10_ends));
        return item;
    }
    item.facts.push_back(tr(texts::envcheck::os::windows10_ended));
    // ESU enrolment and the upgrade to Windows 11 both start in Windows Update.
    return fixed_on(judged(std::move(item), Outcome::warning, tr(texts::envcheck::os::windows10_remedy)),
                    core::SettingsPage::windows_update);
}

// ---- Calendar ----------------------------------------------------------

// Calendar types that count years in the Western (Gregorian) way.
bool is_gregorian(std::string_view calendar_type) {
    for (std::string_view gregorian : {"1", "2", "9", "10", "11", "12"}) {
        if (calendar_type == gregorian) return true;
    }
    return false;
}

// 'g' is the era specifier of Windows date formats (g, gg, ggg); text in
// single quotes is literal and does not count.
bool has_era_specifier(std::string_view format) {
    bool quoted = false;
    for (char c : format) {
        if (c == '\'')
            quoted = !quoted;
        else if (c == 'g' && !quoted)
            return true;
    }
    return false;
}

std::string calendar_type_line(core::TextKey line, const std::string& type) {
    const core::TextKey name = type == "3"          ? texts::envcheck::calendar::wareki
                               : is_gregorian(type) ? texts::envcheck::calendar::seireki
                                                    : texts::envcheck::calendar::other;
    return tr(line, {{"calendar", tr(name)}, {"code", type}});
}

// Appends the seen settings; true when any of them shows a non-Western year.
bool list_calendar_facts(const CalendarFacts& calendar, std::vector<std::string>& lines) {
    bool wareki = false;
    const std::pair<core::TextKey, const std::optional<std::string>*> types[] = {
        {texts::envcheck::calendar::type, &calendar.calendar_type},
        {texts::envcheck::calendar::locale_type, &calendar.locale_calendar_type}};
    for (const auto& [line, value] : types) {
        if (!*value) continue;
        lines.push_back(calendar_type_line(line, **value));
        wareki = wareki || !is_gregorian(**value);
    }
    const std::pair<core::TextKey, const std::optional<std::string>*> formats[] = {
        {texts::envcheck::calendar::short_date, &calendar.short_date},
        {texts::envcheck::calendar::long_date, &calendar.long_date},
        {texts::envcheck::calendar::locale_short_date, &calendar.locale_short_date}};
    for (const auto& [line, value] : formats) {
        if (!*value) continue;
        const bool era = has_era_specifier(**value);
        lines.push_back(
            tr(line, {{"format", **value}, {"era", era ? tr(texts::envcheck::calendar::has_era) : ""}}));
        wareki = wareki || era;
    }
    return wareki;
}

Item evaluate_calendar(const Facts& facts) {
    Item item = make_item("calendar", texts::envcheck::calendar::title);
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.calendar) return not_seen(std::move(item));
    const bool wareki = list_calendar_facts(*facts.calendar, item.facts);
    if (item.facts.empty()) return not_seen(std::move(item));
    if (!wareki) return item;
    return fixed_on(judged(std::move(item), Outcome::ng, tr(texts::envcheck::calendar::remedy)),
                    core::SettingsPage::region_format);
}

// ---- Browsers ----------------------------------------------------------

std::string browser_line(std::string_view name, const BrowserFacts& browser) {
    if (!browser.present) return tr(texts::envcheck::browser::absent, {{"browser", name}});
    return tr(texts::envcheck::browser::present,
              {{"browser", name}, {"version", or_unknown(browser.version)}});
}

Item evaluate_browser(const Facts& facts) {
    Item item = make_item("browser", texts::envcheck::browser::title);
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.browsers) return not_seen(std::move(item));
    const BrowsersFacts& browsers = *facts.browsers;
    item.facts.push_back(browser_line("Microsoft Edge", browsers.edge));
    item.facts.push_back(browser_line("Google Chrome", browsers.chrome));
    if (browsers.edge.present || browsers.chrome.present) return item;
    // Windows Update brings Microsoft Edge to a PC that lacks it.
    return fixed_on(judged(std::move(item), Outcome::ng, tr(texts::envcheck::browser::remedy)),
                    core::SettingsPage::windows_update);
}

// ---- PDF ---------------------------------------------------------------

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

// Acrobat and Acrobat Reader register "AcroExch.Document.*" or "Acrobat.Document.*".
bool handler_is_acrobat(const PdfFacts& pdf) {
    if (pdf.handler_prog_id && (starts_with_ignoring_case(*pdf.handler_prog_id, "AcroExch.") ||
                                starts_with_ignoring_case(*pdf.handler_prog_id, "Acrobat."))) {
        return true;
    }
    return pdf.handler_app_name && pdf.handler_app_name->find("Acrobat") != std::string::npos;
}

bool has_handler(const PdfFacts& pdf) {
    return (pdf.handler_prog_id && !pdf.handler_prog_id->empty()) ||
           (pdf.handler_app_name && !pdf.handler_app_name->empty());
}

std::string handler_line(const PdfFacts& pdf) {
    if (!has_handler(pdf)) return tr(texts::envcheck::pdf::no_handler);
    const std::string app = or_unknown(pdf.handler_app_name);
    if (!pdf.handler_prog_id) return tr(texts::envcheck::pdf::handler, {{"app", app}});
    return tr(texts::envcheck::pdf::handler_with_id, {{"app", app}, {"prog_id", *pdf.handler_prog_id}});
}

std::string acrobat_line(const PdfFacts& pdf) {
    if (!pdf.acrobat_version) return tr(texts::envcheck::pdf::no_acrobat);
    return tr(texts::envcheck::pdf::acrobat, {{"version", *pdf.acrobat_version}});
}

Item evaluate_pdf(const Facts& facts) {
    Item item = make_item("pdf", texts::envcheck::pdf::title);
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.pdf) return not_seen(std::move(item));
    const PdfFacts& pdf = *facts.pdf;
    item.facts.push_back(handler_line(pdf));
    item.facts.push_back(acrobat_line(pdf));
    if (handler_is_acrobat(pdf)) return item;
    if (pdf.acrobat_version) {
        return fixed_on(
            judged(std::move(item), Outcome::warning, tr(texts::envcheck::pdf::make_default_remedy)),
            core::SettingsPage::default_apps);
    }
    const std::string install = tr(texts::envcheck::pdf::install);
    if (has_handler(pdf)) {
        return judged(std::move(item), Outcome::warning,
                      tr(texts::envcheck::pdf::other_viewer_remedy, {{"install", install}}));
    }
    return judged(std::move(item), Outcome::ng,
                  tr(texts::envcheck::pdf::no_viewer_remedy, {{"install", install}}));
}

// ---- Installed ケアプランデータ連携 client ---------------------------------

Item evaluate_client_app(const Facts& facts) {
    Item item = make_item("client_app", texts::envcheck::client_app::title);
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.installed_clients) return not_seen(std::move(item));
    const auto& clients = *facts.installed_clients;
    if (clients.empty()) {
        // A PC may be used only to renew the license; nothing is wrong then.
        item.facts.push_back(tr(texts::envcheck::client_app::not_installed));
        return judged(std::move(item), Outcome::not_applicable,
                      tr(texts::envcheck::client_app::not_installed_remedy));
    }
    bool outdated = false;
    for (const InstalledClient& client : clients) {
        if (client.version.empty()) {
            item.facts.push_back(
                tr(texts::envcheck::client_app::installed_unknown_version, {{"name", client.display_name}}));
        } else {
            item.facts.push_back(tr(texts::envcheck::client_app::installed,
                                    {{"name", client.display_name}, {"version", client.version}}));
        }
        outdated = outdated || core::client_update_needed(client.version);
    }
    item.facts.push_back(tr(texts::envcheck::client_app::latest));
    if (!outdated) return item;
    return judged(std::move(item), Outcome::warning, tr(texts::envcheck::client_app::upgrade_remedy));
}

// ---- Network -----------------------------------------------------------

std::string network_remedy(const Facts& facts, core::TextKey first) {
    std::string remedy = tr(first);
    const bool via_proxy = facts.service && facts.service->route && facts.service->route->proxy;
    if (via_proxy) {
        remedy += tr(texts::envcheck::network::via_proxy);
    } else if (facts.proxy && facts.proxy->configured) {
        remedy += tr(texts::envcheck::network::proxy_configured);
    }
    return remedy + if_unsolved();
}

std::string failure_cause(const ServiceFacts& service) {
    if (service.answered) return tr(texts::envcheck::network::http_error, {{"status", service.http_status}});
    if (service.error == core::ErrorCode::timeout) return tr(texts::envcheck::network::timeout);
    if (service.error == core::ErrorCode::tls_error) return tr(texts::envcheck::network::tls_error);
    return tr(texts::envcheck::network::unreachable);
}

core::TextKey failure_remedy(const ServiceFacts& service) {
    if (service.answered) return texts::envcheck::network::http_error_remedy;
    if (service.error == core::ErrorCode::tls_error) return texts::envcheck::network::tls_error_remedy;
    return texts::envcheck::network::unreachable_remedy;
}

void list_service_facts(const ServiceFacts& service, std::vector<std::string>& lines) {
    lines.push_back(tr(texts::envcheck::network::url, {{"url", service.url}}));
    if (service.route) {
        lines.push_back(tr(texts::envcheck::network::route, {{"route", core::describe(*service.route)}}));
    }
    lines.push_back(tr(service.tls ? texts::envcheck::network::tls_on : texts::envcheck::network::tls_off));
    lines.push_back(tr(texts::envcheck::network::latency, {{"milliseconds", service.latency.count()}}));
    if (service.answered)
        lines.push_back(tr(texts::envcheck::network::answer, {{"status", service.http_status}}));
    if (service.error) {
        const std::string_view code = core::wire_code(*service.error);
        lines.push_back(service.error_message.empty()
                            ? tr(texts::envcheck::network::error, {{"code", code}})
                            : tr(texts::envcheck::network::error_with_message,
                                 {{"code", code}, {"message", service.error_message}}));
    }
}

bool healthy(const ServiceFacts& service) { return service.answered && service.http_status == 200; }

Item evaluate_network(const Facts& facts) {
    Item item = make_item("network", texts::envcheck::network::title);
    if (!facts.service) return not_seen(std::move(item));
    const ServiceFacts& service = *facts.service;
    list_service_facts(service, item.facts);
    if (!healthy(service)) {
        item.facts.push_back(failure_cause(service));
        return judged(std::move(item), Outcome::ng, network_remedy(facts, failure_remedy(service)));
    }
    if (service.latency <= slow_latency) return item;
    const auto slow_seconds = duration_cast<seconds>(slow_latency).count();
    item.facts.push_back(tr(texts::envcheck::network::slow, {{"seconds", slow_seconds}}));
    return judged(std::move(item), Outcome::warning,
                  network_remedy(facts, texts::envcheck::network::slow_remedy));
}

// ---- Clock -------------------------------------------------------------

// "PC の時計が 3 分 5 秒進んでいます"
std::string offset_line(milliseconds offset) {
    const auto size = duration_cast<seconds>(offset < milliseconds{0} ? -offset : offset);
    const auto hours_part = duration_cast<hours>(size);
    const auto minutes_part = duration_cast<minutes>(size - hours_part);
    const auto seconds_part = size - hours_part - minutes_part;
    std::string text;
    if (hours_part.count() > 0)
        text += tr(texts::envcheck::clock::hours, {{"hours", hours_part.count()}}) + " ";
    if (hours_part.count() > 0 || minutes_part.count() > 0) {
        text += tr(texts::envcheck::clock::minutes, {{"minutes", minutes_part.count()}}) + " ";
    }
    text += tr(texts::envcheck::clock::seconds, {{"seconds", seconds_part.count()}});
    return tr(offset < milliseconds{0} ? texts::envcheck::clock::behind : texts::envcheck::clock::ahead,
              {{"offset", text}});
}

Item evaluate_clock(const Facts& facts) {
    Item item = make_item("clock", texts::envcheck::clock::title);
    const bool has_time = facts.service && healthy(*facts.service);
    const auto server_time = has_time ? parse_rfc3339(facts.service->server_time) : std::nullopt;
    if (!server_time) {
        item.facts.push_back(tr(texts::envcheck::clock::no_service_time));
        return judged(std::move(item), Outcome::warning, tr(texts::envcheck::clock::no_service_time_remedy));
    }
    const milliseconds offset = facts.service->local_time - *server_time;
    item.facts.push_back(
        tr(texts::envcheck::clock::pc_time, {{"time", jst_text(facts.service->local_time)}}));
    item.facts.push_back(tr(texts::envcheck::clock::service_time, {{"time", jst_text(*server_time)}}));
    item.facts.push_back(offset_line(offset));
    const auto size = offset < milliseconds{0} ? -offset : offset;
    if (size <= clock_warning_offset) return item;
    const std::string sync = tr(texts::envcheck::clock::remedy);
    if (size <= clock_ng_offset) return judged(std::move(item), Outcome::warning, sync);
    return judged(std::move(item), Outcome::ng, tr(texts::envcheck::clock::far_off_remedy, {{"sync", sync}}));
}

// ---- Proxy (informational) ----------------------------------------------

Item evaluate_proxy(const Facts& facts) {
    Item item = make_item("proxy", texts::envcheck::proxy::title);
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.proxy) return not_seen(std::move(item));
    item.facts.push_back(
        tr(texts::envcheck::proxy::winhttp, {{"setting", or_unknown(facts.proxy->winhttp)}}));
    item.facts.push_back(tr(texts::envcheck::proxy::user, {{"setting", or_unknown(facts.proxy->user)}}));
    return item;
}

Outcome overall_of(const std::vector<Item>& items) {
    const auto any = [&](Outcome outcome) {
        return std::any_of(items.begin(), items.end(),
                           [&](const Item& item) { return item.outcome == outcome; });
    };
    if (any(Outcome::ng)) return Outcome::ng;
    if (any(Outcome::warning)) return Outcome::warning;
    return Outcome::ok;
}

}  // namespace

std::string label(Outcome outcome) {
    switch (outcome) {
        case Outcome::ok: return tr(texts::envcheck::outcome::ok);
        case Outcome::warning: return tr(texts::envcheck::outcome::warning);
        case Outcome::ng: return tr(texts::envcheck::outcome::ng);
        case Outcome::not_applicable: return tr(texts::envcheck::outcome::not_applicable);
    }
    return "?";
}

std::string_view key(Outcome outcome) {
    switch (outcome) {
        case Outcome::ok: return "ok";
        case Outcome::warning: return "warning";
        case Outcome::ng: return "ng";
        case Outcome::not_applicable: return "not_applicable";
    }
    return "?";
}

const std::vector<std::string_view>& item_ids() {
    static const std::vector<std::string_view> ids{"os",         "calendar", "browser", "pdf",
                                                   "client_app", "network",  "clock",   "proxy"};
    return ids;
}

Report evaluate(const Facts& facts) {
    Report report;
    report.items = {evaluate_os(facts),    evaluate_calendar(facts),   evaluate_browser(facts),
                    evaluate_pdf(facts),   evaluate_client_app(facts), evaluate_network(facts),
                    evaluate_clock(facts), evaluate_proxy(facts)};
    report.overall = overall_of(report.items);
    report.checked_at = jst_text(facts.checked_at);
    report.client_version = facts.client_version;
    if (facts.os.is_windows && facts.os.major && facts.os.build)
        report.windows = core::WindowsBuild{*facts.os.major, facts.os.minor.value_or(0), *facts.os.build};
    return report;
}

}  // namespace careplan::envcheck
