#include "careplan/core/input.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <optional>
#include <set>

#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"
#include "field_rules.hpp"
#include "utf8.hpp"

namespace careplan::core {

namespace {

constexpr char32_t ideographic_space = 0x3000;     // 全角スペース
constexpr char32_t prolonged_sound_mark = 0x30FC;  // ー

bool is_space_like(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == ideographic_space;
}

// 全角英数記号 (U+FF01..U+FF5E) to ASCII; other code points unchanged.
char32_t fullwidth_to_ascii(char32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

// Hyphen-like characters people type in phone numbers.
bool is_hyphen_like(char32_t cp) {
    return cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
           cp == 0x2212 || cp == 0xFF0D || cp == prolonged_sound_mark || cp == 0xFF70;
}

// 半角カナ U+FF61..U+FF9D to their full-width forms (the sound marks U+FF9E
// and U+FF9F are combined separately).
constexpr char32_t halfwidth_first = 0xFF61;
constexpr std::array<char32_t, 61> halfwidth_kana{
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
    0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
    0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
    0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
    0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3};

// ひらがな and 半角カナ to 全角カタカナ; other code points unchanged.
char32_t to_katakana(char32_t cp) {
    if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E) return cp + 0x60;
    if (cp >= halfwidth_first && cp < halfwidth_first + halfwidth_kana.size())
        return halfwidth_kana[cp - halfwidth_first];
    return cp;
}

bool is_ha_row(char32_t cp) { return cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0; }

// カ→ガ, ハ→バ, ウ→ヴ, ...; nullopt when the kana takes no 濁点.
std::optional<char32_t> with_dakuten(char32_t cp) {
    const bool ka_to_chi = cp >= 0x30AB && cp <= 0x30C1 && (cp - 0x30AB) % 2 == 0;
    const bool tsu_te_to = cp == 0x30C4 || cp == 0x30C6 || cp == 0x30C8;
    if (ka_to_chi || tsu_te_to || is_ha_row(cp)) return cp + 1;
    if (cp == 0x30A6) return 0x30F4;  // ヴ
    if (cp == 0x30EF) return 0x30F7;  // ヷ
    if (cp == 0x30F2) return 0x30FA;  // ヺ
    return std::nullopt;
}

// ハ→パ, ...; nullopt when the kana takes no 半濁点.
std::optional<char32_t> with_handakuten(char32_t cp) {
    if (is_ha_row(cp)) return cp + 2;
    return std::nullopt;
}

bool is_dakuten(char32_t cp) { return cp == 0xFF9E || cp == 0x3099; }
bool is_handakuten(char32_t cp) { return cp == 0xFF9F || cp == 0x309A; }

// Removes space-like code points at both ends.
std::u32string trimmed(std::u32string text) {
    const auto first = std::find_if_not(text.begin(), text.end(), is_space_like);
    const auto last = std::find_if_not(text.rbegin(), text.rend(), is_space_like).base();
    return first < last ? std::u32string{first, last} : std::u32string{};
}

template <typename Map>
std::string map_and_trim(std::string_view text, Map map) {
    std::u32string code_points = utf8::decode_all(text);
    std::transform(code_points.begin(), code_points.end(), code_points.begin(), map);
    return utf8::encode_all(trimmed(std::move(code_points)));
}

char32_t ascii_field_char(char32_t cp) { return is_space_like(cp) ? U' ' : fullwidth_to_ascii(cp); }

char32_t phone_char(char32_t cp) { return is_hyphen_like(cp) ? U'-' : ascii_field_char(cp); }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_ascii_digit); }

bool is_email_local_char(char c) {
    static constexpr std::string_view specials = "!#$%&'*+/=?^_`{|}~.-";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) ||
           specials.find(c) != std::string_view::npos;
}

bool is_domain_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '.' || c == '-';
}

// local@domain: ASCII only, one '@', a dot inside the domain, no empty labels.
bool has_email_shape(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    if (local.empty() || local.size() > 64 || !std::all_of(local.begin(), local.end(), is_email_local_char))
        return false;
    if (domain.empty() || !std::all_of(domain.begin(), domain.end(), is_domain_char)) return false;
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
           domain.front() != '-' && domain.back() != '-' && domain.find("..") == std::string_view::npos;
}

}  // namespace

