#include "texts.hpp"

#include <algorithm>
#include <string>

#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/version.hpp"

namespace careplan::service {
namespace {

std::string period_text(const core::Period& period) {
    return core::tr(texts::mails::period, {{"valid_from", core::format_japanese(period.valid_from)},
                                           {"valid_until", core::format_japanese(period.valid_until)}});
}

}  // namespace

// The texts (assets/texts/terms.txt) are written from the facts of the manual
// (FAQ A2, A4, A5).
const core::Terms& current_terms() {
    static const core::Terms terms{
        {core::tr(texts::terms::version), core::tr(texts::terms::title), core::tr(texts::terms::text)},
        {core::tr(texts::privacy::version), core::tr(texts::privacy::title), core::tr(texts::privacy::text)}};
    return terms;
}

const core::Notice& current_notice() {
    static const core::Notice notice{std::string(core::latest_client_version),
                                     core::latest_client_released_on, core::tr(texts::notice::title),
                                     core::tr(texts::notice::message)};
    return notice;
}

OutboxMail completion_mail(const StoredApplication& application, const Office& office) {
    // The template's first line is the subject, the body follows an empty line.
    const std::string text = core::tr(
        texts::mails::completion,
        {{"applicant_name", application.input.applicant_name},
         {"office_name", office.name},
         {"office_number", office.office_number},
         {"kind", std::string(core::kind_label(application.kind))},
         {"application_id", application.application_id},
         {"period", period_text(application.new_period)},
         {"fee_months", core::fee_months_text(core::fee_months(application.new_period.valid_from))}});
    const std::size_t end_of_subject = std::min(text.find('\n'), text.size());
    const std::size_t body_start = std::min(text.find_first_not_of('\n', end_of_subject), text.size());
    OutboxMail mail;
    mail.application_id = application.application_id;
    mail.recipient = application.input.email;
    mail.due_on = application.notify_by;
    mail.subject = text.substr(0, end_of_subject);
    mail.body = text.substr(body_start);
    return mail;
}

}  // namespace careplan::service
