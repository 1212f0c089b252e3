#include <imgui.h>

#include "careplan/core/text_keys.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

struct QandA {
    core::TextKey question;
    core::TextKey answer;
};

// The manual's FAQ, answered in our own words (assets/texts/faq.txt).
constexpr QandA faq[] = {
    {texts::faq::q1, texts::faq::a1}, {texts::faq::q2, texts::faq::a2}, {texts::faq::q3, texts::faq::a3},
    {texts::faq::q4, texts::faq::a4}, {texts::faq::q5, texts::faq::a5},
};

}  // namespace

void FaqView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::faq, out);
    message_banner(state, out);
    for (const auto& qa : faq) {
        text_colored(colors().primary, core::tr(qa.question));
        text(core::tr(qa.answer));
        ImGui::Spacing();
    }
}

}  // namespace careplan::ui
