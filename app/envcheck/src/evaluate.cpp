#include "careplan/envcheck/evaluate.hpp"

#include <algorithm>
#include <cctype>

#include "careplan/core/date.hpp"
#include "careplan/core/version.hpp"
#include "time_text.hpp"

namespace careplan::envcheck {

using namespace std::chrono;

namespace {

constexpr std::string_view help_desk =
    "解決しない場合は、ヘルプデスク (0120-584-708、平日 9:00〜17:00) にご相談ください。";

Item make_item(std::string_view id, std::string_view title) {
    return Item{std::string{id}, std::string{title}, Outcome::ok, {}, {}};
}

Item judged(Item item, Outcome outcome, std::string remedy = {}) {
    item.outcome = outcome;
    item.remedy = std::move(remedy);
    return item;
}

// A Windows-only item on another OS: developers run the check on Linux.
Item not_windows(Item item) {
    item.facts.push_back("Windows 以外の OS のため確認しません");
    return judged(std::move(item), Outcome::not_applicable);
}

// The probe found nothing to read in time: say so instead of guessing.
Item not_seen(Item item) {
    item.facts.push_back("情報を取得できませんでした");
    return judged(std::move(item), Outcome::warning,
                  "「再チェック」を押してください。" + std::string{help_desk});
}

std::string or_unknown(const std::optional<std::string>& value) {
    return value && !value->empty() ? *value : "不明";
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
    std::string line = windows_name(os) + "（";
    if (os.display_version) line += "バージョン " + *os.display_version + "、";
    return line + "ビルド " + build + "）";
}

Item evaluate_os(const Facts& facts) {
    const OsFacts& os = facts.os;
    Item item = make_item("os", "OS (Windows のバージョン)");
    if (!os.is_windows) {
        item.facts.push_back("OS: " + or_unknown(os.product_name));
        return judged(std::move(item), Outcome::not_applicable,
                      "利用者の PC には Windows 10 または Windows 11 が必要です（この PC は開発・検証用です）。");
    }
    if (!os.major || !os.build) return not_seen(std::move(item));
    item.facts.push_back(windows_line(os));
    if (os.product_name) item.facts.push_back("エディション: " + *os.product_name);
    if (*os.major < 10) {
        return judged(std::move(item), Outcome::ng,
                      "この Windows はサポートが終了しており、本システムの対象外です。"
                      "Windows 11 の PC をご用意ください。");
    }
    if (is_windows11(os)) return item;
    if (core::jst_date(facts.checked_at) <= windows10_end_of_support) {
        item.facts.push_back("Windows 10 のサポートは 2025年10月14日に終了します");
        return item;
    }
    item.facts.push_back("Windows 10 のサポートは 2025年10月14日に終了しました");
    return judged(std::move(item), Outcome::warning,
                  "Windows 11 へのアップグレードをお勧めします（設定 → 更新とセキュリティ → Windows Update）。"
                  "すぐにアップグレードできない場合は、拡張セキュリティ更新 (ESU) に登録して、"
                  "Windows Update で更新プログラムを受け取れる状態にしてください。");
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
        if (c == '\'') quoted = !quoted;
        else if (c == 'g' && !quoted) return true;
    }
    return false;
}

std::string calendar_type_line(std::string_view label_text, const std::string& type) {
    std::string name = type == "3" ? "和暦" : is_gregorian(type) ? "西暦" : "西暦以外";
    return std::string{label_text} + ": " + name + " (" + type + ")";
}

// Appends the seen settings; true when any of them shows a non-Western year.
bool list_calendar_facts(const CalendarFacts& calendar, std::vector<std::string>& lines) {
    bool wareki = false;
    const std::pair<const char*, const std::optional<std::string>*> types[] = {
        {"カレンダーの種類", &calendar.calendar_type},
        {"カレンダーの種類 (地域の既定)", &calendar.locale_calendar_type}};
    for (const auto& [text, value] : types) {
        if (!*value) continue;
        lines.push_back(calendar_type_line(text, **value));
        wareki = wareki || !is_gregorian(**value);
    }
    const std::pair<const char*, const std::optional<std::string>*> formats[] = {
        {"短い日付の形式", &calendar.short_date},
        {"長い日付の形式", &calendar.long_date},
        {"短い日付の形式 (地域の既定)", &calendar.locale_short_date}};
    for (const auto& [text, value] : formats) {
        if (!*value) continue;
        const bool era = has_era_specifier(**value);
        lines.push_back(std::string{text} + ": " + **value + (era ? "（元号を含みます）" : ""));
        wareki = wareki || era;
    }
    return wareki;
}

Item evaluate_calendar(const Facts& facts) {
    Item item = make_item("calendar", "カレンダー表示 (西暦)");
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.calendar) return not_seen(std::move(item));
    const bool wareki = list_calendar_facts(*facts.calendar, item.facts);
    if (item.facts.empty()) return not_seen(std::move(item));
    if (!wareki) return item;
    return judged(std::move(item), Outcome::ng,
                  "和暦の設定では使えません。西暦に変更してください。"
                  "コントロール パネル → 時計と地域 → 日付、時刻、数値形式の変更 →「追加の設定」→"
                  "「日付」タブで「カレンダーの種類」を「西暦 (日本語)」にし、「短い形式」を「yyyy/MM/dd」、"
                  "「長い形式」を「yyyy'年'M'月'd'日'」にして「OK」を押します"
                  "（Windows 11 では 設定 → 時刻と言語 → 言語と地域 →「地域設定」からも変更できます）。"
                  "変更したら、このアプリを起動し直して再チェックしてください。");
}

