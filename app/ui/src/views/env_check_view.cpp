#include <imgui.h>

#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

struct OutcomeLook {
    ImVec4 color;
    std::string mark;  // drawn inside the round icon
};

OutcomeLook look_of(core::CheckOutcome outcome) {
    switch (outcome) {
        case core::CheckOutcome::ok: return {colors().ok_green, core::tr(texts::pc_check::mark_ok)};
        case core::CheckOutcome::warning: return {colors().amber, "!"};
        case core::CheckOutcome::ng: return {colors().error, core::tr(texts::pc_check::mark_ng)};
        case core::CheckOutcome::not_applicable: break;
    }
    return {colors().muted, "-"};
}

// A round coloured icon with a mark, then the outcome in words: never by
// colour alone.
void outcome_badge(const core::EnvCheckItem& item) {
    const OutcomeLook look = look_of(item.outcome);
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre{pos.x + size * 0.5f, pos.y + size * 0.55f};
    draw->AddCircleFilled(centre, size * 0.5f, ImGui::GetColorU32(look.color));
    const ImVec2 mark_size = ImGui::CalcTextSize(look.mark.c_str());
    draw->AddText({centre.x - mark_size.x / 2, centre.y - mark_size.y / 2},
                  ImGui::GetColorU32(colors().on_status), look.mark.c_str());
    ImGui::Dummy({size * 1.2f, size});
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, look.color);
    ImGui::TextUnformatted(("[" + item.label + "]").c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
}

core::TextKey fix_label(core::SettingsPage page) {
    switch (page) {
        case core::SettingsPage::region_format: return texts::pc_check::fix::region_format;
        case core::SettingsPage::default_apps: return texts::pc_check::fix::default_apps;
        case core::SettingsPage::windows_update: break;
    }
    return texts::pc_check::fix::windows_update;
}

// The one-click remedy: a button that opens the item's Windows page, and what
// happens next. Not on Linux (no page to open: the remedy text says what to
// do) and not where nothing needs fixing.
void fix_button(const core::State& state, const core::EnvCheckItem& item, Events& out) {
    if (!item.fix || !core::fix_launch(state, item)) return;
    ImGui::PushID(item.id.c_str());
    if (state.env_item_rechecking == item.id) {
        spinner();
        ImGui::SameLine();
        text_muted(core::tr(texts::pc_check::fix::rechecking));
    } else {
        if (button(core::tr(fix_label(*item.fix)), !state.env_check_running))
            out.push_back(core::event::OpenFixPage{item.id});
        ImGui::SameLine();
        text_muted(core::tr(state.env_fix_opened == item.id ? texts::pc_check::fix::opened
                                                            : texts::pc_check::fix::help));
    }
    ImGui::PopID();
}

void report_item(const core::State& state, const core::EnvCheckItem& item, Events& out) {
    outcome_badge(item);
    text(item.title);
    ImGui::Indent(ImGui::GetFontSize() * 1.8f);
    for (const auto& fact : item.facts) text_muted(fact);
    if (!item.remedy.empty())
        text_colored(colors().text, core::tr(texts::pc_check::remedy, {{"remedy", item.remedy}}));
    fix_button(state, item, out);
    ImGui::Unindent(ImGui::GetFontSize() * 1.8f);
    ImGui::Spacing();
}

}  // namespace

void EnvCheckView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::env_check, out);
    message_banner(state, out);
    text(core::tr(texts::pc_check::intro));
    const bool running = state.env_check_running;
    if (primary_button(core::tr(state.env_report ? texts::pc_check::again : texts::pc_check::start),
                       !running))
        out.push_back(core::event::RunEnvCheck{});
    if (running) {
        ImGui::SameLine();
        spinner();
        ImGui::SameLine();
        text_muted(core::tr(texts::pc_check::running));
    }
    if (!state.env_report) return;
    const core::EnvCheckResult& report = *state.env_report;
    if (core::version_notice_due(state)) {
        text_colored(colors().amber, core::tr(texts::pc_check::old_client));
        ImGui::SameLine();
        if (button(core::tr(texts::pc_check::show_steps))) out.push_back(core::event::OpenVersionNotice{});
    }
    // The items in a box of their own above the buttons; on a small window or
    // at a large text size, where that box would be a strip, they scroll
    // with the screen instead.
    const float footer = ImGui::GetFontSize() * 3.2f;
    const bool boxed = ImGui::GetContentRegionAvail().y - footer >= ImGui::GetFontSize() * 12.0f;
    if (boxed) ImGui::BeginChild("report", ImVec2{0, -footer}, ImGuiChildFlags_Borders);
    for (const auto& item : report.items) report_item(state, item, out);
    if (boxed) ImGui::EndChild();
    ImGui::Separator();
    if (button(core::tr(texts::pc_check::copy))) out.push_back(core::event::CopyText{report.text});
    ImGui::SameLine();
    if (button(core::tr(texts::pc_check::save)))
        out.push_back(core::event::SaveText{save_path_, report.text});
    ImGui::SameLine();
    text_muted(core::tr(texts::pc_check::saved_to, {{"path", save_path_}}));
}

}  // namespace careplan::ui
