// The real careplan-service executable as a child process: crash safety
// (SIGKILL right after a 201, and amid many offices' submissions), graceful stop (SIGTERM with a request in
// flight), the administration commands, refusals, HTTPS and its log, its
// files' modes and a real full disk.

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <sqlite3.h>

#include "careplan/api/client.hpp"
#include "careplan/random.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "demo.hpp"

using namespace careplan;
#include "temp_dir.hpp"

namespace fs = std::filesystem;

using careplan::test::TempDir;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// careplan-service with the given arguments; stdin gets `input`, stdout is
// read line by line, stderr goes to a file.
class Child {
  public:
    Child(const std::vector<std::string>& args, const std::string& stderr_path, const std::string& input = {})
        : stderr_path_(stderr_path) {
        int out[2], in[2];
        REQUIRE(pipe(out) == 0);
        REQUIRE(pipe(in) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(err, 2);
            for (int fd : {in[0], in[1], out[0], out[1], err}) close(fd);
            std::vector<char*> argv = {const_cast<char*>(CAREPLAN_SERVICE_BINARY)};
            for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        stdout_ = out[0];
        if (!input.empty()) REQUIRE(write(in[1], input.data(), input.size()) == ssize_t(input.size()));
        close(in[1]);
    }
    ~Child() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(stdout_);
    }

    // The next stdout line; nullopt at the end or when none comes in time.
    std::optional<std::string> line(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (buffer_.find('\n') == std::string::npos) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd fd{stdout_, POLLIN, 0};
            if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0) {
                return std::nullopt;
            }
            char chunk[4096];
            ssize_t got = read(stdout_, chunk, sizeof chunk);
            if (got <= 0) {
                if (buffer_.empty()) return std::nullopt;
                return std::exchange(buffer_, {});
            }
            buffer_.append(chunk, static_cast<std::size_t>(got));
        }
        auto end = buffer_.find('\n');
        std::string first = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return first;
    }
    std::string rest() {
        std::string all;
        while (auto next = line()) all += *next + "\n";
        return all;
    }
    void signal(int sig) { kill(pid_, sig); }
    // The exit code, or 128 + the signal that ended it.
    int wait() {
        int status = 0;
        waitpid(std::exchange(pid_, -1), &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::string error_output() const { return read_file(stderr_path_); }

  private:
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string buffer_;
    std::string stderr_path_;
};

// A served instance: the child and its base URL from "listening on URL".
struct Running {
    std::unique_ptr<Child> child;
    std::string url;
};

Running serve(const TempDir& dir, std::vector<std::string> args, const std::string& log = "log") {
    std::vector<std::string> all = {"--db",      dir.file("service.db"), "--listen", "127.0.0.1:0", "--today",
                                    "2026-11-25"};
    all.insert(all.end(), args.begin(), args.end());
    Running running{std::make_unique<Child>(all, dir.file(log)), {}};
    std::string first = running.child->line().value_or("");
    INFO(running.child->error_output());
    REQUIRE(first.starts_with("listening on http"));
    running.url = first.substr(std::string("listening on ").size());
    return running;
}

api::Client client_for(const std::string& url, const std::string& ca = {}) {
    return api::Client({url, std::chrono::seconds(5), std::chrono::seconds(20), ca});
}

core::ApplicationInput application(const std::string& office_number) {
    core::ApplicationInput input;
    input.applicant_name = "山田 太郎";
    input.applicant_kana = "ヤマダ タロウ";
    input.email = "yamada@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = office_number;
    input.terms_version = input.privacy_version = "2024.1";
    input.agree_terms = input.agree_privacy = true;
    return input;
}

int run_admin(const TempDir& dir, std::vector<std::string> args, const std::string& input = {},
              std::string* output = nullptr) {
    args.insert(args.begin(), {"--db", dir.file("service.db")});
    Child child(args, dir.file("admin.log"), input);
    std::string text = child.rest();
    if (output) *output = text;
    return child.wait();
}

}  // namespace

TEST_CASE("--help lists every option") {
    TempDir dir{"careplan-proc-"};
    Child child({"--help"}, dir.file("help.log"));
    std::string help = child.rest();
    CHECK(child.wait() == 0);
    for (const char* option :
         {"--db", "--listen", "--demo", "--today", "--cert", "--key", "--insecure-listen", "--mail-log",
          "--csv", "--help", "user add", "user passwd", "user remove", "sessions revoke", "--user",
          "license set", "applications list", "inquiries list"}) {
        INFO(option);
        CHECK(help.find(option) != std::string::npos);
    }
}

