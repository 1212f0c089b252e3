// Windows' manual proxy setting applied to the service URL.
#include <catch2/catch_test_macros.hpp>

#include "careplan/core/proxy.hpp"

using careplan::core::describe;
using careplan::core::HostPort;
using careplan::core::ManualProxySetting;
using careplan::core::proxy_for_url;

namespace {
constexpr auto service = "https://careplan.example.jp/api";
ManualProxySetting enabled(std::string server, std::string bypass = "") {
    return {true, std::move(server), std::move(bypass)};
}
}  // namespace

TEST_CASE("one proxy for every protocol") {
    CHECK(proxy_for_url(enabled("proxy.office.local:8080"), service) == HostPort{"proxy.office.local", 8080});
    CHECK(proxy_for_url(enabled(" 10.0.0.5:3128 "), "http://careplan.example.jp") ==
          HostPort{"10.0.0.5", 3128});
    // Written with a scheme or a trailing slash, as some tools do.
    CHECK(proxy_for_url(enabled("http://10.0.0.5:3128/"), service) == HostPort{"10.0.0.5", 3128});
    // No port: Windows uses 80.
    CHECK(proxy_for_url(enabled("proxy"), service) == HostPort{"proxy", 80});
}

TEST_CASE("the setting off, empty or unreadable means a direct connection") {
    CHECK_FALSE(proxy_for_url({false, "proxy:8080", ""}, service));
    CHECK_FALSE(proxy_for_url(enabled(""), service));
    CHECK_FALSE(proxy_for_url(enabled("proxy:99999"), service));
    CHECK_FALSE(proxy_for_url(enabled("プロキシ:8080"), service));
    CHECK_FALSE(proxy_for_url(enabled(std::string(5000, 'a') + ":80"), service));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080"), "not a url"));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080"), "ftp://careplan.example.jp"));
}

TEST_CASE("per protocol, the entry of the URL's scheme is taken") {
    const ManualProxySetting both = enabled("http=web:8080;https=secure:8443;ftp=files:21");
    CHECK(proxy_for_url(both, "http://careplan.example.jp") == HostPort{"web", 8080});
    CHECK(proxy_for_url(both, service) == HostPort{"secure", 8443});
    CHECK(proxy_for_url(enabled("HTTPS=secure:8443"), "HTTPS://careplan.example.jp") ==
          HostPort{"secure", 8443});
    // Only an http entry: https goes direct, as in Windows.
    CHECK_FALSE(proxy_for_url(enabled("http=web:8080"), service));
    // Only SOCKS, which this app does not speak: direct.
    CHECK_FALSE(proxy_for_url(enabled("socks=gate:1080"), service));
}

TEST_CASE("hosts on the bypass list are reached directly") {
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "*.example.jp"), service));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "intranet;CAREPLAN.EXAMPLE.JP"), service));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "10.*"), "https://10.1.2.3:8443"));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "https://*.example.jp"), service));
    CHECK(proxy_for_url(enabled("proxy:8080", "*.example.com;10.*"), service) == HostPort{"proxy", 8080});
    // <local>: names without a dot only.
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "<local>"), "http://fileserver:8080"));
    CHECK(proxy_for_url(enabled("proxy:8080", "<local>"), service) == HostPort{"proxy", 8080});
    // A pattern must match the whole name.
    CHECK(proxy_for_url(enabled("proxy:8080", "example.jp"), service) == HostPort{"proxy", 8080});
    CHECK(proxy_for_url(enabled("proxy:8080", "careplan.*.com"), service) == HostPort{"proxy", 8080});
}

TEST_CASE("this PC is never reached through a proxy") {
    for (const char* url :
         {"http://127.0.0.1:8080", "http://localhost:8080/api", "http://[::1]:8080", "http://127.1.2.3"})
        CHECK_FALSE(proxy_for_url(enabled("proxy:8080"), url));
}

TEST_CASE("the host of a URL") {
    using careplan::core::host_of_url;
    CHECK(host_of_url("https://Careplan.Example.JP:8443/api?x=1") == "careplan.example.jp");
    CHECK(host_of_url("http://user@127.0.0.1:8080/") == "127.0.0.1");
    CHECK(host_of_url("https://[::1]:8443") == "::1");
    CHECK(host_of_url("https://localhost") == "localhost");
    CHECK(host_of_url("https://[::1") == "");
    CHECK(host_of_url("careplan.example.jp") == "");
}

TEST_CASE("user info and ports of the URL do not confuse the host") {
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080", "careplan.example.jp"),
                              "https://user@careplan.example.jp:8443/x"));
    CHECK_FALSE(proxy_for_url(enabled("proxy:8080"), "http://evil.example@127.0.0.1:8080/"));
}

TEST_CASE("the route is described for S08 and the report") {
    using careplan::core::ProxySource;
    CHECK(describe(careplan::core::ProxyRoute{}) == "直接");
    CHECK(describe({HostPort{"proxy", 8080}, ProxySource::windows_setting}) ==
          "プロキシ proxy:8080 経由 (Windows のプロキシ設定)");
    CHECK(describe({HostPort{"10.0.0.5", 3128}, ProxySource::settings_file}) ==
          "プロキシ 10.0.0.5:3128 経由 (careplan-client.ini)");
    CHECK(describe({HostPort{"gate", 80}, ProxySource::command_line}) ==
          "プロキシ gate:80 経由 (起動オプション --proxy)");
}
