#pragma once
// Where Japanese text breaks into lines (禁則処理). ImGui wraps CJK text after
// any character, so a line could start with 。 or 」 and a 「 could end one;
// a Japanese reader takes that for a typo. The view measures, this decides.

#include <functional>
#include <string>
#include <string_view>

namespace careplan::core {

// The width of one code point in the font being drawn.
using Advance = std::function<float(char32_t)>;

// `text` (UTF-8) with a '\n' at each line break, so that no line is wider than
// `width`. Breaks fall between two characters of which one is Japanese, or
// after a space (which the break takes); never before closing punctuation,
// small kana or ー (行頭禁則), nor after an opening bracket (行末禁則), so
// such a character goes to the next line with its neighbour (追い出し). A word
// of Latin letters and digits (an ID, an address) stays whole unless it is
// wider than a line; so does anything that leaves no allowed break. Existing
// line breaks are kept; bytes that are not UTF-8 pass through unchanged.
std::string break_lines(std::string_view text, float width, const Advance& advance);

}  // namespace careplan::core
