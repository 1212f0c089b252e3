#include <imgui.h>

#include "careplan/core/date.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void CompleteView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::complete, out);
    if (!state.accepted) return;
    const auto& r = *state.accepted;
    text_large(core::tr(texts::common::service_message, {{"message", r.message}}), colors().info_blue);
    ImGui::Spacing();
    field_row(core::tr(texts::complete::application_id), r.application_id);
    field_row(core::tr(texts::label::kind), core::kind_label(r.kind));
    field_row(core::tr(texts::label::mail),
              core::tr(texts::complete::mail_by, {{"notify_by", core::format_japanese(r.notify_by)}}));
    ImGui::Spacing();
    text(core::tr(texts::complete::check_license));
    if (primary_button(core::tr(texts::complete::to_license)))
        out.push_back(core::event::SelectTab{Screen::license});
}

}  // namespace careplan::ui
