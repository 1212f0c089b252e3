#include <catch2/catch_test_macros.hpp>

#include "careplan/core/inquiry.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

using namespace careplan;
using namespace careplan::core;

namespace {

InquiryInput valid_inquiry() {
    InquiryInput input;
    input.category = InquiryCategory::application;
    input.message = "更新の申請をしたのですが、完了のメールが届きません。\n確認をお願いします。";
    input.reply_email = "care@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = "1370000001";
    return input;
}

std::string code_of(const FieldErrors& errors, const std::string& field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string{} : found->second.code;
}

std::string repeat(std::string_view text, std::size_t times) {
    std::string out;
    for (std::size_t n = 0; n < times; ++n) out += text;
    return out;
}

}  // namespace

TEST_CASE("inquiry categories: five, each with its wire code and label", "[inquiry]") {
    const auto all = inquiry_categories();
    REQUIRE(all.size() == 5);
    CHECK(all.front() == InquiryCategory::login);
    CHECK(all.back() == InquiryCategory::other);
    for (InquiryCategory category : all) {
        const std::string_view code = inquiry_category_code(category);
        INFO(code);
        CHECK(parse_inquiry_category(code) == category);
        CHECK_FALSE(inquiry_category_label(category).empty());
    }
    CHECK(inquiry_category_code(InquiryCategory::environment) == "environment");
    CHECK(inquiry_category_label(InquiryCategory::other) == tr(texts::inquiry::category::other));
    CHECK_FALSE(parse_inquiry_category("").has_value());
    CHECK_FALSE(parse_inquiry_category("Login").has_value());
    CHECK_FALSE(parse_inquiry_category("billing").has_value());
}

TEST_CASE("a complete inquiry passes, before and after login", "[inquiry]") {
    const InquiryInput input = normalize_inquiry(valid_inquiry());
    CHECK(validate_inquiry(input, false).empty());
    CHECK(validate_inquiry(input, true).empty());

    InquiryInput minimal = input;  // phone and attachment are optional
    minimal.phone.clear();
    minimal.attachment.clear();
    CHECK(validate_inquiry(minimal, false).empty());
}

TEST_CASE("normalize_inquiry: full-width mail and phone, Windows line breaks, spaces around", "[inquiry]") {
    InquiryInput typed = valid_inquiry();
    typed.message = "　\r\n一行目\r\n二行目\r三行目\r\n\r\n";
    typed.reply_email = "ｃａｒｅ＠ｅｘａｍｐｌｅ．ｊｐ ";
    typed.phone = "０３ー１２３４ー５６７８";
    typed.office_number = " １３７００００００１ ";
    typed.attachment = "S10\r\nversion 1.1.2\r\n";
    const InquiryInput input = normalize_inquiry(typed);
    CHECK(input.message == "一行目\n二行目\n三行目");
    CHECK(input.reply_email == "care@example.jp");
    CHECK(input.phone == "03-1234-5678");
    CHECK(input.office_number == "1370000001");
    CHECK(input.attachment == "S10\nversion 1.1.2\n");
    CHECK(validate_inquiry(input, false).empty());
}

TEST_CASE("validate_inquiry names each bad field with a Japanese message", "[inquiry]") {
    InquiryInput input;  // nothing chosen or typed
    auto errors = validate_inquiry(input, false);
    CHECK(code_of(errors, "category") == "REQUIRED");
    CHECK(code_of(errors, "message") == "REQUIRED");
    CHECK(code_of(errors, "reply_email") == "REQUIRED");
    CHECK(code_of(errors, "office_number") == "REQUIRED");
    CHECK_FALSE(errors.contains("phone"));       // optional
    CHECK_FALSE(errors.contains("attachment"));  // optional
    CHECK(errors.at("category").message == tr(texts::inquiry::input::category_required));
    CHECK(errors.at("message").message.find(tr(texts::inquiry::field::message)) != std::string::npos);
    CHECK(errors.at("reply_email").message.find(tr(texts::inquiry::field::reply_email)) != std::string::npos);

    // After login the office comes from the session: the field is not asked.
    CHECK_FALSE(validate_inquiry(input, true).contains("office_number"));

    input = valid_inquiry();
    input.reply_email = "care@example";
    input.phone = "12345";
    input.office_number = "137000000";
    errors = validate_inquiry(normalize_inquiry(input), false);
    CHECK(errors.size() == 3);
    CHECK(code_of(errors, "reply_email") == "INVALID_FORMAT");
    CHECK(code_of(errors, "phone") == "INVALID_FORMAT");
    CHECK(code_of(errors, "office_number") == "INVALID_FORMAT");
    // The same messages as on the application form.
    CHECK(errors.at("phone").message == tr(texts::input::phone_format));
    CHECK(errors.at("office_number").message == tr(texts::input::office_number_format));
    // A malformed office number typed before logging in does not matter after.
    CHECK(validate_inquiry(normalize_inquiry(input), true).size() == 2);
}

