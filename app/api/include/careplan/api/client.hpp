#pragma once
// A small synchronous client of API v1. Each call blocks until the answer,
// an error answer or a transport failure; run it off the UI thread. One
// Client is not meant to be shared between threads (make one per worker).
//
// Failures come back as core::ApiError: the service's own error JSON (with
// http_status, per-field errors and Retry-After), or a client-side code with
// http_status 0: NETWORK_UNREACHABLE, TIMEOUT, TLS_ERROR; and SERVER_ERROR
// for any 5xx, MALFORMED_RESPONSE for an answer that is not what API v1 says
// (also one over ClientOptions::max_answer_bytes).

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "careplan/api/wire.hpp"
#include "careplan/core/model.hpp"

namespace careplan::api {

template <class T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}               // NOLINT: implicit on purpose
    Result(core::ApiError error) : value_(std::move(error)) {}  // NOLINT
    bool ok() const noexcept { return std::holds_alternative<T>(value_); }
    explicit operator bool() const noexcept { return ok(); }
    const T& value() const { return std::get<T>(value_); }
    const core::ApiError& error() const { return std::get<core::ApiError>(value_); }

  private:
    std::variant<T, core::ApiError> value_;
};

struct NoContent {};

// Any answer at all, for diagnostics and tests (send()).
struct RawResponse {
    int status = 0;
    std::string body;
    std::multimap<std::string, std::string> headers;  // names as sent
    // The first value of a header (case-insensitive name), or "".
    std::string header(std::string_view name) const;
};

struct ClientOptions {
    std::string base_url;  // "http://127.0.0.1:8080", "https://license.example.jp"
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds read_timeout{15000};
    std::string ca_cert_path;             // https only; empty: the system's trust store
    std::optional<core::HostPort> proxy;  // an HTTP proxy (CONNECT for https); none: direct
    // The whole request, from connecting to the answer's last byte: a server
    // that trickles its answer a byte at a time (each read well within
    // read_timeout) still cannot keep the office waiting longer. TIMEOUT.
    std::chrono::milliseconds total_timeout{30000};
    // API v1's answers are a few KiB; a larger one (a network's block page,
    // an endless stream) is not read on: MALFORMED_RESPONSE, nothing kept.
    std::size_t max_answer_bytes = 1024 * 1024;
};

class Client {
  public:
    explicit Client(ClientOptions options);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // The bearer token of the session (set by login, cleared by logout).
    void set_token(std::string token);
    const std::string& token() const noexcept { return token_; }

    Result<core::Session> login(const core::LoginInput& input);
    Result<NoContent> logout();
    Result<core::License> license();
    Result<core::Terms> terms();
    // The same key must be sent again when retrying the same submission.
    Result<core::ApplicationResult> apply(const core::ApplicationInput& input,
                                          std::string_view idempotency_key);
    // The 問い合わせフォーム: with the session's token when logged in (the
    // service then takes the office from the session), without one before
    // login (input.office_number is required then). Retry with the same key.
    Result<core::InquiryReceipt> submit_inquiry(const core::InquiryInput& input,
                                                std::string_view idempotency_key);
    Result<core::Notice> notices();
    Result<Health> health();

    // Sends any request as it is (with the bearer token when there is one);
    // only transport failures are errors.
    Result<RawResponse> send(std::string_view method, std::string_view path, std::string_view body = {},
                             std::string_view content_type = "application/json",
                             const std::multimap<std::string, std::string>& headers = {});

  private:
    template <class T>
    Result<T> call(std::string_view method, std::string_view path, int expected_status,
                   const nlohmann::json* body = nullptr,
                   const std::multimap<std::string, std::string>& headers = {});

    struct Impl;
    std::unique_ptr<Impl> impl_;
    ClientOptions options_;
    std::string token_;
};

// A fresh Idempotency-Key for one submission of the application form or the
// 問い合わせフォーム.
std::string new_idempotency_key();

}  // namespace careplan::api