bool is_email_address(std::string_view text) {
    return text.size() <= max_email_bytes && has_email_shape(text);
}

// ---- validation -------------------------------------------------------

namespace field_rules {

FieldError error(std::string_view code, std::string message) {
    return {std::string{code}, std::move(message)};
}

// The checks every text field shares: present and valid UTF-8.
std::optional<FieldError> basic_text_error(std::string_view value, TextKey field) {
    if (value.empty())
        return error(input_error::required, tr(texts::input::required, {{"field", tr(field)}}));
    if (!is_valid_utf8(value)) {
        return error(input_error::invalid_utf8, tr(texts::input::invalid_utf8, {{"field", tr(field)}}));
    }
    return std::nullopt;
}

std::optional<FieldError> too_long_error(TextKey field, std::size_t limit, TextKey unit) {
    return error(input_error::too_long,
                 tr(texts::input::too_long, {{"field", tr(field)}, {"limit", limit}, {"unit", tr(unit)}}));
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::optional<FieldError> email_error(std::string_view email, TextKey field) {
    if (auto basic = basic_text_error(email, field)) return basic;
    if (email.size() > max_email_bytes)
        return too_long_error(field, max_email_bytes, texts::input::unit_characters);
    if (!has_email_shape(email)) {
        return error(input_error::invalid_format, tr(texts::input::email_format, {{"field", tr(field)}}));
    }
    return std::nullopt;
}

std::optional<FieldError> phone_error(std::string_view phone) {
    if (auto basic = basic_text_error(phone, texts::field::phone)) return basic;
    const auto digit_count = std::count_if(phone.begin(), phone.end(), is_ascii_digit);
    const bool only_digits_and_hyphens =
        std::all_of(phone.begin(), phone.end(), [](char c) { return is_ascii_digit(c) || c == '-'; });
    if (!only_digits_and_hyphens || (digit_count != 10 && digit_count != 11) || phone.front() != '0' ||
        phone.back() == '-' || phone.find("--") != std::string_view::npos) {
        return error(input_error::invalid_format, tr(texts::input::phone_format));
    }
    return std::nullopt;
}

std::optional<FieldError> office_number_error(std::string_view number) {
    if (auto basic = basic_text_error(number, texts::field::office_number)) return basic;
    if (number.size() != office_number_digits || !all_digits(number)) {
        return error(input_error::invalid_format, tr(texts::input::office_number_format));
    }
    return std::nullopt;
}

void put(FieldErrors& errors, std::string_view field, std::optional<FieldError> found) {
    if (found) errors.emplace(std::string{field}, std::move(*found));
}

std::string normalize_phone(std::string_view text) { return map_and_trim(text, phone_char); }

FieldErrors keep_standing(const FieldErrors& errors, const std::set<std::string>& changed,
                          const FieldErrors& failing) {
    FieldErrors standing;
    for (const auto& [field, error] : errors) {
        if (!changed.contains(field)) {
            standing.emplace(field, error);
        } else if (const auto now = failing.find(field); now != failing.end()) {
            standing.emplace(field, now->second);  // "入力してください" no longer fits a typed field
        }
    }
    return standing;
}

}  // namespace field_rules

using namespace field_rules;

namespace {

bool is_kana_name_char(char32_t cp) {
    return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FB || cp == prolonged_sound_mark ||
           cp == ideographic_space;
}

std::optional<FieldError> user_id_error(std::string_view id) {
    if (auto basic = basic_text_error(id, texts::field::user_id)) return basic;
    if (id.size() != 10 || id.substr(0, 2) != "KJ" || !all_digits(id.substr(2))) {
        return error(input_error::invalid_format, tr(texts::input::user_id_format));
    }
    return std::nullopt;
}

std::optional<FieldError> password_error(std::string_view password) {
    if (auto basic = basic_text_error(password, texts::field::password)) return basic;
    if (password.size() > max_password_bytes) {
        return too_long_error(texts::field::password, max_password_bytes, texts::input::unit_bytes);
    }
    return std::nullopt;
}

std::optional<FieldError> name_error(std::string_view name) {
    if (auto basic = basic_text_error(name, texts::field::applicant_name)) return basic;
    if (utf8_length(name) > max_name_chars) {
        return too_long_error(texts::field::applicant_name, max_name_chars, texts::input::unit_characters);
    }
    const std::u32string code_points = utf8::decode_all(name);
    if (std::any_of(code_points.begin(), code_points.end(), is_control)) {
        return error(input_error::invalid_format, tr(texts::input::name_control));
    }
    return std::nullopt;
}

std::optional<FieldError> kana_error(std::string_view kana) {
    if (auto basic = basic_text_error(kana, texts::field::applicant_kana)) return basic;
    if (utf8_length(kana) > max_kana_chars) {
        return too_long_error(texts::field::applicant_kana, max_kana_chars, texts::input::unit_characters);
    }
    const std::u32string code_points = utf8::decode_all(kana);
    if (!std::all_of(code_points.begin(), code_points.end(), is_kana_name_char)) {
        return error(input_error::invalid_format, tr(texts::input::kana_format));
    }
    return std::nullopt;
}

std::optional<FieldError> agreement_error(bool agreed, TextKey document) {
    if (agreed) return std::nullopt;
    return error(input_error::must_agree, tr(texts::input::agreement_required, {{"field", tr(document)}}));
}

}  // namespace

std::string normalize_ascii_field(std::string_view text) { return map_and_trim(text, ascii_field_char); }

std::string trim_spaces(std::string_view text) {
    return map_and_trim(text, [](char32_t cp) { return cp; });
}

std::string normalize_user_id(std::string_view text) {
    std::string id = normalize_ascii_field(text);
    std::transform(id.begin(), id.end(), id.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; });
    return id;
}

