#include "demo.hpp"

#include <array>

#include "applications.hpp"
#include "careplan/api/wire.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "texts.hpp"

namespace careplan::service {
namespace {

// user_id, password, scenario, valid_until - today, one application accepted, 事業所番号.
// Offices 5 and 6 sit just inside and just outside the renewal window.
const std::array<DemoOffice, 7>& offices() {
    static const std::array<DemoOffice, 7> all = [] {
        constexpr int window = core::renewal_window_days;
        auto boundary = [](int days) {
            return core::tr(texts::service::demo::scenario::boundary, {{"days", days}});
        };
        return std::array<DemoOffice, 7>{{
            {"KJ00000001", "demo-pass-0001", core::tr(texts::service::demo::scenario::renewable), 45, false,
             "1370000001"},
            {"KJ00000002", "demo-pass-0002", core::tr(texts::service::demo::scenario::before_window), 120,
             false, "1370000002"},
            {"KJ00000003", "demo-pass-0003", core::tr(texts::service::demo::scenario::applied), 30, true,
             "1370000003"},
            {"KJ00000004", "demo-pass-0004", core::tr(texts::service::demo::scenario::expired), -10, false,
             "1370000004"},
            {"KJ00000005", "demo-pass-0005", boundary(window), window, false, "1370000005"},
            {"KJ00000006", "demo-pass-0006", boundary(window + 1), window + 1, false, "1370000006"},
            {"KJ00000007", "demo-pass-0007", core::tr(texts::service::demo::scenario::last_day), 0, false,
             "1370000007"},
        }};
    }();
    return all;
}

core::ApplicationInput demo_application(const DemoOffice& office) {
    core::ApplicationInput input;
    input.applicant_name = core::tr(texts::service::demo::applicant_name);
    input.applicant_kana = core::tr(texts::service::demo::applicant_kana);
    input.email = "demo@example.jp";
    input.phone = "03-0000-0000";
    input.office_number = office.office_number;
    input.terms_version = current_terms().terms.version;
    input.privacy_version = current_terms().privacy.version;
    input.agree_terms = input.agree_privacy = true;
    return input;
}

void seed_office(Store& store, const DemoOffice& demo, int number, core::Date today,
                 const Argon2Params& argon2) {
    bool has_user = store.read([&](Tx& tx) { return tx.find_user(demo.user_id).has_value(); });
    // Hashing is slow: only for a user that is missing, and outside the lock.
    std::string hash = has_user ? std::string() : hash_password(demo.password, argon2);
    store.write([&](Tx& tx) {
        Office office = tx.ensure_office(demo.office_number,
                                         core::tr(texts::service::demo::office_name, {{"number", number}}));
        if (!has_user) tx.add_user(demo.user_id, office.id, hash);
        if (tx.license(office.id)) return;
        core::Period license = period_ending(core::add_days(today, demo.days_remaining));
        tx.set_license(office.id, license);
        if (demo.applied) {
            auto user = tx.find_user(demo.user_id);
            core::ApplicationInput input = demo_application(demo);
            std::string hash_of_body = sha256_hex(api::to_wire(input).dump());
            accept_application(tx, {*user, license, input, "demo-seed", hash_of_body}, today);
        }
    });
}

}  // namespace

core::Period period_ending(core::Date valid_until) {
    using namespace std::chrono;
    // valid_until - 1 year + 1 day; a 29 February rolls over first, hence the check.
    core::Date from = core::add_days(
        year_month_day(sys_days((valid_until.year() - years(1)) / valid_until.month() / valid_until.day())),
        1);
    if (core::one_year_period_end(from) != valid_until) from = core::add_days(from, -1);
    return {from, valid_until};
}

std::span<const DemoOffice> demo_offices() { return offices(); }

void seed_demo(Store& store, core::Date today, const Argon2Params& argon2) {
    int number = 0;
    for (const DemoOffice& demo : offices()) seed_office(store, demo, ++number, today, argon2);
}

}  // namespace careplan::service
