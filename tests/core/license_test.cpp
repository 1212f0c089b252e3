#include <catch2/catch_test_macros.hpp>

#include "careplan/core/license.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::ymd;

namespace {
const Date today = ymd(2027, 1, 8);  // a Friday
}

TEST_CASE("days_remaining is 0 on the last valid day and negative after", "[license]") {
    CHECK(days_remaining(today, today) == 0);
    CHECK(days_remaining(add_days(today, 60), today) == 60);
    CHECK(days_remaining(add_days(today, -1), today) == -1);
    CHECK(days_remaining(ymd(2028, 3, 1), ymd(2028, 2, 28)) == 2);  // leap day counts
}

TEST_CASE("license_status at the window and expiry boundaries", "[license]") {
    CHECK(license_status(add_days(today, 61), today, false) == LicenseStatus::active);
    CHECK(license_status(add_days(today, 60), today, false) == LicenseStatus::renewal_open);
    CHECK(license_status(today, today, false) == LicenseStatus::renewal_open);  // last valid day
    CHECK(license_status(add_days(today, -1), today, false) == LicenseStatus::expired);
    CHECK(license_status(add_days(today, 30), today, true) == LicenseStatus::renewal_pending);
    CHECK(license_status(add_days(today, -10), today, true) == LicenseStatus::renewal_pending);
}

TEST_CASE("status codes and labels", "[license]") {
    for (auto status : {LicenseStatus::active, LicenseStatus::renewal_open, LicenseStatus::renewal_pending,
                        LicenseStatus::expired}) {
        CHECK(parse_status_code(status_code(status)) == status);
    }
    CHECK(status_code(LicenseStatus::renewal_open) == "renewal_open");
    CHECK(status_label(LicenseStatus::active) == "有効");
    CHECK(status_label(LicenseStatus::renewal_open) == "更新受付中");
    CHECK(status_label(LicenseStatus::renewal_pending) == "事前申請受付済み");
    CHECK(status_label(LicenseStatus::expired) == "期限切れ");
    CHECK_FALSE(parse_status_code("Active").has_value());
}

TEST_CASE("renewal_eligibility opens 60 days before valid_until", "[license]") {
    const Renewal at_60 = renewal_eligibility(add_days(today, 60), today, false);
    CHECK(at_60.eligible);
    CHECK(at_60.reason.empty());
    CHECK(at_60.reason_code.empty());
    CHECK_FALSE(at_60.opens_on.has_value());

    const Renewal at_61 = renewal_eligibility(add_days(today, 61), today, false);
    CHECK_FALSE(at_61.eligible);
    CHECK(at_61.reason_code == "RENEWAL_NOT_OPEN");
    CHECK(at_61.opens_on == add_days(today, 1));
    CHECK(at_61.reason.find("2027年1月9日(土)") != std::string::npos);

    const Renewal early = renewal_eligibility(ymd(2027, 6, 30), today, false);
    CHECK(early.opens_on == ymd(2027, 5, 1));
    // On the opening day it is open.
    CHECK(renewal_eligibility(ymd(2027, 6, 30), ymd(2027, 5, 1), false).eligible);
}

TEST_CASE("renewal_eligibility: one application per period; expired is a new application", "[license]") {
    const Renewal applied = renewal_eligibility(add_days(today, 30), today, true);
    CHECK_FALSE(applied.eligible);
    CHECK(applied.reason_code == "ALREADY_APPLIED");
    CHECK(applied.reason.find("事前申請受付済み") != std::string::npos);
    CHECK_FALSE(applied.opens_on.has_value());
    CHECK(renewal_eligibility(add_days(today, 100), today, true).reason_code == "ALREADY_APPLIED");

    CHECK(renewal_eligibility(add_days(today, -1), today, false).eligible);
    CHECK(renewal_eligibility(add_days(today, -400), today, false).eligible);
}

TEST_CASE("application_kind turns to new after expiry", "[license]") {
    CHECK(application_kind(today, today) == ApplicationKind::renewal);
    CHECK(application_kind(add_days(today, -1), today) == ApplicationKind::new_application);
    CHECK(kind_code(ApplicationKind::renewal) == "renewal");
    CHECK(kind_code(ApplicationKind::new_application) == "new");
    CHECK(parse_kind_code("new") == ApplicationKind::new_application);
    CHECK_FALSE(parse_kind_code("renew").has_value());
    CHECK(kind_label(ApplicationKind::new_application) == "新規利用申請");
}

