#include <imgui.h>

#include "careplan/api/random.hpp"
#include "careplan/core/date.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

std::string months_text(const std::vector<std::string>& months) {
  std::string s;
  for (const auto& m : months) {
    if (!s.empty()) s += " または ";
    // "2027-01" -> "2027年1月"
    s += m.substr(0, 4) + "年" + std::to_string(std::stoi(m.substr(5, 2))) + "月";
  }
  return s;
}

}  // namespace

void ConfirmView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::confirm), core::screen_code(Screen::confirm),
                core::manual_step(Screen::confirm));
  message_banner(state, out);
  text("入力内容を確認し、よろしければ「申請する」を押してください。");
  const auto& f = state.form;
  field_row("申請者氏名", f.applicant_name);
  field_row("フリガナ", f.applicant_kana);
  field_row("メールアドレス", f.email);
  field_row("電話番号", f.phone);
  field_row("事業所番号", f.office_number);
  field_row("利用規約", "同意する (版 " + f.terms_version + ")");
  field_row("個人情報取り扱い", "同意する (版 " + f.privacy_version + ")");
  if (auto outcome = core::review_outcome(state)) {
    ImGui::Spacing();
    field_row("申請の種類", core::kind_label(outcome->kind));
    field_row("新しい有効期間", core::format_japanese(outcome->period.valid_from) + " ～ " +
                                     core::format_japanese(outcome->period.valid_until));
    field_row("完了メール", core::format_japanese(outcome->notify_by) + " までに届きます (2～3営業日以内)");
    field_row("ライセンス料", months_text(outcome->fee_months) + "に振り込まれる介護給付費から差し引かれます");
  }
  ImGui::Spacing();
  error_text("申請後の取消・キャンセルはできません。内容をよく確認してください。");
  ImGui::Spacing();
  const bool busy = core::is_busy(state, core::Request::application);
  if (primary_button("申請する", !busy))
    out.push_back(core::event::ConfirmApplication{api::new_idempotency_key()});
  ImGui::SameLine();
  if (button("入力画面に戻る", !busy)) out.push_back(core::event::Back{});
  if (busy) ImGui::SameLine();
  waiting_indicator(state, "送信しています…", out);
}

}  // namespace careplan::ui
