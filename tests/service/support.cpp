#include "support.hpp"

#include <fstream>
#include <regex>

#include <catch2/catch_test_macros.hpp>

namespace careplan::test {

core::Date demo_today() {
    using namespace std::chrono;
    return year{2026} / November / day{25};
}

OpenApiSpec load_openapi() {
    std::ifstream in(CAREPLAN_OPENAPI_PATH);
    REQUIRE(in);
    // Enough YAML for the layout the document promises: paths at two spaces,
    // methods at four, "responses:" at six and quoted statuses at eight.
    static const std::regex path_line(R"(^  (/[^:]*):\s*$)");
    static const std::regex method_line(R"(^    (get|post|put|patch|delete):\s*$)");
    static const std::regex status_line(R"(^        '(\d{3})':)");
    static const std::regex any_line(R"(^  - '(\d{3})')");
    OpenApiSpec spec;
    std::string section, path, operation;
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (!line.empty() && line[0] != ' ' && line[0] != '#') {
            section = line.substr(0, line.find(':'));
            path.clear();
            operation.clear();
        } else if (section == "x-any-request-responses" && std::regex_search(line, m, any_line)) {
            spec.any_request.insert(std::stoi(m[1]));
        } else if (section == "paths" && std::regex_match(line, m, path_line)) {
            path = m[1];
            operation.clear();
        } else if (section == "paths" && std::regex_match(line, m, method_line)) {
            std::string method = m[1];
            for (char& c : method) c = static_cast<char>(std::toupper(c));
            operation = method + " " + path;
            spec.operations[operation];
        } else if (!operation.empty() && std::regex_search(line, m, status_line)) {
            spec.operations[operation].insert(std::stoi(m[1]));
        }
    }
    return spec;
}

service::ServiceOptions TestService::default_options() {
    service::ServiceOptions options;
    options.today = demo_today();
    options.seed_demo = true;
    options.argon2_time_cost = 1;
    options.argon2_memory_kib = 64;
    return options;
}

TestService::TestService(service::ServiceOptions options)
    : service_([&] {
          options.on_request = [this](const service::RequestLogEntry& entry) {
              std::lock_guard lock(mutex_);
              answered_.push_back(entry);
          };
          return options;
      }()) {
    service_.start("127.0.0.1", 0);
}

TestService::~TestService() {
    service_.stop();
    static const OpenApiSpec spec = load_openapi();
    for (const auto& entry : answered_) {
        INFO(entry.method << " " << entry.path << " answered " << entry.status);
        if (entry.route.empty()) {
            CHECK(spec.any_request.contains(entry.status));
        } else {
            auto operation = spec.operations.find(entry.method + " " + entry.route);
            // CHECK only: a destructor must not throw (REQUIRE would).
            CHECK(operation != spec.operations.end());
            if (operation != spec.operations.end()) {
                CHECK(operation->second.contains(entry.status));
            }
        }
    }
}

api::Client TestService::client() const {
    return api::Client({service_.base_url(), std::chrono::seconds(5), std::chrono::seconds(10)});
}

std::unique_ptr<api::Client> TestService::login(int demo_office) const {
    auto client = std::make_unique<api::Client>(
        api::ClientOptions{service_.base_url(), std::chrono::seconds(5), std::chrono::seconds(10)});
    auto session = client->login({demo_user(demo_office), demo_password(demo_office)});
    REQUIRE(session.ok());
    return client;
}

std::vector<std::string> TestService::log_lines() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> lines;
    for (const auto& entry : answered_) lines.push_back(service::format_log_line(entry));
    return lines;
}

std::string demo_user(int office) { return "KJ0000000" + std::to_string(office); }
std::string demo_password(int office) { return "demo-pass-000" + std::to_string(office); }
std::string demo_office_number(int office) { return "137000000" + std::to_string(office); }

core::ApplicationInput valid_application(int office) {
    core::ApplicationInput input;
    input.applicant_name = "山田 太郎";
    input.applicant_kana = "ヤマダ タロウ";
    input.email = "yamada@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = demo_office_number(office);
    input.terms_version = "2024.1";
    input.privacy_version = "2024.1";
    input.agree_terms = input.agree_privacy = true;
    return input;
}

}  // namespace careplan::test
