// Integration tests of API v1 over loopback: every call and status of the
// API table, against an in-process service with the demo offices.

#include <atomic>
#include <regex>
#include <thread>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <httplib.h>

#include "careplan/api/client.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/license.hpp"
#include "careplan/service/store.hpp"
#include "support.hpp"

using namespace careplan;
using careplan::test::TestService;
using careplan::test::valid_application;
using nlohmann::json;

namespace {

core::Date today_plus(int days) { return core::add_days(test::demo_today(), days); }

api::RawResponse raw(api::Client& client, std::string_view method, std::string_view path,
                     std::string_view body = {}, std::string_view content_type = "application/json",
                     const std::multimap<std::string, std::string>& headers = {}) {
    auto response = client.send(method, path, body, content_type, headers);
    REQUIRE(response.ok());
    return response.value();
}

// The error JSON of an answer: {"error": {"code", "message", ...}}.
json error_of(const api::RawResponse& response) {
    json body = json::parse(response.body);
    REQUIRE(body.contains("error"));
    REQUIRE(body["error"]["code"].is_string());
    REQUIRE(body["error"]["message"].is_string());
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    CHECK(response.header("Content-Type").starts_with("application/json"));
    return body["error"];
}

}  // namespace

TEST_CASE("health, terms and notices answer without a session") {
    TestService service;
    auto client = service.client();

    auto health = client.health();
    REQUIRE(health.ok());
    CHECK(health.value().status == "ok");
    CHECK(health.value().time.ends_with("+09:00"));

    auto terms = client.terms();
    REQUIRE(terms.ok());
    CHECK(terms.value().terms.version == valid_application(1).terms_version);
    CHECK(terms.value().privacy.version == valid_application(1).privacy_version);
    CHECK(terms.value().terms.text.find("取消") != std::string::npos);        // FAQ A5
    CHECK(terms.value().terms.text.find("介護給付費") != std::string::npos);  // FAQ A4
    CHECK(terms.value().terms.text.find("2～3営業日") != std::string::npos);  // FAQ A2

    auto notice = client.notices();
    REQUIRE(notice.ok());
    CHECK(notice.value().latest_client_version == "1.1.2");
    CHECK(core::format_iso(notice.value().released_on) == "2024-02-28");
}

TEST_CASE("login answers the user and office; logout ends the session") {
    TestService service;
    auto client = service.client();
    // Full-width input is normalised before it is checked.
    auto session = client.login({" ＫＪ０００００００１ ", "demo-pass-0001"});
    REQUIRE(session.ok());
    CHECK(session.value().user.user_id == "KJ00000001");
    CHECK(session.value().user.office_number == "1370000001");
    CHECK(session.value().user.office_name == "デモ居宅介護支援事業所 1");
    CHECK(session.value().expires_at.ends_with("+09:00"));
    CHECK(client.license().ok());

    std::string token = client.token();
    REQUIRE(client.logout().ok());
    client.set_token(token);
    auto after = client.license();
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().http_status == 401);
    CHECK(after.error().code == "UNAUTHORIZED");
    CHECK(client.logout().error().http_status == 401);
}

// The client's embedded demo service: the port is bound at once, the offices
// are seeded while the window opens; a login may arrive before it serves.
TEST_CASE("a service started in the background answers a login sent right away") {
    service::Service service(TestService::default_options());
    service.start_in_background("127.0.0.1", 0);
    api::Client client({service.base_url(), std::chrono::seconds(5), std::chrono::seconds(10)});
    auto session = client.login({"KJ00000001", "demo-pass-0001"});
    REQUIRE(session.ok());
    CHECK(session.value().user.user_id == "KJ00000001");
    service.stop();
}

TEST_CASE("a service started in the background stops at once, whether it serves yet or not") {
    for (int i = 0; i < 5; ++i) {
        service::Service service(TestService::default_options());
        service.start_in_background("127.0.0.1", 0);
        service.stop();  // waits for serving to start, then ends it: no hang
        CHECK(service.base_url().starts_with("http://127.0.0.1:"));
    }
}

