#include <imgui.h>

#include <utility>

#include "careplan/core/input.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

void demo_picker(const std::vector<DemoAccount>& demo, std::string& user_id, std::string& password) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::banner);
  ImGui::BeginChild("demo", ImVec2{0, 0}, ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
  text("デモ: 練習用のデモサービスにつながっています。実際の申請は行われません。");
  text_muted("デモの事業所を選ぶと、ユーザIDとパスワードが入ります。");
  for (const auto& account : demo) {
    if (button(account.user_id + " " + account.scenario)) {
      user_id = account.user_id;
      password = account.password;
    }
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 14) ImGui::NewLine();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace

void LoginView::draw(const core::State& state, const std::vector<DemoAccount>& demo, Events& out) {
  if (!filled_from_state_) {
    user_id_ = state.login_user_id;
    filled_from_state_ = true;
  }
  screen_header("ログイン", core::screen_code(core::Screen::login), core::manual_step(core::Screen::login));
  if (!demo.empty()) demo_picker(demo, user_id_, password_);
  text("「電子請求受付システム」で使っている、KJから始まるユーザIDとパスワードを入力してください。");
  message_banner(state, out);
  ImGui::Spacing();

  if (std::exchange(focus_user_id_, false)) ImGui::SetKeyboardFocusHere();
  input_field("ユーザID", user_id_, state.login_errors, "user_id", 0, "例: KJ00000001");
  const ImGuiInputTextFlags secret = show_password_ ? 0 : ImGuiInputTextFlags_Password;
  input_field("パスワード", password_, state.login_errors, "password", secret);
  checkbox("パスワードを表示する", show_password_);

  ImGui::Spacing();
  const bool busy = core::is_busy(state, core::Request::login);
  const bool locked = core::login_locked(state);
  const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
  if ((primary_button("ログイン", !busy && !locked) || (enter && !busy && !locked))) {
    out.push_back(core::event::SubmitLogin{user_id_, password_});
    password_.clear();  // never kept longer than needed
    filled_from_state_ = false;
  }
  if (busy) ImGui::SameLine();
  waiting_indicator(state, "ログインしています…", out);

  ImGui::Spacing();
  ImGui::Separator();
  text_muted("ログインできないときは、下のページもご覧ください。");
  for (auto tab : {core::Screen::env_check, core::Screen::faq, core::Screen::contact}) {
    if (button(core::screen_title(tab))) out.push_back(core::event::SelectTab{tab});
    ImGui::SameLine();
  }
  if (button("お知らせ")) out.push_back(core::event::OpenVersionNotice{});
}

}  // namespace careplan::ui
