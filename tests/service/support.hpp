#pragma once
// Test support: an in-process careplan-service on 127.0.0.1:0 with the demo
// offices on a fixed date, and the OpenAPI document it must agree with.

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "careplan/api/client.hpp"
#include "careplan/service/service.hpp"

namespace careplan::test {

// 2026-11-25 (水): the demo licenses end on today + 45, +120, ... from here.
core::Date demo_today();

// What docs/openapi.yaml declares: per "METHOD path", the statuses listed
// under the operation's responses; plus the answers to any request.
struct OpenApiSpec {
    std::map<std::string, std::set<int>> operations;
    std::set<int> any_request;
};
OpenApiSpec load_openapi();

// An in-process service. Every answer it gives is recorded, and the
// destructor checks each against docs/openapi.yaml.
class TestService {
  public:
    // Light Argon2 parameters so that the suite runs fast; the executable's
    // defaults are covered by the process tests.
    static service::ServiceOptions default_options();
    explicit TestService(service::ServiceOptions options = default_options());
    ~TestService();

    api::Client client() const;
    // A client logged in as a demo office (1..7), or FAILs.
    std::unique_ptr<api::Client> login(int demo_office) const;
    service::Service& service() { return service_; }
    std::vector<std::string> log_lines() const;

  private:
    mutable std::mutex mutex_;
    std::vector<service::RequestLogEntry> answered_;
    service::Service service_;
};

std::string demo_user(int office);      // "KJ0000000N"
std::string demo_password(int office);  // "demo-pass-000N"
std::string demo_office_number(int office);

// A complete, valid application of a demo office with the current terms.
core::ApplicationInput valid_application(int office);

}  // namespace careplan::test
