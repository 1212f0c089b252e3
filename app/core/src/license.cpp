#include "careplan/core/license.hpp"

#include <array>

#include "careplan/core/holidays.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {

namespace {

struct StatusText {
    LicenseStatus status;
    std::string_view code;
    TextKey label;
};

constexpr std::array<StatusText, 4> status_texts{{
    {LicenseStatus::active, "active", texts::license::status::active},
    {LicenseStatus::renewal_open, "renewal_open", texts::license::status::renewal_open},
    {LicenseStatus::renewal_pending, "renewal_pending", texts::license::status::renewal_pending},
    {LicenseStatus::expired, "expired", texts::license::status::expired},
}};

const StatusText& status_text(LicenseStatus status) { return status_texts[static_cast<std::size_t>(status)]; }

}  // namespace

int days_remaining(Date valid_until, Date today) { return days_between(today, valid_until); }

std::string_view status_code(LicenseStatus status) { return status_text(status).code; }

std::string status_label(LicenseStatus status) { return tr(status_text(status).label); }

std::optional<LicenseStatus> parse_status_code(std::string_view code) {
    for (const StatusText& text : status_texts) {
        if (text.code == code) return text.status;
    }
    return std::nullopt;
}

LicenseStatus license_status(Date valid_until, Date today, bool has_accepted_application) {
    if (has_accepted_application) return LicenseStatus::renewal_pending;
    const int remaining = days_remaining(valid_until, today);
    if (remaining < 0) return LicenseStatus::expired;
    if (remaining <= renewal_window_days) return LicenseStatus::renewal_open;
    return LicenseStatus::active;
}

Renewal renewal_eligibility(Date valid_until, Date today, bool has_accepted_application) {
    if (has_accepted_application) {
        return {false, std::nullopt, std::string{reason_already_applied},
                tr(texts::license::reason::already_applied)};
    }
    if (days_remaining(valid_until, today) > renewal_window_days) {
        const Date opens_on = add_days(valid_until, -renewal_window_days);
        return {false, opens_on, std::string{reason_renewal_not_open},
                tr(texts::license::reason::not_open, {{"opens_on", format_japanese(opens_on)}})};
    }
    return {true, std::nullopt, {}, {}};
}

std::string_view kind_code(ApplicationKind kind) {
    return kind == ApplicationKind::renewal ? "renewal" : "new";
}

std::optional<ApplicationKind> parse_kind_code(std::string_view code) {
    if (code == "renewal") return ApplicationKind::renewal;
    if (code == "new") return ApplicationKind::new_application;
    return std::nullopt;
}

std::string kind_label(ApplicationKind kind) {
    return tr(kind == ApplicationKind::renewal ? texts::license::kind::renewal
                                               : texts::license::kind::new_application);
}

ApplicationKind application_kind(Date valid_until, Date today) {
    return days_remaining(valid_until, today) < 0 ? ApplicationKind::new_application
                                                  : ApplicationKind::renewal;
}

Date notify_by(Date accepted_on) { return add_business_days(accepted_on, notify_business_days); }

Period next_period(Date current_valid_until, Date today) {
    const Date valid_from = application_kind(current_valid_until, today) == ApplicationKind::renewal
                                ? add_days(current_valid_until, 1)
                                : notify_by(today);
    return {valid_from, one_year_period_end(valid_from)};
}

std::vector<YearMonth> fee_months(Date period_start) {
    // FAQ A4: 新たなライセンス有効月の翌月（もしくは翌々月）.
    const YearMonth first_month{period_start.year(), period_start.month()};
    return {first_month + std::chrono::months{1}, first_month + std::chrono::months{2}};
}

std::string fee_months_text(const std::vector<YearMonth>& months) {
    std::string text;
    for (const YearMonth& month : months) {
        text = text.empty()
                   ? format_japanese(month)
                   : tr(texts::license::fee_months, {{"earlier", text}, {"later", format_japanese(month)}});
    }
    return text;
}

ApplicationOutcome application_outcome(Date current_valid_until, Date today) {
    const Period period = next_period(current_valid_until, today);
    return {application_kind(current_valid_until, today), period, notify_by(today),
            fee_months(period.valid_from)};
}

}  // namespace careplan::core
