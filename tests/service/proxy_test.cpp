// X-Forwarded-For behind the reverse proxy of deploy/nginx: believed from the
// trusted proxy's address only, where its last entry (the one the proxy
// appended) is the client's address for the login limits and the log; from
// any other peer it is ignored, so that a client cannot pick its own address.

#include <algorithm>

#include <catch2/catch_test_macros.hpp>
#include <httplib.h>

#include "careplan/service/store.hpp"
#include "support.hpp"

using namespace careplan;
using careplan::test::TestService;

namespace {

constexpr const char* proxy = "127.0.0.1";
constexpr const char* other_peer = "127.0.0.2";

service::ServiceOptions behind_proxy() {
    service::ServiceOptions options = TestService::default_options();
    options.trusted_proxy = proxy;
    return options;
}

// POST /sessions from the peer `address`, with `forwarded_for` as
// X-Forwarded-For; the answer's status.
int login_via(TestService& service, const std::string& address, const std::string& forwarded_for,
              const std::string& password) {
    httplib::Client http(service.service().base_url());
    http.set_interface(address);
    nlohmann::json body = {{"user_id", "KJ00000001"}, {"password", password}};
    auto answer =
        http.Post("/api/v1/sessions", {{"X-Forwarded-For", forwarded_for}}, body.dump(), "application/json");
    REQUIRE(answer);
    return answer->status;
}

int failures_from(TestService& service, const std::string& address) {
    return service.service().store().write([&](service::Tx& tx) {
        return tx.login_failures({"KJ00000001", address}).failures;
    });
}

bool logged_from(const TestService& service, const std::string& address) {
    auto lines = service.log_lines();
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(" " + address + " POST /api/v1/sessions ") != std::string::npos;
    });
}

}  // namespace

TEST_CASE("from the trusted proxy, the last X-Forwarded-For address is the client") {
    TestService service(behind_proxy());
    // The client wrote 10.9.9.9 itself; the proxy appended the address it saw.
    for (int attempt = 1; attempt <= 4; ++attempt) {
        CHECK(login_via(service, proxy, "10.9.9.9, 192.0.2.10", "wrong-password") == 401);
    }
    CHECK(login_via(service, proxy, "10.9.9.9, 192.0.2.10", "wrong-password") == 429);
    CHECK(failures_from(service, "192.0.2.10") == 5);
    CHECK(failures_from(service, "10.9.9.9") == 0);
    CHECK(failures_from(service, proxy) == 0);
    CHECK(logged_from(service, "192.0.2.10"));

    // Another office behind the same proxy is not locked out with it.
    CHECK(login_via(service, proxy, "192.0.2.20", test::demo_password(1)) == 201);
    // Without a usable header the proxy's own address counts.
    CHECK(login_via(service, proxy, "not-an-address", "wrong-password") == 401);
    CHECK(failures_from(service, proxy) == 1);
}

TEST_CASE("X-Forwarded-For from any other peer is ignored") {
    SECTION("a peer that is not the trusted proxy") {
        TestService service(behind_proxy());
        for (int attempt = 1; attempt <= 5; ++attempt) {
            // A guesser that names a new address each time to dodge the limit.
            login_via(service, other_peer, "192.0.2." + std::to_string(attempt), "wrong-password");
        }
        CHECK(failures_from(service, other_peer) == 5);
        CHECK(failures_from(service, "192.0.2.1") == 0);
        CHECK(login_via(service, other_peer, "192.0.2.99", test::demo_password(1)) == 429);
        CHECK(logged_from(service, other_peer));
        CHECK_FALSE(logged_from(service, "192.0.2.99"));
    }
    SECTION("no trusted proxy configured") {
        TestService service;
        login_via(service, proxy, "192.0.2.10", "wrong-password");
        CHECK(failures_from(service, proxy) == 1);
        CHECK(failures_from(service, "192.0.2.10") == 0);
    }
}