TEST_CASE("an application acknowledged with 201 survives kill -9") {
    TempDir dir{"careplan-proc-"};
    std::string application_id;
    std::string token;
    {
        Running service = serve(dir, {"--demo"});
        auto client = client_for(service.url);
        REQUIRE(client.login({"KJ00000001", "demo-pass-0001"}).ok());
        token = client.token();
        auto accepted = client.apply(application("1370000001"), api::new_idempotency_key());
        service.child->signal(SIGKILL);  // right after the 201, before anything else
        REQUIRE(accepted.ok());
        application_id = accepted.value().application_id;
        CHECK(service.child->wait() == 128 + SIGKILL);
    }
    Running again = serve(dir, {"--demo"}, "log2");
    auto client = client_for(again.url);
    // Sessions are stored too: the old token still works after the restart.
    client.set_token(token);
    auto license = client.license();
    REQUIRE(license.ok());
    REQUIRE(license.value().renewal.application.has_value());
    CHECK(license.value().renewal.application->application_id == application_id);
    CHECK(license.value().status == core::LicenseStatus::renewal_pending);
    // Re-seeding on restart did not reset office 3's application either.
    auto office3 = client_for(again.url);
    REQUIRE(office3.login({"KJ00000003", "demo-pass-0003"}).ok());
    CHECK(office3.license().value().renewal.application.has_value());
}

namespace {

struct TestOffice {
    std::string user_id;
    std::string password;
    std::string office_number;
};

// Offices written straight into the database before the service starts,
// each with a license open for renewal on --today, and an Argon2id hash of
// the lowest cost, so that logging them all in takes milliseconds.
std::vector<TestOffice> make_offices(const std::string& db_path, int count) {
    std::vector<TestOffice> offices;
    for (int i = 0; i < count; ++i) {
        const std::string digits = std::to_string(30000000 + i);  // eight
        offices.push_back({"KJ" + digits, "crash-pass-" + std::to_string(i), "13" + digits});
    }
    service::Store store(db_path);
    store.write([&](service::Tx& tx) {
        for (const auto& office : offices) {
            auto stored = tx.ensure_office(office.office_number, "Office " + office.office_number);
            tx.add_user(office.user_id, stored.id, service::hash_password(office.password, {1, 64, 1}));
            tx.set_license(stored.id, service::period_ending(core::parse_iso_date("2027-01-10").value()));
        }
    });
    return offices;
}

// One number from the database (the service stopped meanwhile).
std::int64_t count_rows(const std::string& db_path, const char* query) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, query, -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

}  // namespace

