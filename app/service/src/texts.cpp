#include "texts.hpp"

#include <string>

#include "careplan/core/version.hpp"

namespace careplan::service {
namespace {

// Written for this service from the facts of the manual (FAQ A2, A4, A5).
constexpr const char* terms_text =
    "ケアプランデータ連携システム 利用規約\n"
    "\n"
    "第1条（適用）\n"
    "本規約は、ケアプランデータ連携システム（以下「本システム」）のライセンスの利用申請および"
    "利用更新（以下「申請」）に適用されます。\n"
    "\n"
    "第2条（ライセンスの期間）\n"
    "ライセンスの有効期間は1年間です。更新の申請は、有効期限の残り日数が60日以下になった日から"
    "行うことができます。有効期限を過ぎた後は、改めて利用申請を行うことで引き続きご利用いただけます。\n"
    "\n"
    "第3条（申請の取消）\n"
    "申請後の取消およびキャンセルは、いかなる場合もお受けできません。申請内容を十分にご確認のうえ"
    "申請してください。\n"
    "\n"
    "第4条（ライセンス料）\n"
    "ライセンス料は、新たなライセンスの有効期間の最初の月の翌月、または翌々月に振り込まれる"
    "介護給付費から差し引きます。\n"
    "\n"
    "第5条（完了の通知）\n"
    "申請を受け付けた日の翌日から数えて2～3営業日以内に、ご登録のメールアドレスへ完了通知を"
    "お送りします。営業日は土曜日・日曜日・祝日および12月29日から1月3日を除く日です。\n"
    "\n"
    "第6条（お問い合わせ）\n"
    "本システムに関するお問い合わせは、ヘルプデスク（0120-584-708、受付時間 9:00～17:00、"
    "土日祝日を除く）までご連絡ください。\n";

constexpr const char* privacy_text =
    "個人情報の取り扱いについて\n"
    "\n"
    "1. 取得する情報\n"
    "申請にあたり、申請者の氏名、フリガナ、メールアドレス、電話番号および事業所番号をお預かりします。\n"
    "\n"
    "2. 利用目的\n"
    "お預かりした情報は、ライセンスの利用申請・更新の手続き、完了通知メールの送信、"
    "ライセンス料の差し引き、およびお問い合わせへの回答のためにのみ利用します。\n"
    "\n"
    "3. 第三者への提供\n"
    "法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。\n"
    "\n"
    "4. 安全管理\n"
    "お預かりした情報は、漏えい・滅失・き損を防ぐため適切に管理します。パスワードは復元できない形で"
    "保管し、職員を含め誰も知ることはできません。\n"
    "\n"
    "5. 開示・訂正のご依頼\n"
    "ご自身の情報の開示・訂正・利用停止のご依頼は、ヘルプデスク（0120-584-708）で承ります。\n";

std::string period_text(const core::Period& period) {
    return core::format_japanese(period.valid_from) + "～" +
           core::format_japanese(period.valid_until);
}

}  // namespace

const core::Terms& current_terms() {
    static const core::Terms terms{{"2024.1", "利用規約", terms_text},
                                   {"2024.1", "個人情報の取り扱い", privacy_text}};
    return terms;
}

const core::Notice& current_notice() {
    static const core::Notice notice{
        std::string(core::latest_client_version), core::latest_client_released_on,
        "新しいクライアントアプリへのバージョンアップをお願いいたします",
        "令和6年2月28日(水)より『ケアプラン連携クライアントアプリケーション ver1.1.2』を"
        "リリースしました。まだバージョンアップしていない方は、古いアプリケーションをアンインストール"
        "してから、新しいアプリケーションをインストールしてください。"};
    return notice;
}

OutboxMail completion_mail(const StoredApplication& application, const Office& office) {
    auto fees = core::fee_months(application.new_period.valid_from);
    std::string fee_text;
    for (const auto& month : fees) fee_text += (fee_text.empty() ? "" : "、") + month;
    OutboxMail mail;
    mail.application_id = application.application_id;
    mail.recipient = application.input.email;
    mail.due_on = application.notify_by;
    mail.subject = "【ケアプランデータ連携システム】ライセンス" +
                   std::string(core::kind_label(application.kind)) + "完了のお知らせ";
    mail.body = application.input.applicant_name + " 様\n\n" + office.name + "（事業所番号 " +
                office.office_number + "）のライセンスの" +
                std::string(core::kind_label(application.kind)) + "が完了しました。\n\n" +
                "申請番号: " + application.application_id + "\n" +
                "有効期間: " + period_text(application.new_period) + "\n" +
                "ライセンス料の差引: " + fee_text + " に振り込まれる介護給付費から\n\n" +
                "ご不明な点はヘルプデスク（0120-584-708、9:00～17:00、土日祝日を除く）まで"
                "お問い合わせください。\n";
    return mail;
}

}  // namespace careplan::service
