#include <imgui.h>

#include "careplan/core/date.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// Status in words and a colour, never by colour alone.
ImVec4 status_color(core::LicenseStatus status) {
  switch (status) {
    case core::LicenseStatus::active: return colors::ok_green;
    case core::LicenseStatus::renewal_open: return colors::amber;
    case core::LicenseStatus::renewal_pending: return colors::info_blue;
    case core::LicenseStatus::expired: return colors::error;
  }
  return colors::text;
}

std::string remaining_text(int days) {
  if (days > 0) return "あと " + std::to_string(days) + " 日";
  if (days == 0) return "本日が有効期限の最終日です";
  return "有効期限から " + std::to_string(-days) + " 日過ぎています";
}

}  // namespace

void LicenseView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::license), core::screen_code(Screen::license),
                core::manual_step(Screen::license));
  message_banner(state, out);
  if (!state.license) {
    waiting_indicator(state, "ライセンス情報を読み込んでいます…", out);
    return;
  }
  const core::License& l = *state.license;
  text_large(core::status_label(l.status), status_color(l.status));
  ImGui::Spacing();
  field_row("有効期限", core::format_japanese(l.valid_until));
  field_row("残り日数", remaining_text(l.days_remaining));
  field_row("利用開始日", core::format_japanese(l.valid_from));
  field_row("事業所番号", l.office_number);
  ImGui::Spacing();
  if (const auto& app = l.renewal.application) {
    text_large("『" + app->message + "』", colors::info_blue);
    text("手続きは完了しています。更新完了のお知らせメールは " + core::format_japanese(app->notify_by) +
         " までに届きます。");
    return;
  }
  if (l.renewal.eligible) {
    text("更新の手続きができます。「利用申請/更新」から申請してください。");
    if (primary_button("利用申請/更新へ")) out.push_back(core::event::SelectTab{Screen::apply});
  } else {
    text_muted(l.renewal.reason);
  }
}

}  // namespace careplan::ui
