#include <imgui.h>

#include "careplan/core/date.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void CompleteView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::complete), core::screen_code(Screen::complete),
                core::manual_step(Screen::complete));
  if (!state.accepted) return;
  const auto& r = *state.accepted;
  text_large("『" + r.message + "』", colors::info_blue);
  ImGui::Spacing();
  field_row("受付番号", r.application_id);
  field_row("申請の種類", core::kind_label(r.kind));
  field_row("完了メール", core::format_japanese(r.notify_by) + " までにメールでお知らせします");
  ImGui::Spacing();
  text("「ライセンス」画面に『事前申請受付済みです』と表示されていれば、手続きは完了です。");
  if (primary_button("ライセンスを確認する")) out.push_back(core::event::SelectTab{Screen::license});
}

}  // namespace careplan::ui
