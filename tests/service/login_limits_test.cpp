// The login limits over loopback, from several client addresses of this PC
// (127.0.0.x): wrong passwords counted per (ID, address), per address and per
// ID, before any hash, with bounded storage for IDs that do not exist.

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <latch>
#include <optional>
#include <thread>

#include <catch2/catch_test_macros.hpp>
#include <httplib.h>
#include <sqlite3.h>

#include "careplan/random.hpp"
#include "careplan/service/store.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

using namespace careplan;
using careplan::test::TestService;

namespace {

struct Answer {
    int status = 0;
    int retry_after = 0;  // seconds; 0 when not sent
    std::string code;
};

// POST /sessions from `address` (any 127.0.0.x: all of it is loopback);
// nothing when no answer came. Asserts nothing, so that threads may call it:
// Catch2's assertions are for the test's own thread.
std::optional<Answer> post_login(TestService& service, const std::string& address, const std::string& user_id,
                                 const std::string& password) {
    httplib::Client http(service.service().base_url());
    http.set_interface(address);
    nlohmann::json body = {{"user_id", user_id}, {"password", password}};
    auto answer = http.Post("/api/v1/sessions", body.dump(), "application/json");
    if (!answer) return std::nullopt;
    Answer result{answer->status, 0, {}};
    if (answer->has_header("Retry-After"))
        result.retry_after = std::stoi(answer->get_header_value("Retry-After"));
    if (answer->status >= 400) result.code = nlohmann::json::parse(answer->body)["error"]["code"];
    return result;
}

Answer login_from(TestService& service, const std::string& address, const std::string& user_id,
                  const std::string& password) {
    auto answer = post_login(service, address, user_id, password);
    REQUIRE(answer);
    return *answer;
}

int failures_of(TestService& service, const std::string& user_id, const std::string& address) {
    return service.service().store().write([&](service::Tx& tx) {
        return tx.login_failures({user_id, address}).failures;
    });
}

constexpr const char* office_pc = "127.0.0.1";
constexpr const char* attacker = "127.0.0.2";

}  // namespace

TEST_CASE("wrong passwords from another address do not keep the office out") {
    TestService service;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        CHECK(login_from(service, attacker, "KJ00000001", "wrong-password").status == 401);
    }
    // The fifth fills the count of (ID, address) and is told to wait at once.
    Answer fifth = login_from(service, attacker, "KJ00000001", "wrong-password");
    CHECK(fifth.status == 429);
    CHECK(fifth.code == "LOCKED_OUT");
    CHECK(fifth.retry_after > 890);
    CHECK(fifth.retry_after <= 900);
    for (int attempt = 0; attempt < 5; ++attempt) {
        CHECK(login_from(service, attacker, "KJ00000001", "wrong-password").status == 429);
    }
    // Even the right password waits from there; refused attempts were not counted.
    CHECK(login_from(service, attacker, "KJ00000001", test::demo_password(1)).status == 429);
    CHECK(failures_of(service, "KJ00000001", attacker) == 5);
    CHECK(failures_of(service, "KJ00000001", "*") == 5);

    // The office's own PC logs in as usual.
    CHECK(login_from(service, office_pc, "KJ00000001", test::demo_password(1)).status == 201);
}

TEST_CASE("a right password forgets the office's own mistakes") {
    TestService service;
    for (int round = 0; round < 3; ++round) {
        for (int attempt = 1; attempt <= 4; ++attempt) {
            CHECK(login_from(service, office_pc, "KJ00000002", "typo").status == 401);
        }
        CHECK(login_from(service, office_pc, "KJ00000002", test::demo_password(2)).status == 201);
        CHECK(failures_of(service, "KJ00000002", office_pc) == 0);
    }
    // Only the wrong ones stay counted for the ID and the address.
    CHECK(failures_of(service, "KJ00000002", "*") == 12);
    CHECK(failures_of(service, "*", office_pc) == 12);
}

