#include "careplan/core/errors.hpp"

#include <algorithm>
#include <array>

#include "careplan/core/text_keys.hpp"

namespace careplan::core {

namespace {

namespace ec = error_code;

constexpr std::array<ErrorInfo, 21> catalogue{{
    {ec::unauthorized, 401, false, texts::error::unauthorized},
    {ec::invalid_credentials, 401, false, texts::error::invalid_credentials},
    {ec::locked_out, 429, false, texts::error::locked_out},
    {ec::renewal_not_open, 409, false, texts::error::renewal_not_open},
    {ec::already_applied, 409, false, texts::error::already_applied},
    {ec::validation_failed, 422, false, texts::error::validation_failed},
    {ec::idempotency_key_reused, 422, false, texts::error::idempotency_key_reused},
    {ec::not_found, 404, false, texts::error::not_found},
    {ec::license_not_found, 404, false, texts::error::license_not_found},
    {ec::uri_too_long, 414, false, texts::error::uri_too_long},
    {ec::headers_too_large, 431, false, texts::error::headers_too_large},
    {ec::method_not_allowed, 405, false, texts::error::method_not_allowed},
    {ec::payload_too_large, 413, false, texts::error::payload_too_large},
    {ec::unsupported_media_type, 415, false, texts::error::unsupported_media_type},
    {ec::bad_request, 400, false, texts::error::bad_request},
    {ec::internal, 500, true, texts::error::internal},
    {ec::network_unreachable, 0, true, texts::error::network_unreachable},
    {ec::timeout, 0, true, texts::error::timeout},
    {ec::tls_error, 0, false, texts::error::tls_error},
    {ec::server_error, 0, true, texts::error::server_error},
    {ec::malformed_response, 0, true, texts::error::malformed_response},
}};

}  // namespace

std::optional<ErrorInfo> find_error(std::string_view code) {
    const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const ErrorInfo& e) { return e.code == code; });
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
