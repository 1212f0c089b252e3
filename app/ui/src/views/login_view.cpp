#include <imgui.h>

#include <utility>

#include "careplan/core/input.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// The demo offices, and the help desk's way to a caller's screen. True when
// ヘルプデスク表示 was pressed.
bool demo_picker(const std::vector<DemoAccount>& demo, std::string& user_id, std::string& password) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().banner);
    ImGui::BeginChild("demo", ImVec2{0, 0}, ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
    text(core::tr(texts::login::demo_banner));
    text_muted(core::tr(texts::login::demo_hint));
    for (const auto& account : demo) {
        if (button(account.user_id + " " + account.scenario)) {
            user_id = account.user_id;
            password = account.password;
        }
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 14) ImGui::NewLine();
    }
    const bool helpdesk = button(core::tr(texts::helpdesk_view::button));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return helpdesk;
}

}  // namespace

void LoginView::draw(const core::State& state, const std::vector<DemoAccount>& demo, Events& out) {
    if (!filled_from_state_) {
        user_id_ = state.login_user_id;
        filled_from_state_ = true;
    }
    screen_header(state, core::Screen::login, out);
    if (!demo.empty() && demo_picker(demo, user_id_, password_)) helpdesk_requested_ = true;
    text(core::tr(texts::login::intro));
    message_banner(state, out);
    ImGui::Spacing();

    const bool busy = core::is_busy(state, core::Request::login);
    if (awaiting_result_ && !busy) {
        awaiting_result_ = false;
        if (!state.session)
            focus_ = state.login_errors.contains("user_id") ? Focus::user_id : Focus::password;
    }
    const Focus focus = std::exchange(focus_, Focus::none);
    // The password was emptied at ログイン: what was checked is "" here.
    const core::FieldErrors standing = core::standing_errors(
        state.login_errors, core::LoginInput{state.login_user_id, ""}, core::LoginInput{user_id_, password_});
    if (focus == Focus::user_id) ImGui::SetKeyboardFocusHere();
    input_field(core::tr(texts::login::user_id), user_id_, standing, "user_id", 0,
                core::tr(texts::login::user_id_hint).c_str());
    const ImGuiInputTextFlags secret = show_password_ ? 0 : ImGuiInputTextFlags_Password;
    if (focus == Focus::password) ImGui::SetKeyboardFocusHere();
    input_field(core::tr(texts::login::password), password_, standing, "password", secret);
    checkbox(core::tr(texts::login::show_password), show_password_);

    ImGui::Spacing();
    const bool locked = core::login_locked(state);
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    if ((primary_button(core::tr(texts::login::submit), !busy && !locked) || (enter && !busy && !locked))) {
        out.push_back(core::event::SubmitLogin{user_id_, password_});
        password_.clear();  // never kept longer than needed
        awaiting_result_ = true;
        filled_from_state_ = false;
    }
    if (busy) ImGui::SameLine();
    waiting_indicator(state, core::tr(texts::login::busy), out);

    ImGui::Spacing();
    ImGui::Separator();
    text_muted(core::tr(texts::login::help_links));
    for (auto tab : {core::Screen::env_check, core::Screen::faq, core::Screen::contact}) {
        if (button(core::screen_title(tab))) out.push_back(core::event::SelectTab{tab});
        ImGui::SameLine();
    }
    if (button(core::tr(texts::common::notices))) out.push_back(core::event::OpenVersionNotice{});
}

}  // namespace careplan::ui