TEST_CASE("20 parallel wrong guesses count at most the allowed failures, none succeeds") {
    auto options = TestService::default_options();
    // A hash slow enough that the guesses overlap.
    options.argon2_time_cost = 2;
    options.argon2_memory_kib = 8 * 1024;
    TestService service(options);
    constexpr int guesses = 20;
    std::latch start(guesses);
    std::vector<std::optional<Answer>> answers(guesses);
    std::vector<std::thread> threads;
    for (int i = 0; i < guesses; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            answers[i] = post_login(service, office_pc, "KJ00000003", "guess-" + std::to_string(i));
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(std::all_of(answers.begin(), answers.end(), [](const auto& a) { return a.has_value(); }));
    auto count = [&](int status) {
        return std::count_if(answers.begin(), answers.end(),
                             [&](const auto& a) { return a && a->status == status; });
    };
    CHECK(count(201) == 0);
    CHECK(count(401) == 4);
    CHECK(count(429) == guesses - 4);
    CHECK(failures_of(service, "KJ00000003", office_pc) == 5);
    CHECK(failures_of(service, "KJ00000003", "*") == 5);
    CHECK(failures_of(service, "*", office_pc) == 5);
}

TEST_CASE("one address guessing across many IDs is stopped, other addresses are not") {
    auto options = TestService::default_options();
    options.login_limits.per_address = {3, std::chrono::minutes(15)};
    TestService service(options);
    CHECK(login_from(service, attacker, "KJ00000001", "wrong-password").status == 401);
    CHECK(login_from(service, attacker, "KJ99999998", "wrong-password").status == 401);  // no such ID
    Answer third = login_from(service, attacker, "KJ00000002", "wrong-password");
    CHECK(third.status == 429);
    CHECK(third.retry_after > 890);
    // Any ID, even with its right password, from that address.
    CHECK(login_from(service, attacker, "KJ00000004", test::demo_password(4)).status == 429);
    CHECK(login_from(service, attacker, "KJ99999997", "wrong-password").status == 429);
    CHECK(failures_of(service, "*", attacker) == 3);
    CHECK(failures_of(service, "KJ99999997", "*") == 0);  // refused before it was counted

    CHECK(login_from(service, office_pc, "KJ00000004", test::demo_password(4)).status == 201);
    CHECK(login_from(service, office_pc, "KJ00000001", test::demo_password(1)).status == 201);
}

TEST_CASE("an ID guessed from many addresses reaches the cap per ID, with a longer wait") {
    auto options = TestService::default_options();
    options.login_limits.per_user = {7, std::chrono::hours(1)};
    TestService service(options);
    for (int attempt = 1; attempt <= 4; ++attempt) {
        CHECK(login_from(service, attacker, "KJ00000005", "wrong-password").status == 401);
    }
    CHECK(login_from(service, attacker, "KJ00000005", "wrong-password").status == 429);  // (ID, address)
    CHECK(login_from(service, "127.0.0.3", "KJ00000005", "wrong-password").status == 401);
    Answer seventh = login_from(service, "127.0.0.4", "KJ00000005", "wrong-password");
    CHECK(seventh.status == 429);
    CHECK(seventh.retry_after > 3590);
    CHECK(seventh.retry_after <= 3600);

    Answer office = login_from(service, office_pc, "KJ00000005", test::demo_password(5));
    CHECK(office.status == 429);
    CHECK(office.code == "LOCKED_OUT");
    CHECK(office.retry_after > 3590);
    // Other offices are not affected.
    CHECK(login_from(service, office_pc, "KJ00000006", test::demo_password(6)).status == 201);
}

TEST_CASE("counts for IDs that do not exist are deleted when their window ends") {
    const test::TempDir dir("careplan-limits-");
    const std::string path = dir.file("service.db");
    auto rows = [&] {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM login_failures", -1, &stmt, nullptr) ==
                SQLITE_OK);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        int count = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return count;
    };
    {
        auto options = TestService::default_options();
        options.db_path = path;
        // Windows long enough that a loaded machine (sanitizers, parallel
        // tests) counts all ten before the first ends.
        constexpr auto window = std::chrono::seconds(8);
        options.login_limits = {{5, window}, {20, window}, {50, window}};
        TestService service(options);
        for (int n = 0; n < 10; ++n) {
            CHECK(login_from(service, attacker, "KJ5000000" + std::to_string(n), "wrong-password").status ==
                  401);
        }
        CHECK(rows() == 10 * 2 + 1);  // (ID, address) and (ID, *) each, and (*, address)
        // Past the end of every window, however long the counting took.
        std::this_thread::sleep_for(window + std::chrono::milliseconds(500));
        CHECK(login_from(service, office_pc, "KJ00000001", test::demo_password(1)).status == 201);
        CHECK(rows() == 0);
    }
}
