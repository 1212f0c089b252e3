// careplan_api: the wire contract (JSON <-> core model) and the client's
// mapping of transport failures and odd answers to stable codes.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <thread>

#include <catch2/catch_test_macros.hpp>

#include "careplan/api/client.hpp"
#include "careplan/api/wire.hpp"
#include "careplan/core/errors.hpp"

using namespace careplan;
using nlohmann::json;

namespace {

core::Date date(int y, unsigned m, unsigned d) {
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

// Accepts one connection on loopback, reads the request, answers `reply`
// verbatim (or nothing, holding the connection, when reply is empty); with a
// `pause`, one byte at a time. It stops writing once the client has gone.
class OneShotServer {
  public:
    explicit OneShotServer(std::string reply, std::chrono::milliseconds pause = {}) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(listen(fd_, 1) == 0);
        socklen_t length = sizeof addr;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this, pause, reply = std::move(reply)] {
            int client = accept(fd_, nullptr, nullptr);
            char buffer[8192];
            (void)!read(client, buffer, sizeof buffer);
            if (reply.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            const std::size_t step = pause.count() > 0 ? 1 : reply.size();
            for (std::size_t at = 0; at < reply.size(); at += step) {
                if (send(client, reply.data() + at, std::min(step, reply.size() - at), MSG_NOSIGNAL) <= 0)
                    break;
                std::this_thread::sleep_for(pause);
            }
            close(client);
        });
    }
    ~OneShotServer() {
        thread_.join();
        close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  private:
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
};

std::string http(const std::string& status, const std::string& body, const std::string& extra = {}) {
    return "HTTP/1.1 " + status +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n" + extra + "\r\n" + body;
}

core::ApiError health_error(const std::string& reply) {
    OneShotServer server(reply);
    api::Client client({server.url(), std::chrono::seconds(2), std::chrono::milliseconds(500)});
    auto result = client.health();
    REQUIRE_FALSE(result.ok());
    return result.error();
}

}  // namespace

TEST_CASE("the license round-trips through its JSON") {
    core::License license;
    license.today = date(2026, 11, 25);
    license.valid_from = date(2026, 1, 10);
    license.valid_until = date(2027, 1, 9);
    license.days_remaining = 45;
    license.status = core::LicenseStatus::renewal_pending;
    license.office_number = "1370000001";
    license.renewal.eligible = false;
    license.renewal.reason = "受付済みです";
    license.renewal.application = core::ApplicationResult{
        "AP20261125-0A1B2C3D", core::ApplicationKind::renewal,     "accepted", "事前申請受付済みです",
        date(2026, 11, 30),    core::fee_months(date(2027, 1, 10))};
    json wire = api::to_wire(license);
    CHECK(wire["renewal"]["application"]["fee_months"] == json::array({"2027-02", "2027-03"}));
    CHECK(wire["status"] == "renewal_pending");
    CHECK(wire["renewal"]["opens_on"].is_null());
    CHECK(wire["renewal"]["application"]["kind"] == "renewal");
    CHECK(api::from_wire<core::License>(wire) == license);
    wire["renewal"]["application"]["fee_months"] = json::array({"2027-2"});
    CHECK_THROWS_AS(api::from_wire<core::License>(wire), api::WireError);
}

TEST_CASE("sessions, terms, notices, health and errors round-trip") {
    core::Session session{
        "abc.def", "2026-11-25T18:00:00+09:00", {"KJ00000001", "デモ居宅介護支援事業所 1", "1370000001"}};
    CHECK(api::from_wire<core::Session>(api::to_wire(session)) == session);
    core::Terms terms{{"2024.1", "利用規約", "本文"}, {"2024.1", "個人情報", "本文"}};
    CHECK(api::from_wire<core::Terms>(api::to_wire(terms)) == terms);
    core::Notice notice{"1.1.2", date(2024, 2, 28), "お知らせ", "本文"};
    CHECK(api::from_wire<core::Notice>(api::to_wire(notice)) == notice);
    api::Health health{"ok", "2026-11-25T09:00:00+09:00"};
    CHECK(api::from_wire<api::Health>(api::to_wire(health)) == health);

    core::ApiError error{422,
                         "VALIDATION_FAILED",
                         "入力内容を確認してください",
                         {{"email", {"INVALID_FORMAT", "メールアドレスの形式が正しくありません"}}},
                         std::nullopt};
    json wire = api::to_wire(error);
    CHECK(wire["error"]["fields"]["email"]["code"] == "INVALID_FORMAT");
    auto back = api::from_wire<core::ApiError>(wire);
    back.http_status = 422;
    CHECK(back == error);
    CHECK_FALSE(api::to_wire(core::ApiError{404, "NOT_FOUND", "x", {}, {}})["error"].contains("fields"));
}