// ---- Browsers ----------------------------------------------------------

std::string browser_line(std::string_view name, const BrowserFacts& browser) {
    if (!browser.present) return std::string{name} + ": 見つかりません";
    return std::string{name} + ": あり（バージョン " + or_unknown(browser.version) + "）";
}

Item evaluate_browser(const Facts& facts) {
    Item item = make_item("browser", "ブラウザ (Microsoft Edge / Google Chrome)");
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.browsers) return not_seen(std::move(item));
    const BrowsersFacts& browsers = *facts.browsers;
    item.facts.push_back(browser_line("Microsoft Edge", browsers.edge));
    item.facts.push_back(browser_line("Google Chrome", browsers.chrome));
    if (browsers.edge.present || browsers.chrome.present) return item;
    return judged(std::move(item), Outcome::ng,
                  "Microsoft Edge (Chromium 版) か Google Chrome が必要です。"
                  "Windows Update を実行するか、Microsoft または Google の公式サイトから"
                  "どちらかをインストールしてください。");
}

// ---- PDF ---------------------------------------------------------------

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
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
    if (!has_handler(pdf)) return "PDF を開くアプリ: 見つかりません";
    std::string line = "PDF を開くアプリ: " + or_unknown(pdf.handler_app_name);
    if (pdf.handler_prog_id) line += " (" + *pdf.handler_prog_id + ")";
    return line;
}

constexpr std::string_view make_acrobat_default =
    "Adobe Acrobat Reader を PDF の既定のアプリにしてください"
    "（設定 → アプリ → 既定のアプリ で「.pdf」を選び、Adobe Acrobat を選びます）。";
constexpr std::string_view install_acrobat =
    "Adobe の公式サイトから Adobe Acrobat Reader（無料）をインストールしてください。";

Item evaluate_pdf(const Facts& facts) {
    Item item = make_item("pdf", "PDF ビューワー (推奨: Adobe Acrobat Reader)");
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.pdf) return not_seen(std::move(item));
    const PdfFacts& pdf = *facts.pdf;
    item.facts.push_back(handler_line(pdf));
    item.facts.push_back("Adobe Acrobat Reader: " +
                         (pdf.acrobat_version ? "バージョン " + *pdf.acrobat_version : std::string{"見つかりません"}));
    if (handler_is_acrobat(pdf)) return item;
    if (pdf.acrobat_version) return judged(std::move(item), Outcome::warning, std::string{make_acrobat_default});
    if (has_handler(pdf)) {
        return judged(std::move(item), Outcome::warning,
                      "PDF は開けますが、推奨は Adobe Acrobat Reader です。帳票が正しく表示・印刷できない場合は、" +
                          std::string{install_acrobat});
    }
    return judged(std::move(item), Outcome::ng, "PDF を開くアプリがありません。" + std::string{install_acrobat});
}

// ---- Installed ケアプランデータ連携 client ---------------------------------

