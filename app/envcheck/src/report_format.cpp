#include "careplan/envcheck/report_format.hpp"

#include <nlohmann/json.hpp>

#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::envcheck {

namespace {

using core::tr;

std::string marker(Outcome outcome) { return "[" + label(outcome) + "]"; }

// The facts and the remedy are indented under the item.
constexpr std::string_view indent = "    ";

void append_item(std::string& text, const Item& item) {
    text += marker(item.outcome) + " " + item.title + "\n";
    for (const std::string& fact : item.facts) {
        text += std::string{indent} + tr(texts::envcheck::report::fact, {{"fact", fact}}) + "\n";
    }
    if (!item.remedy.empty()) {
        text += std::string{indent} + tr(texts::envcheck::report::remedy, {{"remedy", item.remedy}}) + "\n";
    }
}

}  // namespace

std::string format_text(const Report& report) {
    std::string text = tr(texts::envcheck::report::heading) + "\n";
    text += tr(texts::envcheck::report::checked_at, {{"checked_at", report.checked_at}}) + "\n";
    text += tr(texts::envcheck::report::client, {{"version", report.client_version}}) + "\n";
    text += tr(texts::envcheck::report::overall, {{"outcome", marker(report.overall)}}) + "\n";
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
