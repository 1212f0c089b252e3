// docs/openapi.yaml lists exactly the routes the service has. (Each answer
// given in the other tests is checked against it by TestService.)

#include <catch2/catch_test_macros.hpp>

#include "careplan/service/service.hpp"
#include "support.hpp"

TEST_CASE("docs/openapi.yaml describes every route of the service, and no other") {
    auto spec = careplan::test::load_openapi();
    std::set<std::string> documented;
    for (const auto& [operation, statuses] : spec.operations) {
        documented.insert(operation);
        INFO(operation);
        CHECK_FALSE(statuses.empty());
    }
    std::set<std::string> served;
    for (const auto& [method, path] : careplan::service::api_routes()) {
        served.insert(method + " " + path);
    }
    CHECK(served == documented);
    for (int status : {400, 404, 405, 413, 414, 431, 500}) {
        INFO(status);
        CHECK(spec.any_request.contains(status));
    }
}
