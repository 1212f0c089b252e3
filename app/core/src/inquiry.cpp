#include "careplan/core/inquiry.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "careplan/core/text_keys.hpp"
#include "field_rules.hpp"
#include "utf8.hpp"

namespace careplan::core {

namespace {

using namespace field_rules;

struct CategoryEntry {
    InquiryCategory category;
    std::string_view code;
    TextKey label;
};

constexpr std::array<CategoryEntry, 5> categories{{
    {InquiryCategory::login, "login", texts::inquiry::category::login},
    {InquiryCategory::license, "license", texts::inquiry::category::license},
    {InquiryCategory::application, "application", texts::inquiry::category::application},
    {InquiryCategory::environment, "environment", texts::inquiry::category::environment},
    {InquiryCategory::other, "other", texts::inquiry::category::other},
}};

constexpr std::array<InquiryCategory, categories.size()> category_order = [] {
    std::array<InquiryCategory, categories.size()> order{};
    for (std::size_t i = 0; i < categories.size(); ++i) order[i] = categories[i].category;
    return order;
}();

const CategoryEntry& entry(InquiryCategory category) {
    return *std::find_if(categories.begin(), categories.end(),
                         [&](const CategoryEntry& e) { return e.category == category; });
}

std::string unix_line_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
            out += '\n';  // a lone CR (old Mac text) is a line break too
        }
    }
    return out;
}

// Free text may break lines and hold tabs; other control characters (escape
// sequences among them) would reach the help desk's terminal.
std::optional<FieldError> control_error(std::string_view text, TextKey field) {
    const std::u32string code_points = utf8::decode_all(text);
    const bool has_control = std::any_of(code_points.begin(), code_points.end(), [](char32_t cp) {
        return cp != '\n' && cp != '\t' && is_control(cp);
    });
    if (!has_control) return std::nullopt;
    return error(input_error::invalid_format, tr(texts::inquiry::input::control, {{"field", tr(field)}}));
}

std::optional<FieldError> category_error(const std::optional<InquiryCategory>& category) {
    if (category) return std::nullopt;
    return error(input_error::required, tr(texts::inquiry::input::category_required));
}

std::optional<FieldError> message_error(std::string_view message) {
    if (auto basic = basic_text_error(message, texts::inquiry::field::message)) return basic;
    if (utf8_length(message) > max_inquiry_message_chars) {
        return too_long_error(texts::inquiry::field::message, max_inquiry_message_chars,
                              texts::input::unit_characters);
    }
    return control_error(message, texts::inquiry::field::message);
}

// Optional: nothing to check when the box was not ticked.
std::optional<FieldError> attachment_error(std::string_view attachment) {
    if (attachment.empty()) return std::nullopt;
    if (auto basic = basic_text_error(attachment, texts::inquiry::field::attachment)) return basic;
    if (attachment.size() > max_inquiry_attachment_bytes) {
        return too_long_error(texts::inquiry::field::attachment, max_inquiry_attachment_bytes,
                              texts::input::unit_bytes);
    }
    return control_error(attachment, texts::inquiry::field::attachment);
}

}  // namespace

std::span<const InquiryCategory> inquiry_categories() { return category_order; }

std::string_view inquiry_category_code(InquiryCategory category) { return entry(category).code; }

std::optional<InquiryCategory> parse_inquiry_category(std::string_view code) {
    const auto found = std::find_if(categories.begin(), categories.end(),
                                    [&](const CategoryEntry& e) { return e.code == code; });
    if (found == categories.end()) return std::nullopt;
    return found->category;
}

std::string inquiry_category_label(InquiryCategory category) { return tr(entry(category).label); }

InquiryInput normalize_inquiry(InquiryInput input) {
    input.message = trim_spaces(unix_line_breaks(input.message));
    input.reply_email = normalize_ascii_field(input.reply_email);
    input.phone = normalize_phone(input.phone);
    input.office_number = normalize_ascii_field(input.office_number);
    input.attachment = unix_line_breaks(input.attachment);
    return input;
}

FieldErrors validate_inquiry(const InquiryInput& input, bool logged_in) {
    FieldErrors errors;
    put(errors, "category", category_error(input.category));
    put(errors, "message", message_error(input.message));
    put(errors, "reply_email", email_error(input.reply_email, texts::inquiry::field::reply_email));
    if (!input.phone.empty()) put(errors, "phone", phone_error(input.phone));
    if (!logged_in) put(errors, "office_number", office_number_error(input.office_number));
    put(errors, "attachment", attachment_error(input.attachment));
    return errors;
}

FieldErrors standing_errors(const FieldErrors& errors, const InquiryInput& checked, const InquiryInput& typed,
                            bool logged_in) {
    const InquiryInput now = normalize_inquiry(typed);
    const InquiryInput then = normalize_inquiry(checked);
    std::set<std::string> changed;
    if (now.category != then.category) changed.insert("category");
    if (now.message != then.message) changed.insert("message");
    if (now.reply_email != then.reply_email) changed.insert("reply_email");
    if (now.phone != then.phone) changed.insert("phone");
    if (now.office_number != then.office_number) changed.insert("office_number");
    if (now.attachment != then.attachment) changed.insert("attachment");
    return keep_standing(errors, changed, validate_inquiry(now, logged_in));
}

}  // namespace careplan::core
