#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "automation.hpp"
#include "careplan/api/client.hpp"
#include "careplan/core/date.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/text_keys.hpp"
#include "support_report.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

void field_error(const core::FieldErrors& errors, const char* field) {
    if (auto it = errors.find(field); it != errors.end()) error_text(it->second.message);
}

// お問い合わせの種類 as radio buttons, as many on a line as fit. The group
// is a control of its own too, so that the guide can point at it.
void category_choice(std::optional<core::InquiryCategory>& category, const core::FieldErrors& errors,
                     FieldFocus& focus) {
    const std::string label = core::tr(texts::inquiry_form::category);
    text(label);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::BeginGroup();
    bool first = true;
    for (const core::InquiryCategory choice : core::inquiry_categories()) {
        const std::string name = core::inquiry_category_label(choice);
        if (!first) {
            const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                ImGui::CalcTextSize(name.c_str()).x;
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.2f);
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        if (first) focus.before("category");  // the keys (Space, arrows) go to the first choice
        first = false;
        if (radio_button(name, category == choice)) category = choice;
    }
    ImGui::EndGroup();
    frame_record().control(label, true);
    field_error(errors, "category");
}

// お問い合わせ内容: several lines, with the count against the limit.
void message_field(std::string& message, const core::FieldErrors& errors, FieldFocus& focus) {
    const std::string label = core::tr(texts::inquiry::field::message);
    text(label);
    const float em = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, em * 40.0f);
    focus.before("message");
    ImGui::InputTextMultiline("##message", &message, ImVec2{width, em * 7.0f});
    frame_record().control(label, true);
    if (ImGui::IsItemDeactivatedAfterEdit()) operation_record().typed(label, field_kind("message"), message);
    const std::size_t count = core::utf8_length(message);
    const bool over = count > core::max_inquiry_message_chars;
    text_colored(over ? colors().error : colors().muted,
                 core::tr(over ? texts::inquiry_form::counter_over : texts::inquiry_form::counter,
                          {{"count", count}, {"max", core::max_inquiry_message_chars}}));
    field_error(errors, "message");
}

// "2026-11-25T09:30:00+09:00" (the service's JST) as "2026年11月25日(水) 9:30".
std::string received_text(const std::string& received_at) {
    const auto date = core::parse_iso_date(std::string_view{received_at}.substr(0, 10));
    if (!date || received_at.size() < 16) return received_at;
    const int hour = std::atoi(received_at.substr(11, 2).c_str());
    const int minute = std::atoi(received_at.substr(14, 2).c_str());
    return core::format_japanese(*date) + " " + core::format_clock(hour, minute);
}

// After a failed sending, beside the buttons (the banner at the top may be
// scrolled away): what went wrong, and that nothing typed was lost.
void failure_note(const core::State& state) {
    if (!state.message || state.message->kind != core::Message::Kind::error) return;
    error_text(state.message->text);
    if (state.inquiry_submission) text_muted(core::tr(texts::inquiry_form::kept));
}

}  // namespace

std::string inquiry_attachment(const core::State& state, const std::string& code) {
    std::string attachment = support_report(state, code) + "\n";
    std::string record = operation_record().script();
    const std::size_t room =
        core::max_inquiry_attachment_bytes - std::min(attachment.size(), core::max_inquiry_attachment_bytes);
    if (record.size() > room) {
        // The oldest actions go first, at a line's end.
        const auto line_end = record.find('\n', record.size() - room);
        record = line_end == std::string::npos ? std::string{} : record.substr(line_end + 1);
    }
    return attachment + record;
}

core::InquiryInput InquiryFormView::to_send(const core::State& state, const std::string& code) const {
    core::InquiryInput input = input_;
    if (state.session) input.office_number.clear();  // the service takes the session's office
    input.attachment = attach_ ? inquiry_attachment(state, code) : std::string{};
    return input;
}

void InquiryFormView::draw(const core::State& state, const std::string& code, Events& out) {
    const Step step = state.inquiry_receipt  ? Step::receipt
                      : state.inquiry_review ? Step::review
                                             : Step::edit;
    ImGui::Spacing();
    ImGui::Separator();
    // A new step starts at its top, not where the previous one was scrolled to.
    if (step != shown_) ImGui::SetScrollHereY(0.0f);
    // Back from the review (修正する), typing goes on in the message.
    if (step == Step::edit && shown_ == Step::review) focus_.request("message");
    shown_ = step;
    text_large(core::tr(texts::inquiry_form::title), colors().text);
    switch (step) {
        case Step::edit: draw_edit(state, code, out); break;
        case Step::review: draw_review(state, *state.inquiry_review, out); break;
        case Step::receipt: draw_receipt(*state.inquiry_receipt, out); break;
    }
}

