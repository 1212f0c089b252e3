#pragma once
// The guide overlay (ガイド, F1): on the help desk's phone call, both sides
// must see and name the same control. Each screen numbers the controls the
// guide can point at (①, ②, … drawn beside them while the guide is on), and
// the guide names the next one to use in the current 手順 with a one-line
// hint, or, where the next step is impossible, why and what to do instead.
//
// Pure: the views draw the marks where their controls are (found by label)
// and pass what is being typed, which the flow does not know yet.

#include <optional>
#include <string>
#include <vector>

#include "careplan/core/flow.hpp"

namespace careplan::core {

// A control the guide can name: "S05 の ③ 電話番号" is (screen S05, 3, 電話番号).
// `label` is the control's visible label, by which the view finds it.
struct GuideMark {
    int number = 0;
    std::string label;
    friend bool operator==(const GuideMark&, const GuideMark&) = default;
};

// What the views hold that the state does not: the fields as typed so far.
struct GuideDraft {
    bool user_id_typed = false;  // S01
    bool password_typed = false;
    ApplicationInput form;  // S05, raw
    InquiryInput inquiry;   // S10's 問い合わせフォーム, raw, without its attachment
};

struct GuideHint {
    std::optional<GuideMark> target;  // the control to frame; none when there is nothing to press
    std::string text;                 // Japanese, one line
    bool blocked = false;             // the next step is impossible now (the text says why)
    friend bool operator==(const GuideHint&, const GuideHint&) = default;
};

// The numbered controls of the current screen, in reading order.
std::vector<GuideMark> guide_marks(const State& state);

// The next control of the current step and its hint.
GuideHint guide_hint(const State& state, const GuideDraft& draft);

// "③" for 3 (1..20); "(21)" beyond.
std::string circled_number(int number);

}  // namespace careplan::core
