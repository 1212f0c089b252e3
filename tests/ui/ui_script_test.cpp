// The UI script language and the command line's test flags: what the Wine
// IME test (tests/gui/ime.uis) relies on.

#include <catch2/catch_test_macros.hpp>

#include "command_line.hpp"
#include "ui_script.hpp"

using namespace careplan::ui;

TEST_CASE("move-window takes two whole numbers of pixels, either way, within bounds") {
    std::string error;
    const auto steps = parse_ui_script("wait-screen S05\nmove-window 60 -40\n", error);
    REQUIRE(steps);
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[1].command == "move-window");
    CHECK((*steps)[1].argument == "60 -40");
    for (const char* bad : {"move-window 60", "move-window", "move-window a b", "move-window 1 2 3",
                            "move-window 2001 0", "move-window 0 -2001", "move-window 1.5 2"}) {
        error.clear();
        CHECK_FALSE(parse_ui_script(bad, error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("--ime-trace takes the trace file and is left out of --help") {
    const CommandLine cl = parse_command_line({"--ime-trace", "trace.txt", "--ui-script", "ime.uis"});
    CHECK(cl.error.empty());
    CHECK(cl.ime_trace == "trace.txt");
    CHECK_FALSE(parse_command_line({"--ime-trace"}).error.empty());
    CHECK(usage_text().find("--ime-trace") == std::string::npos);
}
