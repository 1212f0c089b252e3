#include "automation.hpp"

#include <algorithm>

namespace careplan::ui {

void FrameRecord::begin_frame() {
    last_controls_.swap(current_controls_);
    current_controls_.clear();
    last_texts_.swap(current_texts_);
    current_texts_.clear();
    last_screen_ = current_screen_;
    current_focused_field_.clear();
}

void FrameRecord::control(std::string_view label, bool enabled) {
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    current_controls_.push_back({std::string(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                 draw->GetClipRectMin(), draw->GetClipRectMax(), enabled});
    current_texts_.emplace_back(label);
}

void FrameRecord::text(std::string_view text) { current_texts_.emplace_back(text); }

namespace {

const SeenControl* find_labelled(const std::vector<SeenControl>& controls, std::string_view label) {
    auto it = std::find_if(controls.begin(), controls.end(),
                           [&](const SeenControl& c) { return c.label == label; });
    return it == controls.end() ? nullptr : &*it;
}

}  // namespace

const SeenControl* FrameRecord::find_control(std::string_view label) const {
    return find_labelled(last_controls_, label);
}

const SeenControl* FrameRecord::find_drawn_control(std::string_view label) const {
    return find_labelled(current_controls_, label);
}

bool FrameRecord::shows_text(std::string_view needle) const {
    return std::any_of(last_texts_.begin(), last_texts_.end(),
                       [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

FrameRecord& frame_record() {
    static FrameRecord record;
    return record;
}

core::OperationRecord& operation_record() {
    static core::OperationRecord record{core::DemoLogin{}};
    return record;
}

core::FieldKind field_kind(std::string_view field) {
    using core::FieldKind;
    static constexpr std::pair<std::string_view, FieldKind> kinds[] = {
        {"user_id", FieldKind::user_id},
        {"password", FieldKind::password},
        {"applicant_name", FieldKind::name},
        {"applicant_kana", FieldKind::kana},
        {"email", FieldKind::email},
        {"email_confirm", FieldKind::email},
        {"reply_email", FieldKind::email},
        {"phone", FieldKind::phone},
        {"office_number", FieldKind::office_number},
        {"message", FieldKind::free_text},
        {"walkthrough_code", FieldKind::plain},
    };
    for (const auto& [name, kind] : kinds)
        if (name == field) return kind;
    return FieldKind::free_text;  // a field not listed is kept out of the record
}

}  // namespace careplan::ui
