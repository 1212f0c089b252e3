#include <catch2/catch_test_macros.hpp>

#include "fixtures.hpp"

using namespace careplan::envcheck;
using namespace careplan::envcheck::test;

TEST_CASE("a well-kept Windows 11 PC is OK on every item, in the fixed order") {
    const Report report = evaluate(good_windows11_pc());
    REQUIRE(report.items.size() == item_ids().size());
    for (std::size_t i = 0; i < report.items.size(); ++i) {
        CHECK(report.items[i].id == item_ids()[i]);
        CHECK(report.items[i].outcome == Outcome::ok);
        CHECK_FALSE(report.items[i].title.empty());
        CHECK_FALSE(report.items[i].facts.empty());
        CHECK(report.items[i].remedy.empty());
    }
    CHECK(report.overall == Outcome::ok);
    CHECK(report.checked_at == "2026-11-25 10:00:00 (日本時間)");
    CHECK(report.client_version == "1.0.0");
}

TEST_CASE("outcome labels and keys") {
    CHECK(label(Outcome::ok) == "OK");
    CHECK(label(Outcome::warning) == "注意");
    CHECK(label(Outcome::ng) == "NG");
    CHECK(label(Outcome::not_applicable) == "対象外");
    CHECK(key(Outcome::not_applicable) == "not_applicable");
    CHECK(key(Outcome::warning) == "warning");
}

TEST_CASE("OS: Windows 11 OK, Windows 10 by its end of support, older NG, other OS 対象外") {
    Facts facts = good_windows11_pc();
    const Item win11 = item_of(evaluate(facts), "os");
    CHECK(has_fact(win11, "Windows 11（バージョン 23H2、ビルド 22631.4460）"));

    facts.os.build = 22000;
    CHECK(outcome_of(facts, "os") == Outcome::ok);

    facts.os.build = 19045;
    facts.os.display_version = "22H2";
    const Item win10 = item_of(evaluate(facts), "os");
    CHECK(win10.outcome == Outcome::warning);
    CHECK(has_fact(win10, "Windows 10"));
    CHECK(win10.remedy.find("Windows 11 へのアップグレード") != std::string::npos);
    CHECK(win10.remedy.find("ESU") != std::string::npos);

    facts.checked_at = jst(2025, 10, 14, 23, 59);
    CHECK(outcome_of(facts, "os") == Outcome::ok);
    facts.checked_at = jst(2025, 10, 15, 0);
    CHECK(outcome_of(facts, "os") == Outcome::warning);

    facts.os.major = 6;
    facts.os.minor = 3;
    facts.os.build = 9600;
    const Item win81 = item_of(evaluate(facts), "os");
    CHECK(win81.outcome == Outcome::ng);
    CHECK(has_fact(win81, "Windows 8.1"));

    facts.os.build.reset();
    CHECK(outcome_of(facts, "os") == Outcome::warning);

    const Item linux_os = item_of(evaluate(good_linux_pc()), "os");
    CHECK(linux_os.outcome == Outcome::not_applicable);
    CHECK(has_fact(linux_os, "Linux 6.1.0"));
}

TEST_CASE("calendar: 和暦 by calendar type or era in a date format is NG, with the way to 西暦") {
    Facts facts = good_windows11_pc();
    SECTION("iCalendarType 3 as Windows writes it for 和暦") {
        facts.calendar->calendar_type = "3";
        facts.calendar->short_date = "ggyy/MM/dd";
        const Item item = item_of(evaluate(facts), "calendar");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "和暦 (3)"));
        CHECK(has_fact(item, "ggyy/MM/dd（元号を含みます）"));
        CHECK(item.remedy.find("カレンダーの種類") != std::string::npos);
        CHECK(item.remedy.find("西暦 (日本語)") != std::string::npos);
        CHECK(item.remedy.find("コントロール パネル → 時計と地域") != std::string::npos);
    }
    SECTION("only the locale's calendar type") {
        facts.calendar->calendar_type.reset();
        facts.calendar->locale_calendar_type = "3";
        CHECK(outcome_of(facts, "calendar") == Outcome::ng);
    }
    SECTION("a Gregorian calendar with an era in the long date") {
        facts.calendar->long_date = "gggy'年'M'月'd'日'";
        CHECK(outcome_of(facts, "calendar") == Outcome::ng);
    }
    SECTION("a 'g' in quoted literal text is no era") {
        facts.calendar->long_date = "yyyy'g'MM";
        CHECK(outcome_of(facts, "calendar") == Outcome::ok);
    }
    SECTION("another non-Western calendar") {
        facts.calendar->calendar_type = "7";
        CHECK(outcome_of(facts, "calendar") == Outcome::ng);
    }
    SECTION("nothing read") {
        facts.calendar = CalendarFacts{};
        CHECK(outcome_of(facts, "calendar") == Outcome::warning);
        facts.calendar.reset();
        CHECK(outcome_of(facts, "calendar") == Outcome::warning);
    }
    CHECK(outcome_of(good_linux_pc(), "calendar") == Outcome::not_applicable);
}

