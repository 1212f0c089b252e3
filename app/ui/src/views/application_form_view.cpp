#include <imgui.h>

#include "automation.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// A text to agree to, in a scrollable box; reported as read once its end was
// on screen, which is what unlocks its checkbox.
void agreement_text(const core::State& state, const core::TermsText& doc, core::Document which,
                    bool& agreed, Events& out) {
  text(doc.title + " (版 " + doc.version + ")");
  const std::string id = "doc-" + doc.version + (which == core::Document::terms ? "-t" : "-p");
  ImGui::BeginChild(id.c_str(), ImVec2{0, ImGui::GetFontSize() * 7.0f}, ImGuiChildFlags_Borders);
  text(doc.text);
  // The scroll range is known only once the text was laid out (not on the
  // box's first frame, when a long text still looks as if it fitted).
  const bool at_end = !ImGui::IsWindowAppearing() && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
  ImGui::EndChild();
  frame_record().control(doc.title, true);  // UI scripts scroll it by its title
  const bool enabled = core::agreement_enabled(state, which);
  if (at_end && !enabled) out.push_back(core::event::DocumentReadToEnd{which});
  const std::string label = doc.title + "に同意する";
  checkbox(label, agreed, enabled);
  if (!enabled) text_muted("本文を最後までスクロールすると選べます");
  const char* field = which == core::Document::terms ? "agree_terms" : "agree_privacy";
  if (auto it = state.form_errors.find(field); it != state.form_errors.end()) error_text(it->second.message);
}

}  // namespace

void ApplicationFormView::draw(const core::State& state, Events& out) {
  using core::Screen;
  if (!loaded_) {
    input_ = state.form;
    loaded_ = true;
  }
  screen_header(core::screen_title(Screen::application_form), core::screen_code(Screen::application_form),
                core::manual_step(Screen::application_form));
  message_banner(state, out);
  text("必要な情報を入力し、利用規約と個人情報の取り扱いを最後まで読んでから、それぞれに同意してください。");
  // Fields on the left, the texts to agree to on the right: the whole form
  // fits a 1024x720 window without scrolling.
  const float footer = ImGui::GetFontSize() * 3.4f;
  const float left_width = ImGui::GetContentRegionAvail().x * 0.46f;
  ImGui::BeginChild("fields", ImVec2{left_width, -footer});
  const auto& errors = state.form_errors;
  input_field("申請者氏名", input_.applicant_name, errors, "applicant_name", 0, "例: 介護 花子", 18);
  input_field("フリガナ", input_.applicant_kana, errors, "applicant_kana", 0,
              "全角カタカナ (ひらがなも可) 例: カイゴ ハナコ", 18);
  input_field("メールアドレス", input_.email, errors, "email", 0, "例: office@example.jp", 18);
  input_field("メールアドレス (確認)", input_.email_confirm, errors, "email_confirm", 0,
              "確認のため、もう一度入力してください", 18);
  input_field("電話番号", input_.phone, errors, "phone", 0, "数字とハイフン 例: 03-1234-5678", 18);
  input_field("事業所番号", input_.office_number, errors, "office_number", 0, "10桁の数字", 18);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("agreements", ImVec2{0, -footer});
  if (state.terms) {
    input_.terms_version = state.terms->terms.version;
    input_.privacy_version = state.terms->privacy.version;
    agreement_text(state, state.terms->terms, core::Document::terms, input_.agree_terms, out);
    ImGui::Spacing();
    agreement_text(state, state.terms->privacy, core::Document::privacy, input_.agree_privacy, out);
  } else {
    waiting_indicator(state, "利用規約を読み込んでいます…", out);
  }
  ImGui::EndChild();
  ImGui::Separator();
  // Enter submits the form to the review (S06 itself needs a deliberate press:
  // an application cannot be cancelled).
  const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
  if ((primary_button("確認画面へ", state.terms.has_value()) || (enter && state.terms)))
    out.push_back(core::event::ReviewApplication{input_});
  ImGui::SameLine();
  if (button("戻る")) out.push_back(core::event::Back{});
}

}  // namespace careplan::ui