TEST_CASE("bad credentials are 401, a malformed ID is 422 per field") {
    TestService service;
    auto client = service.client();
    auto wrong = client.login({"KJ00000001", "wrong-password"});
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().http_status == 401);
    CHECK(wrong.error().code == "INVALID_CREDENTIALS");

    auto unknown = client.login({"KJ99999999", "demo-pass-0001"});
    CHECK(unknown.error().http_status == 401);
    CHECK(unknown.error().code == "INVALID_CREDENTIALS");

    auto malformed = client.login({"AB123", ""});
    REQUIRE_FALSE(malformed.ok());
    CHECK(malformed.error().http_status == 422);
    CHECK(malformed.error().code == "VALIDATION_FAILED");
    CHECK(malformed.error().fields.contains("user_id"));
    CHECK(malformed.error().fields.contains("password"));
}

TEST_CASE("five wrong passwords lock the ID out, even for the right password") {
    auto options = TestService::default_options();
    options.login_limits.per_user_and_address.window = std::chrono::seconds(2);
    TestService service(options);
    auto client = service.client();
    for (int attempt = 1; attempt <= 4; ++attempt) {
        CHECK(client.login({"KJ00000002", "wrong"}).error().http_status == 401);
    }
    auto fifth = client.login({"KJ00000002", "wrong"});
    CHECK(fifth.error().http_status == 429);
    auto right = client.login({"KJ00000002", "demo-pass-0002"});
    REQUIRE_FALSE(right.ok());
    CHECK(right.error().http_status == 429);
    CHECK(right.error().code == "LOCKED_OUT");
    REQUIRE(right.error().retry_after_seconds.has_value());
    CHECK(*right.error().retry_after_seconds >= 1);
    CHECK(*right.error().retry_after_seconds <= 2);
    // Other IDs are not affected.
    CHECK(client.login({"KJ00000001", "demo-pass-0001"}).ok());

    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(client.login({"KJ00000002", "demo-pass-0002"}).ok());
}

TEST_CASE("the demo offices sit on the 60/61/0/-10 day boundaries") {
    TestService service;
    struct Expected {
        int office;
        int days;
        core::LicenseStatus status;
        bool eligible;
    };
    using core::LicenseStatus;
    auto [office, days, status, eligible] = GENERATE(
        Expected{1, 45, LicenseStatus::renewal_open, true}, Expected{2, 120, LicenseStatus::active, false},
        Expected{3, 30, LicenseStatus::renewal_pending, false},
        Expected{4, -10, LicenseStatus::expired, true}, Expected{5, 60, LicenseStatus::renewal_open, true},
        Expected{6, 61, LicenseStatus::active, false}, Expected{7, 0, LicenseStatus::renewal_open, true});
    INFO("demo office " << office);
    auto client = service.login(office);
    auto license = client->license();
    REQUIRE(license.ok());
    const core::License& l = license.value();
    CHECK(l.today == test::demo_today());
    CHECK(l.office_number == test::demo_office_number(office));
    CHECK(l.valid_until == today_plus(days));
    CHECK(core::one_year_period_end(l.valid_from) == l.valid_until);
    CHECK(l.days_remaining == days);
    CHECK(l.status == status);
    CHECK(l.renewal.eligible == eligible);
    CHECK(l.renewal.reason.empty() == eligible);
    if (days > 60) CHECK(l.renewal.opens_on == today_plus(days - 60));
    CHECK(l.renewal.application.has_value() == (office == 3));
    if (office == 3) CHECK(l.renewal.application->message == "事前申請受付済みです");
}

