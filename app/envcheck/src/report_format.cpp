#include "careplan/envcheck/report_format.hpp"

#include <nlohmann/json.hpp>

namespace careplan::envcheck {

namespace {

std::string marker(Outcome outcome) { return "[" + std::string{label(outcome)} + "]"; }

void append_item(std::string& text, const Item& item) {
    text += marker(item.outcome) + " " + item.title + "\n";
    for (const std::string& fact : item.facts) text += "    ・" + fact + "\n";
    if (!item.remedy.empty()) text += "    対処: " + item.remedy + "\n";
}

}  // namespace

std::string format_text(const Report& report) {
    std::string text = "ケアプランデータ連携システム 利用更新クライアント 環境チェック\n";
    text += "実施日時: " + report.checked_at + "\n";
    text += "クライアント: " + report.client_version + "\n";
    text += "総合結果: " + marker(report.overall) + "\n";
    for (const Item& item : report.items) {
        text += "\n";
        append_item(text, item);
    }
    return text;
}

std::string format_json(const Report& report) {
    nlohmann::json items = nlohmann::json::array();
    for (const Item& item : report.items) {
        items.push_back({{"id", item.id},
                         {"title", item.title},
                         {"outcome", key(item.outcome)},
                         {"label", label(item.outcome)},
                         {"facts", item.facts},
                         {"remedy", item.remedy}});
    }
    const nlohmann::json body{{"checked_at", report.checked_at},
                              {"client_version", report.client_version},
                              {"overall", key(report.overall)},
                              {"overall_label", label(report.overall)},
                              {"items", std::move(items)}};
    // Facts come from the registry and the network: never fail on a bad byte.
    return body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace careplan::envcheck
