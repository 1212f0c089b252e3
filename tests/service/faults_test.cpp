// The service under faults and hostile input (issue 16): storage that fails
// (full, read-only, locked) answers 503 with Retry-After and recovers without
// a restart; what a handler throws never ends the process; the files holding
// the offices' data are owner-only; deep JSON bodies and forged log lines are
// refused.

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <catch2/catch_test_macros.hpp>
#include <sqlite3.h>

#include "careplan/api/client.hpp"
#include "careplan/core/errors.hpp"
#include "careplan/random.hpp"
#include "careplan/service/store.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

using namespace careplan;
using careplan::test::TestService;
using careplan::test::valid_application;
using nlohmann::json;

using careplan::test::TempDir;

namespace {

// The service's own SQLite connection, caught as SQLite opens it: the limits
// that make a database full (max_page_count) or read-only (query_only) are per
// connection, and set on it they give the real SQLITE_FULL and SQLITE_READONLY
// on the service's real code path. Set only between requests.
class CaughtConnection {
  public:
    CaughtConnection() {
        opened().clear();
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(&note));
    }
    ~CaughtConnection() { sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&note)); }
    // The first connection opened since construction.
    sqlite3* service() const {
        REQUIRE_FALSE(opened().empty());
        return opened().front();
    }
    void exec(const std::string& sql) const {
        REQUIRE(sqlite3_exec(service(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    std::int64_t pragma(const char* name) const {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(service(), (std::string("PRAGMA ") + name).c_str(), -1, &stmt, nullptr) ==
                SQLITE_OK);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        std::int64_t value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }

  private:
    static std::vector<sqlite3*>& opened() {
        static std::vector<sqlite3*> all;
        return all;
    }
    static int note(sqlite3* db, const char**, const sqlite3_api_routines*) {
        opened().push_back(db);
        return SQLITE_OK;
    }
};

// A second connection to the same file, as an admin command would hold one.
struct OtherConnection {
    explicit OtherConnection(const std::string& path) {
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    }
    ~OtherConnection() { sqlite3_close(db); }
    void exec(const std::string& sql) const {
        REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    sqlite3* db = nullptr;
};

// The service's events (the operator's log), collected.
struct Events {
    std::vector<std::string> all() const {
        std::lock_guard lock(mutex);
        return lines;
    }
    std::function<void(const std::string&)> sink() {
        return [this](const std::string& text) {
            std::lock_guard lock(mutex);
            lines.push_back(text);
        };
    }
    mutable std::mutex mutex;
    std::vector<std::string> lines;
};

service::ServiceOptions options_in(const TempDir& dir) {
    auto options = TestService::default_options();
    options.db_path = dir.file("service.db");
    options.max_inquiries_per_hour = 1000;
    return options;
}

core::InquiryInput inquiry(int n) {
    core::InquiryInput input;
    input.category = core::InquiryCategory::other;
    input.message = "お問い合わせ " + std::to_string(n) + std::string(1000, 'x');
    input.reply_email = "care@example.jp";
    input.office_number = test::demo_office_number(1);
    return input;
}

// The answer as sent: the client library reports any 5xx as SERVER_ERROR,
// whatever the body says.
api::RawResponse send(api::Client& client, std::string_view method, std::string_view path, const json& body,
                      const std::string& key = {}) {
    std::multimap<std::string, std::string> headers;
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    auto answer = client.send(method, path, body.dump(), "application/json", headers);
    REQUIRE(answer.ok());
    return answer.value();
}

api::RawResponse send_inquiry(api::Client& client, int n) {
    return send(client, "POST", "/api/v1/inquiries", api::to_wire(inquiry(n)),
                "inquiry-" + std::to_string(n));
}

std::string error_code_of(const api::RawResponse& answer) {
    return json::parse(answer.body)["error"]["code"].get<std::string>();
}

void check_storage_unavailable(const api::RawResponse& answer) {
    CHECK(answer.status == 503);
    CHECK(answer.header("Retry-After") == "30");
    CHECK(answer.header("Content-Type").starts_with("application/json"));
    json error = json::parse(answer.body)["error"];
    CHECK(error["code"] == "STORAGE_UNAVAILABLE");
    CHECK(error["message"] == core::error_message("STORAGE_UNAVAILABLE"));
}

std::size_t stored_applications(TestService& service) {
    return service.service().store().read([](service::Tx& tx) { return tx.applications(); }).size();
}

std::size_t stored_inquiries(TestService& service) {
    return service.service().store().read([](service::Tx& tx) { return tx.inquiries(); }).size();
}

bool contains(const std::vector<std::string>& lines, std::string_view part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != l.npos; });
}

unsigned mode_of(const std::string& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777;
}

}  // namespace