// Offices submitting at once, the service killed amid them, restarted on the
// same database, and every submission without an answer sent again with its
// key, as the client's 再試行 does. Whatever was acknowledged stays and comes
// back on a retry; nothing is stored twice; one completion mail each.
TEST_CASE("kill -9 amid a stream of applications: each kept once, retries give it back, one mail each") {
    TempDir dir{"careplan-proc-"};
    const std::string db = dir.file("service.db");
    constexpr int office_count = 60;
    constexpr int worker_count = 4;
    const auto offices = make_offices(db, office_count);

    struct Submission {
        std::string token;
        std::string key;
        std::optional<std::string> application_id;  // once answered 201
    };
    std::vector<Submission> submissions(office_count);
    int acknowledged_before_kill = 0;
    {
        Running service = serve(dir, {});
        for (int i = 0; i < office_count; ++i) {
            auto client = client_for(service.url);
            REQUIRE(client.login({offices[i].user_id, offices[i].password}).ok());
            submissions[i] = {client.token(), api::new_idempotency_key(), std::nullopt};
        }
        std::atomic<int> acknowledged{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < worker_count; ++w) {
            workers.emplace_back([&, w] {
                for (int i = w; i < office_count; i += worker_count) {
                    auto client = client_for(service.url);
                    client.set_token(submissions[i].token);
                    auto accepted = client.apply(application(offices[i].office_number), submissions[i].key);
                    if (accepted.ok()) {
                        submissions[i].application_id = accepted.value().application_id;
                        ++acknowledged;
                    }
                }
            });
        }
        // Killed once a quarter has been acknowledged: the next ones are in
        // flight (perhaps committed, unanswered) or not sent yet.
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (acknowledged < office_count / 4 && std::chrono::steady_clock::now() < give_up) {
            std::this_thread::yield();
        }
        service.child->signal(SIGKILL);
        for (auto& worker : workers) worker.join();
        CHECK(service.child->wait() == 128 + SIGKILL);
        acknowledged_before_kill = acknowledged;
    }
    INFO("acknowledged before the kill: " << acknowledged_before_kill);
    CHECK(acknowledged_before_kill >= office_count / 4);
    CHECK(acknowledged_before_kill < office_count);  // the kill came mid-stream

    Running again = serve(dir, {}, "log2");
    for (int i = 0; i < office_count; ++i) {
        INFO("office " << i);
        // Every submission once more with its key (sessions survive the restart):
        // the unanswered ones as the retry, the answered ones to see the replay.
        auto client = client_for(again.url);
        client.set_token(submissions[i].token);
        auto retried = client.apply(application(offices[i].office_number), submissions[i].key);
        REQUIRE(retried.ok());
        if (submissions[i].application_id) {
            CHECK(retried.value().application_id == *submissions[i].application_id);
        }
        submissions[i].application_id = retried.value().application_id;
        // A new key for the same period is the office applying twice: refused.
        auto twice = client.apply(application(offices[i].office_number), api::new_idempotency_key());
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().code == "ALREADY_APPLIED");
    }
    again.child->signal(SIGTERM);
    REQUIRE(again.child->wait() == 0);

    std::set<std::string> ids;
    for (const auto& submission : submissions) ids.insert(*submission.application_id);
    CHECK(ids.size() == office_count);
    CHECK(count_rows(db, "SELECT count(*) FROM applications") == office_count);
    CHECK(count_rows(db, "SELECT count(DISTINCT office_id) FROM applications") == office_count);
    for (const auto& id : ids) {
        INFO(id);
        const std::string query = "SELECT count(*) FROM applications WHERE application_id = '" + id + "'";
        CHECK(count_rows(db, query.c_str()) == 1);
    }
    CHECK(count_rows(db, "SELECT count(*) FROM mail_outbox") == office_count);
    CHECK(count_rows(db,
                     "SELECT count(*) FROM applications a WHERE (SELECT count(*) FROM mail_outbox m "
                     "WHERE m.application_id = a.id) = 1") == office_count);
}

