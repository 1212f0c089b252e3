#include "views/login_view.hpp"

#include <imgui.h>

#include "theme.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void LoginView::draw() {
  screen_header("ログイン", "S01", "手順1");
  text_wrapped("「電子請求受付システム」で使っている、KJから始まるユーザIDとパスワードを入力してください。");
  ImGui::Spacing();

  const float field_width = ImGui::GetFontSize() * 20.0f;
  ImGui::TextUnformatted("ユーザID");
  ImGui::SetNextItemWidth(field_width);
  ImGui::InputTextWithHint("##user_id", "例: KJ00000001", user_id_.data(), user_id_.size());

  ImGui::TextUnformatted("パスワード");
  ImGui::SetNextItemWidth(field_width);
  const ImGuiInputTextFlags flags = show_password_ ? 0 : ImGuiInputTextFlags_Password;
  ImGui::InputText("##password", password_.data(), password_.size(), flags);
  ImGui::SameLine();
  ImGui::Checkbox("表示する", &show_password_);

  ImGui::Spacing();
  primary_button("ログイン");

  ImGui::Spacing();
  ImGui::Separator();
  text_muted("ログインできない場合: ヘルプデスク 0120-584-708 (受付時間 9:00〜17:00、土日祝日を除く)");
}

}  // namespace careplan::ui
