#include <catch2/catch_test_macros.hpp>

#include "careplan/core/line_breaking.hpp"

using namespace careplan::core;

namespace {

// A full-width font: every Japanese character one unit, Latin half a unit.
float advance(char32_t cp) { return cp < 0x80 ? 0.5f : 1.0f; }

std::string broken(std::string_view text, float width) { return break_lines(text, width, advance); }

}  // namespace

TEST_CASE("line breaking: text that fits is left as it is", "[line_breaking]") {
    CHECK(broken("ログインしてください。", 11) == "ログインしてください。");
    CHECK(broken("", 5).empty());
    CHECK(broken("一行目\n二行目", 10) == "一行目\n二行目");  // its own breaks are kept
    CHECK(broken("trailing ", 20) == "trailing ");
}

TEST_CASE("line breaking: Japanese breaks between any two characters", "[line_breaking]") {
    CHECK(broken("あいうえおかきくけこ", 4) == "あいうえ\nおかきく\nけこ");
}

TEST_CASE("line breaking: 行頭禁則 takes a character along to the next line", "[line_breaking]") {
    // ImGui would start the second line with 。; the word before it goes along.
    CHECK(broken("申請しました。", 6) == "申請しまし\nた。");
    CHECK(broken("「はい」と答える", 3) == "「は\nい」と\n答える");
    CHECK(broken("あいっう", 2) == "あ\nいっ\nう");  // small kana
    // Nothing to take along but the first character: a forced break after all.
    CHECK(broken("チェックする", 2) == "チェ\nック\nする");
    CHECK(broken("データーを送る", 3) == "デー\nターを\n送る");  // ー
    // No room to take a character along: the punctuation hangs past the end.
    CHECK(broken("あ、い。う", 1) == "あ、\nい。\nう");
}

TEST_CASE("line breaking: 行末禁則 keeps an opening bracket with what it opens", "[line_breaking]") {
    CHECK(broken("ボタン「申請」", 4) == "ボタン\n「申請」");
    CHECK(broken("設定（推奨）", 3) == "設定\n（推\n奨）");
}

TEST_CASE("line breaking: Latin words stay whole and break at spaces", "[line_breaking]") {
    // 0.5 per Latin letter: "KJ00000001" is 5 wide.
    CHECK(broken("ユーザIDはKJ00000001です。", 7) == "ユーザIDは\nKJ00000001で\nす。");
    CHECK(broken("name@example.jp にお送りします", 8) == "name@example.jp\nにお送りします");
    CHECK(broken("the quick brown fox", 5) == "the quick\nbrown fox");
    // Wider than a line and no place to break: cut where it overflows.
    CHECK(broken("abcdefghij", 2) == "abcd\nefgh\nij");
}

TEST_CASE("line breaking: the spaces at a break go with it", "[line_breaking]") {
    CHECK(broken("あいう　えお", 3) == "あいう\nえお");
    CHECK(broken("one two", 2) == "one\ntwo");
}

TEST_CASE("line breaking: bytes that are not UTF-8 pass through", "[line_breaking]") {
    const std::string bad = "あ\xff\xfeい";
    CHECK(broken(bad, 10) == bad);
    const std::string cut = broken(bad, 1);
    std::string joined;
    for (char c : cut)
        if (c != '\n') joined += c;
    CHECK(joined == bad);
}

TEST_CASE("line breaking: no line is wider than asked unless one character is", "[line_breaking]") {
    const std::string text =
        "利用規約（第3条）に同意のうえ、「申請」ボタンを押してください。"
        "申請の受付後、登録のメールアドレス（例: office@example.jp）に完了のお知らせが届きます。";
    for (float width : {2.0f, 3.0f, 5.0f, 8.0f, 13.0f, 21.0f}) {
        INFO(width);
        const std::string out = broken(text, width);
        std::size_t from = 0;
        while (from <= out.size()) {
            const std::size_t end = std::min(out.find('\n', from), out.size());
            const std::string_view line = std::string_view(out).substr(from, end - from);
            float line_width = 0;
            int code_points = 0;
            for (unsigned char c : line) {
                if ((c & 0xC0) == 0x80) continue;
                line_width += c < 0x80 ? 0.5f : 1.0f;
                ++code_points;
            }
            // Over width only where nothing could break: one Latin word.
            if (line_width > width) CHECK(line.find_first_of(" ") == std::string_view::npos);
            CHECK(code_points > 0);
            from = end + 1;
        }
    }
}
