#pragma once
// Building blocks shared by the views, so every screen looks and behaves alike.
#include <imgui.h>

#include <string_view>

namespace careplan::ui {

// The screen's heading, with its code (S01…) and the manual's step (手順) small
// on the right, so that the help desk and a caller can name the screen.
void screen_header(std::string_view title, std::string_view code, std::string_view step = {});

// The one primary action of a screen: large and coloured. True when pressed.
bool primary_button(const char* label, bool enabled = true);

void text_colored(const ImVec4& color, std::string_view text);
void text_wrapped(std::string_view text);
void text_muted(std::string_view text);

}  // namespace careplan::ui
