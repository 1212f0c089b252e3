#include "careplan/core/guide.hpp"

#include <algorithm>
#include <array>

#include "careplan/core/date.hpp"
#include "careplan/core/text_keys.hpp"
#include "field_rules.hpp"
#include "utf8.hpp"

namespace careplan::core {
namespace {

// The fields of S10's 問い合わせフォーム to fill in, in the order the form
// shows them (the office number only before login), with their labels.
struct InquiryField {
    const char* name;  // as in FieldErrors
    TextKey label;
    std::string InquiryInput::*value;  // the typed text; none for a choice
};
std::vector<InquiryField> inquiry_fields(const State& s) {
    std::vector<InquiryField> fields{
        {"category", texts::inquiry_form::category, nullptr},
        {"message", texts::inquiry::field::message, &InquiryInput::message},
        {"reply_email", texts::inquiry::field::reply_email, &InquiryInput::reply_email},
        {"phone", texts::inquiry_form::phone, &InquiryInput::phone}};
    if (!s.session)
        fields.push_back({"office_number", texts::label::office_number, &InquiryInput::office_number});
    return fields;
}

// S10: the walkthrough code and the copy button, then the form's controls
// of the step it is at.
std::vector<std::string> contact_labels(const State& s) {
    std::vector<std::string> labels{tr(texts::code::label), tr(texts::contact::copy)};
    if (s.inquiry_receipt) {
        labels.push_back(tr(texts::inquiry_form::new_inquiry));
    } else if (s.inquiry_review) {
        labels.push_back(tr(texts::inquiry_form::send));
        labels.push_back(tr(texts::inquiry_form::edit));
    } else {
        for (const auto& field : inquiry_fields(s)) labels.push_back(tr(field.label));
        labels.push_back(tr(texts::inquiry_form::attach));
        labels.push_back(tr(texts::inquiry_form::review));
    }
    return labels;
}

std::vector<std::string> labels_on(const State& s) {
    switch (s.screen) {
        case Screen::login:
            return {tr(texts::login::user_id), tr(texts::login::password), tr(texts::login::submit)};
        case Screen::license: {
            std::vector<std::string> labels{screen_title(Screen::apply)};
            if (s.license && s.license->renewal.eligible) labels.push_back(tr(texts::license::to_apply));
            return labels;
        }
        case Screen::apply: return {tr(texts::apply::submit)};
        case Screen::application_form: {
            std::vector<std::string> labels;
            for (const auto& field : field_rules::application_fields) labels.push_back(tr(field.label));
            if (s.terms) {
                for (const TermsText* doc : {&s.terms->terms, &s.terms->privacy}) {
                    labels.push_back(doc->title);
                    labels.push_back(tr(texts::form::agree, {{"title", doc->title}}));
                }
            }
            labels.push_back(tr(texts::form::to_confirm));
            labels.push_back(tr(texts::form::back));
            return labels;
        }
        case Screen::confirm: return {tr(texts::confirm::submit), tr(texts::confirm::back)};
        case Screen::complete: return {tr(texts::complete::to_license)};
        case Screen::env_check: {
            std::vector<std::string> labels{
                tr(s.env_report ? texts::pc_check::again : texts::pc_check::start)};
            if (s.env_report) {
                labels.push_back(tr(texts::pc_check::copy));
                labels.push_back(tr(texts::pc_check::save));
            }
            return labels;
        }
        case Screen::contact: return contact_labels(s);
        case Screen::faq:
        case Screen::version_notice: return {};
    }
    return {};
}

std::optional<GuideMark> mark_labelled(const State& s, const std::string& label) {
    for (GuideMark& mark : guide_marks(s))
        if (mark.label == label) return mark;
    return std::nullopt;
}

// "手順3：" for a screen of the manual's steps, else nothing.
std::string step_prefix(Screen screen) {
    const std::string step = manual_step(screen);
    return step.empty() ? step : tr(texts::guide::step, {{"step", step}});
}

// A hint that points at the control labelled `label` (which must be a mark).
// `error` fills {error} of guide.fix.
GuideHint point(const State& s, TextKey wording, const std::string& label, std::string_view error = {}) {
    GuideHint hint;
    hint.target = mark_labelled(s, label);
    const std::string mark = hint.target ? circled_number(hint.target->number) : std::string{};
    hint.text =
        tr(wording, {{"step", step_prefix(s.screen)}, {"mark", mark}, {"label", label}, {"error", error}});
    return hint;
}

GuideHint blocked(std::string text) { return GuideHint{std::nullopt, std::move(text), true}; }

GuideHint login_hint(const State& s, const GuideDraft& draft) {
    if (login_locked(s))
        return blocked(
            tr(texts::guide::locked, {{"until", format_time_of_day(jst_date_time(*s.locked_until))},
                                      {"contact", tr(texts::helpdesk::contact)}}));
    if (!draft.user_id_typed) return point(s, texts::guide::type, tr(texts::login::user_id));
    if (!draft.password_typed) return point(s, texts::guide::type, tr(texts::login::password));
    return point(s, texts::guide::press, tr(texts::login::submit));
}

// Where renewal stands, when it cannot be started: why and what to do instead.
std::optional<GuideHint> renewal_blocked(const State& s) {
    if (!s.license) return blocked(tr(texts::guide::loading, {{"contact", tr(texts::helpdesk::contact)}}));
    const RenewalInfo& r = s.license->renewal;
    if (r.application) return blocked(tr(texts::guide::already_applied));
    if (!r.eligible && r.opens_on)
        return blocked(tr(texts::guide::too_early, {{"opens_on", format_japanese(*r.opens_on)}}));
    if (!r.eligible) return blocked(r.reason);
    return std::nullopt;
}

GuideHint license_hint(const State& s) {
    if (s.license && s.license->renewal.application) return blocked(tr(texts::guide::pending_license));
    if (auto why = renewal_blocked(s)) return *why;
    return point(s, texts::guide::press, tr(texts::license::to_apply));
}

GuideHint apply_hint(const State& s) {
    if (auto why = renewal_blocked(s)) return *why;
    return point(s, texts::guide::press, tr(texts::apply::submit));
}

// S05: the first field that is empty or wrong, then each text to read and
// agree to, then the review.
GuideHint form_hint(const State& s, const GuideDraft& draft) {
    const FieldErrors errors = validate_application(normalize_application(draft.form), true);
    for (const auto& field : field_rules::application_fields) {
        const auto error = errors.find(field.name);
        if (error == errors.end()) continue;
        const std::string label = tr(field.label);
        if (trim_spaces(draft.form.*field.value).empty()) return point(s, texts::guide::type, label);
        return point(s, texts::guide::fix, label, error->second.message);
    }
    if (!s.terms) return blocked(tr(texts::guide::wait));
    const std::pair<const TermsText*, std::pair<bool, bool>> documents[] = {
        {&s.terms->terms, {s.terms_read, draft.form.agree_terms}},
        {&s.terms->privacy, {s.privacy_read, draft.form.agree_privacy}},
    };
    for (const auto& [doc, read_and_agreed] : documents) {
        if (!read_and_agreed.first) return point(s, texts::guide::read, doc->title);
        if (!read_and_agreed.second)
            return point(s, texts::guide::tick, tr(texts::form::agree, {{"title", doc->title}}));
    }
    return point(s, texts::guide::press, tr(texts::form::to_confirm));
}

// S10: on the phone, the walkthrough code to read out; once the form is
// being filled in, its first required field that is empty or wrong, then
// 送信内容を確認, then 送信する; after it, the receipt number to keep.
GuideHint contact_hint(const State& s, const GuideDraft& draft) {
    if (s.inquiry_receipt) return {std::nullopt, tr(texts::inquiry_form::guide_received), false};
    if (s.inquiry_review) return point(s, texts::inquiry_form::guide_send, tr(texts::inquiry_form::send));
    if (draft.inquiry == InquiryInput{} && s.inquiry_errors.empty())
        return point(s, texts::guide::contact, tr(texts::code::label));
    const FieldErrors errors = validate_inquiry(normalize_inquiry(draft.inquiry), s.session.has_value());
    for (const auto& field : inquiry_fields(s)) {
        const auto error = errors.find(field.name);
        if (error == errors.end()) continue;
        const std::string label = tr(field.label);
        if (!field.value) return point(s, texts::inquiry_form::guide_choose, label);
        if (trim_spaces(draft.inquiry.*field.value).empty()) return point(s, texts::guide::type, label);
        return point(s, texts::guide::fix, label, error->second.message);
    }
    return point(s, texts::guide::press, tr(texts::inquiry_form::review));
}

GuideHint env_check_hint(const State& s) {
    if (s.env_check_running) return blocked(tr(texts::guide::wait));
    if (!s.env_report) return point(s, texts::guide::press, tr(texts::pc_check::start));
    if (s.env_report->overall == CheckOutcome::ng)
        return point(s, texts::guide::check_ng, tr(texts::pc_check::again));
    return point(s, texts::guide::check_fine, tr(texts::pc_check::copy));
}

}  // namespace

std::vector<GuideMark> guide_marks(const State& state) {
    std::vector<GuideMark> marks;
    for (std::string& label : labels_on(state))
        marks.push_back({static_cast<int>(marks.size()) + 1, std::move(label)});
    return marks;
}

GuideHint guide_hint(const State& state, const GuideDraft& draft) {
    if (awaited_request(state)) return blocked(tr(texts::guide::wait));
    switch (state.screen) {
        case Screen::login: return login_hint(state, draft);
        case Screen::license: return license_hint(state);
        case Screen::apply: return apply_hint(state);
        case Screen::application_form: return form_hint(state, draft);
        case Screen::confirm: return point(state, texts::guide::confirm, tr(texts::confirm::submit));
        case Screen::complete: return point(state, texts::guide::press, tr(texts::complete::to_license));
        case Screen::env_check: return env_check_hint(state);
        case Screen::faq: return {std::nullopt, tr(texts::guide::faq), false};
        case Screen::contact: return contact_hint(state, draft);
        case Screen::version_notice: return {std::nullopt, tr(texts::guide::notice), false};
    }
    return {};
}

std::string circled_number(int number) {
    // U+2460 CIRCLED DIGIT ONE .. U+2473 CIRCLED NUMBER TWENTY.
    if (number >= 1 && number <= 20)
        return utf8::encode_all(std::u32string(1, char32_t{0x2460} + static_cast<char32_t>(number - 1)));
    return "(" + std::to_string(number) + ")";
}

}  // namespace careplan::core