std::string normalize_kana(std::string_view text) {
    std::u32string out;
    for (char32_t cp : utf8::decode_all(text)) {
        cp = fullwidth_to_ascii(cp);
        if (is_space_like(cp)) {
            if (!out.empty() && out.back() != ideographic_space) out += ideographic_space;
            continue;
        }
        const auto combined = out.empty()         ? std::nullopt
                              : is_dakuten(cp)    ? with_dakuten(out.back())
                              : is_handakuten(cp) ? with_handakuten(out.back())
                                                  : std::nullopt;
        if (combined) {
            out.back() = *combined;
        } else if (is_dakuten(cp)) {
            out += U'\u309B';  // a lone 濁点 stays visible (and is rejected by validation)
        } else if (is_handakuten(cp)) {
            out += U'\u309C';
        } else {
            out += to_katakana(cp);
        }
    }
    if (!out.empty() && out.back() == ideographic_space) out.pop_back();
    return utf8::encode_all(out);
}

LoginInput normalize_login(LoginInput input) {
    input.user_id = normalize_user_id(input.user_id);
    return input;
}

FieldErrors validate_login(const LoginInput& input) {
    FieldErrors errors;
    put(errors, "user_id", user_id_error(input.user_id));
    put(errors, "password", password_error(input.password));
    return errors;
}

ApplicationInput normalize_application(ApplicationInput input) {
    input.applicant_name = trim_spaces(input.applicant_name);
    input.applicant_kana = normalize_kana(input.applicant_kana);
    input.email = normalize_ascii_field(input.email);
    input.email_confirm = normalize_ascii_field(input.email_confirm);
    input.phone = normalize_phone(input.phone);
    input.office_number = normalize_ascii_field(input.office_number);
    return input;
}

FieldErrors validate_application(const ApplicationInput& input, bool check_email_confirm) {
    FieldErrors errors;
    put(errors, "applicant_name", name_error(input.applicant_name));
    put(errors, "applicant_kana", kana_error(input.applicant_kana));
    put(errors, "email", email_error(input.email, texts::field::email));
    if (check_email_confirm) {
        auto confirm = email_error(input.email_confirm, texts::field::email_confirm);
        if (!confirm && input.email_confirm != input.email) {
            confirm = error(input_error::mismatch, tr(texts::input::email_mismatch));
        }
        put(errors, "email_confirm", std::move(confirm));
    }
    put(errors, "phone", phone_error(input.phone));
    put(errors, "office_number", office_number_error(input.office_number));
    put(errors, "agree_terms", agreement_error(input.agree_terms, texts::field::terms));
    put(errors, "agree_privacy", agreement_error(input.agree_privacy, texts::field::privacy));
    return errors;
}

