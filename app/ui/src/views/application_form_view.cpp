#include <imgui.h>
#include <imgui_internal.h>  // ScrollToRect: through the screen as well

#include <utility>

#include "automation.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// A text to agree to, in a scrollable box; reported as read once its end was
// on screen, which is what unlocks its checkbox. `show_error` scrolls its
// error (if any, of `errors`) into view, and is used up by that.
void agreement_text(const core::State& state, const core::FieldErrors& errors, const core::TermsText& doc,
                    core::Document which, bool& agreed, bool& show_error, Events& out) {
    text(core::tr(texts::form::document_title, {{"title", doc.title}, {"version", doc.version}}));
    const std::string id = "doc-" + doc.version + (which == core::Document::terms ? "-t" : "-p");
    ImGui::BeginChild(id.c_str(), ImVec2{0, ImGui::GetFontSize() * 7.0f}, ImGuiChildFlags_Borders);
    text(doc.text);
    const bool scrolled_to_end = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    const bool appearing = ImGui::IsWindowAppearing();
    ImGui::EndChild();
    // Read to the end: scrolled to the end with the box's bottom on screen.
    // The scroll range is known only once the text was laid out: not on the
    // box's first frame, and not while the form had it scrolled out of view
    // (a long text then looks as if it fitted), hence also the frame before.
    const float bottom = ImGui::GetItemRectMax().y;
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool end_on_screen = bottom <= draw->GetClipRectMax().y + 1.0f && bottom > draw->GetClipRectMin().y;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID seen_key = ImGui::GetID((id + "-end-on-screen").c_str());
    const bool at_end = end_on_screen && storage->GetBool(seen_key) && !appearing && scrolled_to_end;
    storage->SetBool(seen_key, end_on_screen);
    frame_record().control(doc.title, true);  // UI scripts scroll it by its title
    const bool enabled = core::agreement_enabled(state, which);
    if (at_end && !enabled) {
        out.push_back(core::event::DocumentReadToEnd{which});
        operation_record().scroll(doc.title);
    }
    const std::string label = core::tr(texts::form::agree, {{"title", doc.title}});
    checkbox(label, agreed, enabled);
    const ImVec2 checkbox_top = ImGui::GetItemRectMin();
    if (!enabled) text_muted(core::tr(texts::form::scroll_to_agree));
    const char* field = which == core::Document::terms ? "agree_terms" : "agree_privacy";
    if (auto it = errors.find(field); it != errors.end()) {
        error_text(it->second.message);
        // The checkbox and its message into view, in their box and (in one
        // column) in the screen around it.
        if (std::exchange(show_error, false))
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect{checkbox_top, ImGui::GetItemRectMax()},
                                ImGuiScrollFlags_KeepVisibleEdgeY);
    }
}

}  // namespace

void ApplicationFormView::draw(const core::State& state, Events& out) {
    if (!loaded_) {
        input_ = state.form;
        loaded_ = true;
    }
    screen_header(state, core::Screen::application_form, out);
    message_banner(state, out);
    text(core::tr(texts::form::intro));
    // Errors new to this view (確認画面へ here, or the service's answer after
    // S06 sent the form back), or the same ones again after another 確認画面へ
    // (whose Enter left the field): typing goes to the first wrong field, or
    // the first unticked agreement's message is scrolled into view.
    const auto& errors = state.form_errors;
    bool show_agreement_error = false;
    if (!errors.empty() && (errors != errors_seen_ || std::exchange(reviewed_, false)))
        show_agreement_error = !focus_.request_first_error(
            errors, {"applicant_name", "applicant_kana", "email", "email_confirm", "phone", "office_number"});
    errors_seen_ = errors;
    // Fields on the left, the texts to agree to on the right: the whole form
    // fits a 1024x720 window without scrolling. A smaller window or larger
    // text (800x600 at 150 %) gets one column that scrolls as a whole, as two
    // columns would leave each a strip. Both layouts use the same two boxes
    // (in one column as tall as their content), so that a zoom or a resize
    // across the line keeps the field being typed in.
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool two_columns = avail.x >= em * 46.0f && avail.y >= em * 20.0f;
    const float footer = em * 3.4f;
    const ImVec2 box = two_columns ? ImVec2{0, -footer} : ImVec2{0, 0};
    const ImGuiChildFlags flow = two_columns ? ImGuiChildFlags_None : ImGuiChildFlags_AutoResizeY;
    ImGui::BeginChild("fields", two_columns ? ImVec2{avail.x * 0.46f, -footer} : box, flow);
    // A corrected field's message goes at once; new ones wait for the review.
    const core::FieldErrors standing = core::standing_errors(errors, state.form, input_);
    draw_fields(standing);
    ImGui::EndChild();
    if (two_columns) ImGui::SameLine();
    ImGui::BeginChild("agreements", box, flow);
    draw_agreements(state, standing, show_agreement_error, out);
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

void ApplicationFormView::draw_fields(const core::FieldErrors& errors) {
    // A field with its label and the example shown while it is empty.
    auto field = [&](core::TextKey label, std::string& value, const char* name, core::TextKey hint) {
        focus_.before(name);
        input_field(core::tr(label), value, errors, name, 0, core::tr(hint).c_str(), 24);
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
}

void ApplicationFormView::draw_agreements(const core::State& state, const core::FieldErrors& errors,
                                          bool show_error, Events& out) {
    if (!state.terms) {
        waiting_indicator(state, core::tr(texts::form::loading_terms), out);
        return;
    }
    input_.terms_version = state.terms->terms.version;
    input_.privacy_version = state.terms->privacy.version;
    agreement_text(state, errors, state.terms->terms, core::Document::terms, input_.agree_terms, show_error,
                   out);
    ImGui::Spacing();
    agreement_text(state, errors, state.terms->privacy, core::Document::privacy, input_.agree_privacy,
                   show_error, out);
}

}  // namespace careplan::ui
