#include <imgui.h>

#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {

void HelpdeskEntryView::open() {
    open_ = focus_ = true;
    wrong_ = false;
    code_.clear();
}

std::optional<core::WalkthroughSnapshot> HelpdeskEntryView::draw() {
    if (!open_) return std::nullopt;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2{0.5f, 0.5f});
    ImGui::SetNextWindowSize(ImVec2{std::min(em * 30.0f, viewport->WorkSize.x), 0.0f});
    ImGui::PushStyleColor(ImGuiCol_Border, colors().guide);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    ImGui::Begin("##helpdesk-entry", nullptr, flags);
    ImGui::SetWindowFocus();  // over the screen, and the keys go here
    text_large(core::tr(texts::helpdesk_view::title), colors().text);
    text(core::tr(texts::helpdesk_view::intro));
    if (std::exchange(focus_, false)) ImGui::SetKeyboardFocusHere();
    const std::string hint = core::tr(texts::helpdesk_view::code_hint);
    if (input_field(core::tr(texts::code::label), code_, {}, "walkthrough_code", 0, hint.c_str(), 14))
        wrong_ = false;
    if (wrong_) error_text(core::tr(texts::helpdesk_view::wrong));
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    std::optional<core::WalkthroughSnapshot> opened;
    if (primary_button(core::tr(texts::helpdesk_view::show)) || enter) {
        opened = core::decode_walkthrough_code(code_);
        wrong_ = !opened;
        open_ = !opened;
        focus_ = !opened;  // Enter left the field: the corrected code is typed into it again
    }
    ImGui::SameLine();
    if (button(core::tr(texts::helpdesk_view::close))) open_ = false;
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return opened;
}

bool helpdesk_banner(const std::string& code) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().guide_soft);
    ImGui::BeginChild("helpdesk-banner", ImVec2{0, 0}, ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
    text_colored(colors().guide, core::tr(texts::helpdesk_view::banner));
    text(core::tr(texts::code::line, {{"code", core::display_walkthrough_code(code)}}));
    ImGui::SameLine();
    const bool other = button(core::tr(texts::helpdesk_view::other));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return other;
}

}  // namespace careplan::ui