FieldErrors standing_errors(const FieldErrors& errors, const LoginInput& checked, const LoginInput& typed) {
    const LoginInput now = normalize_login(typed);
    std::set<std::string> changed;
    if (now.user_id != normalize_login(checked).user_id) changed.insert("user_id");
    if (now.password != checked.password) changed.insert("password");
    return keep_standing(errors, changed, validate_login(now));
}

FieldErrors standing_errors(const FieldErrors& errors, const ApplicationInput& reviewed,
                            const ApplicationInput& typed) {
    const ApplicationInput now = normalize_application(typed);
    const ApplicationInput then = normalize_application(reviewed);
    std::set<std::string> changed;
    for (const auto& field : field_rules::application_fields)
        if (now.*field.value != then.*field.value) changed.insert(field.name);
    if (changed.contains("email")) changed.insert("email_confirm");
    if (now.agree_terms != then.agree_terms) changed.insert("agree_terms");
    if (now.agree_privacy != then.agree_privacy) changed.insert("agree_privacy");
    return keep_standing(errors, changed, validate_application(now, true));
}

std::string mask_user_id(std::string_view user_id) {
    const std::size_t shown = std::min<std::size_t>(user_id.size(), 2);
    std::string masked(user_id.substr(0, shown));
    if (user_id.size() > 4) {
        masked.append(user_id.size() - 4, '*');
        masked.append(user_id.substr(user_id.size() - 2));
    } else {
        masked.append(user_id.size() - shown, '*');
    }
    return masked;
}

std::optional<HostPort> parse_host_port(std::string_view text, PortZero port_zero) {
    const std::string trimmed = trim_spaces(text);
    const auto colon = trimmed.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == trimmed.size()) return std::nullopt;
    std::string host = trimmed.substr(0, colon);
    const std::string port = trimmed.substr(colon + 1);
    // An IPv6 address is written in brackets ("[::1]:8080") and kept without them.
    const bool bracketed = host.size() > 2 && host.front() == '[' && host.back() == ']';
    if (bracketed) host = host.substr(1, host.size() - 2);
    const bool host_ok = host.size() <= 253 && std::all_of(host.begin(), host.end(), [&](char c) {
                             return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                                    (bracketed && c == ':');
                         });
    const bool port_ok = port.size() <= 5 &&
                         std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!host_ok || !port_ok) return std::nullopt;
    const int number = std::stoi(port);
    const int lowest = port_zero == PortZero::allowed ? 0 : 1;
    if (number < lowest || number > 65535) return std::nullopt;
    return HostPort{host, number};
}

bool is_valid_user_id(std::string_view text) { return !user_id_error(normalize_user_id(text)); }

std::optional<ServerUrl> parse_server_url(std::string_view text) {
    const std::string_view url = trim(text);
    const auto marker = url.find("://");
    if (marker == std::string_view::npos) return std::nullopt;
    const std::string scheme = to_lower_ascii(url.substr(0, marker));
    if (scheme != "https" && scheme != "http") return std::nullopt;
    std::string_view authority = url.substr(marker + 3);
    if (authority.ends_with('/')) authority.remove_suffix(1);
    if (authority.empty() || authority.find_first_of("/?#@ ") != std::string_view::npos) return std::nullopt;
    const bool https = scheme == "https";
    // Without a port, the scheme's own; with one, the same rules as a proxy.
    const bool has_port = authority.back() != ']' && authority.find(':') != std::string_view::npos &&
                          (authority.front() == '[' || authority.find(':') == authority.rfind(':'));
    const auto address = has_port ? parse_host_port(authority)
                                  : parse_host_port(std::string{authority} + (https ? ":443" : ":80"));
    if (!address) return std::nullopt;
    return ServerUrl{https, address->host, address->port};
}

}  // namespace careplan::core
