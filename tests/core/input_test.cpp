#include <catch2/catch_test_macros.hpp>

#include "careplan/core/input.hpp"

using namespace careplan::core;

namespace {

ApplicationInput valid_application() {
    ApplicationInput input;
    input.applicant_name = "山田 太郎";
    input.applicant_kana = "ヤマダ　タロウ";
    input.email = "taro@example.jp";
    input.email_confirm = "taro@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = "1370000001";
    input.terms_version = "2024-04";
    input.privacy_version = "2024-04";
    input.agree_terms = true;
    input.agree_privacy = true;
    return input;
}

std::string repeat(std::string_view text, int times) {
    std::string out;
    for (int n = 0; n < times; ++n) out += text;
    return out;
}

std::string code_of(const FieldErrors& errors, const std::string& field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string{} : found->second.code;
}

}  // namespace

TEST_CASE("is_valid_utf8 rejects malformed, overlong and surrogate sequences", "[input]") {
    CHECK(is_valid_utf8("KJ00000001"));
    CHECK(is_valid_utf8("山田　ﾀﾛｳ😀"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("abc\xe3\x81"));       // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK(utf8_length("山田😀a") == 4);
}

TEST_CASE("normalize_ascii_field: full-width to half-width and trimming", "[input]") {
    CHECK(normalize_ascii_field("　ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ　") == "taro@example.jp");
    CHECK(normalize_ascii_field("０３－１２３４－５６７８") == "03-1234-5678");
    CHECK(normalize_ascii_field(" \t 1370000001 \n") == "1370000001");
    CHECK(normalize_ascii_field("a　b") == "a b");
    CHECK(normalize_ascii_field("山田") == "山田");
    CHECK(normalize_ascii_field("　　") == "");
    CHECK(normalize_ascii_field("\xff ab") == "\xff ab");  // invalid bytes are kept for validation
}

TEST_CASE("normalize_user_id: 全角 ID and lower case become KJ........", "[input]") {
    CHECK(normalize_user_id("ＫＪ００００００１") == "KJ0000001");
    CHECK(normalize_user_id("　ｋｊ00000001 ") == "KJ00000001");
    CHECK(normalize_user_id("kj00000001") == "KJ00000001");
}

TEST_CASE("normalize_kana: hiragana and 半角カナ to 全角カタカナ", "[input]") {
    CHECK(normalize_kana("やまだ たろう") == "ヤマダ　タロウ");
    CHECK(normalize_kana("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダ　タロウ");
    CHECK(normalize_kana("ｶﾞｷﾞｸﾞｹﾞｺﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞ") == "ガギグゲゴパピプペポヴ");
    CHECK(normalize_kana("ｼｮｳｺﾞ ｰ") == "ショウゴ　ー");
    CHECK(normalize_kana("  すずき　　 いちろう  ") == "スズキ　イチロウ");
    CHECK(normalize_kana("か\u3099") == "ガ");  // combining 濁点
    CHECK(normalize_kana("ｱﾞ") == "ア゛");      // ア takes no 濁点: the mark stays visible
    CHECK(normalize_kana("ﾞｱ") == "゛ア");
    CHECK(normalize_kana("ゝ") == "ヽ");
    CHECK(normalize_kana("ヤマダ") == "ヤマダ");
}

TEST_CASE("validate_login", "[input]") {
    CHECK(validate_login({"KJ00000001", "demo-pass-0001"}).empty());
    CHECK(validate_login(normalize_login({"ｋｊ０００００００１", "x"})).empty());
    const auto empty = validate_login({"", ""});
    CHECK(code_of(empty, "user_id") == "REQUIRED");
    CHECK(code_of(empty, "password") == "REQUIRED");
    CHECK(empty.at("user_id").message == "ユーザIDを入力してください。");
    for (const char* bad : {"KJ0000001", "KJ000000011", "AB00000001", "KJ0000000A", "00000001KJ"}) {
        INFO(bad);
        CHECK(code_of(validate_login({bad, "p"}), "user_id") == "INVALID_FORMAT");
    }
    CHECK(code_of(validate_login({"KJ00000001", std::string(128, 'p')}), "password").empty());
    CHECK(code_of(validate_login({"KJ00000001", std::string(129, 'p')}), "password") == "TOO_LONG");
    CHECK(code_of(validate_login({"KJ00000001", "pa\xffss"}), "password") == "INVALID_UTF8");
    CHECK(code_of(validate_login({"KJ\xff", "p"}), "user_id") == "INVALID_UTF8");
    // The password is never normalised.
    CHECK(normalize_login({"kj00000001", " ｐａｓｓ "}).password == " ｐａｓｓ ");
}

TEST_CASE("validate_application accepts a good form", "[input]") {
    CHECK(validate_application(valid_application(), true).empty());
}

TEST_CASE("normalize_application then validate: real Japanese input", "[input]") {
    ApplicationInput typed;
    typed.applicant_name = "　山田　太郎 ";
    typed.applicant_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    typed.email = "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ";
    typed.email_confirm = " taro@example.jp";
    typed.phone = "０３ー１２３４ー５６７８";
    typed.office_number = "１３７００００００１";
    typed.agree_terms = typed.agree_privacy = true;
    const ApplicationInput normal = normalize_application(typed);
    CHECK(normal.applicant_name == "山田　太郎");
    CHECK(normal.applicant_kana == "ヤマダ　タロウ");
    CHECK(normal.email == "taro@example.jp");
    CHECK(normal.email_confirm == "taro@example.jp");
    CHECK(normal.phone == "03-1234-5678");
    CHECK(normal.office_number == "1370000001");
    CHECK(validate_application(normal, true).empty());
}

TEST_CASE("validate_application: every field's error code", "[input]") {
    auto with = [](auto change) {
        ApplicationInput input = valid_application();
        change(input);
        return validate_application(input, true);
    };
    CHECK(code_of(with([](auto& i) { i.applicant_name = ""; }), "applicant_name") == "REQUIRED");
    CHECK(code_of(with([](auto& i) { i.applicant_name = repeat("山", 50); }), "applicant_name").empty());
    CHECK(code_of(with([](auto& i) { i.applicant_name = repeat("山", 51); }), "applicant_name") ==
          "TOO_LONG");
    CHECK(code_of(with([](auto& i) { i.applicant_name = "山田\n太郎"; }), "applicant_name") ==
          "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.applicant_name = "山田😀"; }), "applicant_name").empty());
    CHECK(code_of(with([](auto& i) { i.applicant_name = "\xe5\xb1"; }), "applicant_name") == "INVALID_UTF8");

    CHECK(code_of(with([](auto& i) { i.applicant_kana = "やまだ"; }), "applicant_kana") == "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.applicant_kana = "ヤマダ😀"; }), "applicant_kana") == "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.applicant_kana = "ヤマダ Taro"; }), "applicant_kana") ==
          "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.applicant_kana = "ジョン・スミス"; }), "applicant_kana").empty());
    CHECK(code_of(with([](auto& i) { i.applicant_kana = std::string(); }), "applicant_kana") == "REQUIRED");
    CHECK(code_of(with([](auto& i) { i.applicant_kana = repeat("ア", 50); }), "applicant_kana").empty());
    CHECK(code_of(with([](auto& i) { i.applicant_kana = repeat("ア", 51); }), "applicant_kana") ==
          "TOO_LONG");

    for (const char* bad :
         {"taro", "taro@", "@example.jp", "taro@example", "taro@@example.jp", "ta ro@example.jp",
          "taro@.example.jp", "taro@example..jp", "太郎@example.jp", "taro@example.jp."}) {
        INFO(bad);
        CHECK(code_of(with([&](auto& i) { i.email = i.email_confirm = bad; }), "email") == "INVALID_FORMAT");
    }
    // 254 bytes is the longest address.
    CHECK(code_of(with([](auto& i) { i.email = i.email_confirm = "taro@" + std::string(246, 'd') + ".jp"; }),
                  "email")
              .empty());
    CHECK(code_of(with([](auto& i) { i.email = i.email_confirm = "taro@" + std::string(247, 'd') + ".jp"; }),
                  "email") == "TOO_LONG");
    CHECK(code_of(with([](auto& i) { i.email = i.email_confirm = "a.b+c@mail.example.co.jp"; }), "email")
              .empty());

    CHECK(code_of(with([](auto& i) { i.email_confirm = "jiro@example.jp"; }), "email_confirm") == "MISMATCH");
    CHECK(code_of(with([](auto& i) { i.email_confirm = ""; }), "email_confirm") == "REQUIRED");
    CHECK(validate_application(
              [] {
                  ApplicationInput i = valid_application();
                  i.email_confirm = "";
                  return i;
              }(),
              false)
              .empty());  // the service has no email_confirm

    CHECK(code_of(with([](auto& i) { i.phone = "0312345678"; }), "phone").empty());
    CHECK(code_of(with([](auto& i) { i.phone = "090-1234-5678"; }), "phone").empty());
    for (const char* bad : {"03-1234-567", "090-1234-56789", "03(1234)5678", "-0312345678", "0312345678-",
                            "03--12345678", "3-1234-56789"}) {
        INFO(bad);
        CHECK(code_of(with([&](auto& i) { i.phone = bad; }), "phone") == "INVALID_FORMAT");
    }

    CHECK(code_of(with([](auto& i) { i.office_number = "137000000"; }), "office_number") == "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.office_number = "13700000011"; }), "office_number") ==
          "INVALID_FORMAT");
    CHECK(code_of(with([](auto& i) { i.office_number = "137000000A"; }), "office_number") ==
          "INVALID_FORMAT");

    const auto no_agreement = with([](auto& i) { i.agree_terms = i.agree_privacy = false; });
    CHECK(code_of(no_agreement, "agree_terms") == "MUST_AGREE");
    CHECK(code_of(no_agreement, "agree_privacy") == "MUST_AGREE");
    CHECK(no_agreement.size() == 2);
}

TEST_CASE("validate_application reports every bad field at once", "[input]") {
    const FieldErrors errors = validate_application(ApplicationInput{}, true);
    CHECK(errors.size() == 8);
    for (const auto& [field, error] : errors) {
        INFO(field);
        CHECK_FALSE(error.message.empty());
        CHECK(is_valid_utf8(error.message));
    }
}

TEST_CASE("standing_errors: a corrected field's error goes, others wait for the review", "[input]") {
    ApplicationInput reviewed = valid_application();
    reviewed.phone = "03-1234";
    reviewed.email_confirm = "jiro@example.jp";
    reviewed.agree_terms = false;
    const FieldErrors errors = validate_application(reviewed, true);
    REQUIRE(errors.size() == 3);

    // Nothing typed since the review: every error stands.
    CHECK(standing_errors(errors, reviewed, reviewed) == errors);

    ApplicationInput typed = reviewed;
    typed.phone = "03-1234-5678";
    typed.applicant_name = "";  // wrong now, but no error appears before the review
    CHECK(standing_errors(errors, reviewed, typed).size() == 2);
    CHECK_FALSE(standing_errors(errors, reviewed, typed).contains("phone"));
    CHECK_FALSE(standing_errors(errors, reviewed, typed).contains("applicant_name"));

    // Changed but still wrong: the error stands, saying what is wrong now.
    typed.phone = "03-1234-56";
    CHECK(standing_errors(errors, reviewed, typed).at("phone") == errors.at("phone"));
    typed.phone = "";  // emptied: now missing rather than malformed
    CHECK(errors.at("phone").code == "INVALID_FORMAT");
    CHECK(standing_errors(errors, reviewed, typed).at("phone").code == "REQUIRED");
    // Typed in full width: judged as normalised, so this is right.
    typed.phone = "０３－１２３４－５６７８";
    CHECK_FALSE(standing_errors(errors, reviewed, typed).contains("phone"));

    // The e-mail made equal to its confirmation settles the mismatch too.
    typed.email = "jiro@example.jp";
    CHECK_FALSE(standing_errors(errors, reviewed, typed).contains("email_confirm"));

    // Ticking the box answers its error.
    typed.agree_terms = true;
    CHECK(standing_errors(errors, reviewed, typed).empty());
}

TEST_CASE("standing_errors: the service's error on an unchanged field stands", "[input]") {
    // The service refused an office number that passes the client's check.
    const ApplicationInput reviewed = valid_application();
    const FieldErrors service{{"office_number", {"INVALID_FORMAT", "unknown office"}}};
    ApplicationInput typed = reviewed;
    typed.applicant_name = "山田 花子";
    CHECK(standing_errors(service, reviewed, typed) == service);
    typed.office_number = "1370000002";
    CHECK(standing_errors(service, reviewed, typed).empty());
}

TEST_CASE("standing_errors on S01: the ID's error goes once the ID is right, the password's once typed",
          "[input]") {
    // ログイン with a short ID and no password; the screen then empties the password.
    const LoginInput sent = normalize_login({"KJ0000", ""});
    const FieldErrors errors = validate_login(sent);
    REQUIRE(errors.size() == 2);
    const LoginInput checked{sent.user_id, ""};
    CHECK(standing_errors(errors, checked, checked) == errors);

    CHECK(standing_errors(errors, checked, {"KJ00000", ""}) == errors);  // still short
    const FieldErrors standing = standing_errors(errors, checked, {"ＫＪ００００００01", ""});
    CHECK(standing.size() == 1);
    CHECK(standing.contains("password"));
    CHECK(standing_errors(errors, checked, {"KJ00000001", "secret"}).empty());
    // Only what the check found can go: a new wrong ID waits for ログイン.
    CHECK(standing_errors({}, checked, {"x", ""}).empty());
}

TEST_CASE("user IDs are masked for logs and support reports", "[input]") {
    CHECK(mask_user_id("KJ00000001") == "KJ******01");
    CHECK(mask_user_id("KJ12") == "KJ**");
    CHECK(mask_user_id("K") == "K");
    CHECK(mask_user_id("") == "");
}

TEST_CASE("a proxy is typed as host:port", "[input]") {
    CHECK(parse_host_port("proxy.example.jp:8080") == HostPort{"proxy.example.jp", 8080});
    CHECK(parse_host_port(" 10.0.0.1:3128 ") == HostPort{"10.0.0.1", 3128});
    CHECK_FALSE(parse_host_port("proxy.example.jp"));
    CHECK_FALSE(parse_host_port(":8080"));
    CHECK_FALSE(parse_host_port("proxy:"));
    CHECK_FALSE(parse_host_port("proxy:0"));
    CHECK_FALSE(parse_host_port("proxy:65536"));
    CHECK_FALSE(parse_host_port("proxy:80a"));
    CHECK_FALSE(parse_host_port("user@proxy:8080"));
    CHECK_FALSE(parse_host_port("http://proxy:8080"));
}

TEST_CASE("the service's --listen is host:port too, IPv6 in brackets, port 0 for any", "[input]") {
    CHECK(parse_host_port("[::1]:8080") == HostPort{"::1", 8080});
    CHECK(parse_host_port("127.0.0.1:0", PortZero::allowed) == HostPort{"127.0.0.1", 0});
    CHECK_FALSE(parse_host_port("127.0.0.1:0"));
    CHECK_FALSE(parse_host_port("::1:8080"));  // IPv6 needs its brackets
    CHECK_FALSE(parse_host_port("[]:8080"));
    CHECK_FALSE(parse_host_port("127.0.0.1:99999", PortZero::allowed));
}

TEST_CASE("the service's URL: http or https, a host, a port in range, nothing else", "[input]") {
    CHECK(parse_server_url("https://license.example.jp") == ServerUrl{true, "license.example.jp", 443});
    CHECK(parse_server_url("HTTPS://license.example.jp:8443/") ==
          ServerUrl{true, "license.example.jp", 8443});
    CHECK(parse_server_url("http://127.0.0.1:8080") == ServerUrl{false, "127.0.0.1", 8080});
    CHECK(parse_server_url("http://[::1]:8080") == ServerUrl{false, "::1", 8080});
    CHECK(parse_server_url("https://[::1]") == ServerUrl{true, "::1", 443});
    for (std::string_view bad :
         {"license.example.jp", "ftp://license.example.jp", "https://", "https://:443",
          "https://license.example.jp:0", "https://license.example.jp:65536",
          "https://license.example.jp:99999999999", "https://license.example.jp:-1",
          "https://user:pass@license.example.jp", "https://license.example.jp/api",
          "https://license.example.jp?x=1", "https://::1:443", "https://lic ense.jp", ""}) {
        INFO(bad);
        CHECK_FALSE(parse_server_url(bad).has_value());
    }
}
