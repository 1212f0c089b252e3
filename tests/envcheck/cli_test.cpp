#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "careplan/envcheck/cli.hpp"
#include "fake_health.hpp"

using namespace careplan::envcheck;
using namespace careplan::envcheck::test;

namespace {

struct Run {
    int code = -1;
    std::string output;
};

Run run(bool json, HealthFunction health) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> out{std::tmpfile(), &std::fclose};
    REQUIRE(out);
    Run result;
    result.code = run_check_env(CheckEnvOptions{json, "http://127.0.0.1:9", "1.0.0", std::move(health),
                                                std::chrono::milliseconds{500}},
                                out.get());
    std::rewind(out.get());
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, out.get())) > 0;)
        result.output.append(buffer, n);
    return result;
}

}  // namespace

TEST_CASE("exit codes follow the overall outcome") {
    CHECK(exit_code(Outcome::ok) == 0);
    CHECK(exit_code(Outcome::not_applicable) == 0);
    CHECK(exit_code(Outcome::warning) == 1);
    CHECK(exit_code(Outcome::ng) == 2);
}

// On Linux the Windows items are 対象外, so the service decides the outcome.
TEST_CASE("--check-env: 0 when all is well, 1 with a 注意, 2 with an NG") {
    const Run fine = run(false, answering());
    CHECK(fine.code == 0);
    CHECK(fine.output.find("総合結果: [OK]") != std::string::npos);

    const Run skewed = run(false, answering(std::chrono::minutes{30}));
    CHECK(skewed.code == 1);
    CHECK(skewed.output.find("[注意] PC の日付と時刻") != std::string::npos);

    const Run refused =
        run(false, failing(careplan::core::ErrorCode::network_unreachable, "Connection refused"));
    CHECK(refused.code == 2);
    CHECK(refused.output.find("[NG] サービスへの接続") != std::string::npos);
}

TEST_CASE("--check-env --json prints the report as JSON") {
    const Run result = run(true, failing(careplan::core::ErrorCode::tls_error, "certificate verify failed"));
    CHECK(result.code == 2);
    const auto json = nlohmann::json::parse(result.output);
    CHECK(json["overall"] == "ng");
    CHECK(json["items"][0]["outcome"] == "not_applicable");
    CHECK(json["items"][5]["id"] == "network");
    CHECK(json["items"][5]["outcome"] == "ng");
}
