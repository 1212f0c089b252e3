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
    FlowRow row;  // the tabs and お知らせ, after the way back to S01 if shown
    if (state.session) {
        // The office name wraps before ログアウト (a long name, large text).
        const std::string logout = core::tr(texts::topbar::logout);
        const float logout_x =
            ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - button_width(logout);
        text_muted(core::tr(texts::topbar::office, {{"office_name", state.session->user.office_name},
                                                    {"office_number", state.session->user.office_number}}),
                   logout_x - ImGui::GetFontSize());
        ImGui::SameLine(logout_x);
        if (button(logout)) out.push_back(core::event::Logout{});
    } else {
        const std::string back = core::tr(texts::topbar::back_to_login);
        row.next(button_width(back));
        if (button(back)) out.push_back(core::event::Back{});
    }
    const auto current_tab = core::tab_of(state.screen);
    const Screen tabs_after_login[] = {Screen::license, Screen::apply, Screen::env_check, Screen::faq,
                                       Screen::contact};
    for (Screen tab : tabs_after_login) {
        const bool usable =
            state.session || tab == Screen::env_check || tab == Screen::faq || tab == Screen::contact;
        if (!usable) continue;
        const bool active = current_tab == tab;
        const std::string title = core::screen_title(tab);
        row.next(button_width(title));
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(title)) out.push_back(core::event::SelectTab{tab});
        if (active) ImGui::PopStyleColor();
    }
    const std::string notices = core::tr(texts::common::notices);
    row.next(button_width(notices));
    if (button(notices)) out.push_back(core::event::OpenVersionNotice{});
    ImGui::PushFont(nullptr, small_font_px);
    const std::string code(core::top_screen_code);
    row.next(ImGui::CalcTextSize(code.c_str()).x);
    text_muted(code);
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
    const float em = ImGui::GetFontSize();
    const float guide_x = right_edge - button_width(guide);
    const float tag_x = guide_x - em * 1.5f - ImGui::CalcTextSize(tag.c_str()).x;
    // Below the title when the window is too narrow for both on one line.
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + em <= tag_x)
        ImGui::SameLine(tag_x);
    else
        ImGui::SetCursorPosX(tag_x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tag.c_str());
    ImGui::SameLine(guide_x);
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