TEST_CASE("browser: Edge or Chrome OK, neither NG") {
    Facts facts = good_windows11_pc();
    CHECK(has_fact(item_of(evaluate(facts), "browser"), "Microsoft Edge: あり（バージョン 131.0.2903.86）"));
    facts.browsers->edge = BrowserFacts{};
    facts.browsers->chrome = BrowserFacts{true, std::nullopt};
    const Item chrome_only = item_of(evaluate(facts), "browser");
    CHECK(chrome_only.outcome == Outcome::ok);
    CHECK(has_fact(chrome_only, "Google Chrome: あり（バージョン 不明）"));
    CHECK(has_fact(chrome_only, "Microsoft Edge: 見つかりません"));
    facts.browsers->chrome = BrowserFacts{};
    const Item none = item_of(evaluate(facts), "browser");
    CHECK(none.outcome == Outcome::ng);
    CHECK(none.remedy.find("Microsoft Edge (Chromium 版) か Google Chrome") != std::string::npos);
    facts.browsers.reset();
    CHECK(outcome_of(facts, "browser") == Outcome::warning);
    CHECK(outcome_of(good_linux_pc(), "browser") == Outcome::not_applicable);
}

TEST_CASE("PDF: Acrobat OK, another viewer 注意, none NG") {
    Facts facts = good_windows11_pc();
    facts.pdf->handler_prog_id = "Acrobat.Document.DC";
    CHECK(outcome_of(facts, "pdf") == Outcome::ok);

    SECTION("Edge opens PDFs, Acrobat not installed") {
        facts.pdf = PdfFacts{"MSEdgePDF", "Microsoft Edge", std::nullopt};
        const Item item = item_of(evaluate(facts), "pdf");
        CHECK(item.outcome == Outcome::warning);
        CHECK(has_fact(item, "Microsoft Edge (MSEdgePDF)"));
        CHECK(item.remedy.find("推奨は Adobe Acrobat Reader") != std::string::npos);
    }
    SECTION("Acrobat installed but not the default") {
        facts.pdf = PdfFacts{"MSEdgePDF", "Microsoft Edge", "24.004.20219"};
        const Item item = item_of(evaluate(facts), "pdf");
        CHECK(item.outcome == Outcome::warning);
        CHECK(item.remedy.find("既定のアプリ") != std::string::npos);
    }
    SECTION("no viewer at all") {
        facts.pdf = PdfFacts{};
        const Item item = item_of(evaluate(facts), "pdf");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "PDF を開くアプリ: 見つかりません"));
        CHECK(item.remedy.find("Adobe Acrobat Reader（無料）をインストール") != std::string::npos);
    }
    SECTION("not seen") {
        facts.pdf.reset();
        CHECK(outcome_of(facts, "pdf") == Outcome::warning);
    }
    CHECK(outcome_of(good_linux_pc(), "pdf") == Outcome::not_applicable);
}

TEST_CASE("installed ケアプランデータ連携 client against ver1.1.2") {
    Facts facts = good_windows11_pc();
    SECTION("current") { CHECK(outcome_of(facts, "client_app") == Outcome::ok); }
    SECTION("newer") {
        facts.installed_clients = std::vector<InstalledClient>{{"ケアプランデータ連携システム", "1.2.0"}};
        CHECK(outcome_of(facts, "client_app") == Outcome::ok);
    }
    SECTION("old: the manual's two steps") {
        facts.installed_clients = std::vector<InstalledClient>{{"ケアプランデータ連携システム", "1.1.1"}};
        const Item item = item_of(evaluate(facts), "client_app");
        CHECK(item.outcome == Outcome::warning);
        CHECK(has_fact(item, "ケアプランデータ連携システム: ver1.1.1"));
        CHECK(item.remedy.find("手順1") != std::string::npos);
        CHECK(item.remedy.find("プログラムのアンインストール") != std::string::npos);
        CHECK(item.remedy.find("手順2") != std::string::npos);
    }
    SECTION("an old one left beside the new one") {
        facts.installed_clients->push_back({"ケアプラン連携クライアントアプリケーション", "1.0.9"});
        CHECK(outcome_of(facts, "client_app") == Outcome::warning);
    }
    SECTION("no version recorded") {
        facts.installed_clients = std::vector<InstalledClient>{{"ケアプランデータ連携システム", ""}};
        const Item item = item_of(evaluate(facts), "client_app");
        CHECK(item.outcome == Outcome::warning);
        CHECK(has_fact(item, "バージョン不明"));
    }
    SECTION("not installed: a PC used only for the renewal") {
        facts.installed_clients = std::vector<InstalledClient>{};
        const Item item = item_of(evaluate(facts), "client_app");
        CHECK(item.outcome == Outcome::not_applicable);
        CHECK(item.remedy.find("ver1.1.2") != std::string::npos);
    }
    SECTION("not seen") {
        facts.installed_clients.reset();
        CHECK(outcome_of(facts, "client_app") == Outcome::warning);
    }
    CHECK(outcome_of(good_linux_pc(), "client_app") == Outcome::not_applicable);
}

