#pragma once
// Catalogue of stable error codes: those the service answers in
// {"error": {"code", "message"}} and those the client makes up for transport
// failures. Each has a Japanese message that says what to do.

#include <optional>
#include <string>
#include <string_view>

#include "careplan/core/text.hpp"

namespace careplan::core {

namespace error_code {
// Service (API v1).
inline constexpr std::string_view unauthorized = "UNAUTHORIZED";
inline constexpr std::string_view invalid_credentials = "INVALID_CREDENTIALS";
inline constexpr std::string_view locked_out = "LOCKED_OUT";
inline constexpr std::string_view renewal_not_open = "RENEWAL_NOT_OPEN";
inline constexpr std::string_view already_applied = "ALREADY_APPLIED";
inline constexpr std::string_view validation_failed = "VALIDATION_FAILED";
inline constexpr std::string_view idempotency_key_reused = "IDEMPOTENCY_KEY_REUSED";
inline constexpr std::string_view too_many_inquiries = "TOO_MANY_INQUIRIES";
inline constexpr std::string_view not_found = "NOT_FOUND";
inline constexpr std::string_view license_not_found = "LICENSE_NOT_FOUND";
inline constexpr std::string_view uri_too_long = "URI_TOO_LONG";
inline constexpr std::string_view headers_too_large = "HEADERS_TOO_LARGE";
inline constexpr std::string_view method_not_allowed = "METHOD_NOT_ALLOWED";
inline constexpr std::string_view payload_too_large = "PAYLOAD_TOO_LARGE";
inline constexpr std::string_view unsupported_media_type = "UNSUPPORTED_MEDIA_TYPE";
inline constexpr std::string_view bad_request = "BAD_REQUEST";
inline constexpr std::string_view internal = "INTERNAL";
// The database cannot be written now (disk full, I/O error, read-only, busy);
// nothing was changed, and the same request may succeed later (503, Retry-After).
inline constexpr std::string_view storage_unavailable = "STORAGE_UNAVAILABLE";
// Answered by the reverse proxy in front of the service (deploy/nginx), in
// the service's error JSON: too many requests from one address (429, Retry-After).
inline constexpr std::string_view rate_limited = "RATE_LIMITED";
// Client side (no answer, or an answer that cannot be used).
inline constexpr std::string_view network_unreachable = "NETWORK_UNREACHABLE";
inline constexpr std::string_view timeout = "TIMEOUT";
inline constexpr std::string_view tls_error = "TLS_ERROR";
inline constexpr std::string_view server_error = "SERVER_ERROR";
// Also an answer over the client's size limit (not read to the end, nothing
// kept). No code of its own: the walkthrough code has room for one more
// code only (walkthrough_code.cpp), which RATE_LIMITED took.
inline constexpr std::string_view malformed_response = "MALFORMED_RESPONSE";
// The environment check's own probe failed (it is reported, never thrown).
inline constexpr std::string_view check_failed = "CHECK_FAILED";
}  // namespace error_code

// The same codes as values, for modules that decide by them (the
// environment check, the support report): compared as enums, never as text.
enum class ErrorCode {
    unauthorized,
    invalid_credentials,
    locked_out,
    renewal_not_open,
    already_applied,
    validation_failed,
    idempotency_key_reused,
    too_many_inquiries,
    not_found,
    license_not_found,
    uri_too_long,
    headers_too_large,
    method_not_allowed,
    payload_too_large,
    unsupported_media_type,
    bad_request,
    internal,
    storage_unavailable,
    rate_limited,
    network_unreachable,
    timeout,
    tls_error,
    server_error,
    malformed_response,
    check_failed,
};

// "TIMEOUT" for ErrorCode::timeout, and back; nullopt for a code this client
// does not know (a newer service may answer one).
std::string_view wire_code(ErrorCode code);
std::optional<ErrorCode> parse_error_code(std::string_view code);

struct ErrorInfo {
    ErrorCode id;
    std::string_view code;
    int http_status;  // the status the service answers with; 0 for client-side codes
    bool retryable;   // trying the same request again later may succeed
    TextKey message;  // its Japanese message in the catalogue
};

// The entry for a code, or nullopt for a code not in the catalogue.
std::optional<ErrorInfo> find_error(std::string_view code);

// The Japanese message for a code; an unknown code gets the INTERNAL message.
std::string error_message(std::string_view code);

// Whether a failed request with this HTTP status (0 = no answer) and code is
// worth retrying as it is: transport failures, timeouts and 5xx.
bool is_retryable(int http_status, std::string_view code);

}  // namespace careplan::core
