#include <imgui.h>

#include "careplan/core/helpdesk.hpp"
#include "careplan/core/text_keys.hpp"
#include "support_report.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void ContactView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::contact, out);
    message_banner(state, out);
    text(core::tr(texts::helpdesk::name));
    text_large(core::helpdesk_phone, colors::primary);
    text(core::tr(texts::helpdesk::hours));
    const auto status = core::helpdesk_status(state.now);
    text_colored(status.open_now ? colors::ok_green : colors::amber, status.message);
    text_muted(core::tr(texts::contact::form));
    ImGui::Spacing();
    ImGui::Separator();
    text(core::tr(texts::contact::screen_code_hint));
    if (button(core::tr(texts::contact::copy))) out.push_back(core::event::CopyText{support_report(state)});
}

}  // namespace careplan::ui
