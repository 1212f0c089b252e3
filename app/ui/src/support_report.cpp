#include "support_report.hpp"

#include "careplan/core/date.hpp"
#include "careplan/core/input.hpp"

namespace careplan::ui {

std::string support_report(const core::State& state) {
  const auto now = core::jst_date_time(state.now);
  std::string r = "ケアプランデータ連携 利用更新クライアント サポート情報\n";
  r += "クライアント: " CAREPLAN_VERSION "\n";
  r += "日時 (JST): " + core::format_iso(now.date) + " " + std::to_string(now.hour) + ":" +
       (now.minute < 10 ? "0" : "") + std::to_string(now.minute) + "\n";
  r += "画面: " + std::string(core::screen_code(state.screen)) + " " +
       std::string(core::screen_title(state.screen)) + "\n";
  const std::string id = state.session ? state.session->user.user_id : state.login_user_id;
  r += "ユーザID: " + (id.empty() ? std::string("(未入力)") : core::mask_user_id(id)) + "\n";
  if (state.license) {
    r += "ライセンス: " + std::string(core::status_label(state.license->status)) + ", 有効期限 " +
         core::format_iso(state.license->valid_until) + ", 残り " +
         std::to_string(state.license->days_remaining) + " 日\n";
  }
  if (state.message) r += "表示中のメッセージ: [" + state.message->code + "] " + state.message->text + "\n";
  return r;
}

}  // namespace careplan::ui