TEST_CASE("an application is accepted once per period, as a renewal or anew") {
    TestService service;
    auto [office, kind] = GENERATE(
        std::pair{1, core::ApplicationKind::renewal}, std::pair{5, core::ApplicationKind::renewal},
        std::pair{7, core::ApplicationKind::renewal}, std::pair{4, core::ApplicationKind::new_application});
    INFO("demo office " << office);
    auto client = service.login(office);
    auto before = client->license().value();
    auto outcome = core::application_outcome(before.valid_until, test::demo_today());

    auto accepted = client->apply(valid_application(office), api::new_idempotency_key());
    REQUIRE(accepted.ok());
    const core::ApplicationResult& result = accepted.value();
    CHECK(result.kind == kind);
    CHECK(result.status == "accepted");
    CHECK(result.message == "事前申請受付済みです");
    CHECK(result.notify_by == core::notify_by(test::demo_today()));
    CHECK(result.fee_months == outcome.fee_months);
    CHECK(result.application_id.starts_with("AP20261125-"));

    auto after = client->license().value();
    CHECK(after.status == core::LicenseStatus::renewal_pending);
    CHECK_FALSE(after.renewal.eligible);
    REQUIRE(after.renewal.application.has_value());
    CHECK(*after.renewal.application == result);

    auto again = client->apply(valid_application(office), api::new_idempotency_key());
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().http_status == 409);
    CHECK(again.error().code == "ALREADY_APPLIED");
}

TEST_CASE("applying before the window opens is 409 RENEWAL_NOT_OPEN") {
    TestService service;
    auto office = GENERATE(2, 6);
    auto client = service.login(office);
    auto refused = client->apply(valid_application(office), api::new_idempotency_key());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().http_status == 409);
    CHECK(refused.error().code == "RENEWAL_NOT_OPEN");
    CHECK_FALSE(refused.error().message.empty());
    CHECK(client->license().value().status == core::LicenseStatus::active);
}

TEST_CASE("Idempotency-Key: a replay answers the same 201, another body is 422") {
    TestService service;
    auto client = service.login(1);
    std::string key = api::new_idempotency_key();
    auto first = client->apply(valid_application(1), key);
    REQUIRE(first.ok());

    auto replay = client->apply(valid_application(1), key);
    REQUIRE(replay.ok());
    CHECK(replay.value() == first.value());

    // Same JSON with other spacing and key order is the same body.
    json body = api::to_wire(valid_application(1));
    auto spaced = raw(*client, "POST", "/api/v1/applications", body.dump(4), "application/json",
                      {{"Idempotency-Key", key}});
    CHECK(spaced.status == 201);
    CHECK(json::parse(spaced.body) == api::to_wire(first.value()));

    auto other = valid_application(1);
    other.applicant_name = "別の 名前";
    auto reused = client->apply(other, key);
    REQUIRE_FALSE(reused.ok());
    CHECK(reused.error().http_status == 422);
    CHECK(reused.error().code == "IDEMPOTENCY_KEY_REUSED");

    // The key belongs to its user: office 5 may use the same string.
    auto office5 = service.login(5);
    CHECK(office5->apply(valid_application(5), key).ok());
}

TEST_CASE("20 concurrent submissions with 20 keys give exactly one 201") {
    TestService service;
    constexpr int submitters = 20;
    std::atomic<int> accepted = 0, already_applied = 0, other = 0;
    std::vector<std::unique_ptr<api::Client>> clients;
    for (int i = 0; i < submitters; ++i) clients.push_back(service.login(1));
    std::atomic<bool> go = false;
    std::mutex unexpected_mutex;
    std::string unexpected;
    std::vector<std::thread> threads;
    for (int i = 0; i < submitters; ++i) {
        threads.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            auto result = clients[i]->apply(valid_application(1), "concurrent-" + std::to_string(i));
            if (result.ok()) {
                ++accepted;
            } else if (result.error().code == "ALREADY_APPLIED") {
                ++already_applied;
            } else {
                std::lock_guard lock(unexpected_mutex);
                unexpected += std::to_string(result.error().http_status) + " " + result.error().code + "; ";
                ++other;
            }
        });
    }
    go = true;
    for (auto& thread : threads) thread.join();
    INFO("unexpected answers: " << unexpected);
    CHECK(accepted == 1);
    CHECK(already_applied == submitters - 1);
    CHECK(other == 0);
    auto stored = service.service().store().read([](service::Tx& tx) { return tx.applications(); });
    CHECK(std::count_if(stored.begin(), stored.end(),
                        [](const auto& a) { return a.user_id == "KJ00000001"; }) == 1);
}

