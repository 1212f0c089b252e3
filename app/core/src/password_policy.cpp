#include "careplan/core/password_policy.hpp"

#include <algorithm>
#include <iterator>

#include "careplan/core/input.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {
namespace {

// Passwords of 12 or more characters that guessing lists try first. Shorter
// ones are refused by their length already.
constexpr std::string_view common_passwords[] = {
    "password1234", "password123!", "passw0rd1234", "passwordpassword", "123456789012",      "1234567890ab",
    "abc123456789", "abcdefghijkl", "qwertyuiop12", "qwerty123456",     "qwertyuiopasdf",    "1qaz2wsx3edc",
    "111111111111", "000000000000", "iloveyou1234", "admin1234567",     "administrator",     "welcome12345",
    "changeme1234", "letmein12345", "careplan1234", "kaigo1234567",     "careplan-password",
};

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

// The ID, or just its 8 digits, anywhere in the password and in any case:
// the ID is printed on the office's papers and the first thing tried.
bool contains_user_id(std::string_view password, std::string_view user_id) {
    if (user_id.size() <= 2) return false;
    const std::string text = ascii_lower(password);
    return text.find(ascii_lower(user_id)) != std::string::npos ||
           text.find(user_id.substr(2)) != std::string::npos;
}

bool is_common(std::string_view password) {
    const std::string text = ascii_lower(password);
    return std::find(std::begin(common_passwords), std::end(common_passwords), text) !=
           std::end(common_passwords);
}

}  // namespace

std::vector<PasswordProblem> password_problems(std::string_view password, std::string_view user_id) {
    std::vector<PasswordProblem> problems;
    auto add = [&](PasswordRule rule, std::string message) {
        problems.push_back({rule, std::move(message)});
    };
    if (!is_valid_utf8(password)) add(PasswordRule::invalid_utf8, tr(texts::account::password::invalid_utf8));
    if (utf8_length(password) < min_password_chars) {
        add(PasswordRule::too_short, tr(texts::account::password::too_short, {{"min", min_password_chars}}));
    }
    if (password.size() > max_password_bytes) {
        add(PasswordRule::too_long, tr(texts::account::password::too_long, {{"max", max_password_bytes}}));
    }
    if (contains_user_id(password, user_id)) {
        add(PasswordRule::contains_user_id, tr(texts::account::password::contains_user_id));
    }
    if (is_common(password)) add(PasswordRule::common, tr(texts::account::password::common));
    return problems;
}

}  // namespace careplan::core