TEST_CASE("a full database answers 503 with Retry-After and takes the same request once there is room") {
    TempDir dir{"careplan-faults-"};
    Events events;
    auto options = options_in(dir);
    options.on_event = events.sink();
    CaughtConnection connection;
    TestService service(options);
    auto client = service.client();

    // The database may not grow past its present size: the next page it
    // needs is refused (SQLITE_FULL), as on a full disk.
    connection.exec("PRAGMA max_page_count = " + std::to_string(connection.pragma("page_count")));
    std::optional<api::RawResponse> refused;
    int sent = 0;
    for (; sent < 200 && !refused; ++sent) {
        auto answer = send_inquiry(client, sent);
        if (answer.status != 201) refused = answer;
    }
    REQUIRE(refused.has_value());
    check_storage_unavailable(*refused);
    const std::size_t kept = stored_inquiries(service);
    CHECK(kept == static_cast<std::size_t>(sent - 1));  // the refused one left nothing behind
    CHECK(contains(events.all(), "storage unavailable (answered 503)"));
    CHECK(client.health().ok());  // reads still work

    // Room again: the same request, with its key, is taken once.
    connection.exec("PRAGMA max_page_count = 1000000");
    CHECK(send_inquiry(client, sent - 1).status == 201);
    CHECK(send_inquiry(client, sent - 1).status == 201);  // a replay
    CHECK(stored_inquiries(service) == kept + 1);
}

TEST_CASE("a read-only database answers 503; an application refused so is not kept, and later taken once") {
    TempDir dir{"careplan-faults-"};
    CaughtConnection connection;
    TestService service(options_in(dir));
    auto client = service.login(1);  // 更新可能

    const std::size_t seeded = stored_applications(service);  // the demo offices that applied
    connection.exec("PRAGMA query_only = 1");
    const json application = api::to_wire(valid_application(1));
    check_storage_unavailable(send(*client, "POST", "/api/v1/applications", application, "apply-readonly"));
    auto anonymous = service.client();
    json login = {{"user_id", test::demo_user(2)}, {"password", test::demo_password(2)}};
    check_storage_unavailable(send(anonymous, "POST", "/api/v1/sessions", login));  // a login writes
    CHECK(client->license().ok());                                                  // reads still work
    CHECK(stored_applications(service) == seeded);

    connection.exec("PRAGMA query_only = 0");
    auto accepted = send(*client, "POST", "/api/v1/applications", application, "apply-readonly");
    REQUIRE(accepted.status == 201);
    auto replay = send(*client, "POST", "/api/v1/applications", application, "apply-readonly");
    CHECK(replay.body == accepted.body);
    CHECK(stored_applications(service) == seeded + 1);
}

TEST_CASE("a database locked past the busy timeout answers 503, then works when released") {
    TempDir dir{"careplan-faults-"};
    TestService service(options_in(dir));
    auto client = service.client();
    OtherConnection admin(dir.file("service.db"));
    admin.exec("BEGIN IMMEDIATE");  // holds the write lock, as a stuck admin command would
    auto started = std::chrono::steady_clock::now();
    check_storage_unavailable(send_inquiry(client, 1));
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::seconds(4));  // the busy timeout ran out
    admin.exec("ROLLBACK");
    CHECK(send_inquiry(client, 1).status == 201);
    CHECK(stored_inquiries(service) == 1);
}

TEST_CASE("the database, its -wal and -shm and the mail log are created owner-only") {
    TempDir dir{"careplan-faults-"};
    auto options = options_in(dir);
    options.mail_log_path = dir.file("mail.log");
    {
        TestService service(options);
        auto client = service.login(1);  // a write: the -wal and -shm exist now
        for (const char* name : {"service.db", "service.db-wal", "service.db-shm", "mail.log"}) {
            INFO(name);
            CHECK(mode_of(dir.file(name)) == 0600);
        }
    }
    // Files left readable by others (an old version, a copy) are narrowed at
    // start, with a line for the operator.
    for (const char* name : {"service.db", "mail.log"}) ::chmod(dir.file(name).c_str(), 0644);
    Events events;
    options.on_event = events.sink();
    TestService again(options);
    CHECK(mode_of(dir.file("service.db")) == 0600);
    CHECK(mode_of(dir.file("mail.log")) == 0600);
    CHECK(contains(events.all(), "file mode narrowed to owner-only: " + dir.file("service.db")));
    CHECK(contains(events.all(), "file mode narrowed to owner-only: " + dir.file("mail.log")));
}

