#include <imgui.h>

#include "careplan/core/errors.hpp"
#include "careplan/core/text_keys.hpp"
#include "automation.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void TopBar::draw(const core::State& state, Events& out) {
    using core::Screen;
    if (state.session) {
        text_muted(core::tr(texts::topbar::office, {{"office_name", state.session->user.office_name},
                                                    {"office_number", state.session->user.office_number}}));
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
        if (button(core::tr(texts::topbar::logout))) out.push_back(core::event::Logout{});
    } else if (button(core::tr(texts::topbar::back_to_login))) {
        out.push_back(core::event::Back{});
    }
    const auto current_tab = core::tab_of(state.screen);
    const Screen tabs_after_login[] = {Screen::license, Screen::apply, Screen::env_check, Screen::faq,
                                       Screen::contact};
    for (Screen tab : tabs_after_login) {
        const bool usable =
            state.session || tab == Screen::env_check || tab == Screen::faq || tab == Screen::contact;
        if (!usable) continue;
        const bool active = current_tab == tab;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(core::screen_title(tab))) out.push_back(core::event::SelectTab{tab});
        if (active) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (button(core::tr(texts::common::notices))) out.push_back(core::event::OpenVersionNotice{});
    ImGui::SameLine();
    ImGui::PushFont(nullptr, small_font_px);
    text_muted(std::string(core::top_screen_code));
    ImGui::PopFont();
    ImGui::Separator();
}

void screen_header(const core::State& state, core::Screen screen, Events& out) {
    const float right_edge = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    const std::string title = core::screen_title(screen);
    ImGui::PushFont(nullptr, heading_font_px);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    std::string tag(core::screen_code(screen));
    if (const std::string step = core::manual_step(screen); !step.empty()) tag.append("  ").append(step);
    // The code body-sized beside the larger title, in full contrast: a caller
    // reads it out to the help desk. The ガイド button at the far right, a
    // clear gap after it, so that the code reads on its own (eye and OCR).
    const std::string guide = core::tr(texts::guide::button);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float button_width = ImGui::CalcTextSize(guide.c_str()).x + style.FramePadding.x * 2;
    ImGui::SameLine(right_edge - button_width - em * 1.5f - ImGui::CalcTextSize(tag.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tag.c_str());
    ImGui::SameLine(right_edge - button_width);
    if (state.guide_on) ImGui::PushStyleColor(ImGuiCol_Button, colors().guide_soft);
    if (button(guide)) out.push_back(core::event::ToggleGuide{});
    if (state.guide_on) ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();
    frame_record().screen(core::screen_code(screen));
    frame_record().text(title);
}

void waiting_indicator(const core::State& state, std::string_view doing, Events& out) {
    if (!core::awaited_request(state)) return;
    spinner();
    ImGui::SameLine();
    text_muted(doing);
    ImGui::SameLine();
    if (button(core::tr(texts::common::cancel))) out.push_back(core::event::Cancel{});
}

void message_banner(const core::State& state, Events& out) {
    if (!state.message) return;
    const auto& m = *state.message;
    if (m.kind == core::Message::Kind::error)
        error_text(m.text);
    else
        text_colored(colors().info_blue, m.text);
    if (m.retryable) {
        if (button(core::tr(texts::common::retry))) out.push_back(core::event::Retry{});
        ImGui::SameLine();
    }
    if (m.kind == core::Message::Kind::error && button(core::tr(texts::common::close)))
        out.push_back(core::event::DismissMessage{});
}

}  // namespace careplan::ui
