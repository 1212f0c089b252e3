#pragma once
// The per-field rules of input.cpp, private to careplan_core, shared by every
// form of the client (申請情報入力, 問い合わせフォーム) so that a mail
// address, a phone number or an office number is judged the same way, with
// the same message, wherever it is typed.

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core::field_rules {

FieldError error(std::string_view code, std::string message);

// REQUIRED when empty, INVALID_UTF8 when not UTF-8; `field` names the field
// in the message.
std::optional<FieldError> basic_text_error(std::string_view value, TextKey field);
// TOO_LONG: "{field}は{limit}{unit}以内で…".
std::optional<FieldError> too_long_error(TextKey field, std::size_t limit, TextKey unit);

// C0 and C1 control characters (line breaks and tabs included).
bool is_control(char32_t cp);

// The rules of validate_application, on normalised text.
std::optional<FieldError> email_error(std::string_view email, TextKey field);
std::optional<FieldError> phone_error(std::string_view phone);
std::optional<FieldError> office_number_error(std::string_view number);

// Adds the error of `field`, if there is one.
void put(FieldErrors& errors, std::string_view field, std::optional<FieldError> found);

// Between two checks of a form: the errors of the last check (or the
// service's) that still stand. One goes once its field is among `changed`
// and not among `failing` (the check of the form as it is now); a changed
// field still failing shows what is wrong with it now. Nothing new appears
// on a field without an error until the next check.
FieldErrors keep_standing(const FieldErrors& errors, const std::set<std::string>& changed,
                          const FieldErrors& failing);

// The text fields of 申請情報入力 (S05) in the order the form shows them,
// with their labels.
struct ApplicationField {
    const char* name;  // as in FieldErrors
    TextKey label;
    std::string ApplicationInput::*value;
};
inline const std::array<ApplicationField, 6> application_fields{{
    {"applicant_name", texts::label::applicant_name, &ApplicationInput::applicant_name},
    {"applicant_kana", texts::label::applicant_kana, &ApplicationInput::applicant_kana},
    {"email", texts::label::email, &ApplicationInput::email},
    {"email_confirm", texts::form::email_confirm, &ApplicationInput::email_confirm},
    {"phone", texts::label::phone, &ApplicationInput::phone},
    {"office_number", texts::label::office_number, &ApplicationInput::office_number},
}};

// normalize_ascii_field, with the hyphen-like characters people type in phone
// numbers (ー, －, ‐, ―, −) made '-'.
std::string normalize_phone(std::string_view text);

}  // namespace careplan::core::field_rules
