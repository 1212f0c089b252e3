#include "careplan/core/errors.hpp"

#include <algorithm>
#include <array>

namespace careplan::core {

namespace {

namespace ec = error_code;

constexpr std::array<ErrorInfo, 21> catalogue{{
    {ec::unauthorized, 401, false, "ログインの有効期限が切れました。もう一度ログインしてください。"},
    {ec::invalid_credentials, 401, false,
     "ユーザIDまたはパスワードが正しくありません。電子請求受付システムと同じIDとパスワードを入力してください。"},
    {ec::locked_out, 429, false,
     "ログインに続けて失敗したため、このユーザIDは一時的にロックされています。しばらく待ってからもう一度お試しください。"},
    {ec::renewal_not_open, 409, false, "まだ更新の申請を受け付ける期間ではありません。有効期限の60日前からお手続きできます。"},
    {ec::already_applied, 409, false, "この有効期間の利用申請はすでに受け付けています（事前申請受付済み）。"},
    {ec::validation_failed, 422, false, "入力内容に誤りがあります。赤字の項目を直してください。"},
    {ec::idempotency_key_reused, 422, false,
     "申請内容が送信途中で変わりました。内容を確かめて、もう一度「申請」を押してください。"},
    {ec::not_found, 404, false, "お探しの情報が見つかりませんでした。画面を閉じてやり直してください。"},
    {ec::license_not_found, 404, false,
     "この事業所のライセンスが登録されていません。ヘルプデスク (0120-584-708) へお問い合わせください。"},
    {ec::uri_too_long, 414, false, "リクエストのURLが長すぎます。アプリを最新にしてやり直してください。"},
    {ec::headers_too_large, 431, false, "リクエストのヘッダーが大きすぎます。アプリを最新にしてやり直してください。"},
    {ec::method_not_allowed, 405, false, "この操作は受け付けられませんでした。アプリを最新にしてやり直してください。"},
    {ec::payload_too_large, 413, false, "送信する内容が大きすぎます。入力内容を短くしてください。"},
    {ec::unsupported_media_type, 415, false, "送信形式が正しくありません。アプリを最新にしてやり直してください。"},
    {ec::bad_request, 400, false, "送信内容を読み取れませんでした。アプリを最新にしてやり直してください。"},
    {ec::internal, 500, true, "サーバーで問題が起きました。少し時間をおいてもう一度お試しください。"},
    {ec::network_unreachable, 0, true,
     "サーバーに接続できません。インターネットにつながっているか確かめて、もう一度お試しください。"},
    {ec::timeout, 0, true, "サーバーからの応答がありません。少し時間をおいてもう一度お試しください。"},
    {ec::tls_error, 0, false,
     "安全な接続を確立できませんでした。パソコンの日付と時刻が正しいか確かめてください。解決しないときはヘルプデスクへご連絡ください。"},
    {ec::server_error, 0, true, "サーバーが一時的に応答できません。少し時間をおいてもう一度お試しください。"},
    {ec::malformed_response, 0, true, "サーバーからの応答を読み取れませんでした。もう一度お試しください。"},
}};

}  // namespace

std::optional<ErrorInfo> find_error(std::string_view code) {
    const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const ErrorInfo& e) { return e.code == code; });
    if (found == catalogue.end()) return std::nullopt;
    return *found;
}

std::string_view error_message(std::string_view code) {
    const auto found = find_error(code);
    return found ? found->message : find_error(ec::internal)->message;
}

bool is_retryable(int http_status, std::string_view code) {
    if (http_status == 0 || http_status >= 500) {
        const auto found = find_error(code);
        return !found || found->retryable;
    }
    return false;
}

}  // namespace careplan::core
