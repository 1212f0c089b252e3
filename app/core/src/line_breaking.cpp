#include "careplan/core/line_breaking.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "utf8.hpp"

namespace careplan::core {
namespace {

// 行頭禁則: closing brackets and quotes, sentence punctuation, small kana,
// iteration marks and the long vowel mark never start a line:
// 、。，．・：；？！゛゜ー‐–—…‥〜～）〕］｝〉》」』】〙〗〟’”ヽヾゝゞ々〻
// ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)]},.:;!?%％
constexpr char32_t no_line_start[] = {
    U'\u3001', U'\u3002', U'\uFF0C', U'\uFF0E', U'\u30FB', U'\uFF1A', U'\uFF1B', U'\uFF1F', U'\uFF01',
    U'\u309B', U'\u309C', U'\u30FC', U'\u2010', U'\u2013', U'\u2014', U'\u2026', U'\u2025', U'\u301C',
    U'\uFF5E', U'\uFF09', U'\u3015', U'\uFF3D', U'\uFF5D', U'\u3009', U'\u300B', U'\u300D', U'\u300F',
    U'\u3011', U'\u3019', U'\u3017', U'\u301F', U'\u2019', U'\u201D', U'\u30FD', U'\u30FE', U'\u309D',
    U'\u309E', U'\u3005', U'\u303B', U'\u3041', U'\u3043', U'\u3045', U'\u3047', U'\u3049', U'\u3063',
    U'\u3083', U'\u3085', U'\u3087', U'\u308E', U'\u3095', U'\u3096', U'\u30A1', U'\u30A3', U'\u30A5',
    U'\u30A7', U'\u30A9', U'\u30C3', U'\u30E3', U'\u30E5', U'\u30E7', U'\u30EE', U'\u30F5', U'\u30F6',
    U')',      U']',      U'}',      U',',      U'.',      U':',      U';',      U'!',      U'?',
    U'%',      U'\uFF05'};
// 句読点 (、。，．), the only characters that may hang past a full line (ぶら下げ).
constexpr char32_t may_hang[] = {U'\u3001', U'\u3002', U'\uFF0C', U'\uFF0E'};
// 行末禁則: opening brackets and quotes never end one: （〔［｛〈《「『【〘〖〝‘“([{
constexpr char32_t no_line_end[] = {U'\uFF08', U'\u3014', U'\uFF3B', U'\uFF5B', U'\u3008', U'\u300A',
                                    U'\u300C', U'\u300E', U'\u3010', U'\u3018', U'\u3016', U'\u301D',
                                    U'\u2018', U'\u201C', U'(',      U'[',      U'{'};

template <std::size_t N>
bool in(const char32_t (&set)[N], char32_t cp) {
    return std::find(std::begin(set), std::end(set), cp) != std::end(set);
}

// Characters set one by one (kana, kanji, full-width forms and the symbols a
// Japanese font draws full width): a line may break between any two of them.
bool is_wide(char32_t cp) {
    return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp < utf8::raw_byte_base);
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\u3000'; }

struct Unit {
    char32_t code_point;
    std::string_view bytes;
    float width;
};

// May a line start at units[i] (i > 0)?
bool may_break_before(const std::vector<Unit>& units, std::size_t i) {
    const char32_t before = units[i - 1].code_point;
    const char32_t here = units[i].code_point;
    if (is_space(here) || in(no_line_start, here)) return false;
    if (is_space(before)) return true;
    if (in(no_line_end, before)) return false;
    return is_wide(before) || is_wide(here);
}

std::vector<Unit> units_of(std::string_view line, const Advance& advance) {
    std::vector<Unit> units;
    utf8::for_each(line, [&](const utf8::Step& step, std::string_view bytes) {
        const char32_t cp =
            step.valid ? step.code_point : utf8::raw_byte_base + static_cast<unsigned char>(bytes[0]);
        units.push_back({cp, bytes, advance(step.valid ? step.code_point : U'\uFFFD')});
    });
    return units;
}

// Fills lines greedily; a full line ends at its latest allowed break.
class Paragraph {
  public:
    Paragraph(std::string_view text, const Advance& advance) : units_(units_of(text, advance)) {}

    void break_into(std::string& out, float width) {
        for (std::size_t i = 0; i < units_.size(); ++i) {
            note_break(i);
            if (overflows(i, width)) next_line(out, i);
            line_width_ += units_[i].width;
        }
        append(out, start_, units_.size());
    }

  private:
    void note_break(std::size_t i) {
        if (i > start_ && may_break_before(units_, i)) last_break_ = i;
    }

    bool overflows(std::size_t i, float width) const {
        if (i == start_ || is_space(units_[i].code_point) || line_width_ + units_[i].width <= width)
            return false;
        // With no break allowed on the line, 、 or 。 hangs past its end
        // (ぶら下げ) rather than start the next.
        return last_break_ > start_ || !in(may_hang, units_[i].code_point);
    }

    // Ends the line at its latest allowed break (at units_[i] if it has none)
    // and fills the next one with what came after, up to units_[i].
    void next_line(std::string& out, std::size_t i) {
        const std::size_t end = last_break_ > start_ ? last_break_ : i;
        std::size_t shown = end;  // the spaces before a break go with it
        while (shown > start_ && is_space(units_[shown - 1].code_point)) --shown;
        append(out, start_, shown);
        out += '\n';
        start_ = end;
        while (start_ < i && is_space(units_[start_].code_point)) ++start_;
        line_width_ = 0;
        last_break_ = 0;
        for (std::size_t j = start_; j < i; ++j) {
            note_break(j);
            line_width_ += units_[j].width;
        }
        note_break(i);
    }

    void append(std::string& out, std::size_t from, std::size_t to) const {
        for (std::size_t i = from; i < to; ++i) out += units_[i].bytes;
    }

    std::vector<Unit> units_;
    std::size_t start_ = 0;       // of the line being filled
    std::size_t last_break_ = 0;  // the latest place after start_ where it may end; 0 for none
    float line_width_ = 0;
};

}  // namespace

std::string break_lines(std::string_view text, float width, const Advance& advance) {
    if (!(width > 0)) return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (std::size_t from = 0;;) {
        const std::size_t newline = text.find('\n', from);
        const std::size_t length = newline == std::string_view::npos ? newline : newline - from;
        Paragraph(text.substr(from, length), advance).break_into(out, width);
        if (newline == std::string_view::npos) return out;
        out += '\n';
        from = newline + 1;
    }
}

}  // namespace careplan::core
