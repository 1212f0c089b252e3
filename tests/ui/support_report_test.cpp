// The support report for the help desk: what the caller sees, nothing secret.
#include <catch2/catch_test_macros.hpp>

#include "careplan/core/flow.hpp"
#include "support_report.hpp"

using namespace careplan;

TEST_CASE("the support report names the screen and masks the ID; no token, no password") {
    core::State state = core::initial_state(std::chrono::system_clock::now());
    state = core::next(state, core::event::SubmitLogin{"KJ00000001", "demo-pass-0001"}).state;
    core::Session session{"secret-token-value",
                          "2027-01-08T12:00:00+09:00",
                          {"KJ00000001", "デモ居宅介護支援事業所 1", "1370000001"}};
    state = core::next(state, core::event::LoginSucceeded{session}).state;
    const std::string report = ui::support_report(state, "HUTE8ESFJ8");
    CHECK(report.find("S03") != std::string::npos);
    CHECK(report.find("HUTE-8ESF-J8") != std::string::npos);  // the 画面共有コード, grouped
    CHECK(report.find("KJ******01") != std::string::npos);
    CHECK(report.find("KJ00000001") == std::string::npos);
    CHECK(report.find("secret-token-value") == std::string::npos);
    CHECK(report.find("demo-pass-0001") == std::string::npos);
}

TEST_CASE("the support report shows the ID only when it is one") {
    core::State state = core::initial_state(std::chrono::system_clock::now());
    state.login_user_id = "my-Secret-Passw0rd";  // typed into the ID field by mistake
    std::string report = ui::support_report(state, "HUTE8ESFJ8");
    CHECK(report.find("Passw0rd") == std::string::npos);
    CHECK(report.find("my*") == std::string::npos);  // not even masked
    CHECK(report.find("*rd") == std::string::npos);
    CHECK(report.find("ID の形式ではないため表示しません") != std::string::npos);
    state.login_user_id = "ｋｊ００００００１２";  // full-width, as an IME types it
    report = ui::support_report(state, "HUTE8ESFJ8");
    CHECK(report.find("KJ******12") != std::string::npos);
}