TEST_CASE("network: reachable OK, slow 注意, refused / timeout / TLS / server error NG") {
    Facts facts = good_windows11_pc();
    ServiceFacts& service = *facts.service;
    CHECK(has_fact(item_of(evaluate(facts), "network"), "暗号化 (TLS): あり"));
    SECTION("2 s is still fine, more is slow") {
        service.latency = milliseconds{2000};
        CHECK(outcome_of(facts, "network") == Outcome::ok);
        service.latency = milliseconds{2500};
        const Item item = item_of(evaluate(facts), "network");
        CHECK(item.outcome == Outcome::warning);
        CHECK(has_fact(item, "応答時間: 2500 ms"));
    }
    SECTION("refused") {
        service = ServiceFacts{"https://license.example.jp",
                               true,
                               false,
                               0,
                               careplan::core::ErrorCode::network_unreachable,
                               "Connection refused",
                               milliseconds{3},
                               "",
                               {}};
        const Item item = item_of(evaluate(facts), "network");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "サービスに接続できませんでした"));
        CHECK(has_fact(item, "NETWORK_UNREACHABLE (Connection refused)"));
        CHECK(item.remedy.find("ファイアウォール") != std::string::npos);
        CHECK(item.remedy.find("0120-584-708") != std::string::npos);
        CHECK(item.remedy.find("プロキシ") == std::string::npos);
    }
    SECTION("the route the app takes is listed when known") {
        CHECK_FALSE(has_fact(item_of(evaluate(facts), "network"), "経路: "));
        service.route = careplan::core::ProxyRoute{};
        CHECK(has_fact(item_of(evaluate(facts), "network"), "経路: 直接"));
        service.route = {careplan::core::HostPort{"gate", 8080},
                         careplan::core::ProxySource::windows_setting};
        CHECK(has_fact(item_of(evaluate(facts), "network"),
                       "経路: プロキシ gate:8080 経由 (Windows のプロキシ設定)"));
    }
    SECTION("refused through a proxy: the remedy points at that proxy, not at the ini") {
        service.answered = false;
        service.error = careplan::core::ErrorCode::network_unreachable;
        facts.proxy->configured = true;
        service.route = {careplan::core::HostPort{"gate", 8080},
                         careplan::core::ProxySource::windows_setting};
        const std::string remedy = item_of(evaluate(facts), "network").remedy;
        CHECK(remedy.find("このアプリはプロキシを経由して接続しています") != std::string::npos);
        CHECK(remedy.find("careplan-client.ini") == std::string::npos);
    }
    SECTION("refused behind a proxy") {
        service.answered = false;
        service.error = careplan::core::ErrorCode::network_unreachable;
        facts.proxy->configured = true;
        CHECK(item_of(evaluate(facts), "network").remedy.find("プロキシが設定されています") !=
              std::string::npos);
    }
    SECTION("timeout") {
        service.answered = false;
        service.error = careplan::core::ErrorCode::timeout;
        const Item item = item_of(evaluate(facts), "network");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "時間内に応答がありませんでした"));
    }
    SECTION("wrong certificate") {
        service.answered = false;
        service.error = careplan::core::ErrorCode::tls_error;
        const Item item = item_of(evaluate(facts), "network");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "安全な接続 (TLS) を確立できませんでした"));
        CHECK(item.remedy.find("日付と時刻") != std::string::npos);
    }
    SECTION("the service answers with an error") {
        service.http_status = 503;
        const Item item = item_of(evaluate(facts), "network");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "HTTP 503"));
    }
    SECTION("not checked") {
        facts.service.reset();
        CHECK(outcome_of(facts, "network") == Outcome::warning);
    }
}