TEST_CASE("SIGTERM finishes the request in flight, then exits 0") {
    TempDir dir{"careplan-proc-"};
    Running service = serve(dir, {"--demo"});
    // A login hashes with the full Argon2id cost: long enough to be in flight.
    auto login = std::async(std::launch::async, [&] {
        auto client = client_for(service.url);
        return client.login({"KJ00000001", "demo-pass-0001"});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    service.child->signal(SIGTERM);
    auto session = login.get();
    CHECK(session.ok());
    CHECK(service.child->wait() == 0);
    std::string log = service.child->error_output();
    CHECK(log.find("stopping") != std::string::npos);
    CHECK(log.find("POST /api/v1/sessions 201") != std::string::npos);
    // Nothing secret reached the log.
    CHECK(log.find("demo-pass-0001") == std::string::npos);
    CHECK(log.find("KJ00000001") == std::string::npos);
    if (session.ok()) {
        CHECK(log.find(session.value().token.substr(33)) == std::string::npos);
    }
    // And no new connection is accepted.
    CHECK(client_for(service.url).health().error().code == "NETWORK_UNREACHABLE");
}

TEST_CASE("administration: user add, license set, applications list") {
    TempDir dir{"careplan-proc-"};
    std::string out;
    CHECK(run_admin(dir, {"user", "add", "kj12345678", "--office", "1310000001"},
                    "secret-pass-1\n") == 2);  // a new office needs its name
    CHECK(run_admin(dir,
                    {"user", "add", "kj12345678", "--office", "1310000001", "--office-name",
                     "テスト居宅介護支援事業所"},
                    "secret-pass-1\n", &out) == 0);
    CHECK(out.find("KJ12345678") != std::string::npos);
    CHECK(run_admin(dir, {"user", "add", "KJ12345678", "--office", "1310000001"},
                    "another-pass-2\n") == 1);  // taken
    CHECK(run_admin(dir, {"license", "set", "--office", "1310000001", "--valid-until", "2027-01-10"}, {},
                    &out) == 0);
    CHECK(out.find("2026-01-11 .. 2027-01-10") != std::string::npos);
    CHECK(run_admin(dir, {"license", "set", "--office", "9999999999", "--valid-until", "2027-01-10"}) == 1);

    {
        Running service = serve(dir, {});
        auto client = client_for(service.url);
        auto session = client.login({"KJ12345678", "secret-pass-1"});
        REQUIRE(session.ok());
        CHECK(session.value().user.office_name == "テスト居宅介護支援事業所");
        auto license = client.license();
        REQUIRE(license.ok());
        CHECK(license.value().days_remaining == 46);
        auto input = application("1310000001");
        input.applicant_name = "佐藤, \"花子\"";  // needs CSV quoting
        REQUIRE(client.apply(input, "admin-test").ok());
        service.child->signal(SIGTERM);
        CHECK(service.child->wait() == 0);
    }
    CHECK(run_admin(dir, {"applications", "list", "--csv"}, {}, &out) == 0);
    CHECK(out.starts_with("application_id,accepted_on,kind,user_id,office_number,"));
    CHECK(out.find(",2026-11-25,renewal,KJ12345678,1310000001,\"佐藤, \"\"花子\"\"\",") != std::string::npos);
    CHECK(run_admin(dir, {"applications", "frobnicate"}) == 2);
}

TEST_CASE("administration: inquiries list as a table and as CSV") {
    TempDir dir{"careplan-proc-"};
    std::string out;
    CHECK(run_admin(dir, {"inquiries", "list"}, {}, &out) == 0);
    CHECK(out.find("Q-") == std::string::npos);
    {
        Running service = serve(dir, {"--demo"});
        auto client = client_for(service.url);
        core::InquiryInput input;
        input.category = core::InquiryCategory::application;
        input.message =
            "申請の \"確認\" "
            "について,\n二行目の内容です。三十文字を超える長さの問い合わせ本文をここに書きます。";
        input.reply_email = "care@example.jp";
        input.phone = "03-1234-5678";
        input.office_number = "1370000005";
        input.attachment = "S06 version 1.1.2\nwalkthrough ABCD-2345";
        auto receipt = client.submit_inquiry(input, "proc-inquiry-1");
        REQUIRE(receipt.ok());
        input.attachment.clear();
        input.phone.clear();
        REQUIRE(client.submit_inquiry(input, "proc-inquiry-2").ok());
        service.child->signal(SIGTERM);
        CHECK(service.child->wait() == 0);
        // Nothing of the inquiries in the service's log.
        std::string log = read_file(dir.file("log"));
        CHECK(log.find("POST /api/v1/inquiries 201") != std::string::npos);
        CHECK(log.find("care@example.jp") == std::string::npos);
        CHECK(log.find("1234-5678") == std::string::npos);

        CHECK(run_admin(dir, {"inquiries", "list"}, {}, &out) == 0);
        INFO(out);
        CHECK(out.starts_with("受付番号"));
        CHECK(out.find(receipt.value().inquiry_id + "  " + receipt.value().received_at) != std::string::npos);
        CHECK(out.find("利用申請・更新の手続き") != std::string::npos);
        CHECK(out.find("1370000005") != std::string::npos);
        CHECK(out.find("あり") != std::string::npos);
        CHECK(out.find("なし") != std::string::npos);
        CHECK(out.find("申請の \"確認\" について, 二行目") != std::string::npos);  // one line
        CHECK(out.find("書きます") == std::string::npos);                          // cut
        CHECK(out.find("walkthrough") == std::string::npos);  // the attachment in CSV only

        CHECK(run_admin(dir, {"inquiries", "list", "--csv"}, {}, &out) == 0);
        CHECK(
            out.starts_with("inquiry_id,received_at,category,office_number,user_id,reply_email,phone,message,"
                            "attachment\r\n"));
        CHECK(
            out.find(receipt.value().inquiry_id + "," + receipt.value().received_at +
                     ",application,1370000005,,care@example.jp,03-1234-5678,\"申請の \"\"確認\"\" について,\n"
                     "二行目の内容です。三十文字を超える長さの問い合わせ本文をここに書きます。\","
                     "\"S06 version 1.1.2\nwalkthrough ABCD-2345\"\r\n") != std::string::npos);
    }
    CHECK(run_admin(dir, {"inquiries", "frobnicate"}) == 2);
}

// Everything an admin command printed, on stdout and stderr.
struct AdminRun {
    int code = 0;
    std::string output;
};

AdminRun admin(const TempDir& dir, const std::vector<std::string>& args, const std::string& input = {}) {
    AdminRun run;
    run.code = run_admin(dir, args, input, &run.output);
    run.output += read_file(dir.file("admin.log"));
    return run;
}

TEST_CASE("administration: the password policy, and no password ever printed") {
    TempDir dir{"careplan-proc-"};
    const std::vector<std::string> add = {"user",       "add",           "KJ20000001",  "--office",
                                          "1310000002", "--office-name", "テスト事業所"};
    for (const char* refused : {"short-pw", "kj20000001-office", "password1234"}) {
        AdminRun run = admin(dir, add, std::string(refused) + "\n");
        INFO(refused);
        CHECK(run.code == 1);
        CHECK(run.output.find(refused) == std::string::npos);
        CHECK(run.output.find("パスワード") != std::string::npos);
    }
    AdminRun too_short = admin(dir, add, "short-pw\n");
    CHECK(too_short.output.find("12文字以上") != std::string::npos);
    AdminRun with_id = admin(dir, add, "20000001-abcdefgh\n");
    CHECK(with_id.output.find("ユーザID") != std::string::npos);
    AdminRun common = admin(dir, add, "Password1234\n");
    CHECK(common.output.find("よく使われる") != std::string::npos);

    AdminRun added = admin(dir, add, "Marker-Pass-7F3A\n");
    CHECK(added.code == 0);
    CHECK(added.output.find("Marker-Pass-7F3A") == std::string::npos);
    AdminRun changed = admin(dir, {"user", "passwd", "KJ20000001"}, "Marker-Pass-8E2B\n");
    CHECK(changed.code == 0);
    CHECK(changed.output.find("Marker-Pass-8E2B") == std::string::npos);
    AdminRun weak = admin(dir, {"user", "passwd", "KJ20000001"}, "qwerty123456\n");
    CHECK(weak.code == 1);
    CHECK(weak.output.find("qwerty123456") == std::string::npos);
}

TEST_CASE("administration: user passwd, sessions revoke, user remove") {
    TempDir dir{"careplan-proc-"};
    REQUIRE(admin(dir,
                  {"user", "add", "KJ20000002", "--office", "1310000003", "--office-name", "テスト事業所"},
                  "first-password-1\n")
                .code == 0);
    REQUIRE(admin(dir, {"license", "set", "--office", "1310000003", "--valid-until", "2027-01-10"}).code ==
            0);
    Running service = serve(dir, {});
    auto first = client_for(service.url);
    auto second = client_for(service.url);
    REQUIRE(first.login({"KJ20000002", "first-password-1"}).ok());
    REQUIRE(second.login({"KJ20000002", "first-password-1"}).ok());
    // Five wrong passwords from this address: locked here until passwd.
    for (int attempt = 0; attempt < 5; ++attempt) second.login({"KJ20000002", "wrong-password"});
    CHECK(second.login({"KJ20000002", "first-password-1"}).error().http_status == 429);

    AdminRun changed = admin(dir, {"user", "passwd", "kj20000002"}, "second-password-2\n");
    INFO(changed.output);
    CHECK(changed.code == 0);
    CHECK(changed.output.find("KJ20000002") != std::string::npos);
    CHECK(changed.output.find("2件") != std::string::npos);  // both clients were logged in
    CHECK(first.license().error().http_status == 401);
    CHECK(second.login({"KJ20000002", "first-password-1"}).error().http_status == 401);
    REQUIRE(second.login({"KJ20000002", "second-password-2"}).ok());
    REQUIRE(first.login({"KJ20000002", "second-password-2"}).ok());

    AdminRun revoked = admin(dir, {"sessions", "revoke", "--user", "KJ20000002"});
    CHECK(revoked.code == 0);
    CHECK(revoked.output.find("2件") != std::string::npos);
    CHECK(first.license().error().http_status == 401);
    CHECK(second.license().error().http_status == 401);
    CHECK(admin(dir, {"sessions", "revoke", "--user", "KJ20000002"}).output.find("0件") != std::string::npos);

    REQUIRE(first.login({"KJ20000002", "second-password-2"}).ok());
    AdminRun removed = admin(dir, {"user", "remove", "KJ20000002"});
    CHECK(removed.code == 0);
    CHECK(removed.output.find("1件") != std::string::npos);
    CHECK(first.license().error().http_status == 401);
    CHECK(first.login({"KJ20000002", "second-password-2"}).error().http_status == 401);
    service.child->signal(SIGTERM);
    CHECK(service.child->wait() == 0);

    // Unknown users: a clear message, nothing changed, nothing asked.
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"user", "passwd", "KJ20000002"},
                                               {"user", "remove", "KJ20000002"},
                                               {"sessions", "revoke", "--user", "KJ20000002"}}) {
        AdminRun unknown = admin(dir, args, "third-password-3\n");
        CHECK(unknown.code == 1);
        CHECK(unknown.output.find("ユーザIDが登録されていません: KJ20000002") != std::string::npos);
    }
    // Not an ID, or none: a usage error that does not repeat what was typed.
    AdminRun malformed = admin(dir, {"user", "passwd", "my-secret-pass"});
    CHECK(malformed.code == 2);
    CHECK(malformed.output.find("my-secret-pass") == std::string::npos);
    CHECK(admin(dir, {"user", "remove"}).code == 2);
    CHECK(admin(dir, {"sessions", "revoke"}).code == 2);
}

