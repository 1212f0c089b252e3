#include <catch2/catch_test_macros.hpp>

#include "careplan/core/helpdesk.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::jst;
using careplan::core::test::ymd;

TEST_CASE("help desk hours 9:00-17:00 JST on business days", "[helpdesk]") {
    CHECK(helpdesk_phone == "0120-584-708");
    const auto opening = helpdesk_status(jst(2027, 1, 8, 9, 0));
    CHECK(opening.open_now);
    CHECK(opening.closes_at == JstDateTime{ymd(2027, 1, 8), 17, 0, 0});
    CHECK(opening.message.find("受付時間内") != std::string::npos);

    CHECK(helpdesk_status(jst(2027, 1, 8, 16, 59)).open_now);
    CHECK_FALSE(helpdesk_status(jst(2027, 1, 8, 8, 59)).open_now);
    CHECK_FALSE(helpdesk_status(jst(2027, 1, 8, 17, 0)).open_now);
}

TEST_CASE("help desk next opening", "[helpdesk]") {
    // Early on a business day: later the same day.
    const auto early = helpdesk_status(jst(2027, 1, 7, 7, 30));
    CHECK(early.next_opening == JstDateTime{ymd(2027, 1, 7), 9, 0, 0});
    CHECK(early.message == "ただいま受付時間外です。次の受付開始は2027年1月7日(木) 9:00です。");
    // Friday evening: after the weekend and 成人の日.
    CHECK(helpdesk_status(jst(2027, 1, 8, 17, 0)).next_opening == JstDateTime{ymd(2027, 1, 12), 9, 0, 0});
    // Open now: the next opening is the next business day.
    CHECK(helpdesk_status(jst(2027, 1, 7, 10, 0)).next_opening == JstDateTime{ymd(2027, 1, 8), 9, 0, 0});
    // Year-end break.
    const auto year_end = helpdesk_status(jst(2026, 12, 29, 10, 0));
    CHECK_FALSE(year_end.open_now);
    CHECK(year_end.next_opening == JstDateTime{ymd(2027, 1, 4), 9, 0, 0});
    // A holiday morning.
    CHECK_FALSE(helpdesk_status(jst(2027, 1, 11, 10, 0)).open_now);
}