TEST_CASE("notify_by is the 3rd business day after acceptance", "[license]") {
    CHECK(notify_by(ymd(2027, 1, 6)) == ymd(2027, 1, 12));   // Wed -> Thu, Fri, (weekend, 成人の日) Tue
    CHECK(notify_by(ymd(2027, 1, 8)) == ymd(2027, 1, 14));   // Fri -> Tue, Wed, Thu
    CHECK(notify_by(ymd(2026, 12, 25)) == ymd(2027, 1, 5));  // over the year-end break
    CHECK(notify_by(ymd(2027, 4, 28)) == ymd(2027, 5, 7));   // over Golden Week
    CHECK(notify_by(ymd(2027, 1, 9)) == ymd(2027, 1, 14));   // accepted on a Saturday
}

TEST_CASE("next_period: a renewal follows on, a new application starts on notify_by", "[license]") {
    CHECK(next_period(ymd(2027, 2, 28), ymd(2027, 1, 8)) == Period{ymd(2027, 3, 1), ymd(2028, 2, 29)});
    CHECK(next_period(ymd(2028, 2, 28), ymd(2028, 1, 8)) == Period{ymd(2028, 2, 29), ymd(2029, 2, 28)});
    CHECK(next_period(ymd(2026, 12, 31), ymd(2026, 12, 1)) == Period{ymd(2027, 1, 1), ymd(2027, 12, 31)});
    // Last valid day: still a renewal.
    CHECK(next_period(today, today) == Period{ymd(2027, 1, 9), ymd(2028, 1, 8)});
    // Expired the day before: new application from notify_by(today).
    CHECK(next_period(add_days(today, -1), today) == Period{ymd(2027, 1, 14), ymd(2028, 1, 13)});
    CHECK(next_period(ymd(2026, 11, 30), ymd(2026, 12, 25)) == Period{ymd(2027, 1, 5), ymd(2028, 1, 4)});
}

namespace {
// The months as the API writes them.
std::vector<std::string> iso(const std::vector<YearMonth>& months) {
    std::vector<std::string> out;
    for (const YearMonth& month : months) out.push_back(format_iso(month));
    return out;
}
}  // namespace

TEST_CASE("fee_months are the two months after the first month of the period", "[license]") {
    CHECK(iso(fee_months(ymd(2026, 12, 1))) == std::vector<std::string>{"2027-01", "2027-02"});
    CHECK(iso(fee_months(ymd(2027, 11, 30))) == std::vector<std::string>{"2027-12", "2028-01"});
    CHECK(iso(fee_months(ymd(2028, 2, 29))) == std::vector<std::string>{"2028-03", "2028-04"});
    CHECK(fee_months_text(fee_months(ymd(2026, 12, 1))) == "2027年1月 または 2027年2月");
}

TEST_CASE("months on the wire are strict YYYY-MM", "[date]") {
    CHECK(parse_iso_year_month("2027-01") == YearMonth{std::chrono::year{2027}, std::chrono::January});
    for (std::string_view bad :
         {"2027-1", "2027-13", "2027-00", "2027/01", "２０２７-01", "2027-01-01", ""}) {
        INFO(bad);
        CHECK_FALSE(parse_iso_year_month(bad).has_value());
    }
    CHECK(format_japanese(YearMonth{std::chrono::year{2027}, std::chrono::December}) == "2027年12月");
}

TEST_CASE("application_outcome combines kind, period, mail date and fee months", "[license]") {
    const ApplicationOutcome renewal = application_outcome(ymd(2027, 2, 28), today);
    CHECK(renewal.kind == ApplicationKind::renewal);
    CHECK(renewal.period == Period{ymd(2027, 3, 1), ymd(2028, 2, 29)});
    CHECK(renewal.notify_by == ymd(2027, 1, 14));
    CHECK(iso(renewal.fee_months) == std::vector<std::string>{"2027-04", "2027-05"});

    const ApplicationOutcome fresh = application_outcome(ymd(2026, 12, 31), today);
    CHECK(fresh.kind == ApplicationKind::new_application);
    CHECK(fresh.period.valid_from == fresh.notify_by);
}