constexpr std::string_view upgrade_steps =
    "新しいクライアントアプリ ver1.1.2 に入れ替えてください。"
    "手順1: Windows ボタンから「コントロール パネル」を開き、「プログラムのアンインストール」で"
    "「ケアプランデータ連携システム」を選んでアンインストールします。"
    "手順2: 製品ダウンロードページで必要な情報を入力し、新しいアプリをダウンロードして、"
    "開いたファイルからインストールします。";

Item evaluate_client_app(const Facts& facts) {
    Item item = make_item("client_app", "ケアプランデータ連携 クライアントアプリ (ver1.1.2)");
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.installed_clients) return not_seen(std::move(item));
    const auto& clients = *facts.installed_clients;
    if (clients.empty()) {
        // A PC may be used only to renew the license; nothing is wrong then.
        item.facts.push_back("この PC にはインストールされていません");
        return judged(std::move(item), Outcome::not_applicable,
                      "この PC でケアプランデータ連携システムを使う場合は、製品ダウンロードページから ver1.1.2 を"
                      "インストールしてください。");
    }
    bool outdated = false;
    for (const InstalledClient& client : clients) {
        const std::string version = client.version.empty() ? "バージョン不明" : "ver" + client.version;
        item.facts.push_back(client.display_name + ": " + version);
        outdated = outdated || core::client_update_needed(client.version);
    }
    item.facts.push_back("最新: ver" + std::string{core::latest_client_version});
    if (!outdated) return item;
    return judged(std::move(item), Outcome::warning, std::string{upgrade_steps});
}

// ---- Network -----------------------------------------------------------

std::string network_remedy(const Facts& facts, std::string_view first) {
    std::string remedy{first};
    const bool via_proxy = facts.service && facts.service->route && facts.service->route->proxy;
    if (via_proxy) {
        remedy += "このアプリはプロキシを経由して接続しています（「経路」）。"
                  "そのプロキシが正しいか、ネットワーク管理者にご確認ください。";
    } else if (facts.proxy && facts.proxy->configured) {
        remedy += "この PC にはプロキシが設定されています（「プロキシ設定」の項目）。"
                  "プロキシ経由でしか外に出られないネットワークか、ネットワーク管理者にご確認ください。"
                  "プロキシ経由の場合は、このアプリと同じフォルダーの careplan-client.ini に "
                  "[network] と proxy=ホスト名:ポート番号 を書き加えてください。";
    }
    return remedy + std::string{help_desk};
}

std::string failure_cause(const ServiceFacts& service) {
    if (service.answered) return "サービスが正常に応答していません (HTTP " + std::to_string(service.http_status) + ")";
    if (service.error_code == "TIMEOUT") return "時間内に応答がありませんでした";
    if (service.error_code == "TLS_ERROR") return "安全な接続 (TLS) を確立できませんでした";
    return "サービスに接続できませんでした";
}

std::string_view failure_remedy(const ServiceFacts& service) {
    if (service.answered) return "しばらく待ってから再チェックしてください。";
    if (service.error_code == "TLS_ERROR") {
        return "PC の日付と時刻が正しいか確認してください。セキュリティソフトやプロキシが通信を検査していると"
               "起きることがあります。";
    }
    return "インターネットにつながっているか、ファイアウォールやセキュリティソフトがこのアプリの通信を"
           "止めていないか確認してください。";
}

void list_service_facts(const ServiceFacts& service, std::vector<std::string>& lines) {
    lines.push_back("接続先: " + service.url);
    if (service.route) lines.push_back("経路: " + core::describe(*service.route));
    lines.push_back(std::string{"暗号化 (TLS): "} + (service.tls ? "あり" : "なし"));
    lines.push_back("応答時間: " + std::to_string(service.latency.count()) + " ms");
    if (service.answered) lines.push_back("応答: HTTP " + std::to_string(service.http_status));
    if (!service.error_code.empty()) {
        std::string error = "エラー: " + service.error_code;
        if (!service.error_message.empty()) error += " (" + service.error_message + ")";
        lines.push_back(std::move(error));
    }
}

bool healthy(const ServiceFacts& service) { return service.answered && service.http_status == 200; }

Item evaluate_network(const Facts& facts) {
    Item item = make_item("network", "サービスへの接続 (インターネット)");
    if (!facts.service) return not_seen(std::move(item));
    const ServiceFacts& service = *facts.service;
    list_service_facts(service, item.facts);
    if (!healthy(service)) {
        item.facts.push_back(failure_cause(service));
        return judged(std::move(item), Outcome::ng, network_remedy(facts, failure_remedy(service)));
    }
    if (service.latency <= slow_latency) return item;
    item.facts.push_back("応答に 2 秒以上かかっています");
    return judged(std::move(item), Outcome::warning,
                  network_remedy(facts, "回線が混み合っている可能性があります。時間をおいて再チェックしてください。"));
}

