#include <imgui.h>

#include "careplan/core/date.hpp"
#include "careplan/core/reminder.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void ApplyView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::apply, out);
    message_banner(state, out);
    text(core::tr(texts::apply::intro));
    ImGui::Spacing();
    if (!state.license) {
        waiting_indicator(state, core::tr(texts::common::loading_license), out);
        return;
    }
    const core::License& l = *state.license;
    const bool can_apply = core::can_start_application(state);
    if (l.renewal.application) {
        text_colored(colors().info_blue,
                     core::tr(texts::apply::already_applied, {{"message", l.renewal.application->message}}));
    } else if (!l.renewal.eligible) {
        error_text(l.renewal.reason);
        if (l.renewal.opens_on) {
            const core::Date opens_on = *l.renewal.opens_on;
            text(core::tr(texts::apply::opens_on, {{"opens_on", core::format_japanese(opens_on)}}));
            if (button(core::tr(texts::apply::remind)))
                out.push_back(core::event::SaveText{core::renewal_reminder_file_name(opens_on),
                                                    core::renewal_reminder_ics(opens_on, state.now)});
            ImGui::SameLine();
            text_muted(core::tr(texts::apply::remind_hint));
        }
    } else if (l.status == core::LicenseStatus::expired) {
        text(core::tr(texts::apply::expired));
    } else {
        text(core::tr(texts::apply::next_year, {{"valid_until", core::format_japanese(l.valid_until)}}));
    }
    ImGui::Spacing();
    if (primary_button(core::tr(texts::apply::submit), can_apply))
        out.push_back(core::event::StartApplication{});
    ImGui::Spacing();
    text_muted(core::tr(texts::apply::trouble, {{"contact", core::tr(texts::helpdesk::contact)}}));
}

}  // namespace careplan::ui