TEST_CASE("the application body has no email_confirm; missing fields read empty") {
    core::ApplicationInput input;
    input.applicant_name = "山田 太郎";
    input.email = input.email_confirm = "a@example.jp";
    input.agree_terms = true;
    json wire = api::to_wire(input);
    CHECK_FALSE(wire.contains("email_confirm"));
    CHECK(wire.size() == 9);
    auto back = api::from_wire<core::ApplicationInput>(json::object());
    CHECK(back.applicant_name.empty());
    CHECK_FALSE(back.agree_terms);
}

TEST_CASE("wrong JSON types are WireErrors naming the field") {
    CHECK_THROWS_AS(api::from_wire<core::LoginInput>(json::array()), api::WireError);
    try {
        api::from_wire<core::ApplicationInput>(json{{"agree_terms", "yes"}});
        FAIL("no WireError");
    } catch (const api::WireError& e) {
        CHECK(e.field() == "agree_terms");
    }
    CHECK_THROWS_AS(api::from_wire<core::License>(json{{"today", "2026-02-30"}}), api::WireError);
    CHECK_THROWS_AS(
        api::from_wire<core::ApplicationResult>(json{{"kind", "other"}, {"notify_by", "2026-11-30"}}),
        api::WireError);
}

TEST_CASE("the client maps odd answers and silence to stable codes") {
    CHECK(health_error(http("503 Service Unavailable", "{}")).code == "SERVER_ERROR");
    CHECK(health_error(http("503 Service Unavailable", "{}")).http_status == 503);
    CHECK(health_error(http("502 Bad Gateway", "<html>nginx</html>")).code == "SERVER_ERROR");
    // The service's own 503: its code and Retry-After reach the flow.
    auto storage = health_error(http("503 Service Unavailable",
                                     R"({"error":{"code":"STORAGE_UNAVAILABLE","message":"x"}})",
                                     "Retry-After: 30\r\n"));
    CHECK(storage.code == "STORAGE_UNAVAILABLE");
    CHECK(storage.http_status == 503);
    CHECK(storage.retry_after_seconds == 30);
    CHECK(health_error(http("200 OK", "not json")).code == "MALFORMED_RESPONSE");
    CHECK(health_error(http("200 OK", "[]")).code == "MALFORMED_RESPONSE");
    CHECK(health_error(http("404 Not Found", "<html>")).code == "MALFORMED_RESPONSE");
    CHECK(health_error(http("302 Found", "", "Location: /\r\n")).code == "MALFORMED_RESPONSE");
    CHECK(health_error("").code == "TIMEOUT");

    auto locked =
        health_error(http("429 Too Many Requests",
                          R"({"error":{"code":"LOCKED_OUT","message":"しばらくしてからやり直してください"}})",
                          "Retry-After: 120\r\n"));
    CHECK(locked.http_status == 429);
    CHECK(locked.code == "LOCKED_OUT");
    CHECK(locked.retry_after_seconds == 120);
}

// deploy/nginx answers its own refusals (body too large, rate limit, service
// down) with the bodies in its `return` lines; sent as nginx sends them
// (tests/tools/nginx-probe.py checks that it does), the client reads them as
// the errors they name, with the catalogue's message.
TEST_CASE("the error bodies of deploy/nginx read as the errors they name") {
    std::ifstream conf(CAREPLAN_NGINX_LOCATIONS);
    REQUIRE(conf);
    std::map<std::string, std::string> bodies;  // by error code
    for (std::string line; std::getline(conf, line);) {
        const auto open = line.find('\'');
        if (line.find("return ") == std::string::npos || open == std::string::npos) continue;
        std::string body = line.substr(open + 1, line.rfind('\'') - open - 1);
        bodies[json::parse(body).at("error").at("code").get<std::string>()] = body;
    }
    REQUIRE(bodies.size() == 3);

    auto limited =
        health_error(http("429 Too Many Requests", bodies.at("RATE_LIMITED"), "Retry-After: 60\r\n"));
    CHECK(limited.code == "RATE_LIMITED");
    CHECK(limited.http_status == 429);
    CHECK(limited.retry_after_seconds == 60);
    CHECK(limited.message == core::error_message("RATE_LIMITED"));

    auto large = health_error(http("413 Request Entity Too Large", bodies.at("PAYLOAD_TOO_LARGE")));
    CHECK(large.code == "PAYLOAD_TOO_LARGE");
    CHECK(large.message == core::error_message("PAYLOAD_TOO_LARGE"));

    for (const char* status : {"502 Bad Gateway", "504 Gateway Time-out"}) {
        auto down = health_error(http(status, bodies.at("SERVER_ERROR"), "Retry-After: 30\r\n"));
        CHECK(down.code == "SERVER_ERROR");
        CHECK(down.message == core::error_message("SERVER_ERROR"));
        CHECK(core::is_retryable(down.http_status, down.code));
    }
}

