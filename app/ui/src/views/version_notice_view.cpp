#include <imgui.h>

#include "careplan/core/date.hpp"
#include "careplan/core/version.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

void steps(const char* heading, std::initializer_list<const char*> lines) {
  text_colored(colors::primary, heading);
  int n = 1;
  for (const char* line : lines) text(std::to_string(n++) + ". " + line);
  ImGui::Spacing();
}

}  // namespace

void VersionNoticeView::draw(const core::State& state, Events& out) {
  using core::Screen;
  screen_header(core::screen_title(Screen::version_notice), core::screen_code(Screen::version_notice));
  message_banner(state, out);
  const std::string latest =
      state.notice ? state.notice->latest_client_version : std::string(core::latest_client_version);
  const std::string released = state.notice ? core::format_wareki(state.notice->released_on) + "(" +
                                                  std::string(core::weekday_japanese(state.notice->released_on)) + ")"
                                            : "令和6年2月28日(水)";
  text(released + "から、パソコンにインストールして使う『ケアプラン連携クライアントアプリケーション ver" +
       latest + "』が公開されています。まだバージョンアップしていない場合は、次の手順でバージョンアップしてください。");
  if (state.installed_client_version)
    text_colored(colors::amber, "このパソコンに入っているバージョン: ver" + *state.installed_client_version);
  ImGui::Spacing();
  steps("手順1 古いアプリケーションのアンインストール",
        {"Windows のスタートボタンから「コントロール パネル」を開く",
         "「プログラムのアンインストール」をクリックする",
         "一覧の「ケアプランデータ連携システム」をクリックし、アンインストールを実行する"});
  steps("手順2 新しいアプリケーションのインストール",
        {"製品ダウンロードページで必要な情報を入力する",
         "製品ダウンロードから新しいアプリケーションをダウンロードする",
         "ダウンロードしたファイルを開き、画面の案内に従ってインストールする"});
}

}  // namespace careplan::ui
