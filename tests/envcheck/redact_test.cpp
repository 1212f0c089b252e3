#include <catch2/catch_test_macros.hpp>

#include "redact.hpp"

using namespace careplan::envcheck;

TEST_CASE("proxy lists lose their credentials, nothing else") {
    CHECK(without_credentials("proxy.example.jp:8080") == "proxy.example.jp:8080");
    CHECK(without_credentials("taro:secret@proxy.example.jp:8080") == "proxy.example.jp:8080");
    CHECK(without_credentials("http=taro:pw@p1:80;https=p2:443") == "http=p1:80;https=p2:443");
    CHECK(without_credentials("http://taro:p@ss@p1:80 p2:81") == "http://p1:80 p2:81");
    CHECK(without_credentials("") == "");
}

TEST_CASE("a configuration script is shown by its origin only") {
    CHECK(origin_of("http://wpad.example.jp/proxy.pac?user=taro") == "http://wpad.example.jp");
    CHECK(origin_of("https://taro@pac.example.jp:8443/p.pac") == "https://pac.example.jp:8443");
    CHECK(origin_of("file://C:/Users/taro/proxy.pac") == "（この PC のファイル）");
    CHECK(origin_of("C:\\Users\\taro\\proxy.pac") == "（URL ではありません）");
}

TEST_CASE("long texts are cut on a UTF-8 character boundary") {
    CHECK(bounded("short", 10) == "short");
    CHECK(bounded("abcdef", 3) == "abc…");
    // 3-byte characters: a cut after 4 bytes keeps one whole character.
    CHECK(bounded("西暦和暦", 4) == "西…");
    CHECK(bounded(std::string(500, 'x')).size() == max_fact_bytes + std::string{"…"}.size());
}

TEST_CASE("a long proxy setting is redacted before it is cut", "[redact]") {
    // The password runs past the cut: cutting first would keep "taro:sss…".
    const std::string setting = "http=taro:" + std::string(300, 's') + "@proxy.example.jp:8080";
    const std::string fact = proxy_fact(setting);
    CHECK(fact == "http=proxy.example.jp:8080");
    CHECK(fact.find("taro") == std::string::npos);
    const std::string long_list = std::string(250, 'p') + ".example.jp:80;https=taro:pw@p2:443";
    CHECK(proxy_fact(long_list).find("taro") == std::string::npos);
    CHECK(proxy_fact(long_list).size() <= max_fact_bytes + std::string{"…"}.size());
}
