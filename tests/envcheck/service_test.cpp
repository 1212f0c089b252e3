// The check against real HTTP: the embedded service (in this process), the
// careplan-service executable, a refused port, a service that never answers,
// and HTTPS with a certificate the client does not trust.

#include <catch2/catch_test_macros.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "careplan/envcheck/api_health.hpp"
#include "careplan/envcheck/cli.hpp"
#include "careplan/service/service.hpp"
#include "fixtures.hpp"

using namespace careplan;
using namespace careplan::envcheck;
using namespace careplan::envcheck::test;
using namespace std::chrono;

namespace {

// A loopback socket bound to a free port; listening or not.
class LoopbackSocket {
  public:
    explicit LoopbackSocket(bool listening) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        REQUIRE(fd_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t size = sizeof address;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
        port_ = ntohs(address.sin_port);
        if (listening) REQUIRE(::listen(fd_, 8) == 0);
    }
    ~LoopbackSocket() { ::close(fd_); }
    LoopbackSocket(const LoopbackSocket&) = delete;
    LoopbackSocket& operator=(const LoopbackSocket&) = delete;
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  private:
    int fd_;
    int port_ = 0;
};

Facts check(const std::string& url, milliseconds limit = milliseconds{2000}) {
    return collect_facts(ProbeOptions{url, "1.0.0", limit, health_over_api()});
}

struct Timed {
    Facts facts;
    milliseconds took;
};

Timed timed_check(const std::string& url, milliseconds limit = milliseconds{2000}) {
    const auto started = steady_clock::now();
    Facts facts = check(url, limit);
    return {std::move(facts), duration_cast<milliseconds>(steady_clock::now() - started)};
}

// A self-signed certificate for a host that is not the one connected to.
std::filesystem::path make_wrong_certificate() {
    const auto dir = std::filesystem::temp_directory_path() / ("envcheck-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=wrong.example "
        "-keyout '" +
        (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    return dir;
}

}  // namespace

TEST_CASE("the embedded service: reachable, in well under a second") {
    service::Service embedded(service::ServiceOptions{});
    embedded.start("127.0.0.1", 0);
    const Timed run = timed_check(embedded.base_url());
    INFO("the whole check took " << run.took.count() << " ms");
    CHECK(run.took < milliseconds{500});
    REQUIRE(run.facts.service);
    CHECK(run.facts.service->answered);
    CHECK(run.facts.service->http_status == 200);
    const Report report = evaluate(run.facts);
    CHECK(item_of(report, "network").outcome == Outcome::ok);
    CHECK(item_of(report, "clock").outcome == Outcome::ok);
    CHECK(report.overall == Outcome::ok);
}

TEST_CASE("refused: nothing listens on the port") {
    const std::string url = LoopbackSocket{false}.url();  // closed again at once
    const Timed run = timed_check(url);
    CHECK(run.took < milliseconds{500});
    CHECK(run.facts.service->error == careplan::core::ErrorCode::network_unreachable);
    const Item network = item_of(evaluate(run.facts), "network");
    CHECK(network.outcome == Outcome::ng);
    CHECK(has_fact(network, "サービスに接続できませんでした"));
}

TEST_CASE("slow: a service that accepts and never answers is cut off at the limit") {
    const LoopbackSocket silent{true};
    const milliseconds limit{600};
    const Timed run = timed_check(silent.url(), limit);
    CHECK(run.took >= limit);
    CHECK(run.took < limit + probe_grace + milliseconds{300});
    CHECK(run.facts.service->error == careplan::core::ErrorCode::timeout);
    CHECK(item_of(evaluate(run.facts), "network").outcome == Outcome::ng);
}

TEST_CASE("HTTPS with a certificate the client does not trust is a TLS error") {
    const auto dir = make_wrong_certificate();
    service::ServiceOptions options;
    options.cert_path = (dir / "cert.pem").string();
    options.key_path = (dir / "key.pem").string();
    service::Service tls_service(options);
    tls_service.start("127.0.0.1", 0);
    REQUIRE(tls_service.base_url().rfind("https://", 0) == 0);
    const Timed run = timed_check(tls_service.base_url());
    tls_service.stop();
    std::filesystem::remove_all(dir);
    CHECK(run.facts.service->tls);
    CHECK(run.facts.service->error == careplan::core::ErrorCode::tls_error);
    const Item network = item_of(evaluate(run.facts), "network");
    CHECK(network.outcome == Outcome::ng);
    CHECK(has_fact(network, "暗号化 (TLS): あり"));
    CHECK(has_fact(network, "安全な接続 (TLS) を確立できませんでした"));
}

#ifdef CAREPLAN_SERVICE_EXE
TEST_CASE("the careplan-service executable: --check-env exits 0 and prints the report") {
    const auto db =
        std::filesystem::temp_directory_path() / ("envcheck-" + std::to_string(::getpid()) + ".db");
    const std::string command = "sh -c 'echo $$; exec \"$0\" --db \"$1\" --listen 127.0.0.1:0' '" +
                                std::string{CAREPLAN_SERVICE_EXE} + "' '" + db.string() + "'";
    std::FILE* service = ::popen(command.c_str(), "r");
    REQUIRE(service);
    char line[256] = {};
    REQUIRE(std::fgets(line, sizeof line, service));
    const pid_t pid = std::atoi(line);
    std::string url;
    while (std::fgets(line, sizeof line, service)) {
        const std::string_view text = line;
        if (text.rfind("listening on ", 0) == 0) {
            url = std::string{text.substr(13, text.find_last_not_of("\r\n") - 12)};
            break;
        }
    }
    REQUIRE_FALSE(url.empty());
    std::FILE* out = std::tmpfile();
    const int code = run_check_env(CheckEnvOptions{false, url, "1.0.0", health_over_api()}, out);
    std::fclose(out);
    ::kill(pid, SIGTERM);
    ::pclose(service);
    std::filesystem::remove(db);
    CHECK(code == 0);
}
#endif