TEST_CASE("validation: 422 with one entry per bad field") {
    TestService service;
    auto client = service.login(1);

    auto empty = client->apply({}, api::new_idempotency_key());
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().http_status == 422);
    CHECK(empty.error().code == "VALIDATION_FAILED");
    for (const char* field : {"applicant_name", "applicant_kana", "email", "phone", "office_number",
                              "agree_terms", "agree_privacy"}) {
        INFO(field);
        REQUIRE(empty.error().fields.contains(field));
        CHECK_FALSE(empty.error().fields.at(field).message.empty());
    }

    auto wrong = valid_application(1);
    wrong.office_number = "1370000002";  // another office's number
    wrong.terms_version = "2020.1";      // agreed to an old text
    wrong.applicant_kana = "yamada";
    auto refused = client->apply(wrong, api::new_idempotency_key());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().fields.size() == 3);
    CHECK(refused.error().fields.at("office_number").code == "MISMATCH");
    CHECK(refused.error().fields.at("agree_terms").code == "OUTDATED");
    CHECK(refused.error().fields.contains("applicant_kana"));

    auto too_long = valid_application(1);
    too_long.applicant_name = std::string(51 * 3, 'a');
    CHECK(client->apply(too_long, api::new_idempotency_key()).error().fields.contains("applicant_name"));
    // Nothing was accepted by any of these.
    CHECK(client->license().value().status == core::LicenseStatus::renewal_open);
}

TEST_CASE("400: not JSON, not an object, a wrong type, no Idempotency-Key") {
    TestService service;
    auto client = service.login(1);
    std::multimap<std::string, std::string> key = {{"Idempotency-Key", "k-400"}};
    auto body = api::to_wire(valid_application(1));
    auto wrong_type = body;
    wrong_type["applicant_name"] = 5;
    auto wrong_bool = body;
    wrong_bool["agree_terms"] = "yes";

    for (const std::string& text : {std::string("{not json"), std::string("[1,2]"), std::string("\"text\""),
                                    wrong_type.dump(), wrong_bool.dump(), std::string("{\"a\":\"\xff\"}")}) {
        INFO(text);
        auto answer = raw(*client, "POST", "/api/v1/applications", text, "application/json", key);
        CHECK(answer.status == 400);
        CHECK(error_of(answer)["code"] == "BAD_REQUEST");
    }
    auto no_key = raw(*client, "POST", "/api/v1/applications", body.dump());
    CHECK(no_key.status == 400);
    auto bad_key = raw(*client, "POST", "/api/v1/applications", body.dump(), "application/json",
                       {{"Idempotency-Key", "has space"}});
    CHECK(bad_key.status == 400);
    auto login_array = raw(*client, "POST", "/api/v1/sessions", "[]");
    CHECK(login_array.status == 400);
}