TEST_CASE("the client reads at most 1 MiB of an answer") {
    CHECK(api::ClientOptions{}.max_answer_bytes == 1024 * 1024);
    const std::string over(1024 * 1024 + 1, ' ');
    auto announced = health_error(http("200 OK", over));
    CHECK(announced.code == "MALFORMED_RESPONSE");
    CHECK(announced.message == core::error_message("MALFORMED_RESPONSE"));
    // Without a Content-Length: read until the server closes, up to the limit.
    CHECK(health_error("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
                       over + over)
              .code == "MALFORMED_RESPONSE");
    // Whatever the status: the size is checked before the body is read.
    CHECK(health_error(http("503 Service Unavailable", over)).code == "MALFORMED_RESPONSE");
    // Just under it, an answer is read as usual.
    const std::string body = R"({"status":"ok","time":"2026-11-25T09:00:00+09:00","padding":")";
    OneShotServer server(http("200 OK", body + std::string(1024 * 1024 - body.size() - 2, 'x') + "\"}"));
    api::Client client({server.url(), std::chrono::seconds(2), std::chrono::seconds(2)});
    auto health = client.health();
    REQUIRE(health.ok());
    CHECK(health.value().status == "ok");
}

TEST_CASE("a server that trickles its answer is given up at the whole-request deadline") {
    CHECK(api::ClientOptions{}.total_timeout == std::chrono::seconds(30));
    // 10 bytes a second: every read well within the read timeout, the whole
    // answer about 13 s.
    OneShotServer server(http("200 OK", R"({"status":"ok","time":"2026-11-25T09:00:00+09:00"})"),
                         std::chrono::milliseconds(100));
    api::ClientOptions options{server.url(), std::chrono::seconds(2), std::chrono::seconds(1)};
    options.total_timeout = std::chrono::milliseconds(1500);
    api::Client client(options);
    const auto started = std::chrono::steady_clock::now();
    auto result = client.health();
    const auto took = std::chrono::steady_clock::now() - started;
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "TIMEOUT");
    CHECK(took >= std::chrono::milliseconds(1400));
    CHECK(took < std::chrono::milliseconds(3000));
}

TEST_CASE("the inquiry body and receipt round-trip; an unknown category reads as none") {
    core::InquiryInput input;
    input.category = core::InquiryCategory::environment;
    input.message = "起動しません。\n画面が真っ白です。";
    input.reply_email = "care@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = "1370000001";
    input.attachment = "S08 NG";
    json wire = api::to_wire(input);
    CHECK(wire["category"] == "environment");
    CHECK(wire.size() == 6);
    for (const char* field : {"message", "reply_email", "phone", "office_number", "attachment"}) {
        CHECK(wire.contains(field));
    }
    CHECK(api::from_wire<core::InquiryInput>(wire) == input);

    input.category.reset();
    CHECK(api::to_wire(input)["category"].is_null());
    CHECK_FALSE(api::from_wire<core::InquiryInput>(json{{"category", "billing"}}).category.has_value());
    CHECK(api::from_wire<core::InquiryInput>(json::object()) == core::InquiryInput{});
    CHECK_THROWS_AS(api::from_wire<core::InquiryInput>(json{{"message", 5}}), api::WireError);

    core::InquiryReceipt receipt{"Q-261125-K7MP", "2026-11-25T10:00:00+09:00"};
    CHECK(api::to_wire(receipt) ==
          json{{"inquiry_id", "Q-261125-K7MP"}, {"received_at", "2026-11-25T10:00:00+09:00"}});
    CHECK(api::from_wire<core::InquiryReceipt>(api::to_wire(receipt)) == receipt);
    CHECK_THROWS_AS(api::from_wire<core::InquiryReceipt>(json::object()), api::WireError);
}
