#include <imgui.h>

#include <algorithm>

#include "automation.hpp"
#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

// The number on a round badge at the control's top-left corner: outside the
// text of fields and buttons, and clear of a neighbour on the same line.
void number_badge(ImDrawList* draw, const SeenControl& control, int number) {
    const float em = ImGui::GetFontSize();
    const ImVec2 centre{control.min.x, control.min.y};
    const std::string digits = std::to_string(number);
    const ImVec2 size = ImGui::CalcTextSize(digits.c_str());
    const float radius = std::max(size.x, size.y) * 0.5f + em * 0.15f;
    draw->AddCircleFilled(centre, radius, ImGui::GetColorU32(colors().guide));
    draw->AddText(ImVec2{centre.x - size.x * 0.5f, centre.y - size.y * 0.5f},
                  ImGui::GetColorU32(colors().on_status), digits.c_str());
}

void target_frame(ImDrawList* draw, const SeenControl& control) {
    const float pad = ImGui::GetFontSize() * 0.25f;
    draw->AddRect(ImVec2{control.min.x - pad, control.min.y - pad},
                  ImVec2{control.max.x + pad, control.max.y + pad}, ImGui::GetColorU32(colors().guide), pad,
                  0, pad * 0.8f);
}

// The hint in a small window under the target (above it near the bottom),
// or at the bottom of the window when there is nothing to point at.
void hint_window(const std::string& hint, const std::string& code, const SeenControl* target) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float bottom = viewport->WorkPos.y + viewport->WorkSize.y;
    if (!target) {
        ImGui::SetNextWindowPos(ImVec2{viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, bottom - em * 0.5f},
                                ImGuiCond_Always, ImVec2{0.5f, 1.0f});
    } else if (target->max.y + em * 4.5f < bottom) {
        ImGui::SetNextWindowPos(ImVec2{target->min.x, target->max.y + em * 0.5f});
    } else {
        ImGui::SetNextWindowPos(ImVec2{target->min.x, target->min.y - em * 0.5f}, ImGuiCond_Always,
                                ImVec2{0.0f, 1.0f});
    }
    // As wide as the hint, up to 30 characters; then it wraps (height 0: fit).
    const float padding = ImGui::GetStyle().WindowPadding.x * 2;
    const float width =
        std::min({ImGui::CalcTextSize(hint.c_str()).x + padding, em * 30.0f, viewport->WorkSize.x});
    ImGui::SetNextWindowSize(ImVec2{width, 0.0f});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors().guide_soft);
    ImGui::PushStyleColor(ImGuiCol_Border, colors().guide);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                       ImGuiWindowFlags_NoInputs;
    ImGui::Begin("##guide", nullptr, flags);
    text(hint);
    text_muted(core::tr(texts::code::line, {{"code", core::display_walkthrough_code(code)}}));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace

void GuideOverlay::draw(const core::State& state, const core::GuideDraft& draft, const std::string& code) {
    const core::GuideHint hint = core::guide_hint(state, draft);
    const SeenControl* target = hint.target ? frame_record().find_drawn_control(hint.target->label) : nullptr;
    // The marks in a transparent window of their own over the screen, so that
    // the hint's window, begun after it, stays above them.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    ImGui::Begin("##guide-marks", nullptr, flags);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRectFullScreen();
    for (const core::GuideMark& mark : core::guide_marks(state))
        if (const SeenControl* control = frame_record().find_drawn_control(mark.label))
            number_badge(draw, *control, mark.number);
    if (target) target_frame(draw, *target);
    draw->PopClipRect();
    ImGui::End();
    hint_window(hint.text, code, target);
}

}  // namespace careplan::ui