TEST_CASE("401, 404, 405, 413, 414, 415 and parser errors carry the error JSON") {
    TestService service;
    auto client = service.client();

    auto no_token = raw(client, "GET", "/api/v1/license");
    CHECK(no_token.status == 401);
    CHECK(error_of(no_token)["code"] == "UNAUTHORIZED");
    for (const char* token : {"Bearer nonsense", "Basic abc",
                              "Bearer "
                              "00000000000000000000000000000000."
                              "0000000000000000000000000000000000000000000000000000000000000000"}) {
        auto answer = raw(client, "GET", "/api/v1/license", {}, {}, {{"Authorization", token}});
        CHECK(answer.status == 401);
    }
    auto apply_anonymous = raw(client, "POST", "/api/v1/applications", "{}");
    CHECK(apply_anonymous.status == 401);

    auto unknown = raw(client, "GET", "/api/v2/license");
    CHECK(unknown.status == 404);
    CHECK(error_of(unknown)["code"] == "NOT_FOUND");

    struct WrongMethod {
        const char* method;
        const char* path;
        const char* allow;
    };
    for (auto [method, path, allow] :
         {WrongMethod{"GET", "/api/v1/sessions", "POST"}, WrongMethod{"PUT", "/api/v1/license", "GET"},
          WrongMethod{"POST", "/api/v1/health", "GET"},
          WrongMethod{"GET", "/api/v1/sessions/current", "DELETE"},
          WrongMethod{"DELETE", "/api/v1/applications", "POST"}, WrongMethod{"PATCH", "/api/v1/terms", "GET"},
          WrongMethod{"OPTIONS", "/api/v1/notices", "GET"}, WrongMethod{"TRACE", "/api/v1/license", "GET"},
          WrongMethod{"HEAD", "/api/v1/health", "GET"}}) {
        INFO(method << " " << path);
        auto answer = raw(client, method, path);
        CHECK(answer.status == 405);
        CHECK(answer.header("Allow") == allow);
        if (std::string_view(method) != "HEAD") CHECK(error_of(answer)["code"] == "METHOD_NOT_ALLOWED");
    }

    auto too_large = raw(client, "POST", "/api/v1/sessions", std::string(65 * 1024, ' '));
    CHECK(too_large.status == 413);
    CHECK(error_of(too_large)["code"] == "PAYLOAD_TOO_LARGE");

    auto long_uri = raw(client, "GET", "/api/v1/" + std::string(9000, 'a'));
    CHECK(long_uri.status == 414);
    CHECK(error_of(long_uri)["code"] == "URI_TOO_LONG");

    auto big_header = raw(client, "GET", "/api/v1/health", {}, {}, {{"X-Padding", std::string(10000, 'x')}});
    CHECK((big_header.status == 400 || big_header.status == 431));
    error_of(big_header);

    for (const char* type : {"text/plain", "application/x-www-form-urlencoded", ""}) {
        INFO("Content-Type " << type);
        auto answer = raw(client, "POST", "/api/v1/sessions",
                          R"({"user_id":"KJ00000001","password":"demo-pass-0001"})", type);
        CHECK(answer.status == 415);
        CHECK(error_of(answer)["code"] == "UNSUPPORTED_MEDIA_TYPE");
    }
    auto with_charset =
        raw(client, "POST", "/api/v1/sessions", R"({"user_id":"KJ00000001","password":"demo-pass-0001"})",
            "application/json; charset=utf-8");
    CHECK(with_charset.status == 201);
}

TEST_CASE("the request log has one line per call, no secrets, IDs masked") {
    TestService service;
    auto client = service.client();
    auto session = client.login({"KJ00000001", "demo-pass-0001"});
    REQUIRE(session.ok());
    CHECK(client.license().ok());
    CHECK(client.login({"KJ00000001", "wrong-secret"}).error().http_status == 401);
    auto lines = service.log_lines();
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(line.find("demo-pass-0001") == std::string::npos);
        CHECK(line.find("wrong-secret") == std::string::npos);
        CHECK(line.find(session.value().token.substr(0, 16)) == std::string::npos);
        CHECK(line.find("KJ00000001") == std::string::npos);
        CHECK(line.find("user=KJ******01") != std::string::npos);
    }
    CHECK(lines[0].find("POST /api/v1/sessions 201") != std::string::npos);
}

TEST_CASE("the client maps an unreachable service to NETWORK_UNREACHABLE") {
    int port = 0;
    {
        TestService service;
        port = service.service().port();
    }
    api::Client client(
        {"http://127.0.0.1:" + std::to_string(port), std::chrono::seconds(2), std::chrono::seconds(2)});
    auto health = client.health();
    REQUIRE_FALSE(health.ok());
    CHECK(health.error().http_status == 0);
    CHECK(health.error().code == "NETWORK_UNREACHABLE");
    CHECK_FALSE(health.error().message.empty());
}

// ---- POST /api/v1/inquiries (問い合わせフォーム) ----

namespace {

core::InquiryInput inquiry(const std::string& marker = "") {
    core::InquiryInput input;
    input.category = core::InquiryCategory::login;
    input.message = "ログインできません。" + marker;
    input.reply_email = "care@example.jp";
    input.office_number = test::demo_office_number(1);
    return input;
}

bool is_inquiry_id(const std::string& id) {
    static const std::regex shape("Q-261125-[2-9A-HJ-NP-Z]{4}");  // demo_today() is 2026-11-25
    return std::regex_match(id, shape);
}

std::vector<service::StoredInquiry> stored_inquiries(TestService& service) {
    return service.service().store().read([](service::Tx& tx) { return tx.inquiries(); });
}

// An inquiry sent from another client address of this PC (127.0.0.2).
api::RawResponse inquiry_from(TestService& service, const std::string& address, const std::string& key,
                              const core::InquiryInput& input) {
    httplib::Client http(service.service().base_url());
    http.set_interface(address);
    auto answer = http.Post("/api/v1/inquiries", {{"Idempotency-Key", key}}, api::to_wire(input).dump(),
                            "application/json");
    REQUIRE(answer);
    api::RawResponse raw;
    raw.status = answer->status;
    raw.body = answer->body;
    raw.headers.insert(answer->headers.begin(), answer->headers.end());
    return raw;
}

}  // namespace

