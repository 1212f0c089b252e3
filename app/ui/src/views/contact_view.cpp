#include <imgui.h>

#include "careplan/core/helpdesk.hpp"
#include "careplan/core/text_keys.hpp"
#include "automation.hpp"
#include "careplan/core/walkthrough_code.hpp"
#include "support_report.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// Beside the exe's working folder, like the env check's report.
constexpr std::string_view operation_record_file = "careplan-operations.uis";

}  // namespace

void ContactView::draw(const core::State& state, const std::string& code, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::contact, out);
    message_banner(state, out);
    text(core::tr(texts::helpdesk::name));
    text_large(core::helpdesk_phone, colors().primary);
    text(core::tr(texts::helpdesk::hours));
    const auto status = core::helpdesk_status(state.now);
    text_colored(status.open_now ? colors().ok_green : colors().amber, status.message);
    text_muted(core::tr(texts::contact::form));
    ImGui::Spacing();
    // The walkthrough code, large, as the guide names it: the help desk asks for it first.
    text(core::tr(texts::code::label));
    text_large(core::display_walkthrough_code(code), colors().text);
    frame_record().control(core::tr(texts::code::label), true);
    text_muted(core::tr(texts::code::explain));
    ImGui::Spacing();
    ImGui::Separator();
    text(core::tr(texts::contact::screen_code_hint));
    if (button(core::tr(texts::contact::copy)))
        out.push_back(core::event::CopyText{support_report(state, code)});
    ImGui::SameLine();
    if (button(core::tr(texts::contact::save_record)))
        out.push_back(core::event::SaveText{std::string(operation_record_file), operation_record().script()});
    text_muted(core::tr(texts::contact::record_hint, {{"path", operation_record_file}}));
    inquiry_form_.draw(state, code, out);
}

}  // namespace careplan::ui
