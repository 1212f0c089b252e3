// libFuzzer target: API v1 as the service answers it (Handlers::handle, no
// HTTP library) over an in-memory store with the demo offices. Lines of the
// input: method, path, Content-Type, Authorization, Idempotency-Key ("-" for
// none), then the body. An Authorization of "SESSION" is replaced by a valid
// token of demo office 1, so that the fuzzer reaches the logged-in routes.
//
// Every answer is a status below 500 (503 only for storage faults, which an
// in-memory store has none of) and, but for 204, the error or result JSON,
// which must dump (valid UTF-8) and parse again.
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "careplan/api/wire.hpp"
#include "demo.hpp"
#include "expect.hpp"
#include "handlers.hpp"

using namespace careplan;
using namespace careplan::service;
using careplan::fuzz::expect;
using nlohmann::json;

namespace {

// 2026-11-25, the date the service tests use for the demo offices.
constexpr core::Date today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{25}};
// The lightest Argon2id: the fuzzer is after the rules, not the hashing.
constexpr Argon2Params light_argon2{1, 8, 1};

struct InMemoryService {
    Store store{":memory:"};
    std::unique_ptr<Handlers> handlers;
    std::string session_token;

    InMemoryService() {
        seed_demo(store, today, light_argon2);
        HandlerConfig config{[] { return today; }, std::chrono::hours(8), LoginLimits{}, light_argon2, 5};
        handlers = std::make_unique<Handlers>(store, std::move(config));
        HttpRequest login{"POST",
                          "/api/v1/sessions",
                          R"({"user_id":"KJ00000001","password":"demo-pass-0001"})",
                          "application/json",
                          "",
                          std::nullopt,
                          "127.0.0.1"};
        const HttpResponse answer = handlers->handle(login);
        expect(answer.status == 201);
        session_token = "Bearer " + answer.body->at("token").get<std::string>();
    }
};

std::string next_line(std::string_view& rest) {
    const auto end = rest.find('\n');
    std::string line{rest.substr(0, end)};
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static InMemoryService service;
    std::string_view rest = careplan::fuzz::as_text(data, size);
    HttpRequest request;
    request.method = next_line(rest);
    request.path = next_line(rest);
    request.content_type = next_line(rest);
    request.authorization = next_line(rest);
    if (request.authorization == "SESSION") request.authorization = service.session_token;
    if (std::string key = next_line(rest); key != "-") request.idempotency_key = std::move(key);
    request.body = std::string{rest};
    request.remote_addr = "127.0.0.2";

    const HttpResponse answer = service.handlers->handle(request);
    expect(answer.status >= 200 && answer.status < 500);
    if (answer.status == 204) return 0;
    expect(answer.body.has_value());
    const json body = json::parse(answer.body->dump());
    if (answer.status >= 400) (void)api::from_wire<core::ApiError>(body);
    return 0;
}