TEST_CASE("administration: a user with applications is kept") {
    TempDir dir{"careplan-proc-"};
    {
        Running service = serve(dir, {"--demo"});
        auto client = client_for(service.url);
        REQUIRE(client.login({"KJ00000001", "demo-pass-0001"}).ok());
        REQUIRE(client.apply(application("1370000001"), "remove-test").ok());
        service.child->signal(SIGTERM);
        CHECK(service.child->wait() == 0);
    }
    AdminRun kept = admin(dir, {"user", "remove", "KJ00000001"});
    CHECK(kept.code == 1);
    CHECK(kept.output.find("申請 1件") != std::string::npos);
    CHECK(admin(dir, {"applications", "list", "--csv"}).output.find("KJ00000001") != std::string::npos);
}

TEST_CASE("administration: on a terminal the password is asked twice and never echoed") {
    TempDir dir{"careplan-proc-"};
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    std::string terminal = ptsname(master);
    std::string err = dir.file("tty.log");
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setsid();
        int slave = open(terminal.c_str(), O_RDWR);
        int log = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(slave, 0);
        dup2(slave, 1);
        dup2(log, 2);
        close(master);
        execl(CAREPLAN_SERVICE_BINARY, CAREPLAN_SERVICE_BINARY, "--db", dir.file("service.db").c_str(),
              "user", "add", "KJ20000003", "--office", "1310000004", "--office-name", "TTY", nullptr);
        _exit(127);
    }
    // Everything the terminal shows until the program ends.
    std::string shown;
    auto read_terminal = [&](std::chrono::milliseconds wait) {
        pollfd fd{master, POLLIN, 0};
        char chunk[512];
        while (poll(&fd, 1, static_cast<int>(wait.count())) > 0) {
            ssize_t got = read(master, chunk, sizeof chunk);
            if (got <= 0) break;
            shown.append(chunk, static_cast<std::size_t>(got));
        }
    };
    // Typed only once the prompt is there, i.e. echo is already off.
    auto type_after_prompt = [&](const std::string& typed, std::size_t prompts) {
        for (int i = 0; i < 200; ++i) {
            std::string log = read_file(err);
            std::size_t count = 0;
            for (auto at = log.find(':'); at != std::string::npos; at = log.find(':', at + 1)) ++count;
            if (count >= prompts) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        REQUIRE(write(master, typed.data(), typed.size()) == ssize_t(typed.size()));
        read_terminal(std::chrono::milliseconds(200));
    };
    type_after_prompt("Tty-Marker-9C4D\n", 1);
    type_after_prompt("Tty-Marker-9C4D\n", 2);
    read_terminal(std::chrono::milliseconds(3000));
    int status = 0;
    waitpid(pid, &status, 0);
    close(master);
    std::string log = read_file(err);
    INFO(shown << "\n" << log);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(shown.find("added KJ20000003") != std::string::npos);
    CHECK(shown.find("Tty-Marker") == std::string::npos);
    CHECK(log.find("Tty-Marker") == std::string::npos);
    CHECK(log.find("表示されません") != std::string::npos);
}