TEST_CASE("clock: up to 5 min OK, up to a day 注意, more NG") {
    Facts facts = good_windows11_pc();
    ServiceFacts& service = *facts.service;
    SECTION("five minutes ahead is fine") {
        service.local_time = today + minutes{5};
        const Item item = item_of(evaluate(facts), "clock");
        CHECK(item.outcome == Outcome::ok);
        CHECK(has_fact(item, "PC の時計が 5 分 0 秒進んでいます"));
    }
    SECTION("six minutes behind") {
        service.local_time = today - minutes{6} - seconds{3};
        const Item item = item_of(evaluate(facts), "clock");
        CHECK(item.outcome == Outcome::warning);
        CHECK(has_fact(item, "PC の時計が 6 分 3 秒遅れています"));
        CHECK(item.remedy.find("時刻を自動的に設定する") != std::string::npos);
    }
    SECTION("two days off") {
        service.local_time = today + hours{48};
        const Item item = item_of(evaluate(facts), "clock");
        CHECK(item.outcome == Outcome::ng);
        CHECK(has_fact(item, "48 時間 0 分 0 秒進んでいます"));
    }
    SECTION("server time in UTC with fractions") {
        service.server_time = "2026-11-25T01:00:00.250Z";
        service.local_time = today + milliseconds{250};
        CHECK(has_fact(item_of(evaluate(facts), "clock"), "0 秒進んでいます"));
        CHECK(outcome_of(facts, "clock") == Outcome::ok);
    }
    SECTION("a time that is not RFC 3339") {
        for (const char* bad :
             {"", "2026-11-25", "2026-11-25T10:00:00", "2026-13-01T00:00:00Z", "2026-11-25T10:00:00+9:00",
              "2026-11-25T25:00:00Z", "2026-11-25T10:00:00.x1Z"}) {
            service.server_time = bad;
            CHECK(outcome_of(facts, "clock") == Outcome::warning);
        }
    }
    SECTION("no answer: nothing to compare") {
        service.answered = false;
        service.error = careplan::core::ErrorCode::timeout;
        CHECK(outcome_of(facts, "clock") == Outcome::warning);
    }
}

TEST_CASE("proxy is informational") {
    Facts facts = good_windows11_pc();
    facts.proxy = ProxyFacts{"proxy.example.jp:8080", "プロキシ proxy.example.jp:8080", true};
    const Item item = item_of(evaluate(facts), "proxy");
    CHECK(item.outcome == Outcome::ok);
    CHECK(has_fact(item, "WinHTTP: proxy.example.jp:8080"));
    facts.proxy.reset();
    CHECK(outcome_of(facts, "proxy") == Outcome::warning);
    CHECK(outcome_of(good_linux_pc(), "proxy") == Outcome::not_applicable);
}

TEST_CASE("overall: the worst outcome, 対象外 counting as fine") {
    CHECK(evaluate(good_linux_pc()).overall == Outcome::ok);
    Facts facts = good_windows11_pc();
    facts.os.build = 19045;
    CHECK(evaluate(facts).overall == Outcome::warning);
    facts.browsers = BrowsersFacts{};
    CHECK(evaluate(facts).overall == Outcome::ng);
}

TEST_CASE("one-click remedies: only the items fixed on a Windows page carry one") {
    const Report good = evaluate(good_windows11_pc());
    for (const auto& item : good.items) CHECK_FALSE(item.fix);
    CHECK(good.windows == careplan::core::WindowsBuild{10, 0, 22631});

    Facts wareki = good_windows11_pc();
    wareki.calendar->calendar_type = "3";
    CHECK(item_of(evaluate(wareki), "calendar").fix == careplan::core::SettingsPage::region_format);

    Facts reader_not_default = good_windows11_pc();
    reader_not_default.pdf->handler_prog_id = "MSEdgePDF";
    reader_not_default.pdf->handler_app_name = "Microsoft Edge";
    CHECK(item_of(evaluate(reader_not_default), "pdf").fix == careplan::core::SettingsPage::default_apps);
    // Without Acrobat a settings page cannot help: it has to be installed.
    Facts no_reader = reader_not_default;
    no_reader.pdf->acrobat_version.reset();
    CHECK_FALSE(item_of(evaluate(no_reader), "pdf").fix);

    Facts windows10 = good_windows11_pc();
    windows10.os.build = 19045u;
    CHECK(item_of(evaluate(windows10), "os").fix == careplan::core::SettingsPage::windows_update);
    // Windows 8.1: no update makes it supported again.
    Facts windows81 = good_windows11_pc();
    windows81.os.major = 6u;
    windows81.os.minor = 3u;
    windows81.os.build = 9600u;
    CHECK_FALSE(item_of(evaluate(windows81), "os").fix);

    Facts no_browser = good_windows11_pc();
    no_browser.browsers = BrowsersFacts{};
    CHECK(item_of(evaluate(no_browser), "browser").fix == careplan::core::SettingsPage::windows_update);
}

TEST_CASE("one-click remedies: none on a PC that is not Windows") {
    const Report linux_report = evaluate(good_linux_pc());
    CHECK_FALSE(linux_report.windows);
    for (const auto& item : linux_report.items) CHECK_FALSE(item.fix);
}
