#include "handlers.hpp"

#include <algorithm>
#include <cctype>

#include "applications.hpp"
#include "inquiries.hpp"
#include "login_limits.hpp"
#include "careplan/random.hpp"
#include "careplan/api/wire.hpp"
#include "careplan/core/errors.hpp"
#include "careplan/core/input.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "texts.hpp"
#include "careplan/core/date.hpp"
#include "timestamp.hpp"

namespace careplan::service {
namespace {

using nlohmann::json;
namespace code = core::error_code;

// Codes the service answers that the core catalogue does not carry.

constexpr std::size_t session_id_hex = 32;      // 128-bit public lookup key
constexpr std::size_t session_secret_hex = 64;  // 256-bit secret, stored hashed
constexpr std::size_t max_idempotency_key = 100;
// The deepest body API v1 sends is 2 levels; 32 leaves room for any later
// version and keeps a body of 64 KiB of "[" from costing 32768 nested values.
constexpr int max_body_depth = 32;

// Whether the JSON text nests arrays and objects deeper than `limit`: a scan
// of the brackets outside strings, before any parsing, so that a deep body
// costs one pass and no memory. Malformed text is left to the parser.
bool nests_deeper_than(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;  // the escaped character cannot end the string
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

HttpResponse json_response(int status, json body) {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_json_media_type(std::string_view content_type) {
    std::string media = lower(content_type.substr(0, content_type.find(';')));
    media.erase(std::remove(media.begin(), media.end(), ' '), media.end());
    return media == "application/json";
}

bool is_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_valid_idempotency_key(std::string_view key) {
    return !key.empty() && key.size() <= max_idempotency_key &&
           std::all_of(key.begin(), key.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
                      c == ':';
           });
}

std::int64_t now_seconds() { return unix_seconds(std::chrono::system_clock::now()); }

HttpResponse no_license() { return error_response(404, core::error_code::license_not_found); }

HttpResponse validation_failed(core::FieldErrors fields) {
    core::ApiError error;
    error.code = std::string(code::validation_failed);
    error.message = std::string(core::error_message(code::validation_failed));
    error.fields = std::move(fields);
    return json_response(422, api::to_wire(error));
}

HttpResponse too_many(std::string_view error_code, std::int64_t retry_after) {
    HttpResponse response = error_response(429, error_code);
    response.headers.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(1, retry_after)));
    return response;
}

HttpResponse locked_out(std::int64_t wait_seconds) { return too_many(code::locked_out, wait_seconds); }

// The Idempotency-Key a submission must carry, or the 400 that says so.
std::optional<HttpResponse> idempotency_key_error(const HttpRequest& request) {
    if (request.idempotency_key && is_valid_idempotency_key(*request.idempotency_key)) return std::nullopt;
    return error_response(
        400, code::bad_request,
        core::tr(texts::service::api::idempotency_key, {{"max_length", max_idempotency_key}}));
}

// The service's own checks beyond the form rules: the office is the one
// logged in, and the texts agreed to are the current ones.
void check_against_account(const core::ApplicationInput& input, const UserRecord& user,
                           core::FieldErrors& fields) {
    if (!fields.contains("office_number") && input.office_number != user.office.office_number) {
        fields["office_number"] = {
            std::string(core::input_error::mismatch),
            core::tr(texts::service::api::office_mismatch, {{"office_number", user.office.office_number}})};
    }
    const core::Terms& terms = current_terms();
    if (!fields.contains("agree_terms") && input.terms_version != terms.terms.version) {
        fields["agree_terms"] = {std::string(core::input_error::outdated),
                                 core::tr(texts::service::api::terms_outdated)};
    }
    if (!fields.contains("agree_privacy") && input.privacy_version != terms.privacy.version) {
        fields["agree_privacy"] = {std::string(core::input_error::outdated),
                                   core::tr(texts::service::api::privacy_outdated)};
    }
}

}  // namespace

struct Handlers::Context {
    const HttpRequest& request;
    std::optional<UserRecord> user;
    std::string session_id;
    json body;
    std::string masked_user;
};

HttpResponse error_response(int status, std::string_view error_code, std::string message) {
    core::ApiError error;
    error.code = std::string(error_code);
    error.message = message.empty() ? std::string(core::error_message(error_code)) : message;
    return json_response(status, api::to_wire(error));
}

Handlers::Handlers(Store& store, HandlerConfig config)
    : store_(store),
      config_(std::move(config)),
      dummy_hash_(hash_password(random_hex(16), config_.argon2)),
      hash_slots_(std::max(1, config_.max_concurrent_hashes)),
      inquiry_limit_(config_.max_inquiries_per_hour, std::chrono::hours(1)) {}

