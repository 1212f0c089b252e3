#include "automation.hpp"

#include <algorithm>

namespace careplan::ui {

void FrameRecord::begin_frame() {
    last_controls_.swap(current_controls_);
    current_controls_.clear();
    last_texts_.swap(current_texts_);
    current_texts_.clear();
    last_screen_ = current_screen_;
}

void FrameRecord::control(std::string_view label, bool enabled) {
    current_controls_.push_back(
        {std::string(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), enabled});
    current_texts_.emplace_back(label);
}

void FrameRecord::text(std::string_view text) { current_texts_.emplace_back(text); }

const SeenControl* FrameRecord::find_control(std::string_view label) const {
    auto it = std::find_if(last_controls_.begin(), last_controls_.end(),
                           [&](const SeenControl& c) { return c.label == label; });
    return it == last_controls_.end() ? nullptr : &*it;
}

bool FrameRecord::shows_text(std::string_view needle) const {
    return std::any_of(last_texts_.begin(), last_texts_.end(),
                       [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

FrameRecord& frame_record() {
    static FrameRecord record;
    return record;
}

}  // namespace careplan::ui
