#include <imgui.h>

#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

struct QandA {
  const char* question;
  const char* answer;
};

// The manual's FAQ, answered in our own words.
constexpr QandA faq[] = {
    {"Q1 ライセンスの有効期限はどこで確認できますか？",
     "ログインすると表示される「ライセンス」タブで、有効期限と残り日数を確認できます。"},
    {"Q2 更新完了の連絡や通知はありますか？",
     "申請を受け付けてから2～3営業日以内 (土日祝日と年末年始を除く) に、更新完了のお知らせをメールでお送りします。"
     "届く日の目安は申請完了の画面にも表示されます。"},
    {"Q3 ライセンスの有効期限が過ぎた後、もう一度システムを使いたいときは？",
     "「利用申請/更新」タブから改めて利用申請をしていただければ、引き続きご利用いただけます。"},
    {"Q4 更新後のライセンス料はいつ差し引かれますか？",
     "新しいライセンスが有効になる月の翌月、または翌々月に振り込まれる介護給付費から差し引かれます。"},
    {"Q5 申請 (更新) を取り消したいときはどうすればよいですか？",
     "利用規約により、申請 (更新を含む) の後の取消やキャンセルは、どのような場合もお受けしておりません。"
     "申請の前に確認画面で内容をよくお確かめください。"},
};

}  // namespace

void FaqView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::faq), core::screen_code(Screen::faq));
  message_banner(state, out);
  for (const auto& qa : faq) {
    text_colored(colors::primary, qa.question);
    text(qa.answer);
    ImGui::Spacing();
  }
}

}  // namespace careplan::ui
