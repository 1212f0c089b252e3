#include <catch2/catch_test_macros.hpp>

#include "careplan/core/errors.hpp"
#include "careplan/core/input.hpp"

using namespace careplan::core;

TEST_CASE("every catalogued code has a Japanese message and a status", "[errors]") {
    const std::pair<std::string_view, int> expected[] = {{"UNAUTHORIZED", 401},
                                                         {"INVALID_CREDENTIALS", 401},
                                                         {"LOCKED_OUT", 429},
                                                         {"RENEWAL_NOT_OPEN", 409},
                                                         {"ALREADY_APPLIED", 409},
                                                         {"VALIDATION_FAILED", 422},
                                                         {"IDEMPOTENCY_KEY_REUSED", 422},
                                                         {"TOO_MANY_INQUIRIES", 429},
                                                         {"NOT_FOUND", 404},
                                                         {"METHOD_NOT_ALLOWED", 405},
                                                         {"PAYLOAD_TOO_LARGE", 413},
                                                         {"UNSUPPORTED_MEDIA_TYPE", 415},
                                                         {"BAD_REQUEST", 400},
                                                         {"INTERNAL", 500},
                                                         {"STORAGE_UNAVAILABLE", 503},
                                                         {"RATE_LIMITED", 429},
                                                         {"NETWORK_UNREACHABLE", 0},
                                                         {"TIMEOUT", 0},
                                                         {"TLS_ERROR", 0},
                                                         {"SERVER_ERROR", 0},
                                                         {"MALFORMED_RESPONSE", 0}};
    for (const auto& [code, status] : expected) {
        INFO(code);
        const auto found = find_error(code);
        REQUIRE(found.has_value());
        CHECK(found->http_status == status);
        const std::string message = tr(found->message);
        CHECK(message.size() > 10);
        CHECK(is_valid_utf8(message));
        CHECK(message.find('{') == std::string::npos);  // every parameter filled
        CHECK(error_message(code) == message);
    }
}

TEST_CASE("unknown codes fall back to the INTERNAL message", "[errors]") {
    CHECK_FALSE(find_error("NO_SUCH_CODE").has_value());
    CHECK(error_message("NO_SUCH_CODE") == tr(find_error("INTERNAL")->message));
}

TEST_CASE("is_retryable: transport failures and 5xx, not 4xx or TLS", "[errors]") {
    CHECK(is_retryable(0, "TIMEOUT"));
    CHECK(is_retryable(0, "NETWORK_UNREACHABLE"));
    CHECK(is_retryable(503, "SERVER_ERROR"));
    CHECK(is_retryable(500, "INTERNAL"));
    CHECK(is_retryable(503, "STORAGE_UNAVAILABLE"));
    CHECK_FALSE(is_retryable(0, "TLS_ERROR"));
    CHECK_FALSE(is_retryable(401, "UNAUTHORIZED"));
    CHECK_FALSE(is_retryable(409, "ALREADY_APPLIED"));
    CHECK_FALSE(is_retryable(422, "VALIDATION_FAILED"));
}