TEST_CASE("an inquiry before login is stored with the typed office and gets a number to quote") {
    TestService service;
    auto client = service.client();
    core::InquiryInput input = inquiry();
    input.phone = "０３ー１２３４ー５６７８";  // normalised as on the application form
    input.attachment = "S01 KJ******01\r\nversion 1.1.2";
    auto receipt = client.submit_inquiry(input, "inq-anonymous");
    REQUIRE(receipt.ok());
    CHECK(is_inquiry_id(receipt.value().inquiry_id));
    CHECK(receipt.value().received_at.ends_with("+09:00"));

    auto stored = stored_inquiries(service);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].inquiry_id == receipt.value().inquiry_id);
    CHECK(stored[0].received_at == receipt.value().received_at);
    CHECK(stored[0].input.category == core::InquiryCategory::login);
    CHECK(stored[0].input.message == input.message);
    CHECK(stored[0].input.reply_email == "care@example.jp");
    CHECK(stored[0].input.phone == "03-1234-5678");
    CHECK(stored[0].input.office_number == test::demo_office_number(1));
    CHECK(stored[0].input.attachment == "S01 KJ******01\nversion 1.1.2");
    CHECK_FALSE(stored[0].user_id.has_value());
}

TEST_CASE("an inquiry after login takes the session's office; a bad token is 401") {
    TestService service;
    auto client = service.login(4);
    core::InquiryInput input = inquiry();
    input.office_number = "";  // not asked after login
    auto receipt = client->submit_inquiry(input, "inq-session");
    REQUIRE(receipt.ok());
    input.office_number = test::demo_office_number(1);  // typed, but not this office's: ignored
    REQUIRE(client->submit_inquiry(input, "inq-session-typed").ok());
    auto stored = stored_inquiries(service);
    REQUIRE(stored.size() == 2);
    for (const auto& one : stored) {
        CHECK(one.input.office_number == test::demo_office_number(4));
        CHECK(one.user_id == test::demo_user(4));
    }
    CHECK(stored[0].inquiry_id != stored[1].inquiry_id);

    std::string token = client->token();
    REQUIRE(client->logout().ok());
    client->set_token(token);  // ended: not taken as "no session"
    auto expired = client->submit_inquiry(inquiry(), "inq-old-token");
    REQUIRE_FALSE(expired.ok());
    CHECK(expired.error().http_status == 401);
    CHECK(expired.error().code == "UNAUTHORIZED");
    CHECK(stored_inquiries(service).size() == 2);
}

TEST_CASE("a bad inquiry is 422 naming each bad field, and nothing is stored") {
    TestService service;
    auto client = service.client();
    core::InquiryInput input;
    input.message = std::string(10, '\x1b');
    input.reply_email = "not-a-mail";
    input.phone = "12";
    input.office_number = "13700";
    input.attachment = std::string(core::max_inquiry_attachment_bytes + 1, 'x');
    auto refused = client.submit_inquiry(input, "inq-bad");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().http_status == 422);
    CHECK(refused.error().code == "VALIDATION_FAILED");
    const auto& fields = refused.error().fields;
    CHECK(fields.size() == 6);
    CHECK(fields.at("category").code == "REQUIRED");
    CHECK(fields.at("message").code == "INVALID_FORMAT");
    CHECK(fields.at("reply_email").code == "INVALID_FORMAT");
    CHECK(fields.at("phone").code == "INVALID_FORMAT");
    CHECK(fields.at("office_number").code == "INVALID_FORMAT");
    CHECK(fields.at("attachment").code == "TOO_LONG");
    for (const auto& [name, field] : fields) CHECK_FALSE(field.message.empty());

    json unknown_category = api::to_wire(inquiry());
    unknown_category["category"] = "billing";
    auto answer = raw(client, "POST", "/api/v1/inquiries", unknown_category.dump(), "application/json",
                      {{"Idempotency-Key", "inq-category"}});
    CHECK(answer.status == 422);
    CHECK(error_of(answer)["fields"]["category"]["code"] == "REQUIRED");
    auto no_key = raw(client, "POST", "/api/v1/inquiries", api::to_wire(inquiry()).dump());
    CHECK(no_key.status == 400);
    CHECK(stored_inquiries(service).empty());
}

