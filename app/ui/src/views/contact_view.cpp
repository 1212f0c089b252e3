#include <imgui.h>

#include "careplan/core/helpdesk.hpp"
#include "support_report.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void ContactView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::contact), core::screen_code(Screen::contact));
  message_banner(state, out);
  text("ケアプランデータ連携システム ヘルプデスク");
  text_large(core::helpdesk_phone, colors::primary);
  text(core::helpdesk_hours_text);
  const auto status = core::helpdesk_status(state.now);
  text_colored(status.open_now ? colors::ok_green : colors::amber, status.message);
  text_muted("ヘルプデスクサポートサイトの問い合わせフォームからも受け付けています。");
  ImGui::Spacing();
  ImGui::Separator();
  text("お電話の際は、画面の右上に表示されている画面番号 (S01 など) をお伝えください。"
       "下のボタンで、問い合わせに役立つ情報 (パスワードや個人情報は含みません) をコピーできます。");
  if (button("サポート情報をコピー")) out.push_back(core::event::CopyText{support_report(state)});
}

}  // namespace careplan::ui
