#pragma once
// API v1 as plain functions of a request: routing, authentication and the
// handlers, with no HTTP library in sight (service.cpp adapts httplib to
// this), so that the rules read as they are and nothing depends on how the
// bytes arrived.

#include <chrono>
#include <functional>
#include <optional>
#include <semaphore>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "rate_limit.hpp"

namespace careplan::service {

struct HttpRequest {
    std::string method;
    std::string path;  // without the query
    std::string body;
    std::string content_type;
    std::string authorization;
    std::optional<std::string> idempotency_key;
    std::string remote_addr;  // the client's address (rate limits)
};

struct HttpResponse {
    int status = 200;
    std::optional<nlohmann::json> body;  // none for 204
    std::vector<std::pair<std::string, std::string>> headers;
    std::string route;        // the matched route ("" when none), for the request log
    std::string masked_user;  // for the request log
};

struct HandlerConfig {
    std::function<core::Date()> today;
    std::chrono::seconds session_ttl{8 * 3600};
    LoginLimits login_limits;
    Argon2Params argon2;             // for the dummy hash that evens out unknown IDs
    int max_inquiries_per_hour = 5;  // per client address
    // Argon2id hashes computed at once. Each takes its memory cost (19 MiB)
    // and a core: a burst of logins on every worker would take hundreds of
    // MiB and answer no faster than a queue does.
    int max_concurrent_hashes = 4;
};

// The error JSON with the catalogue's message for `code` (or `message`).
HttpResponse error_response(int status, std::string_view code, std::string message = {});

class Handlers {
  public:
    Handlers(Store& store, HandlerConfig config);
    HttpResponse handle(const HttpRequest& request);
    // Every (method, path) answered, for the OpenAPI check.
    static std::vector<std::pair<std::string, std::string>> route_names();

  private:
    struct Context;
    using Handler = HttpResponse (Handlers::*)(Context&);
    // optional: a route open to all that knows the office when logged in; a
    // token sent must still be valid.
    enum class Session { none, required, optional };
    struct Route {
        const char* method;
        const char* path;
        Session session;
        bool has_body;
        Handler handler;
    };
    static const std::vector<Route>& routes();

    HttpResponse dispatch(const Route& route, Context& context);
    // Sets context.user and context.session_id from a valid, unexpired token.
    bool authenticate(Context& context);

    HttpResponse login(Context& context);
    HttpResponse logout(Context& context);
    HttpResponse license(Context& context);
    HttpResponse terms(Context& context);
    HttpResponse apply(Context& context);
    HttpResponse inquire(Context& context);
    HttpResponse notices(Context& context);
    HttpResponse health(Context& context);

    Store& store_;
    HandlerConfig config_;
    std::string dummy_hash_;
    std::counting_semaphore<> hash_slots_;
    RateLimit inquiry_limit_;
};

}  // namespace careplan::service
