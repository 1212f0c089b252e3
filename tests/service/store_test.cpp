// The storage, demo seed, outbox worker and hashing, below the HTTP layer.

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <sqlite3.h>

#include "careplan/api/client.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/random.hpp"
#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "demo.hpp"
#include "inquiries.hpp"
#include "mailer.hpp"
#include "rate_limit.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

using namespace careplan;
using namespace careplan::service;

using careplan::test::TempDir;

namespace {

const Argon2Params light{1, 64, 1};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 examples") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("constant_time_equal compares whole strings") {
    CHECK(constant_time_equal("abc", "abc"));
    CHECK_FALSE(constant_time_equal("abc", "abd"));
    CHECK_FALSE(constant_time_equal("abc", "abcd"));
    CHECK(constant_time_equal("", ""));
}

TEST_CASE("passwords are stored as salted Argon2id hashes") {
    std::string hash = hash_password("demo-pass-0001", {2, 19 * 1024, 1});
    CHECK(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    CHECK(hash.find("demo-pass-0001") == std::string::npos);
    CHECK(verify_password(hash, "demo-pass-0001"));
    CHECK_FALSE(verify_password(hash, "demo-pass-0002"));
    CHECK_FALSE(verify_password("not a hash", "demo-pass-0001"));
    CHECK(hash_password("demo-pass-0001", light) != hash_password("demo-pass-0001", light));
}

TEST_CASE("random bytes are fresh on every call") {
    CHECK(random_hex(32).size() == 64);
    CHECK(random_hex(32) != random_hex(32));
    CHECK(api::new_idempotency_key() != api::new_idempotency_key());
}

TEST_CASE("the store migrates a new file and refuses a newer schema") {
    TempDir dir{"careplan-store-"};
    std::string path = dir.file("service.db");
    {
        Store store(path);
        CHECK(store.stored_schema_version() == Store::schema_version);
        store.write([](Tx& tx) { tx.ensure_office("1370000009", "テスト事業所"); });
    }
    {
        Store again(path);  // reopening keeps the data and migrates nothing
        CHECK(again.stored_schema_version() == Store::schema_version);
        CHECK(again.read([](Tx& tx) { return tx.find_office("1370000009").has_value(); }));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK_THROWS_WITH(Store(path), Catch::Matchers::ContainsSubstring("newer"));
}

TEST_CASE("stores opened at once on a new file migrate it once") {
    // Admin commands run in parallel on a fresh database each open a Store;
    // neither may fail on the other's lock (the switch to WAL got "database is
    // locked" in about one round of four), nor run a migration the first has
    // just run. Several rounds, each on a new file, make a race show.
    TempDir dir{"careplan-store-"};
    for (int round = 0; round < 12; ++round) {
        std::string path = dir.file("service-" + std::to_string(round) + ".db");
        // Catch2 is not thread-safe: the threads only note what went wrong.
        std::vector<std::string> problems(6);
        std::vector<std::thread> openers;
        for (std::string& problem : problems) {
            openers.emplace_back([&path, &problem] {
                try {
                    Store store(path);
                    if (store.stored_schema_version() != Store::schema_version) problem = "old schema";
                } catch (const std::exception& e) {
                    problem = e.what();
                }
            });
        }
        for (std::thread& opener : openers) opener.join();
        for (const std::string& problem : problems) {
            INFO("round " << round << ": " << problem);
            CHECK(problem.empty());
        }
    }
}

TEST_CASE("a failed transaction leaves nothing behind") {
    Store store(":memory:");
    CHECK_THROWS(store.write([](Tx& tx) {
        tx.ensure_office("1370000009", "テスト事業所");
        throw std::runtime_error("abort");
    }));
    CHECK_FALSE(store.read([](Tx& tx) { return tx.find_office("1370000009").has_value(); }));
    // Foreign keys hold: a user of an unknown office is refused.
    CHECK_THROWS(store.write([](Tx& tx) { tx.add_user("KJ12345678", 999, "hash"); }));
}

TEST_CASE("demo seeding adds what is missing and never resets what happened") {
    TempDir dir{"careplan-store-"};
    Store store(dir.file("demo.db"));
    core::Date day1 = test::demo_today();
    seed_demo(store, day1, light);
    auto office = [&](const char* number) {
        return store.read([&](Tx& tx) { return *tx.find_office(number); });
    };
    auto license_of = [&](const char* number) {
        auto id = office(number).id;
        return store.read([&](Tx& tx) { return *tx.license(id); });
    };
    CHECK(store.read([](Tx& tx) { return tx.applications().size(); }) == 1);
    core::Period first = license_of("1370000001");
    CHECK(first.valid_until == core::add_days(day1, 45));

    // A later start: nothing is duplicated or moved.
    seed_demo(store, core::add_days(day1, 10), light);
    CHECK(store.read([](Tx& tx) { return tx.applications().size(); }) == 1);
    CHECK(license_of("1370000001") == first);

    // What happened to a demo office survives the next seed.
    auto office2 = office("1370000002").id;
    store.write([&](Tx& tx) { tx.set_license(office2, first); });
    seed_demo(store, day1, light);
    CHECK(license_of("1370000002") == first);
}

TEST_CASE("period_ending gives valid_until - 1 year + 1 day") {
    using namespace std::chrono;
    CHECK(period_ending(year{2027} / 3 / 31).valid_from == year{2026} / 4 / 1);
    CHECK(period_ending(year{2029} / 2 / 28).valid_from == year{2028} / 2 / 29);
    CHECK(period_ending(year{2028} / 2 / 29).valid_from == year{2027} / 3 / 1);
    CHECK(period_ending(year{2027} / 1 / 1).valid_from == year{2026} / 1 / 2);
}

TEST_CASE("the completion mail goes out on notify_by and completes the renewal") {
    TempDir dir{"careplan-store-"};
    Store store(dir.file("mail.db"));
    core::Date today = test::demo_today();
    seed_demo(store, today, light);  // office 3 has an accepted application
    auto application = store.read([](Tx& tx) { return tx.applications().front(); });
    CHECK_FALSE(application.mail_sent_at.has_value());

    MailLogSink sink(dir.file("mail.log"));
    CHECK(deliver_due_mail(store, sink, core::add_days(application.notify_by, -1)) == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("mail.log")));

    CHECK(deliver_due_mail(store, sink, application.notify_by) == 1);
    std::string log = read_file(dir.file("mail.log"));
    CHECK(log.find("To: demo@example.jp") != std::string::npos);
    CHECK(log.find("更新完了のお知らせ") != std::string::npos);
    CHECK(log.find(application.application_id) != std::string::npos);

    auto after = store.read([](Tx& tx) { return tx.applications().front(); });
    CHECK(after.mail_sent_at.has_value());
    auto license = store.read([&](Tx& tx) { return *tx.license(after.office_id); });
    CHECK(license == application.new_period);
    // Sent once only.
    CHECK(deliver_due_mail(store, sink, core::add_days(application.notify_by, 5)) == 0);
}

TEST_CASE("the service refuses demo offices and plain HTTP off loopback") {
    CHECK(careplan::core::is_loopback_host("127.0.0.1"));
    CHECK(careplan::core::is_loopback_host("::1"));
    CHECK(careplan::core::is_loopback_host("localhost"));
    CHECK_FALSE(careplan::core::is_loopback_host("0.0.0.0"));
    CHECK_FALSE(careplan::core::is_loopback_host("192.168.0.10"));

    ServiceOptions demo;
    demo.seed_demo = true;
    Service with_demo(demo);
    CHECK_THROWS(with_demo.start("0.0.0.0", 0));
    Service plain(ServiceOptions{});
    CHECK_THROWS(plain.start("0.0.0.0", 0));
    ServiceOptions insecure;
    insecure.allow_insecure_listen = true;
    Service allowed(insecure);
    allowed.start("0.0.0.0", 0);
    CHECK(allowed.port() > 0);
    allowed.stop();
}

TEST_CASE("a version 1 database migrates to version 4 with its data, and takes inquiries") {
    TempDir dir{"careplan-store-"};
    std::string path = dir.file("v1.db");
    {
        Store store(path);
        seed_demo(store, test::demo_today(), light);
    }
    // Back to exactly what version 1 wrote: migration 2 only adds a table,
    // migration 3 replaces the lock per ID (whose counts need not survive),
    // migration 4 adds the outbox's attempt columns.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "DROP TABLE inquiries; DROP TABLE login_failures; "
                         "CREATE TABLE login_throttle (user_id TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
                         "locked_until INTEGER NOT NULL); "
                         "INSERT INTO login_throttle VALUES ('KJ00000001', 3, 0); "
                         "ALTER TABLE mail_outbox DROP COLUMN attempts; "
                         "ALTER TABLE mail_outbox DROP COLUMN next_attempt_at; "
                         "ALTER TABLE mail_outbox DROP COLUMN message_id; "
                         "ALTER TABLE mail_outbox DROP COLUMN last_error; PRAGMA user_version = 1",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);

    Store store(path);
    CHECK(Store::schema_version == 4);
    CHECK(store.stored_schema_version() == 4);
    // The unsent mail kept its place in the outbox and is due at once.
    CHECK(store.read([](Tx& tx) {
        return tx.due_mail(core::Date{std::chrono::year{2100} / 1 / 1}, 0).size();
    }) == 1);
    CHECK(store.read([](Tx& tx) { return tx.login_failures({"KJ00000001", "*"}).failures; }) == 0);
    CHECK(store.read([](Tx& tx) { return tx.applications().size(); }) == 1);  // kept
    CHECK(store.read([](Tx& tx) { return tx.find_user("KJ00000001").has_value(); }));

    StoredInquiry inquiry;
    inquiry.inquiry_id = "Q-261125-AAAA";
    inquiry.received_at = "2026-11-25T10:00:00+09:00";
    inquiry.input = {
        core::InquiryCategory::license, "有効期限を教えてください。", "a@example.jp", "", "1370000001", ""};
    inquiry.user_id = "KJ00000001";
    inquiry.idempotency_key = "key-1";
    inquiry.request_hash = "hash";
    inquiry.response = "{}";
    CHECK(store.write([&](Tx& tx) { return tx.add_inquiry(inquiry); }));
    // The same number again is refused, leaving the first as it was.
    StoredInquiry clash = inquiry;
    clash.idempotency_key = "key-2";
    clash.input.message = "別の内容";
    CHECK_FALSE(store.write([&](Tx& tx) { return tx.add_inquiry(clash); }));
    auto all = store.read([](Tx& tx) { return tx.inquiries(); });
    REQUIRE(all.size() == 1);
    CHECK(all[0].input == inquiry.input);
    CHECK(all[0].user_id == inquiry.user_id);
    CHECK(store.read([](Tx& tx) { return tx.inquiry_by_key("key-1").has_value(); }));
    CHECK_FALSE(store.read([](Tx& tx) { return tx.inquiry_by_key("key-2").has_value(); }));
}

TEST_CASE("inquiry numbers: the day, then four characters without 0, O, 1 or I") {
    std::set<std::string> seen;
    for (int n = 0; n < 200; ++n) {
        std::string id = new_inquiry_id(test::demo_today());
        REQUIRE(id.size() == 13);
        CHECK(id.starts_with("Q-261125-"));
        CHECK(id.substr(9).find_first_of("01OI") == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() > 190);  // random: a few clashes at most among 2^20
}

TEST_CASE("the rate limit counts per address within the window") {
    RateLimit limit(2, std::chrono::seconds(100));
    limit.record("a", 1000);
    CHECK(limit.wait_seconds("a", 1010) == 0);
    limit.record("a", 1010);
    CHECK(limit.wait_seconds("a", 1020) == 80);  // until the first leaves the window
    CHECK(limit.wait_seconds("b", 1020) == 0);
    CHECK(limit.wait_seconds("a", 1099) == 1);
    CHECK(limit.wait_seconds("a", 1100) == 0);
}
