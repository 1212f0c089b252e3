#include "careplan/core/text.hpp"

#include "careplan/core/date.hpp"
#include "careplan/core/helpdesk.hpp"
#include "careplan/core/license.hpp"
#include "careplan/core/version.hpp"
#include "careplan/core/holidays.hpp"
#include "careplan/core/os_support.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {

namespace {

const detail::CatalogueEntry& entry(TextKey key) { return detail::catalogue()[key.index]; }

std::string hour_text(int hour) { return format_clock(hour, 0); }

std::string month_day_text(MonthDay day) { return format_month_day(day.month, day.day); }

// Appends the value of `{name}`, or the placeholder itself when nothing fills it.
void fill(std::string& out, std::string_view name, std::initializer_list<TextArg> args) {
    for (const TextArg& arg : args) {
        if (arg.name == name) {
            out += arg.value;
            return;
        }
    }
    if (std::string value = fact_text(name); !value.empty()) {
        out += value;
        return;
    }
    out.append("{").append(name).append("}");
}

}  // namespace

std::string fact_text(std::string_view name) {
    if (name == "phone") return std::string{helpdesk_phone};
    if (name == "opens") return hour_text(helpdesk_opens_hour);
    if (name == "closes") return hour_text(helpdesk_closes_hour);
    if (name == "year_end_first") return month_day_text(year_end_closure_first);
    if (name == "year_end_last") return month_day_text(year_end_closure_last);
    if (name == "renewal_window_days") return std::to_string(renewal_window_days);
    if (name == "mail_days_min") return std::to_string(notify_business_days_min);
    if (name == "mail_days_max") return std::to_string(notify_business_days);
    if (name == "latest_client_version") return std::string{latest_client_version};
    if (name == "client_released_on") return format_japanese(latest_client_released_on);
    if (name == "client_released_on_era") return format_wareki_with_weekday(latest_client_released_on);
    if (name == "windows10_end") return format_japanese(windows10_end_of_support);
    if (name == "contact") return tr(texts::helpdesk::contact);
    return {};
}

std::string tr(TextKey key, std::initializer_list<TextArg> args) {
    const std::string_view source = entry(key).text;
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if ((c == '{' || c == '}') && i + 1 < source.size() && source[i + 1] == c) {
            out += c;  // {{ and }} are literal braces
            ++i;
            continue;
        }
        const std::size_t close = c == '{' ? source.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos) {
            out += c;
            continue;
        }
        fill(out, source.substr(i + 1, close - i - 1), args);
        i = close;
    }
    return out;
}

std::string_view text_source(TextKey key) { return entry(key).text; }

std::string_view text_name(TextKey key) { return entry(key).key; }

}  // namespace careplan::core
