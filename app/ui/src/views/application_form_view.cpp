#include <imgui.h>

#include "automation.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// A text to agree to, in a scrollable box; reported as read once its end was
// on screen, which is what unlocks its checkbox.
void agreement_text(const core::State& state, const core::TermsText& doc, core::Document which, bool& agreed,
                    Events& out) {
    text(core::tr(texts::form::document_title, {{"title", doc.title}, {"version", doc.version}}));
    const std::string id = "doc-" + doc.version + (which == core::Document::terms ? "-t" : "-p");
    ImGui::BeginChild(id.c_str(), ImVec2{0, ImGui::GetFontSize() * 7.0f}, ImGuiChildFlags_Borders);
    text(doc.text);
    // The scroll range is known only once the text was laid out (not on the
    // box's first frame, when a long text still looks as if it fitted).
    const bool at_end = !ImGui::IsWindowAppearing() && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    ImGui::EndChild();
    frame_record().control(doc.title, true);  // UI scripts scroll it by its title
    const bool enabled = core::agreement_enabled(state, which);
    if (at_end && !enabled) {
        out.push_back(core::event::DocumentReadToEnd{which});
        operation_record().scroll(doc.title);
    }
    const std::string label = core::tr(texts::form::agree, {{"title", doc.title}});
    checkbox(label, agreed, enabled);
    if (!enabled) text_muted(core::tr(texts::form::scroll_to_agree));
    const char* field = which == core::Document::terms ? "agree_terms" : "agree_privacy";
    if (auto it = state.form_errors.find(field); it != state.form_errors.end())
        error_text(it->second.message);
}

}  // namespace

void ApplicationFormView::draw(const core::State& state, Events& out) {
    using core::Screen;
    if (!loaded_) {
        input_ = state.form;
        loaded_ = true;
    }
    screen_header(state, core::Screen::application_form, out);
    message_banner(state, out);
    text(core::tr(texts::form::intro));
    // Fields on the left, the texts to agree to on the right: the whole form
    // fits a 1024x720 window without scrolling.
    const float footer = ImGui::GetFontSize() * 3.4f;
    const float left_width = ImGui::GetContentRegionAvail().x * 0.46f;
    ImGui::BeginChild("fields", ImVec2{left_width, -footer});
    const auto& errors = state.form_errors;
    // A field with its label and the example shown while it is empty.
    // Errors new to this view (確認画面へ here, or the service's answer after
    // S06 sent the form back), or the same ones again after another 確認画面へ
    // (whose Enter left the field): typing goes to the first wrong field.
    if (!errors.empty() && (errors != errors_seen_ || std::exchange(reviewed_, false)))
        focus_.request_first_error(
            errors, {"applicant_name", "applicant_kana", "email", "email_confirm", "phone", "office_number"});
    errors_seen_ = errors;
    auto field = [&](core::TextKey label, std::string& value, const char* name, core::TextKey hint) {
        focus_.before(name);
        input_field(core::tr(label), value, errors, name, 0, core::tr(hint).c_str(), 18);
    };
    field(texts::label::applicant_name, input_.applicant_name, "applicant_name",
          texts::form::applicant_name_hint);
    field(texts::label::applicant_kana, input_.applicant_kana, "applicant_kana",
          texts::form::applicant_kana_hint);
    field(texts::label::email, input_.email, "email", texts::form::email_hint);
    field(texts::form::email_confirm, input_.email_confirm, "email_confirm", texts::form::email_confirm_hint);
    field(texts::label::phone, input_.phone, "phone", texts::form::phone_hint);
    field(texts::label::office_number, input_.office_number, "office_number",
          texts::form::office_number_hint);
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
        waiting_indicator(state, core::tr(texts::form::loading_terms), out);
    }
    ImGui::EndChild();
    ImGui::Separator();
    // Enter submits the form to the review (S06 itself needs a deliberate press:
    // an application cannot be cancelled).
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    if ((primary_button(core::tr(texts::form::to_confirm), state.terms.has_value()) ||
         (enter && state.terms))) {
        out.push_back(core::event::ReviewApplication{input_});
        reviewed_ = true;
    }
    ImGui::SameLine();
    if (button(core::tr(texts::form::back))) out.push_back(core::event::Back{});
}

}  // namespace careplan::ui