const std::vector<Handlers::Route>& Handlers::routes() {
    static const std::vector<Route> table = {
        {"POST", "/api/v1/sessions", Session::none, true, &Handlers::login},
        {"DELETE", "/api/v1/sessions/current", Session::required, false, &Handlers::logout},
        {"GET", "/api/v1/license", Session::required, false, &Handlers::license},
        {"GET", "/api/v1/terms", Session::none, false, &Handlers::terms},
        {"POST", "/api/v1/applications", Session::required, true, &Handlers::apply},
        {"POST", "/api/v1/inquiries", Session::optional, true, &Handlers::inquire},
        {"GET", "/api/v1/notices", Session::none, false, &Handlers::notices},
        {"GET", "/api/v1/health", Session::none, false, &Handlers::health},
    };
    return table;
}

std::vector<std::pair<std::string, std::string>> Handlers::route_names() {
    std::vector<std::pair<std::string, std::string>> names;
    for (const Route& route : routes()) names.emplace_back(route.method, route.path);
    return names;
}

HttpResponse Handlers::handle(const HttpRequest& request) {
    std::string allowed;
    for (const Route& route : routes()) {
        if (route.path != request.path) continue;
        if (route.method == request.method) {
            Context context{request, std::nullopt, {}, json(), {}};
            HttpResponse response = dispatch(route, context);
            response.route = route.path;
            response.masked_user = context.masked_user;
            return response;
        }
        allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
    }
    if (allowed.empty()) return error_response(404, code::not_found);
    HttpResponse response = error_response(405, code::method_not_allowed);
    response.headers.emplace_back("Allow", allowed);
    return response;
}

// Session, then media type, then JSON: each failure has its own status.
HttpResponse Handlers::dispatch(const Route& route, Context& context) {
    const HttpRequest& request = context.request;
    const bool sends_token = !request.authorization.empty();
    if (route.session == Session::required || (route.session == Session::optional && sends_token)) {
        if (!authenticate(context)) return error_response(401, code::unauthorized);
        context.masked_user = core::mask_user_id(context.user->user_id);
    }
    if (route.has_body) {
        if (!is_json_media_type(request.content_type)) {
            return error_response(415, code::unsupported_media_type);
        }
        if (nests_deeper_than(request.body, max_body_depth)) {
            return error_response(
                400, code::bad_request,
                core::tr(texts::operations::api::body_too_deep, {{"max_depth", max_body_depth}}));
        }
        try {
            context.body = json::parse(request.body);
        } catch (const json::exception&) {
            return error_response(400, code::bad_request, core::tr(texts::service::api::body_not_json));
        }
    }
    try {
        return (this->*route.handler)(context);
    } catch (const api::WireError& e) {
        std::string what = e.field().empty()
                               ? core::tr(texts::service::api::body_not_object)
                               : core::tr(texts::service::api::wrong_type, {{"field", e.field()}});
        return error_response(400, code::bad_request, what);
    }
}

bool Handlers::authenticate(Context& context) {
    const HttpRequest& request = context.request;
    constexpr std::string_view scheme = "bearer ";
    if (lower(request.authorization.substr(0, scheme.size())) != scheme) return false;
    std::string_view token = std::string_view(request.authorization).substr(scheme.size());
    if (token.size() != session_id_hex + 1 + session_secret_hex || token[session_id_hex] != '.' ||
        !is_hex(token.substr(0, session_id_hex)) || !is_hex(token.substr(session_id_hex + 1))) {
        return false;
    }
    std::string id(token.substr(0, session_id_hex));
    std::string secret_hash = sha256_hex(token.substr(session_id_hex + 1));
    context.user = store_.read([&](Tx& tx) -> std::optional<UserRecord> {
        auto session = tx.find_session(id);
        if (!session || !constant_time_equal(session->secret_hash, secret_hash) ||
            session->expires_at <= now_seconds()) {
            return std::nullopt;
        }
        return tx.find_user(session->user_id);
    });
    context.session_id = id;
    return context.user.has_value();
}

HttpResponse Handlers::login(Context& context) {
    core::LoginInput input = core::normalize_login(api::from_wire<core::LoginInput>(context.body));
    if (auto fields = core::validate_login(input); !fields.empty()) {
        return validation_failed(std::move(fields));
    }
    context.masked_user = core::mask_user_id(input.user_id);
    const std::string& address = context.request.remote_addr;
    std::int64_t now = now_seconds();
    auto [reservation, user] = store_.write([&](Tx& tx) {
        return std::make_pair(reserve_login_attempt(tx, config_.login_limits, input.user_id, address, now),
                              tx.find_user(input.user_id));
    });
    if (reservation.refused_for > 0) return locked_out(reservation.refused_for);

    // An unknown ID costs the same hash as a known one, so timing does not
    // tell which IDs exist.
    hash_slots_.acquire();
    bool verified = verify_password(user ? user->password_hash : dummy_hash_, input.password);
    hash_slots_.release();  // verify_password does not throw
    if (!user || !verified) {
        // Already counted; the attempt that filled a count is told to wait at once.
        if (reservation.wait_if_wrong > 0) return locked_out(reservation.wait_if_wrong);
        return error_response(401, code::invalid_credentials);
    }

    std::string id = random_hex(session_id_hex / 2);
    std::string secret = random_hex(session_secret_hex / 2);
    auto expires = std::chrono::system_clock::now() + config_.session_ttl;
    // `user` by an init-capture: clang 14 (the fuzz build) cannot capture a structured binding.
    store_.write([&, &user = user](Tx& tx) {
        refund_login_attempt(tx, input.user_id, address);
        tx.delete_expired_sessions(now);
        tx.add_session(id, {user->user_id, sha256_hex(secret), unix_seconds(expires)});
    });
    core::Session session{id + "." + secret,
                          core::format_rfc3339_jst(expires),
                          {user->user_id, user->office.name, user->office.office_number}};
    return json_response(201, api::to_wire(session));
}