void InquiryFormView::draw_edit(const core::State& state, const std::string& code, Events& out) {
    const auto& errors = state.inquiry_errors;
    // Errors new to the form (its own check or the service's), or the same
    // ones after another 送信内容を確認: typing goes to the first wrong field.
    if (!errors.empty() && (errors != errors_seen_ || std::exchange(reviewed_, false)))
        focus_.request_first_error(errors, {"category", "message", "reply_email", "phone", "office_number"});
    errors_seen_ = errors;
    // A corrected field's message goes at once; new ones wait for the next check.
    const core::FieldErrors standing =
        core::standing_errors(errors, checked_, input_, state.session.has_value());
    text(core::tr(texts::inquiry_form::intro));
    ImGui::Spacing();
    category_choice(input_.category, standing, focus_);
    ImGui::Spacing();
    message_field(input_.message, standing, focus_);
    focus_.before("reply_email");
    input_field(core::tr(texts::inquiry::field::reply_email), input_.reply_email, standing, "reply_email", 0,
                core::tr(texts::inquiry_form::email_hint).c_str(), 22);
    focus_.before("phone");
    input_field(core::tr(texts::inquiry_form::phone), input_.phone, standing, "phone", 0,
                core::tr(texts::inquiry_form::phone_hint).c_str(), 14);
    if (state.session) {
        text(core::tr(texts::inquiry_form::office_logged_in,
                      {{"office_number", state.session->user.office_number}}));
    } else {
        focus_.before("office_number");
        input_field(core::tr(texts::label::office_number), input_.office_number, standing, "office_number", 0,
                    core::tr(texts::inquiry_form::office_number_hint).c_str(), 12);
    }
    ImGui::Spacing();
    checkbox(core::tr(texts::inquiry_form::attach), attach_);
    text_muted(core::tr(texts::inquiry_form::attach_note));
    field_error(standing, "attachment");
    ImGui::Spacing();
    if (primary_button(core::tr(texts::inquiry_form::review))) {
        out.push_back(core::event::ReviewInquiry{to_send(state, code)});
        checked_ = input_;
        reviewed_ = true;
    }
    failure_note(state);
}

void InquiryFormView::draw_review(const core::State& state, const core::InquiryInput& review, Events& out) {
    text(core::tr(texts::inquiry_form::review_intro));
    ImGui::Spacing();
    field_row(core::tr(texts::inquiry_form::category),
              review.category ? core::inquiry_category_label(*review.category) : std::string{});
    field_row(core::tr(texts::inquiry::field::message), review.message);
    field_row(core::tr(texts::inquiry::field::reply_email), review.reply_email);
    field_row(core::tr(texts::inquiry_form::phone), review.phone);
    field_row(core::tr(texts::label::office_number),
              state.session ? state.session->user.office_number : review.office_number);
    const bool attached = !review.attachment.empty();
    field_row(
        core::tr(texts::inquiry::field::attachment),
        core::tr(attached ? texts::inquiry_form::attachment_yes : texts::inquiry_form::attachment_none));
    if (attached) {
        // Exactly the text that goes to the help desk, to read before sending.
        ImGui::BeginChild("attachment", ImVec2{0, ImGui::GetFontSize() * 10.0f}, ImGuiChildFlags_Borders);
        text(review.attachment);
        ImGui::EndChild();
    }
    ImGui::Spacing();
    const bool busy = core::is_busy(state, core::Request::inquiry);
    if (primary_button(core::tr(texts::inquiry_form::send), !busy))
        out.push_back(core::event::SubmitInquiry{review, api::new_idempotency_key()});
    ImGui::SameLine();
    if (button(core::tr(texts::inquiry_form::edit), !busy)) out.push_back(core::event::EditInquiry{});
    if (busy) ImGui::SameLine();
    waiting_indicator(state, core::tr(texts::inquiry_form::sending), out);
    failure_note(state);
}

void InquiryFormView::draw_receipt(const core::InquiryReceipt& receipt, Events& out) {
    text_colored(colors().ok_green, core::tr(texts::inquiry_form::received));
    text_large(core::tr(texts::inquiry_form::receipt_number, {{"inquiry_id", receipt.inquiry_id}}),
               colors().primary);
    text(core::tr(texts::inquiry_form::received_at, {{"received_at", received_text(receipt.received_at)}}));
    text(core::tr(texts::inquiry_form::receipt_phone));
    ImGui::Spacing();
    if (button(core::tr(texts::inquiry_form::new_inquiry))) {
        input_ = {};
        attach_ = false;
        out.push_back(core::event::NewInquiry{});
    }
}

}  // namespace careplan::ui
