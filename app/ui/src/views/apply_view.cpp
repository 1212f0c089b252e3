#include <imgui.h>

#include "careplan/core/date.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void ApplyView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::apply), core::screen_code(Screen::apply),
                core::manual_step(Screen::apply));
  message_banner(state, out);
  text("ライセンスの残り日数が60日以下になると、更新の申請ができます。"
       "有効期限が過ぎた場合も、ここから改めて利用申請ができます。");
  ImGui::Spacing();
  if (!state.license) {
    waiting_indicator(state, "ライセンス情報を読み込んでいます…", out);
    return;
  }
  const core::License& l = *state.license;
  const bool can_apply = core::can_start_application(state);
  if (l.renewal.application) {
    text_colored(colors::info_blue, "『" + l.renewal.application->message + "』 この期間の申請は受付済みのため、もう一度申請することはできません。");
  } else if (!l.renewal.eligible) {
    error_text(l.renewal.reason);
    if (l.renewal.opens_on)
      text("申請できるようになる日: " + core::format_japanese(*l.renewal.opens_on));
  } else if (l.status == core::LicenseStatus::expired) {
    text("有効期限が過ぎています。「申請」から新規の利用申請をしてください。");
  } else {
    text("有効期限 " + core::format_japanese(l.valid_until) + " の次の1年間の更新を申請できます。");
  }
  ImGui::Spacing();
  if (primary_button("申請", can_apply)) out.push_back(core::event::StartApplication{});
  ImGui::Spacing();
  text_muted("申請情報入力の画面が表示されない、またはボタンが押せない場合は、ヘルプデスク (0120-584-708) へお問い合わせください。");
}

}  // namespace careplan::ui
