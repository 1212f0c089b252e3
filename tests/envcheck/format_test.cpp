#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "careplan/envcheck/probe.hpp"
#include "careplan/envcheck/report_format.hpp"
#include "fake_health.hpp"
#include "fixtures.hpp"

using namespace careplan::envcheck;
using namespace careplan::envcheck::test;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

Facts mixed_pc() {
    Facts facts = good_windows11_pc();
    facts.os.build = 19045;                                    // 注意
    facts.browsers = BrowsersFacts{};                          // NG
    facts.installed_clients = std::vector<InstalledClient>{};  // 対象外
    return facts;
}

}  // namespace

TEST_CASE("text: header, one marked block per item, facts and remedies") {
    const std::string text = format_text(evaluate(mixed_pc()));
    CHECK(text.rfind("ケアプランデータ連携システム 利用更新クライアント 環境チェック\n", 0) == 0);
    CHECK(contains(text, "実施日時: 2026-11-25 10:00:00 (日本時間)\n"));
    CHECK(contains(text, "クライアント: 1.0.0\n"));
    CHECK(contains(text, "総合結果: [NG]\n"));
    CHECK(contains(text, "\n[注意] OS (Windows のバージョン)\n"));
    CHECK(contains(text, "\n[NG] ブラウザ (Microsoft Edge / Google Chrome)\n"));
    CHECK(contains(text, "\n[対象外] ケアプランデータ連携 クライアントアプリ (ver1.1.2)\n"));
    CHECK(contains(text, "\n[OK] PDF ビューワー"));
    CHECK(contains(text, "    ・Microsoft Edge: 見つかりません\n"));
    CHECK(contains(text, "    対処: Windows 11 へのアップグレード"));
    // Items in report order.
    CHECK(text.find("[注意] OS") < text.find("[NG] ブラウザ"));
}

TEST_CASE("JSON: parses, every item in order with outcome, label, facts and remedy") {
    const Report report = evaluate(mixed_pc());
    const auto json = nlohmann::json::parse(format_json(report));
    CHECK(json["overall"] == "ng");
    CHECK(json["overall_label"] == "NG");
    CHECK(json["checked_at"] == "2026-11-25 10:00:00 (日本時間)");
    CHECK(json["client_version"] == "1.0.0");
    REQUIRE(json["items"].size() == item_ids().size());
    for (std::size_t i = 0; i < item_ids().size(); ++i) {
        const auto& item = json["items"][i];
        CHECK(item["id"] == std::string{item_ids()[i]});
        CHECK(item["title"] == report.items[i].title);
        CHECK(item["outcome"] == std::string{key(report.items[i].outcome)});
        CHECK(item["label"] == std::string{label(report.items[i].outcome)});
        CHECK(item["facts"].get<std::vector<std::string>>() == report.items[i].facts);
        CHECK(item["remedy"] == report.items[i].remedy);
    }
}

TEST_CASE("JSON survives bytes that are not UTF-8") {
    Facts facts = good_windows11_pc();
    facts.pdf->handler_app_name = std::string{"bad \xff\xfe name"};
    const auto json = nlohmann::json::parse(format_json(evaluate(facts)));
    CHECK(json["items"][3]["outcome"] == "ok");
}

TEST_CASE("the saved report of a real run names neither the user nor their folders") {
    const Report report = evaluate(collect_facts(
        ProbeOptions{"http://127.0.0.1:9", "1.0.0", std::chrono::milliseconds{500}, answering()}));
    for (const std::string& output : {format_text(report), format_json(report)}) {
        for (const char* variable : {"USER", "LOGNAME", "HOME"}) {
            const char* value = std::getenv(variable);
            // Very short names would match by chance in any text.
            if (value && std::string_view{value}.size() >= 3) CHECK_FALSE(contains(output, value));
        }
        CHECK_FALSE(contains(output, "/home/"));
        CHECK_FALSE(contains(output, "C:\\Users"));
    }
}
