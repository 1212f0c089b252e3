#pragma once
// The password policy of the accounts the operator sets up (careplan-service
// user add, user passwd). Logging in still takes any password of 1..128
// bytes (validate_login): the policy is about choosing one, and a stored
// password chosen before it must keep working.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace careplan::core {

inline constexpr std::size_t min_password_chars = 12;  // code points

enum class PasswordRule { invalid_utf8, too_short, too_long, contains_user_id, common };

struct PasswordProblem {
    PasswordRule rule;
    std::string message;  // Japanese, says what to do
};

// Every rule `password` breaks for the account `user_id` (normalised, "KJ" +
// 8 digits), in the order of PasswordRule; empty when it may be used. Too
// long is counted in bytes (max_password_bytes, as at login), too short in
// characters.
std::vector<PasswordProblem> password_problems(std::string_view password, std::string_view user_id);

}  // namespace careplan::core