TEST_CASE("a handler that throws is answered 500 with the error JSON and the service lives on") {
    TempDir dir{"careplan-faults-"};
    Events events;
    auto options = options_in(dir);
    options.on_event = events.sink();
    TestService service(options);
    auto client = service.login(1);
    // Data the handler cannot read: a date that is no date (a bug or a bad
    // manual edit, not a storage fault).
    OtherConnection(dir.file("service.db")).exec("UPDATE licenses SET valid_until = 'garbage'");
    auto broken = client->send("GET", "/api/v1/license");
    REQUIRE(broken.ok());
    CHECK(broken.value().status == 500);
    CHECK(error_code_of(broken.value()) == "INTERNAL");
    CHECK(contains(events.all(), "internal error: corrupt date in the database (GET /api/v1/license)"));
    // Every worker is still there: more requests than the pool has threads.
    for (int n = 0; n < 20; ++n) CHECK(client->health().ok());
    CHECK(client->terms().ok());
}

TEST_CASE("a request logger that throws anything does not end a worker or the process") {
    auto options = TestService::default_options();
    int thrown = 0;
    std::mutex mutex;
    options.on_request = [&](const service::RequestLogEntry&) {
        std::lock_guard lock(mutex);
        ++thrown;
        throw 42;  // not even a std::exception
    };
    service::Service service(options);
    service.start("127.0.0.1", 0);
    api::Client client({service.base_url(), std::chrono::seconds(5), std::chrono::seconds(10)});
    for (int n = 0; n < 20; ++n) CHECK(client.health().ok());
    auto too_long = client.send("GET", "/api/v1/" + std::string(9000, 'a'));  // httplib's own 414
    REQUIRE(too_long.ok());
    CHECK(too_long.value().status == 414);
    CHECK(client.login({test::demo_user(1), test::demo_password(1)}).ok());
    service.stop();
    CHECK(thrown == 22);
}

TEST_CASE("a body nested deeper than 32 levels is 400 before it is parsed") {
    TestService service;
    auto client = service.client();
    const std::string deep = std::string(10000, '[') + std::string(10000, ']');
    for (const char* path : {"/api/v1/sessions", "/api/v1/inquiries"}) {
        INFO(path);
        auto started = std::chrono::steady_clock::now();
        auto answer = client.send("POST", path, deep, "application/json", {{"Idempotency-Key", "deep"}});
        REQUIRE(answer.ok());
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
        CHECK(answer.value().status == 400);
        json error = json::parse(answer.value().body)["error"];
        CHECK(error["code"] == "BAD_REQUEST");
        CHECK(error["message"].get<std::string>().find("32") != std::string::npos);
    }
    // 32 levels are parsed (and refused for what they are); brackets inside
    // strings do not count.
    auto at_limit = client.send("POST", "/api/v1/sessions", std::string(32, '[') + std::string(32, ']'));
    REQUIRE(at_limit.ok());
    CHECK(at_limit.value().status == 400);
    CHECK(json::parse(at_limit.value().body)["error"]["message"].get<std::string>().find("32") ==
          std::string::npos);
    json login = {{"user_id", "KJ00000001"}, {"password", std::string(100, '[') + "\\\"{{{"}};
    auto in_string = client.send("POST", "/api/v1/sessions", login.dump());
    REQUIRE(in_string.ok());
    CHECK(in_string.value().status == 401);
    CHECK(client.health().ok());
}

TEST_CASE("a path cannot forge log lines or fields, and a long one is cut") {
    TestService service;
    auto client = service.client();
    auto forged = client.send("GET", "/api/v1/x%0A2026-11-25T09:00:00+09:00%20127.0.0.1%20GET%20/ok%20200");
    REQUIRE(forged.ok());
    CHECK(forged.value().status == 404);
    auto control = client.send("GET", "/api/v1/%1B[31m%0D%09%E3%81%82%5C");
    REQUIRE(control.ok());
    auto long_path = client.send("GET", "/api/v1/" + std::string(5000, 'a'));
    REQUIRE(long_path.ok());

    auto lines = service.log_lines();
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(line.find('\x1b') == std::string::npos);
        CHECK(line.size() < 400);
        CHECK(std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c < 0x7f; }));
    }
    CHECK(
        lines[0].find("/api/v1/x\\x0a2026-11-25T09:00:00+09:00\\x20127.0.0.1\\x20GET\\x20/ok\\x20200 404") !=
        std::string::npos);
    CHECK(lines[1].find("/api/v1/\\x1b[31m\\x0d\\x09\\xe3\\x81\\x82\\x5c 404") != std::string::npos);
    CHECK(lines[2].find("aaa... 404") != std::string::npos);
}
