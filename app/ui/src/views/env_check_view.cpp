#include <imgui.h>

#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void EnvCheckView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::env_check), core::screen_code(Screen::env_check));
  message_banner(state, out);
  text("このパソコンが利用の条件 (Windows 10/11、インターネット接続、カレンダーが西暦、"
       "Microsoft Edge または Google Chrome、PDF ビューワー) を満たしているかを確かめます。");
  const bool running = state.env_check_running;
  if (primary_button(state.env_report ? "再チェック" : "チェック開始", !running))
    out.push_back(core::event::RunEnvCheck{});
  if (running) {
    ImGui::SameLine();
    spinner();
    ImGui::SameLine();
    text_muted("チェックしています…");
  }
  if (!state.env_report) return;
  ImGui::BeginChild("report", ImVec2{0, -ImGui::GetFontSize() * 3.2f}, ImGuiChildFlags_Borders);
  text(*state.env_report);
  ImGui::EndChild();
  if (button("結果をコピー")) out.push_back(core::event::CopyText{*state.env_report});
  ImGui::SameLine();
  if (button("保存")) out.push_back(core::event::SaveText{save_path_, *state.env_report});
  ImGui::SameLine();
  text_muted("保存先: " + save_path_ + " (ヘルプデスクへの連絡用。個人情報は含みません)");
}

}  // namespace careplan::ui