TEST_CASE("standing_errors on S10: a corrected field's error goes, the rest wait", "[inquiry]") {
    const InquiryInput checked;  // 送信内容を確認 on an empty form
    const FieldErrors errors = validate_inquiry(checked, false);
    REQUIRE(errors.size() == 4);
    CHECK(standing_errors(errors, checked, checked, false) == errors);

    InquiryInput typed = checked;
    typed.category = InquiryCategory::login;
    typed.message = "  ";  // changed, still empty once trimmed: its error stands
    typed.phone = "12";    // wrong now, but nothing new appears before the next check
    FieldErrors standing = standing_errors(errors, checked, typed, false);
    CHECK(standing.size() == 3);
    CHECK_FALSE(standing.contains("category"));
    CHECK(standing.at("message") == errors.at("message"));
    CHECK_FALSE(standing.contains("phone"));

    // Typed but still wrong: the message says what is wrong now.
    typed.reply_email = "care@example";
    CHECK(standing_errors(errors, checked, typed, false).at("reply_email").code == "INVALID_FORMAT");

    typed.message = "ログインできません。";
    typed.reply_email = "ｃａｒｅ＠ｅｘａｍｐｌｅ．ｊｐ";  // judged as normalised
    typed.office_number = "137000000";                     // one digit short
    standing = standing_errors(errors, checked, typed, false);
    CHECK(standing.size() == 1);
    CHECK(standing.contains("office_number"));
    // Logged in, the office number is not asked: its old error goes once touched.
    CHECK(standing_errors(errors, checked, typed, true).empty());
}

TEST_CASE("standing_errors on S10: the service's error stays until its field changes", "[inquiry]") {
    const InquiryInput checked = valid_inquiry();
    const FieldErrors service{{"reply_email", {"INVALID_FORMAT", "unknown domain"}}};
    InquiryInput typed = checked;
    typed.message += "\n追記です。";
    CHECK(standing_errors(service, checked, typed, false) == service);
    typed.reply_email = "office@example.jp";
    CHECK(standing_errors(service, checked, typed, false).empty());
}

TEST_CASE("inquiry limits: 2000 characters of message, 16 KiB of attachment", "[inquiry]") {
    InquiryInput input = valid_inquiry();
    input.message = repeat("あ", max_inquiry_message_chars);  // 6000 bytes, 2000 code points
    input.attachment = std::string(max_inquiry_attachment_bytes, 'x');
    CHECK(validate_inquiry(input, false).empty());

    input.message += "あ";
    input.attachment += "x";
    const auto errors = validate_inquiry(input, false);
    CHECK(code_of(errors, "message") == "TOO_LONG");
    CHECK(errors.at("message").message.find("2000") != std::string::npos);
    CHECK(code_of(errors, "attachment") == "TOO_LONG");
    CHECK(errors.at("attachment").message.find("16384") != std::string::npos);
}

TEST_CASE("inquiry text: line breaks and tabs pass, other control characters and bad UTF-8 do not",
          "[inquiry]") {
    InquiryInput input = valid_inquiry();
    input.message = "一行目\n\t二行目";
    input.attachment = "report:\n\tS10";
    CHECK(validate_inquiry(input, false).empty());

    input.message = "色を変える\x1b[31m文字";
    input.attachment = "bell\x07";
    auto errors = validate_inquiry(input, false);
    CHECK(code_of(errors, "message") == "INVALID_FORMAT");
    CHECK(code_of(errors, "attachment") == "INVALID_FORMAT");
    CHECK(errors.at("attachment").message.find(tr(texts::inquiry::field::attachment)) != std::string::npos);

    input.message = "\xff\xfe";
    input.attachment = "\xc3";
    errors = validate_inquiry(normalize_inquiry(input), false);
    CHECK(code_of(errors, "message") == "INVALID_UTF8");
    CHECK(code_of(errors, "attachment") == "INVALID_UTF8");
}
