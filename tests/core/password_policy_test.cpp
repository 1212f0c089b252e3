// The password policy of user add / user passwd: each rule on its own, with
// its Japanese message, and the passwords it lets through.

#include <catch2/catch_test_macros.hpp>

#include "careplan/core/password_policy.hpp"

using namespace careplan::core;

namespace {

std::vector<PasswordRule> rules(std::string_view password, std::string_view user_id = "KJ12345678") {
    std::vector<PasswordRule> broken;
    for (const auto& problem : password_problems(password, user_id)) {
        CHECK_FALSE(problem.message.empty());
        broken.push_back(problem.rule);
    }
    return broken;
}

using Rules = std::vector<PasswordRule>;

}  // namespace

TEST_CASE("a long, unusual password passes") {
    CHECK(rules("correct horse battery").empty());
    CHECK(rules("Hx9!mq2#Lp4z").empty());                  // exactly 12
    CHECK(rules("ケアプラン更新用の合言葉です").empty());  // 14 characters, 42 bytes
    CHECK(rules(std::string(128, 'x')).empty());
}

TEST_CASE("fewer than 12 characters is too short, counted in characters") {
    CHECK(rules("Hx9!mq2#Lp4") == Rules{PasswordRule::too_short});
    CHECK(rules("") == Rules{PasswordRule::too_short});
    CHECK(rules("ケアプラン合言葉") == Rules{PasswordRule::too_short});  // 24 bytes, 8 characters
    auto problems = password_problems("short", "KJ12345678");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("12") != std::string::npos);
}

TEST_CASE("more than 128 bytes is too long, as at login") {
    CHECK(rules(std::string(129, 'x')) == Rules{PasswordRule::too_long});
    // 43 kanji: 43 characters, 129 bytes.
    std::string kanji;
    for (int i = 0; i < 43; ++i) kanji += "\xE6\xBC\xA2";
    CHECK(rules(kanji) == Rules{PasswordRule::too_long});
    CHECK(password_problems(std::string(129, 'x'), "KJ12345678")[0].message.find("128") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is refused") {
    CHECK(rules("valid-start-\xC3\x28-rest") == Rules{PasswordRule::invalid_utf8});
    CHECK(rules("abcdefghijk\xFF") == Rules{PasswordRule::invalid_utf8});
}

TEST_CASE("the ID or its digits anywhere in the password, in any case") {
    CHECK(rules("KJ12345678-office") == Rules{PasswordRule::contains_user_id});
    CHECK(rules("my-kj12345678!") == Rules{PasswordRule::contains_user_id});
    CHECK(rules("office-12345678-x") == Rules{PasswordRule::contains_user_id});
    // Another ID's digits are fine.
    CHECK(rules("office-87654321-x").empty());
}

TEST_CASE("common passwords are refused in any case") {
    CHECK(rules("password1234") == Rules{PasswordRule::common});
    CHECK(rules("PASSWORD1234") == Rules{PasswordRule::common});
    CHECK(rules("123456789012", "KJ00000099") == Rules{PasswordRule::common});
    CHECK(rules("Qwerty123456") == Rules{PasswordRule::common});
    CHECK(rules("password12345").empty());  // not on the list
}

TEST_CASE("every broken rule is reported, each with its own message") {
    auto problems = password_problems("KJ1234567\xFF", "KJ12345678");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].rule == PasswordRule::invalid_utf8);
    CHECK(problems[1].rule == PasswordRule::too_short);
    CHECK(problems[0].message != problems[1].message);
    auto both = password_problems("kj12345678", "KJ12345678");
    REQUIRE(both.size() == 2);
    CHECK(both[0].rule == PasswordRule::too_short);
    CHECK(both[1].rule == PasswordRule::contains_user_id);
}
