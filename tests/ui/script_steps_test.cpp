// --ui-script files: the steps parsed, and mistakes told by line.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "script_steps.hpp"

using careplan::ui::parse_ui_script;
using careplan::ui::ScriptStep;

namespace {
// The parse's message, "" when the script parsed.
std::string mistake_in(const std::string& script) {
    std::string error;
    return parse_ui_script(script, error) ? "" : error;
}
}  // namespace

TEST_CASE("a script's steps keep their line, label and typed text") {
    std::string error;
    const auto steps =
        parse_ui_script("# login\n\nclick  ログイン \ntype 利用者 ID = a = b\r\nwait-idle\n", error);
    REQUIRE(steps);
    REQUIRE(steps->size() == 3);
    CHECK((*steps)[0] == ScriptStep{3, "click", "ログイン", ""});
    CHECK((*steps)[1] == ScriptStep{4, "type", "利用者 ID", "a = b"});
    CHECK((*steps)[2] == ScriptStep{5, "wait-idle", "", ""});
}

TEST_CASE("a label is split from its text at the first '=' with white space on both sides") {
    std::string error;
    // A tab counts as white space: the label is "a", not "a =" (which,
    // written back as "a = = x", would read as "a" and "= x").
    const auto steps = parse_ui_script("type a =\t = x\npaste b\t=\ty\n", error);
    REQUIRE(steps);
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0] == ScriptStep{1, "type", "a", " = x"});
    CHECK((*steps)[1] == ScriptStep{2, "paste", "b", "y"});
    CHECK_FALSE(mistake_in("type a=b\n").empty());
}

TEST_CASE("a script's mistakes name their line") {
    CHECK(mistake_in("click OK\njump there\n").starts_with("2"));
    CHECK(mistake_in("click\n").starts_with("1"));
    CHECK(mistake_in("type label only\n").starts_with("1"));
    CHECK(mistake_in("key Ctrl+Z\n").find("Ctrl+Z") != std::string::npos);
    // A word after a command that takes none is a mistake, not ignored.
    CHECK(mistake_in("\nwait-idle 5\n").starts_with("2"));
}

TEST_CASE("content scales outside 1 to 4, and not numbers, are refused") {
    CHECK(mistake_in("content-scale 2\n").empty());
    CHECK_FALSE(mistake_in("content-scale 4.5\n").empty());
    CHECK_FALSE(mistake_in("content-scale 2x\n").empty());
    CHECK_FALSE(mistake_in("content-scale nan\n").empty());  // NaN compared false with both limits
}

TEST_CASE("a script larger than the limit is refused whole") {
    const std::string big(careplan::ui::max_script_size + 1, '#');
    CHECK_FALSE(mistake_in(big).empty());
    CHECK(mistake_in(std::string(careplan::ui::max_script_size, '#')).empty());
}
