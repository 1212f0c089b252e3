// S08's one-click remedies in the flow: the button opens the item's Windows
// page; when the user comes back to the window only that item is checked
// again, and its result replaces the old one.
#include <catch2/catch_test_macros.hpp>

#include "careplan/core/flow.hpp"
#include "flow_support.hpp"

using namespace careplan::core;
using namespace careplan::core::test;

namespace {

const WindowsBuild windows10_22h2{10, 0, 19045};

EnvCheckItem item(std::string id, CheckOutcome outcome, std::optional<SettingsPage> fix = std::nullopt) {
    EnvCheckItem item;
    item.id = std::move(id);
    item.title = item.id;
    item.outcome = outcome;
    item.label = outcome == CheckOutcome::ng ? "NG" : outcome == CheckOutcome::warning ? "注意" : "OK";
    item.fix = fix;
    return item;
}

// A Windows 10 PC set to 和暦 whose Acrobat is not the .pdf handler.
EnvCheckResult report_on(std::optional<WindowsBuild> windows) {
    EnvCheckResult report;
    report.overall = CheckOutcome::ng;
    report.items = {item("os", CheckOutcome::ok),
                    item("calendar", CheckOutcome::ng, SettingsPage::region_format),
                    item("pdf", CheckOutcome::warning, SettingsPage::default_apps)};
    report.text = "old report";
    report.windows = windows;
    return report;
}

State checked(std::optional<WindowsBuild> windows = windows10_22h2) {
    return run(initial_state(start_time), {event::SelectTab{Screen::env_check}, event::RunEnvCheck{},
                                           event::EnvCheckFinished{report_on(windows), std::nullopt}})
        .state;
}

const EnvCheckItem& item_in(const State& state, const std::string& id) {
    for (const auto& i : state.env_report->items)
        if (i.id == id) return i;
    FAIL("no item " << id);
    throw;
}

}  // namespace

TEST_CASE("S08: a fixable item's button opens its page, chosen by the Windows build", "[flow][remedy]") {
    const State state = checked();
    CHECK(fix_launch(state, item_in(state, "calendar")) ==
          SettingsLaunch{"ms-settings:regionformatting", ""});
    CHECK(fix_launch(state, item_in(state, "pdf")) == SettingsLaunch{"ms-settings:defaultapps", ""});
    CHECK_FALSE(fix_launch(state, item_in(state, "os")));  // nothing to fix: no button

    const auto t = next(state, event::OpenFixPage{"calendar"});
    CHECK(only<effect::OpenSettingsPage>(t.effects).launch ==
          SettingsLaunch{"ms-settings:regionformatting", ""});
    CHECK(t.state.env_fix_opened == "calendar");

    const State windows7 = checked(WindowsBuild{6, 1, 7601});
    CHECK(only<effect::OpenSettingsPage>(next(windows7, event::OpenFixPage{"calendar"}).effects).launch ==
          SettingsLaunch{"control.exe", "intl.cpl"});
}

TEST_CASE("S08: no remedy button where there is no Windows page to open", "[flow][remedy]") {
    const State linux_pc = checked(std::nullopt);
    CHECK_FALSE(fix_launch(linux_pc, item_in(linux_pc, "calendar")));
    const auto t = next(linux_pc, event::OpenFixPage{"calendar"});
    CHECK(t.effects.empty());
    CHECK_FALSE(t.state.env_fix_opened);
    // Unknown items and items without a fix open nothing either.
    CHECK(next(checked(), event::OpenFixPage{"os"}).effects.empty());
    CHECK(next(checked(), event::OpenFixPage{"no-such-item"}).effects.empty());
}

TEST_CASE("S08: coming back to the window re-checks only the item that was opened", "[flow][remedy]") {
    auto t = next(checked(), event::OpenFixPage{"calendar"});
    t = next(t.state, event::WindowFocused{});
    CHECK(only<effect::RecheckEnvItem>(t.effects).item_id == "calendar");
    CHECK(t.state.env_item_rechecking == "calendar");
    CHECK_FALSE(t.state.env_fix_opened);
    // Focus coming and going again while it runs starts nothing more.
    CHECK(next(t.state, event::WindowFocused{}).effects.empty());

    EnvCheckItem fixed = item("calendar", CheckOutcome::ok, std::nullopt);
    fixed.facts = {"カレンダーの種類: 西暦 (1)"};
    t = next(t.state, event::EnvItemRechecked{fixed, "new report"});
    CHECK_FALSE(t.state.env_item_rechecking);
    CHECK(item_in(t.state, "calendar") == fixed);
    CHECK(item_in(t.state, "pdf") == report_on(windows10_22h2).items[2]);  // untouched
    CHECK(t.state.env_report->overall == CheckOutcome::warning);           // the pdf item is left
    CHECK(t.state.env_report->text == "new report");
    CHECK(t.state.env_report->items.size() == 3);
}

TEST_CASE("S08: a focus change without an opened page checks nothing", "[flow][remedy]") {
    CHECK(next(checked(), event::WindowFocused{}).effects.empty());
    CHECK(next(initial_state(start_time), event::WindowFocused{}).effects.empty());
}

TEST_CASE("S08: a whole check in between wins over a late item result", "[flow][remedy]") {
    auto t = run(checked(), {event::OpenFixPage{"calendar"}, event::WindowFocused{}});
    t = run(t.state,
            {event::RunEnvCheck{}, event::EnvCheckFinished{report_on(windows10_22h2), std::nullopt}});
    CHECK_FALSE(t.state.env_item_rechecking);
    t = next(t.state, event::EnvItemRechecked{item("calendar", CheckOutcome::ok), "late"});
    CHECK(item_in(t.state, "calendar").outcome == CheckOutcome::ng);
    CHECK(t.state.env_report->text == "old report");
    // While a whole check runs, the buttons open nothing.
    const State running = next(checked(), event::RunEnvCheck{}).state;
    CHECK(next(running, event::OpenFixPage{"calendar"}).effects.empty());
}

TEST_CASE("S08: a page Windows refuses to open is told, and nothing waits for it", "[flow][remedy]") {
    auto t = run(checked(), {event::OpenFixPage{"pdf"}, event::FixPageFailed{}});
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "FIX_PAGE_FAILED");
    CHECK(t.state.message->kind == Message::Kind::error);
    CHECK_FALSE(t.state.env_fix_opened);
    CHECK(next(t.state, event::WindowFocused{}).effects.empty());
}

TEST_CASE("S08: the opened page survives a logout (the PC's findings stay)", "[flow][remedy]") {
    State state = checked();
    state.session = demo_session();
    auto t = run(state, {event::OpenFixPage{"calendar"}, event::Logout{}, event::WindowFocused{}});
    CHECK(has<effect::RecheckEnvItem>(t.effects));
}
