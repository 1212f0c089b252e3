#include "careplan/api/client.hpp"

#include <algorithm>

#include <httplib.h>

#include "careplan/core/errors.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/random.hpp"
#ifdef _WIN32
#include "windows_trust.hpp"
#endif

namespace careplan::api {
namespace {

namespace code = core::error_code;
using nlohmann::json;

core::ApiError client_error(std::string_view error_code, int http_status = 0) {
    core::ApiError error;
    error.http_status = http_status;
    error.code = std::string(error_code);
    error.message = std::string(core::error_message(error_code));
    return error;
}

// A read that fails once the read timeout (or the whole request's) has run
// out is a timeout; one that fails earlier is a dropped connection.
core::ApiError transport_error(httplib::Error error, std::chrono::steady_clock::duration elapsed,
                               const ClientOptions& options) {
    const auto limit = std::min(options.read_timeout, options.total_timeout);
    switch (error) {
        case httplib::Error::ConnectionTimeout:
        case httplib::Error::Timeout: return client_error(code::timeout);
        case httplib::Error::Read:
        case httplib::Error::Write:
            return client_error(elapsed + std::chrono::milliseconds(100) >= limit
                                    ? code::timeout
                                    : code::network_unreachable);
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLLoadingCerts:
        case httplib::Error::SSLServerVerification:
        case httplib::Error::SSLServerHostnameVerification: return client_error(code::tls_error);
        default: return client_error(code::network_unreachable);
    }
}

std::optional<core::ApiError> parse_error_json(const std::string& body) {
    try {
        return from_wire<core::ApiError>(json::parse(body));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The service's error JSON, or MALFORMED_RESPONSE when it is not one. A 5xx
// counts as the service's own answer only when it names a code this client
// knows (STORAGE_UNAVAILABLE: nothing was saved, try again later); anything
// else there, a proxy's error page say, is SERVER_ERROR.
core::ApiError error_answer(const RawResponse& raw) {
    std::optional<core::ApiError> error = parse_error_json(raw.body);
    if (raw.status >= 500 && !(error && core::find_error(error->code)))
        return client_error(code::server_error, raw.status);
    if (!error) return client_error(code::malformed_response, raw.status);
    error->http_status = raw.status;
    error->retry_after_seconds = parse_retry_after(raw.header("Retry-After"));
    return *error;
}

}  // namespace

std::string RawResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (core::iequals(key, name)) return value;
    }
    return {};
}

struct Client::Impl {
    explicit Impl(const ClientOptions& options) : http(options.base_url) {
        http.set_connection_timeout(
            std::chrono::duration_cast<std::chrono::microseconds>(options.connect_timeout));
        http.set_read_timeout(options.read_timeout);
        http.set_write_timeout(options.read_timeout);
        http.set_max_timeout(options.total_timeout);
        // A fresh connection per request: a kept-alive socket that the
        // service (or a proxy) closed meanwhile fails the next request as
        // "unreachable" (seen after a logout); the few requests of a session
        // do not need the saving.
        http.set_keep_alive(false);
        if (options.proxy) http.set_proxy(options.proxy->host, options.proxy->port);
#ifdef CPPHTTPLIB_SSL_ENABLED
        if (!options.ca_cert_path.empty()) http.set_ca_cert_path(options.ca_cert_path);
#endif
#if defined(_WIN32) && defined(CPPHTTPLIB_SSL_ENABLED)
        verify_like_windows();
#endif
    }
#if defined(_WIN32) && defined(CPPHTTPLIB_SSL_ENABLED)
    // httplib's own Windows check refuses a certificate whose revocation
    // status cannot be fetched (no CRL or OCSP address, an office firewall
    // that blocks it), where the office's browser goes on; and for a service
    // named by IP address its Mbed TLS check does not look at the chain at
    // all. So Windows checks every chain here, as it does for the browser
    // (windows_trusts_server); then httplib checks the host name, and Mbed TLS
    // checks named hosts' chains once more against the same stores.
    void verify_like_windows() {
        http.enable_windows_certificate_verification(false);
        http.set_session_verifier([](httplib::tls::session_t session) {
            // With Mbed TLS the peer certificate is the head of the list of
            // all the certificates the server sent.
            const auto* sent = static_cast<const mbedtls_x509_crt*>(httplib::tls::get_peer_cert(session));
            ServerChain chain;
            for (; sent && sent->raw.p; sent = sent->next)
                chain.emplace_back(sent->raw.p, sent->raw.p + sent->raw.len);
            return windows_trusts_server(chain) ? httplib::NoDecisionMade : httplib::CertificateRejected;
        });
    }
#endif
    httplib::Client http;
};

Client::Client(ClientOptions options)
    : impl_(std::make_unique<Impl>(options)), options_(std::move(options)) {}

Client::~Client() = default;

void Client::set_token(std::string token) { token_ = std::move(token); }

Result<RawResponse> Client::send(std::string_view method, std::string_view path, std::string_view body,
                                 std::string_view content_type,
                                 const std::multimap<std::string, std::string>& headers) {
    httplib::Request request;
    request.method = std::string(method);
    request.path = std::string(path);
    for (const auto& [name, value] : headers) request.set_header(name, value);
    if (!token_.empty()) request.set_header("Authorization", "Bearer " + token_);
    if (!content_type.empty()) request.set_header("Content-Type", std::string(content_type));
    request.body = std::string(body);

    // The answer's body, read here so that reading stops at the size limit
    // (httplib's own limit reports a plain read error): an announced length
    // over it stops before the body, a longer stream at the limit.
    std::string answer;
    bool too_large = false;
    request.response_handler = [&](const httplib::Response& response) {
        too_large = response.get_header_value_u64("Content-Length") > options_.max_answer_bytes;
        return !too_large;
    };
    request.content_receiver = [&](const char* data, std::size_t size, std::size_t, std::size_t) {
        too_large = size > options_.max_answer_bytes - answer.size();
        if (!too_large) answer.append(data, size);
        return !too_large;
    };

    auto started = std::chrono::steady_clock::now();
    // The clock of set_max_timeout: httplib starts it in its Get/Post
    // helpers, not in send(), which would otherwise count from time's beginning.
    request.start_time_ = started;
    httplib::Result result = impl_->http.send(request);
    if (too_large) return client_error(code::malformed_response);
    if (!result) {
        return transport_error(result.error(), std::chrono::steady_clock::now() - started, options_);
    }
    RawResponse raw;
    raw.status = result->status;
    raw.body = std::move(answer);
    raw.headers.insert(result->headers.begin(), result->headers.end());
    return raw;
}

template <class T>
Result<T> Client::call(std::string_view method, std::string_view path, int expected_status, const json* body,
                       const std::multimap<std::string, std::string>& headers) {
    auto sent = body != nullptr ? send(method, path, body->dump(), "application/json", headers)
                                : send(method, path, {}, {}, headers);
    if (!sent) return sent.error();
    const RawResponse& raw = sent.value();
    if (raw.status != expected_status) {
        if (raw.status >= 400) return error_answer(raw);
        return client_error(code::malformed_response, raw.status);
    }
    if constexpr (std::is_same_v<T, NoContent>) {
        return NoContent{};
    } else {
        try {
            return from_wire<T>(json::parse(raw.body));
        } catch (const std::exception&) {
            return client_error(code::malformed_response, raw.status);
        }
    }
}

Result<core::Session> Client::login(const core::LoginInput& input) {
    json body = to_wire(input);
    auto session = call<core::Session>("POST", "/api/v1/sessions", 201, &body);
    if (session) token_ = session.value().token;
    return session;
}

Result<NoContent> Client::logout() {
    auto done = call<NoContent>("DELETE", "/api/v1/sessions/current", 204);
    if (done) token_.clear();
    return done;
}

Result<core::License> Client::license() { return call<core::License>("GET", "/api/v1/license", 200); }

Result<core::Terms> Client::terms() { return call<core::Terms>("GET", "/api/v1/terms", 200); }

Result<core::ApplicationResult> Client::apply(const core::ApplicationInput& input,
                                              std::string_view idempotency_key) {
    json body = to_wire(input);
    return call<core::ApplicationResult>("POST", "/api/v1/applications", 201, &body,
                                         {{"Idempotency-Key", std::string(idempotency_key)}});
}

Result<core::InquiryReceipt> Client::submit_inquiry(const core::InquiryInput& input,
                                                    std::string_view idempotency_key) {
    json body = to_wire(input);
    return call<core::InquiryReceipt>("POST", "/api/v1/inquiries", 201, &body,
                                      {{"Idempotency-Key", std::string(idempotency_key)}});
}

Result<core::Notice> Client::notices() { return call<core::Notice>("GET", "/api/v1/notices", 200); }

Result<Health> Client::health() { return call<Health>("GET", "/api/v1/health", 200); }

std::string new_idempotency_key() { return random_hex(16); }

}  // namespace careplan::api