TEST_CASE("refusals: --demo and plain HTTP off loopback, unknown options") {
    TempDir dir{"careplan-proc-"};
    auto refused = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", dir.file("service.db")});
        Child child(args, dir.file("refused.log"));
        int code = child.wait();
        return std::pair{code, child.error_output()};
    };
    auto [demo_code, demo_log] = refused({"--listen", "0.0.0.0:0", "--demo"});
    CHECK(demo_code == 1);
    CHECK(demo_log.find("--demo") != std::string::npos);
    auto [plain_code, plain_log] = refused({"--listen", "0.0.0.0:0"});
    CHECK(plain_code == 1);
    CHECK(plain_log.find("--insecure-listen") != std::string::npos);
    CHECK(refused({"--listen", "127.0.0.1:0", "--frobnicate"}).first == 2);
    CHECK(refused({"--listen", "127.0.0.1:99999"}).first == 2);
    CHECK(refused({"--listen", "127.0.0.1:0", "--today", "2026-02-30"}).first == 2);
}

TEST_CASE("HTTPS with --cert and --key") {
    TempDir dir{"careplan-proc-"};
    std::string cert = dir.file("cert.pem"), key = dir.file("key.pem");
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1 -keyout " +
        key + " -out " + cert + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) SKIP("no openssl command to make a certificate");
    Running service = serve(dir, {"--cert", cert, "--key", key, "--demo"});
    CHECK(service.url.starts_with("https://127.0.0.1:"));
    auto trusted = client_for(service.url, cert);
    CHECK(trusted.health().ok());
    CHECK(trusted.login({"KJ00000001", "demo-pass-0001"}).ok());
    auto untrusted = client_for(service.url);
    auto refused = untrusted.health();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "TLS_ERROR");
}