TEST_CASE("an inquiry retried with its key is answered the same and stored once") {
    TestService service;
    auto client = service.client();
    auto first = client.submit_inquiry(inquiry(), "inq-retry");
    REQUIRE(first.ok());
    auto again = client.submit_inquiry(inquiry(), "inq-retry");
    REQUIRE(again.ok());
    CHECK(again.value() == first.value());
    CHECK(stored_inquiries(service).size() == 1);

    auto changed = client.submit_inquiry(inquiry("（追記）"), "inq-retry");
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().http_status == 422);
    CHECK(changed.error().code == "IDEMPOTENCY_KEY_REUSED");
    CHECK(stored_inquiries(service).size() == 1);
}

TEST_CASE("inquiries are limited per client address and hour; another address still passes") {
    auto options = TestService::default_options();
    options.max_inquiries_per_hour = 3;
    TestService service(options);
    auto client = service.client();
    std::string first_id;
    for (int n = 1; n <= 3; ++n) {
        auto sent = client.submit_inquiry(inquiry(std::to_string(n)), "inq-limit-" + std::to_string(n));
        REQUIRE(sent.ok());
        if (n == 1) first_id = sent.value().inquiry_id;
    }
    auto fourth = client.submit_inquiry(inquiry("4"), "inq-limit-4");
    REQUIRE_FALSE(fourth.ok());
    CHECK(fourth.error().http_status == 429);
    CHECK(fourth.error().code == "TOO_MANY_INQUIRIES");
    REQUIRE(fourth.error().retry_after_seconds.has_value());
    CHECK(*fourth.error().retry_after_seconds > 3500);
    CHECK(*fourth.error().retry_after_seconds <= 3600);
    // A retry of an inquiry already received still gets its number.
    auto replay = client.submit_inquiry(inquiry("1"), "inq-limit-1");
    REQUIRE(replay.ok());
    CHECK(replay.value().inquiry_id == first_id);

    auto other = inquiry_from(service, "127.0.0.2", "inq-limit-other", inquiry("other"));
    CHECK(other.status == 201);
    CHECK(stored_inquiries(service).size() == 4);
}

TEST_CASE("the request log holds nothing of an inquiry's content") {
    TestService service;
    auto anonymous = service.client();
    auto logged_in = service.login(2);
    core::InquiryInput input = inquiry("MARKER-MESSAGE-7F3A");
    input.reply_email = "marker-mail-7f3a@example.jp";
    input.phone = "09-8765-4321";
    input.attachment = "MARKER-ATTACHMENT-7F3A";
    REQUIRE(anonymous.submit_inquiry(input, "inq-log-1").ok());
    REQUIRE(logged_in->submit_inquiry(input, "inq-log-2").ok());
    input.reply_email = "broken-marker-7f3a";
    CHECK(anonymous.submit_inquiry(input, "inq-log-3").error().http_status == 422);

    auto lines = service.log_lines();
    REQUIRE(lines.size() == 4);  // the login and three inquiries
    for (const auto& line : lines) {
        INFO(line);
        for (const char* secret : {"MARKER", "7f3a", "7F3A", "8765", "4321", "inq-log", "ログイン",
                                   "1370000001", "1370000002", "KJ00000002"}) {
            CHECK(line.find(secret) == std::string::npos);
        }
    }
    CHECK(lines[1].find("POST /api/v1/inquiries 201") != std::string::npos);
    CHECK(lines[2].find("user=KJ******02") != std::string::npos);
}
