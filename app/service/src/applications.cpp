#include "applications.hpp"

#include <cctype>

#include "careplan/random.hpp"
#include "careplan/api/wire.hpp"
#include "texts.hpp"

namespace careplan::service {
namespace {

// "AP20261125-3FA9C1D2": the acceptance date for the help desk, then random
// hex so that IDs do not reveal how many applications there are.
std::string new_application_id(core::Date accepted_on) {
    std::string date = core::format_iso(accepted_on);
    std::erase(date, '-');
    std::string suffix = random_hex(4);
    for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "AP" + date + "-" + suffix;
}

}  // namespace

core::License license_view(const core::Period& license, const std::string& office_number, core::Date today,
                           const std::optional<StoredApplication>& application) {
    bool applied = application.has_value();
    core::Renewal renewal = core::renewal_eligibility(license.valid_until, today, applied);
    core::License view;
    view.today = today;
    view.valid_from = license.valid_from;
    view.valid_until = license.valid_until;
    view.days_remaining = core::days_remaining(license.valid_until, today);
    view.status = core::license_status(license.valid_until, today, applied);
    view.office_number = office_number;
    view.renewal.eligible = renewal.eligible;
    view.renewal.opens_on = renewal.opens_on;
    view.renewal.reason = renewal.reason;
    if (applied) view.renewal.application = application_result(*application);
    return view;
}

core::ApplicationResult application_result(const StoredApplication& application) {
    return api::from_wire<core::ApplicationResult>(nlohmann::json::parse(application.response));
}

core::ApplicationResult accept_application(Tx& tx, const NewApplication& request, core::Date today) {
    core::ApplicationOutcome outcome = core::application_outcome(request.license.valid_until, today);
    core::ApplicationResult result;
    result.application_id = new_application_id(today);
    result.kind = outcome.kind;
    result.notify_by = outcome.notify_by;
    result.fee_months = outcome.fee_months;

    StoredApplication stored;
    stored.application_id = result.application_id;
    stored.user_id = request.user.user_id;
    stored.office_id = request.user.office.id;
    stored.period_valid_until = request.license.valid_until;
    stored.kind = outcome.kind;
    stored.accepted_on = today;
    stored.notify_by = outcome.notify_by;
    stored.new_period = outcome.period;
    stored.input = request.input;
    stored.idempotency_key = request.idempotency_key;
    stored.request_hash = request.request_hash;
    stored.response = api::to_wire(result).dump();
    tx.add_application(stored, completion_mail(stored, request.user.office));
    return result;
}

}  // namespace careplan::service
