#pragma once
// License and renewal rules (ライセンス / 利用申請・更新) from the manual:
// renewal opens when 60 days or fewer remain, one application per period, no
// cancellation, a completion mail within 2-3 business days, and the fee taken
// from the 介護給付費 of the month after (or two months after) the first month
// of the new license.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "careplan/core/date.hpp"

namespace careplan::core {

// 利用更新はライセンスの残存日数が60日以下になると、お手続きが可能となります。
inline constexpr int renewal_window_days = 60;

// The completion mail arrives within 2 to 3 business days (FAQ A2: 2～3営業日);
// notify_by is the last of them.
inline constexpr int notify_business_days_min = 2;
inline constexpr int notify_business_days = 3;

// valid_until - today: 0 on the last valid day, negative once expired.
int days_remaining(Date valid_until, Date today);

enum class LicenseStatus { active, renewal_open, renewal_pending, expired };

// Wire code: "active", "renewal_open", "renewal_pending", "expired".
std::string_view status_code(LicenseStatus status);
// Screen label: 有効 / 更新受付中 / 事前申請受付済み / 期限切れ.
std::string status_label(LicenseStatus status);
// Inverse of status_code; nullopt for an unknown code.
std::optional<LicenseStatus> parse_status_code(std::string_view code);

// An accepted application wins over everything else (手順4: the license page
// shows 事前申請受付済み once applied, also for a new application after
// expiry); otherwise expired when days_remaining < 0, renewal_open when
// <= 60, else active.
LicenseStatus license_status(Date valid_until, Date today, bool has_accepted_application);

// Reason codes of an ineligible renewal (also the API error codes of a 409).
inline constexpr std::string_view reason_renewal_not_open = "RENEWAL_NOT_OPEN";
inline constexpr std::string_view reason_already_applied = "ALREADY_APPLIED";

struct Renewal {
    bool eligible = false;
    std::optional<Date> opens_on;  // set when not yet open: valid_until - 60 days
    std::string reason_code;       // empty when eligible
    std::string reason;            // Japanese, empty when eligible
};

// Whether 申請 is possible today. Expired licenses are eligible: the form
// becomes a new 利用申請 (FAQ A3).
Renewal renewal_eligibility(Date valid_until, Date today, bool has_accepted_application);

enum class ApplicationKind { renewal, new_application };

// Wire code: "renewal" / "new".
std::string_view kind_code(ApplicationKind kind);
std::optional<ApplicationKind> parse_kind_code(std::string_view code);
// Screen label: 更新 / 新規利用申請.
std::string kind_label(ApplicationKind kind);

// new_application once the license has expired (days_remaining < 0), else renewal.
ApplicationKind application_kind(Date valid_until, Date today);

// Latest date of the completion mail: the 3rd business day after the day the
// application was accepted (that day not counted).
Date notify_by(Date accepted_on);

struct Period {
    Date valid_from;
    Date valid_until;
    friend bool operator==(const Period&, const Period&) = default;
};

// The license period an application made today gives: a renewal starts the
// day after the current valid_until; a new application after expiry starts
// on notify_by(today). Either lasts one year (one_year_period_end).
Period next_period(Date current_valid_until, Date today);

// The two months whose 介護給付費 the fee is taken from: the two calendar
// months after the first month of the new period (FAQ A4).
// 2026-12-01 -> {2027-01, 2027-02}.
std::vector<YearMonth> fee_months(Date period_start);

// "2027年1月 または 2027年2月", as the confirmation screen and the mail say it.
std::string fee_months_text(const std::vector<YearMonth>& months);

// Everything an application made today leads to, for the confirmation
// screen (S06) and for the service when it accepts one.
struct ApplicationOutcome {
    ApplicationKind kind;
    Period period;
    Date notify_by;
    std::vector<YearMonth> fee_months;
};
ApplicationOutcome application_outcome(Date current_valid_until, Date today);

}  // namespace careplan::core
