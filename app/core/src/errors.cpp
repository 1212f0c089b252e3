#include "careplan/core/errors.hpp"

#include <algorithm>
#include <array>

#include "careplan/core/text_keys.hpp"

namespace careplan::core {

namespace {

namespace ec = error_code;

constexpr std::array<ErrorInfo, 25> catalogue{{
    {ErrorCode::unauthorized, ec::unauthorized, 401, false, texts::error::unauthorized},
    {ErrorCode::invalid_credentials, ec::invalid_credentials, 401, false, texts::error::invalid_credentials},
    {ErrorCode::locked_out, ec::locked_out, 429, false, texts::error::locked_out},
    {ErrorCode::renewal_not_open, ec::renewal_not_open, 409, false, texts::error::renewal_not_open},
    {ErrorCode::already_applied, ec::already_applied, 409, false, texts::error::already_applied},
    {ErrorCode::validation_failed, ec::validation_failed, 422, false, texts::error::validation_failed},
    {ErrorCode::idempotency_key_reused, ec::idempotency_key_reused, 422, false,
     texts::error::idempotency_key_reused},
    {ErrorCode::too_many_inquiries, ec::too_many_inquiries, 429, false, texts::inquiry::error::too_many},
    {ErrorCode::not_found, ec::not_found, 404, false, texts::error::not_found},
    {ErrorCode::license_not_found, ec::license_not_found, 404, false, texts::error::license_not_found},
    {ErrorCode::uri_too_long, ec::uri_too_long, 414, false, texts::error::uri_too_long},
    {ErrorCode::headers_too_large, ec::headers_too_large, 431, false, texts::error::headers_too_large},
    {ErrorCode::method_not_allowed, ec::method_not_allowed, 405, false, texts::error::method_not_allowed},
    {ErrorCode::payload_too_large, ec::payload_too_large, 413, false, texts::error::payload_too_large},
    {ErrorCode::unsupported_media_type, ec::unsupported_media_type, 415, false,
     texts::error::unsupported_media_type},
    {ErrorCode::bad_request, ec::bad_request, 400, false, texts::error::bad_request},
    {ErrorCode::internal, ec::internal, 500, true, texts::error::internal},
    {ErrorCode::storage_unavailable, ec::storage_unavailable, 503, true,
     texts::operations::error::storage_unavailable},
    {ErrorCode::rate_limited, ec::rate_limited, 429, false, texts::error::rate_limited},
    {ErrorCode::network_unreachable, ec::network_unreachable, 0, true, texts::error::network_unreachable},
    {ErrorCode::timeout, ec::timeout, 0, true, texts::error::timeout},
    {ErrorCode::tls_error, ec::tls_error, 0, false, texts::error::tls_error},
    {ErrorCode::server_error, ec::server_error, 0, true, texts::error::server_error},
    {ErrorCode::malformed_response, ec::malformed_response, 0, true, texts::error::malformed_response},
    {ErrorCode::check_failed, ec::check_failed, 0, true, texts::error::check_failed},
}};

// In the order of the ErrorCode enumerators, so that an ErrorCode indexes it.
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (static_cast<std::size_t>(catalogue[i].id) != i) return false;
    }
    return true;
}
static_assert(in_enum_order());

}  // namespace

std::string_view wire_code(ErrorCode code) { return catalogue[static_cast<std::size_t>(code)].code; }

std::optional<ErrorCode> parse_error_code(std::string_view code) {
    const auto found = find_error(code);
    return found ? std::optional{found->id} : std::nullopt;
}

std::optional<ErrorInfo> find_error(std::string_view code) {
    const auto found =
        std::find_if(catalogue.begin(), catalogue.end(), [&](const ErrorInfo& e) { return e.code == code; });
    if (found == catalogue.end()) return std::nullopt;
    return *found;
}

std::string error_message(std::string_view code) {
    const auto found = find_error(code);
    return tr(found ? found->message : find_error(ec::internal)->message);
}

bool is_retryable(int http_status, std::string_view code) {
    if (http_status == 0 || http_status >= 500) {
        const auto found = find_error(code);
        return !found || found->retryable;
    }
    return false;
}

}  // namespace careplan::core
