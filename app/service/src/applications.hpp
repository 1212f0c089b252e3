#pragma once
// The domain steps behind /license and /applications, shared by the HTTP
// handlers and the demo seed so that a seeded application is exactly what an
// applied one would be.

#include <optional>
#include <string>

#include "careplan/core/model.hpp"
#include "careplan/service/store.hpp"

namespace careplan::service {

// The license page of an office on `today`, with its application for the
// current period if there is one.
core::License license_view(const core::Period& license, const std::string& office_number, core::Date today,
                           const std::optional<StoredApplication>& application);

// The answer stored with an application (its 201 body).
core::ApplicationResult application_result(const StoredApplication& application);

struct NewApplication {
    const UserRecord& user;
    core::Period license;          // the office's current license
    core::ApplicationInput input;  // normalised and validated
    std::string idempotency_key;
    std::string request_hash;
};

// Writes the application and its completion mail in the caller's
// transaction. The caller has checked eligibility (renewal_eligibility).
core::ApplicationResult accept_application(Tx& tx, const NewApplication& application, core::Date today);

}  // namespace careplan::service