TEST_CASE("the executable's database, -wal, -shm and mail log are owner-only") {
    TempDir dir{"careplan-proc-"};
    Running service = serve(dir, {"--demo"});
    REQUIRE(client_for(service.url).login({"KJ00000001", "demo-pass-0001"}).ok());
    for (const char* name : {"service.db", "service.db-wal", "service.db-shm", "service.db.mail.log"}) {
        INFO(name);
        const auto owner_only = fs::perms::owner_read | fs::perms::owner_write;
        CHECK((fs::status(dir.file(name)).permissions() & fs::perms::all) == owner_only);
    }
}

// A real full disk: the database on a 2 MiB tmpfs filled to the last byte.
// Mounting needs root; without it the test fails rather than passes (the
// in-process faults_test makes SQLITE_FULL with SQLite's own limit anywhere).
TEST_CASE("on a full disk logins answer 503 with Retry-After, and work again once there is room") {
    TempDir dir{"careplan-proc-"};
    const fs::path disk = dir.path / "disk";
    fs::create_directories(disk);
    {
        INFO("mounting a tmpfs needs root (run as root, or run faults_test for the same fault)");
        REQUIRE(std::system(("mount -t tmpfs -o size=2m tmpfs " + disk.string()).c_str()) == 0);
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { std::system(("umount " + at.string()).c_str()); }
    } unmount{disk};
    Running service = serve(dir, {"--db", (disk / "service.db").string(), "--demo"});
    auto client = client_for(service.url);
    REQUIRE(client.login({"KJ00000001", "demo-pass-0001"}).ok());

    const std::string filler = (disk / "filler").string();
    {
        int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT, 0600);
        REQUIRE(fd >= 0);
        std::string block(4096, 'x');
        while (::write(fd, block.data(), block.size()) > 0) {
        }
        CHECK(errno == ENOSPC);
        while (::write(fd, block.data(), 1) > 0) {
        }
        ::close(fd);
    }
    // The answer as sent (the client library reports any 5xx as SERVER_ERROR).
    const std::string login = R"({"user_id":"KJ00000001","password":"demo-pass-0001"})";
    std::optional<api::RawResponse> refused;
    for (int n = 0; n < 50 && !refused; ++n) {
        auto answer = client.send("POST", "/api/v1/sessions", login);
        REQUIRE(answer.ok());
        if (answer.value().status != 201) refused = answer.value();
    }
    REQUIRE(refused.has_value());
    CHECK(refused->status == 503);
    CHECK(refused->body.find("\"STORAGE_UNAVAILABLE\"") != std::string::npos);
    CHECK(refused->header("Retry-After") == "30");
    CHECK(client.health().ok());  // still serving

    fs::remove(filler);
    CHECK(client.login({"KJ00000001", "demo-pass-0001"}).ok());
    CHECK(client.license().ok());
    service.child->signal(SIGTERM);
    CHECK(service.child->wait() == 0);
    CHECK(service.child->error_output().find("storage unavailable (answered 503)") != std::string::npos);
}
