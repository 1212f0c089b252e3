#pragma once
// Normalisation and validation of what users type: the login (S01) and the
// application form (S05). The client and the service run the same code, and
// the service never trusts the client, so both validate.
//
// All text is UTF-8. Normalisers never crash on invalid UTF-8: they copy
// invalid bytes through unchanged, so that validation (which checks every
// field with is_valid_utf8 first) reports INVALID_UTF8 for that field.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace careplan::core {

struct FieldError {
    std::string code;     // stable: see input_error below
    std::string message;  // Japanese, says what to do
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

// Key: the wire field name (user_id, password, applicant_name, applicant_kana,
// email, email_confirm, phone, office_number, agree_terms, agree_privacy).
using FieldErrors = std::map<std::string, FieldError>;

// Stable field error codes.
namespace input_error {
inline constexpr std::string_view required = "REQUIRED";
inline constexpr std::string_view too_long = "TOO_LONG";
inline constexpr std::string_view invalid_format = "INVALID_FORMAT";
inline constexpr std::string_view invalid_utf8 = "INVALID_UTF8";
inline constexpr std::string_view mismatch = "MISMATCH";
inline constexpr std::string_view must_agree = "MUST_AGREE";
inline constexpr std::string_view outdated =
    "OUTDATED";  // agreed to a text version that is no longer current
inline constexpr std::string_view not_read = "NOT_READ";  // agreed before the text was shown to its end
}  // namespace input_error

// Limits (DESIGN.md, API v1).
inline constexpr std::size_t max_name_chars = 50;  // code points
inline constexpr std::size_t max_kana_chars = 50;  // code points
inline constexpr std::size_t max_email_bytes = 254;
inline constexpr std::size_t max_password_bytes = 128;
inline constexpr std::size_t office_number_digits = 10;

bool is_valid_utf8(std::string_view text);

// Number of code points of valid UTF-8 text (invalid bytes count one each).
std::size_t utf8_length(std::string_view text);

// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space (U+3000) to
// their ASCII forms, other Unicode spaces to ' ', then trims leading and
// trailing whitespace. Other characters are kept; invalid bytes are copied through.
std::string normalize_ascii_field(std::string_view text);

// For フリガナ: hiragana and half-width katakana (with their separate
// dakuten/handakuten marks combined: ｶﾞ -> ガ, ﾊﾟ -> パ, ｳﾞ -> ヴ) to
// full-width katakana; any run of spaces (ASCII, full-width) becomes one
// full-width space; trimmed. Full-width ASCII letters/digits become ASCII
// (validation then rejects them). Invalid bytes are copied through.
std::string normalize_kana(std::string_view text);

// normalize_ascii_field, then ASCII letters upper-cased ("ｋｊ０００…" -> "KJ000…").
std::string normalize_user_id(std::string_view text);

// Trims spaces (ASCII and full-width) at both ends, collapses nothing else;
// for free text such as the applicant's name.
std::string trim_spaces(std::string_view text);

// "KJ00000001" -> "KJ******01": enough for the help desk to match a call,
// useless to anyone else (logs, support reports). IDs of 4 bytes or fewer
// keep only their first 2.
std::string mask_user_id(std::string_view user_id);

// "host:port" as typed for a proxy (CLI, settings file) or the service's
// --listen: a host name, an IPv4 address or a bracketed IPv6 address
// ("[::1]:8080", kept as "::1"), and a port 1..65535 (0 too where it means
// "pick a free one"); spaces around are trimmed.
struct HostPort {
    std::string host;
    int port = 0;
    friend bool operator==(const HostPort&, const HostPort&) = default;
};
enum class PortZero { refused, allowed };

// The service's address as given with --server: "https://host[:port]" or
// "http://…", a trailing "/" allowed, nothing else (no user, path or query).
// A port out of 1..65535, another scheme or a missing host is nullopt.
struct ServerUrl {
    bool https = true;
    std::string host;  // IPv6 without its brackets
    int port = 0;      // 443 / 80 when none is written
    friend bool operator==(const ServerUrl&, const ServerUrl&) = default;
};
std::optional<ServerUrl> parse_server_url(std::string_view text);
std::optional<HostPort> parse_host_port(std::string_view text, PortZero port_zero = PortZero::refused);

struct LoginInput {
    std::string user_id;
    std::string password;
};

// Normalises the ID (normalize_user_id); the password is never altered.
LoginInput normalize_login(LoginInput input);

// On normalised input. user_id: "KJ" + 8 digits (電子請求受付システムのID);
// password: 1..128 bytes of valid UTF-8.
FieldErrors validate_login(const LoginInput& input);

// S01 between two ログイン: which of the last check's errors still stand (see
// the S05 overload below). The screen empties the password at every ログイン,
// so `checked.password` is "" and any typed password is a change.
FieldErrors standing_errors(const FieldErrors& errors, const LoginInput& checked, const LoginInput& typed);

// "KJ" + 8 digits, after normalisation: anything else typed into the ID field
// (a password by mistake) is not an ID and is never shown or reported.
bool is_valid_user_id(std::string_view text);

struct ApplicationInput {
    std::string applicant_name;   // 申請者氏名
    std::string applicant_kana;   // フリガナ
    std::string email;            // メールアドレス
    std::string email_confirm;    // メールアドレス（確認）, client only, not on the wire
    std::string phone;            // 電話番号
    std::string office_number;    // 事業所番号
    std::string terms_version;    // version of the 利用規約 that was shown
    std::string privacy_version;  // version of the 個人情報取り扱い text that was shown
    bool agree_terms = false;
    bool agree_privacy = false;
    friend bool operator==(const ApplicationInput&, const ApplicationInput&) = default;
};

// name: trim_spaces; kana: normalize_kana; email, email_confirm, phone,
// office_number: normalize_ascii_field (e-mail keeps its case: the local
// part may be case-sensitive). Full-width hyphen-like characters in the
// phone number (ー, －, ‐, ―, −) become '-'.
ApplicationInput normalize_application(ApplicationInput input);

// On normalised input. applicant_name 1..50 code points, no control
// characters; applicant_kana 1..50 of full-width katakana, ー and the
// full-width space; email <= 254 bytes, local@domain with a dot in the
// domain and no spaces; email_confirm equal to email (only when
// check_email_confirm: the service passes false); phone digits and hyphens
// with 10 or 11 digits; office_number exactly 10 digits; both agreements
// true. Every bad field gets one entry.
FieldErrors validate_application(const ApplicationInput& input, bool check_email_confirm);

// S05 between two reviews: which of the last review's errors (or the
// service's) still stand while the form is being corrected. An error goes
// once its field differs from what was reviewed and passes the check; a
// changed field that still fails shows its present error. A change of the
// e-mail also re-judges its confirmation. No error appears on a field that
// had none: new ones wait for the next review. Both inputs as typed or
// normalised (normalising twice changes nothing).
FieldErrors standing_errors(const FieldErrors& errors, const ApplicationInput& reviewed,
                            const ApplicationInput& typed);

// An address of the shape validate_application accepts for email (the
// service's --smtp-from is checked the same way).
bool is_email_address(std::string_view text);

}  // namespace careplan::core
