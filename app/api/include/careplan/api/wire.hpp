#pragma once
// The wire contract of API v1: JSON <-> the plain structs of careplan/core/model.hpp.
//
// One reader serves both sides: the service parses request bodies with it
// (a wrong JSON type is a 400) and the client parses answers with it (a wrong
// type is MALFORMED_RESPONSE). Missing or null strings read as "" and missing
// booleans as false, so that the service reports them as per-field 422s
// rather than as a malformed body.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "careplan/core/input.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/model.hpp"

namespace careplan::api {

// A body that is not an object, or a field of the wrong JSON type.
class WireError : public std::runtime_error {
  public:
    explicit WireError(std::string field);
    // The offending field ("" for the body itself).
    const std::string& field() const noexcept { return field_; }

  private:
    std::string field_;
};

// GET /api/v1/health: {status, time}; time is RFC 3339 in JST.
struct Health {
    std::string status;
    std::string time;
    friend bool operator==(const Health&, const Health&) = default;
};

nlohmann::json to_wire(const core::LoginInput& login);
// POST /api/v1/applications body: ApplicationInput without email_confirm.
nlohmann::json to_wire(const core::ApplicationInput& application);
// POST /api/v1/inquiries body: {category, message, reply_email, phone,
// office_number, attachment}; category is its wire code, null when none.
nlohmann::json to_wire(const core::InquiryInput& inquiry);
nlohmann::json to_wire(const core::InquiryReceipt& receipt);
nlohmann::json to_wire(const core::User& user);
nlohmann::json to_wire(const core::Session& session);
nlohmann::json to_wire(const core::ApplicationResult& result);
nlohmann::json to_wire(const core::License& license);
nlohmann::json to_wire(const core::Terms& terms);
nlohmann::json to_wire(const core::Notice& notice);
nlohmann::json to_wire(const Health& health);
// {"error": {"code", "message", "fields"?}}; fields only when there are any.
nlohmann::json to_wire(const core::ApiError& error);

// The Retry-After header of a 429 or 503 answer: whole seconds (the service
// never sends an HTTP date); nullopt for anything else.
std::optional<int> parse_retry_after(std::string_view value);

// Throws WireError (or nothing): see the comment at the top.
template <class T>
T from_wire(const nlohmann::json& body);

template <>
core::LoginInput from_wire(const nlohmann::json& body);
template <>
core::ApplicationInput from_wire(const nlohmann::json& body);
// An unknown category code reads as none (a 422 for that field).
template <>
core::InquiryInput from_wire(const nlohmann::json& body);
template <>
core::InquiryReceipt from_wire(const nlohmann::json& body);
template <>
core::User from_wire(const nlohmann::json& body);
template <>
core::Session from_wire(const nlohmann::json& body);
template <>
core::ApplicationResult from_wire(const nlohmann::json& body);
template <>
core::License from_wire(const nlohmann::json& body);
template <>
core::Terms from_wire(const nlohmann::json& body);
template <>
core::Notice from_wire(const nlohmann::json& body);
template <>
Health from_wire(const nlohmann::json& body);
// http_status and retry_after_seconds are not in the body; the caller sets them.
template <>
core::ApiError from_wire(const nlohmann::json& body);

}  // namespace careplan::api