// ---- Clock -------------------------------------------------------------

// "PC の時計が 3 分 5 秒進んでいます"
std::string offset_line(milliseconds offset) {
    const auto size = duration_cast<seconds>(offset < milliseconds{0} ? -offset : offset);
    const auto hours_part = duration_cast<hours>(size);
    const auto minutes_part = duration_cast<minutes>(size - hours_part);
    const auto seconds_part = size - hours_part - minutes_part;
    std::string text;
    if (hours_part.count() > 0) text += std::to_string(hours_part.count()) + " 時間 ";
    if (hours_part.count() > 0 || minutes_part.count() > 0) text += std::to_string(minutes_part.count()) + " 分 ";
    text += std::to_string(seconds_part.count()) + " 秒";
    return "ずれ: PC の時計が " + text + (offset < milliseconds{0} ? "遅れています" : "進んでいます");
}

constexpr std::string_view clock_remedy =
    "設定 → 時刻と言語 → 日付と時刻 で「時刻を自動的に設定する」をオンにし、「今すぐ同期」を押してください。";

Item evaluate_clock(const Facts& facts) {
    Item item = make_item("clock", "PC の日付と時刻");
    const bool has_time = facts.service && healthy(*facts.service);
    const auto server_time = has_time ? parse_rfc3339(facts.service->server_time) : std::nullopt;
    if (!server_time) {
        item.facts.push_back("サービスの時刻を受け取れなかったため、比べられませんでした");
        return judged(std::move(item), Outcome::warning, "サービスに接続できるようになってから再チェックしてください。");
    }
    const milliseconds offset = facts.service->local_time - *server_time;
    item.facts.push_back("PC の時計: " + jst_text(facts.service->local_time));
    item.facts.push_back("サービスの時刻: " + jst_text(*server_time));
    item.facts.push_back(offset_line(offset));
    const auto size = offset < milliseconds{0} ? -offset : offset;
    if (size <= clock_warning_offset) return item;
    if (size <= clock_ng_offset) return judged(std::move(item), Outcome::warning, std::string{clock_remedy});
    return judged(std::move(item), Outcome::ng,
                  "日付がずれていると、安全な接続や更新の手続きができないことがあります。" + std::string{clock_remedy});
}

// ---- Proxy (informational) ----------------------------------------------

Item evaluate_proxy(const Facts& facts) {
    Item item = make_item("proxy", "プロキシ設定 (参考)");
    if (!facts.os.is_windows) return not_windows(std::move(item));
    if (!facts.proxy) return not_seen(std::move(item));
    item.facts.push_back("WinHTTP: " + or_unknown(facts.proxy->winhttp));
    item.facts.push_back("インターネット オプション: " + or_unknown(facts.proxy->user));
    return item;
}

Outcome overall_of(const std::vector<Item>& items) {
    const auto any = [&](Outcome outcome) {
        return std::any_of(items.begin(), items.end(), [&](const Item& item) { return item.outcome == outcome; });
    };
    if (any(Outcome::ng)) return Outcome::ng;
    if (any(Outcome::warning)) return Outcome::warning;
    return Outcome::ok;
}

}  // namespace

std::string_view label(Outcome outcome) {
    switch (outcome) {
    case Outcome::ok: return "OK";
    case Outcome::warning: return "注意";
    case Outcome::ng: return "NG";
    case Outcome::not_applicable: return "対象外";
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
    static const std::vector<std::string_view> ids{"os",      "calendar", "browser", "pdf",
                                                   "client_app", "network", "clock",   "proxy"};
    return ids;
}

Report evaluate(const Facts& facts) {
    Report report;
    report.items = {evaluate_os(facts),         evaluate_calendar(facts), evaluate_browser(facts),
                    evaluate_pdf(facts),        evaluate_client_app(facts), evaluate_network(facts),
                    evaluate_clock(facts),      evaluate_proxy(facts)};
    report.overall = overall_of(report.items);
    report.checked_at = jst_text(facts.checked_at);
    report.client_version = facts.client_version;
    return report;
}

}  // namespace careplan::envcheck