HttpResponse Handlers::logout(Context& context) {
    store_.write([&](Tx& tx) { tx.delete_session(context.session_id); });
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse Handlers::license(Context& context) {
    const UserRecord& user = *context.user;
    core::Date today = config_.today();
    auto view = store_.read([&](Tx& tx) -> std::optional<core::License> {
        auto period = tx.license(user.office.id);
        if (!period) return std::nullopt;
        return license_view(*period, user.office.office_number, today,
                            tx.application_for_period(user.office.id, period->valid_until));
    });
    if (!view) return no_license();
    return json_response(200, api::to_wire(*view));
}

HttpResponse Handlers::terms(Context&) { return json_response(200, api::to_wire(current_terms())); }

HttpResponse Handlers::notices(Context&) { return json_response(200, api::to_wire(current_notice())); }

HttpResponse Handlers::health(Context&) {
    return json_response(
        200, api::to_wire(api::Health{"ok", core::format_rfc3339_jst(std::chrono::system_clock::now())}));
}

HttpResponse Handlers::apply(Context& context) {
    const HttpRequest& request = context.request;
    if (auto refused = idempotency_key_error(request)) return *refused;
    const std::string& key = *request.idempotency_key;
    core::ApplicationInput input =
        core::normalize_application(api::from_wire<core::ApplicationInput>(context.body));
    // The hash of the body as parsed (keys sorted), so that spacing and key
    // order do not make a replay look like another request.
    std::string request_hash = sha256_hex(context.body.dump());
    const UserRecord& user = *context.user;
    core::Date today = config_.today();

    // One write transaction from the idempotency check to the insert: two
    // submissions cannot both pass the "one per period" check.
    return store_.write([&](Tx& tx) -> HttpResponse {
        if (auto earlier = tx.application_by_key(user.user_id, key)) {
            if (earlier->request_hash != request_hash) {
                return error_response(422, code::idempotency_key_reused);
            }
            return json_response(201, json::parse(earlier->response));
        }
        core::FieldErrors fields = core::validate_application(input, false);
        check_against_account(input, user, fields);
        if (!fields.empty()) return validation_failed(std::move(fields));

        auto period = tx.license(user.office.id);
        if (!period) return no_license();
        bool applied = tx.application_for_period(user.office.id, period->valid_until).has_value();
        core::Renewal renewal = core::renewal_eligibility(period->valid_until, today, applied);
        if (!renewal.eligible) {
            return error_response(409, renewal.reason_code, renewal.reason);
        }
        auto result = accept_application(tx, {user, *period, input, key, request_hash}, today);
        return json_response(201, api::to_wire(result));
    });
}

// Open before login too (the help desk's channel when one cannot log in):
// with a session the office is the session's, without one it is typed.
// Replays are answered before the rate limit, so that a retry after a lost
// answer always gets its 受付番号.
HttpResponse Handlers::inquire(Context& context) {
    const HttpRequest& request = context.request;
    if (auto refused = idempotency_key_error(request)) return *refused;
    StoredInquiry inquiry;
    inquiry.input = core::normalize_inquiry(api::from_wire<core::InquiryInput>(context.body));
    inquiry.idempotency_key = *request.idempotency_key;
    inquiry.request_hash = sha256_hex(context.body.dump());
    const bool logged_in = context.user.has_value();
    if (logged_in) {
        inquiry.user_id = context.user->user_id;
        inquiry.input.office_number = context.user->office.office_number;
    }
    const auto now = std::chrono::system_clock::now();

    return store_.write([&](Tx& tx) -> HttpResponse {
        if (auto earlier = tx.inquiry_by_key(inquiry.idempotency_key)) {
            if (earlier->request_hash != inquiry.request_hash) {
                return error_response(422, code::idempotency_key_reused,
                                      core::tr(texts::inquiry::error::key_reused));
            }
            return json_response(201, json::parse(earlier->response));
        }
        if (auto fields = core::validate_inquiry(inquiry.input, logged_in); !fields.empty()) {
            return validation_failed(std::move(fields));
        }
        if (auto wait = inquiry_limit_.wait_seconds(request.remote_addr, unix_seconds(now)); wait > 0) {
            return too_many(code::too_many_inquiries, wait);
        }
        auto receipt = accept_inquiry(tx, std::move(inquiry), config_.today(), now);
        inquiry_limit_.record(request.remote_addr, unix_seconds(now));
        return json_response(201, api::to_wire(receipt));
    });
}

}  // namespace careplan::service
