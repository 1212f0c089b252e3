#include <imgui.h>

#include "careplan/api/client.hpp"
#include "careplan/core/date.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void ConfirmView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::confirm, out);
    message_banner(state, out);
    text(core::tr(texts::confirm::intro));
    const auto& f = state.form;
    field_row(core::tr(texts::label::applicant_name), f.applicant_name);
    field_row(core::tr(texts::label::applicant_kana), f.applicant_kana);
    field_row(core::tr(texts::label::email), f.email);
    field_row(core::tr(texts::label::phone), f.phone);
    field_row(core::tr(texts::label::office_number), f.office_number);
    field_row(core::tr(texts::confirm::terms),
              core::tr(texts::confirm::agreed, {{"version", f.terms_version}}));
    field_row(core::tr(texts::confirm::privacy),
              core::tr(texts::confirm::agreed, {{"version", f.privacy_version}}));
    if (auto outcome = core::review_outcome(state)) {
        ImGui::Spacing();
        field_row(core::tr(texts::label::kind), core::kind_label(outcome->kind));
        field_row(core::tr(texts::confirm::new_period),
                  core::tr(texts::confirm::period,
                           {{"valid_from", core::format_japanese(outcome->period.valid_from)},
                            {"valid_until", core::format_japanese(outcome->period.valid_until)}}));
        field_row(
            core::tr(texts::label::mail),
            core::tr(texts::confirm::mail_by, {{"notify_by", core::format_japanese(outcome->notify_by)}}));
        field_row(
            core::tr(texts::confirm::fee),
            core::tr(texts::confirm::fee_months, {{"months", core::fee_months_text(outcome->fee_months)}}));
    }
    ImGui::Spacing();
    error_text(core::tr(texts::confirm::no_cancel));
    ImGui::Spacing();
    const bool busy = core::is_busy(state, core::Request::application);
    if (primary_button(core::tr(texts::confirm::submit), !busy))
        out.push_back(core::event::ConfirmApplication{api::new_idempotency_key()});
    ImGui::SameLine();
    if (button(core::tr(texts::confirm::back), !busy)) out.push_back(core::event::Back{});
    if (busy) ImGui::SameLine();
    waiting_indicator(state, core::tr(texts::confirm::sending), out);
}

}  // namespace careplan::ui
