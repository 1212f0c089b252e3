#include <imgui.h>

#include "careplan/core/date.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// Status in words and a colour, never by colour alone.
ImVec4 status_color(core::LicenseStatus status) {
    switch (status) {
        case core::LicenseStatus::active: return colors().ok_green;
        case core::LicenseStatus::renewal_open: return colors().amber;
        case core::LicenseStatus::renewal_pending: return colors().info_blue;
        case core::LicenseStatus::expired: return colors().error;
    }
    return colors().text;
}

std::string remaining_text(int days) {
    if (days > 0) return core::tr(texts::license::days_left, {{"days", days}});
    if (days == 0) return core::tr(texts::license::last_day);
    return core::tr(texts::license::days_over, {{"days", -days}});
}

}  // namespace

void LicenseView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::license, out);
    message_banner(state, out);
    if (!state.license) {
        waiting_indicator(state, core::tr(texts::common::loading_license), out);
        return;
    }
    const core::License& l = *state.license;
    text_large(core::status_label(l.status), status_color(l.status));
    ImGui::Spacing();
    field_row(core::tr(texts::license::valid_until), core::format_japanese(l.valid_until));
    field_row(core::tr(texts::license::days_remaining), remaining_text(l.days_remaining));
    field_row(core::tr(texts::license::valid_from), core::format_japanese(l.valid_from));
    field_row(core::tr(texts::label::office_number), l.office_number);
    ImGui::Spacing();
    if (const auto& app = l.renewal.application) {
        text_large(core::tr(texts::common::service_message, {{"message", app->message}}), colors().info_blue);
        text(core::tr(texts::license::mail_by, {{"notify_by", core::format_japanese(app->notify_by)}}));
        return;
    }
    if (l.renewal.eligible) {
        text(core::tr(texts::license::can_renew));
        if (primary_button(core::tr(texts::license::to_apply)))
            out.push_back(core::event::SelectTab{Screen::apply});
    } else {
        text_muted(l.renewal.reason);
    }
}

}  // namespace careplan::ui
