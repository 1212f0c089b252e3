#pragma once
// The 問い合わせフォーム (S10), the manual's second way to reach the help
// desk: a category, the message, where to reply, and — only when the user
// ticks 「サポート情報を添付する」 — the support information. Like the
// application form, the client and the service run the same rules, and the
// service checks everything again.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"

namespace careplan::core {

// お問い合わせの種類: the topics of the manual and its FAQ.
enum class InquiryCategory {
    login,        // ログイン・ID・パスワード (手順1)
    license,      // ライセンス・有効期限 (FAQ Q1, Q3)
    application,  // 利用申請・更新の手続き (手順2-4, FAQ Q2, Q4, Q5)
    environment,  // パソコン・アプリの動作環境 (PC環境, バージョンアップ)
    other,        // その他
};

// Every category, in the order the form lists them.
std::span<const InquiryCategory> inquiry_categories();
// The wire code ("login", "license", "application", "environment", "other"),
// and back; nullopt for an unknown code.
std::string_view inquiry_category_code(InquiryCategory category);
std::optional<InquiryCategory> parse_inquiry_category(std::string_view code);
// Japanese, as the form lists it.
std::string inquiry_category_label(InquiryCategory category);

// Limits (API v1, POST /api/v1/inquiries).
inline constexpr std::size_t max_inquiry_message_chars = 2000;          // code points
inline constexpr std::size_t max_inquiry_attachment_bytes = 16 * 1024;  // bytes

// The body of POST /api/v1/inquiries, field by field.
struct InquiryInput {
    std::optional<InquiryCategory> category;  // none until one is chosen (or an unknown code)
    std::string message;                      // お問い合わせ内容, several lines
    std::string reply_email;                  // 返信先メールアドレス
    std::string phone;                        // 電話番号, optional
    // 事業所番号: typed before login; after login the service takes the
    // session's office and ignores this one.
    std::string office_number;
    // The support report, walkthrough code and operation record as one text,
    // only when the user ticked 「サポート情報を添付する」; "" otherwise.
    std::string attachment;
    friend bool operator==(const InquiryInput&, const InquiryInput&) = default;
};

// message and attachment: line breaks made "\n" (Windows sends "\r\n"),
// message trimmed; reply_email, office_number: normalize_ascii_field; phone
// as in normalize_application.
InquiryInput normalize_inquiry(InquiryInput input);

// On normalised input; one entry per bad field, keyed by the wire name
// (category, message, reply_email, phone, office_number, attachment).
// category chosen; message 1..2000 code points; reply_email and phone (when
// given) by the application form's rules; office_number 10 digits, checked
// only when not logged in; attachment at most 16 KiB. Message and attachment
// hold no control characters but line breaks and tabs.
FieldErrors validate_inquiry(const InquiryInput& input, bool logged_in);

// S10 between two 送信内容を確認: which of the last check's errors (or the
// service's) still stand, by the rule of the S05 form (input.hpp): an error
// goes once its field differs from `checked` and passes the check. Both
// inputs as typed or normalised.
FieldErrors standing_errors(const FieldErrors& errors, const InquiryInput& checked, const InquiryInput& typed,
                            bool logged_in);

// 201 of POST /api/v1/inquiries: {inquiry_id, received_at}.
struct InquiryReceipt {
    std::string inquiry_id;   // 受付番号, "Q-261125-K7MP": short enough to read out on the phone
    std::string received_at;  // RFC 3339, JST
    friend bool operator==(const InquiryReceipt&, const InquiryReceipt&) = default;
};

}  // namespace careplan::core
