#pragma once
// One class per screen, each with a single draw function (as in ImHex): it
// renders the flow's state and appends the user's actions as events. The
// views hold only what is being typed; everything else is in core::State.
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "careplan/core/flow.hpp"
#include "careplan/core/guide.hpp"
#include "careplan/core/walkthrough_code.hpp"
#include "widgets.hpp"

namespace careplan::ui {

using Events = std::vector<core::Event>;

// A demo office of the embedded demo service, offered on S01.
struct DemoAccount {
    std::string user_id;
    std::string password;
    std::string scenario;  // 更新可能, 申請期間前, …
    int days_remaining = 0;
    bool applied = false;
};

class LoginView {  // S01
  public:
    void draw(const core::State& state, const std::vector<DemoAccount>& demo, Events& out);
    // What the guide needs to know of the fields being typed.
    bool user_id_typed() const { return !user_id_.empty(); }
    bool password_typed() const { return !password_.empty(); }
    // The demo picker's ヘルプデスク表示 was pressed (once).
    bool take_helpdesk_request() { return std::exchange(helpdesk_requested_, false); }
    // A window over S01 closed: typing goes to the first empty field again
    // (ユーザID when both are filled), not to a field that only looks focused.
    void refocus() { focus_ = !user_id_.empty() && password_.empty() ? Focus::password : Focus::user_id; }

  private:
    std::string user_id_;
    std::string password_;
    bool show_password_ = false;
    bool filled_from_state_ = false;
    // Where typing goes next frame: ユーザID at start (keyboard-only use), and
    // after a failed login the field to fix, so that keys never go nowhere.
    enum class Focus { none, user_id, password };
    Focus focus_ = Focus::user_id;
    bool awaiting_result_ = false;  // ログイン was pressed; its outcome decides the focus
    bool helpdesk_requested_ = false;
};

class LicenseView {  // S03
  public:
    void draw(const core::State& state, Events& out);
};

class ApplyView {  // S04
  public:
    void draw(const core::State& state, Events& out);
};

class ApplicationFormView {  // S05
  public:
    void draw(const core::State& state, Events& out);
    // The form as typed so far (the guide points at its first empty or wrong field).
    const core::ApplicationInput& draft() const { return input_; }

  private:
    void draw_fields(const core::FieldErrors& errors);
    void draw_agreements(const core::State& state, const core::FieldErrors& errors, bool show_error,
                         Events& out);

    core::ApplicationInput input_;
    bool loaded_ = false;
    // The field typing goes to next frame: the first one on entering (also
    // back from S06), the first wrong one after 確認画面へ found errors.
    FieldFocus focus_ = first_field("applicant_name");
    core::FieldErrors errors_seen_;
    bool reviewed_ = false;  // 確認画面へ was pressed; its errors take the focus
};

class ConfirmView {  // S06
  public:
    void draw(const core::State& state, Events& out);
};

class CompleteView {  // S07
  public:
    void draw(const core::State& state, Events& out);
};

class EnvCheckView {  // S08
  public:
    void draw(const core::State& state, Events& out);

  private:
    std::string save_path_ = "careplan-env-check.txt";
};

class FaqView {  // S09
  public:
    void draw(const core::State& state, Events& out);
};

// The 問い合わせフォーム at the end of S10: edit, review (送信内容を確認),
// send, receipt. It keeps the typed text whatever the answer.
class InquiryFormView {
  public:
    // `code`: the screen's walkthrough code, attached with the support information.
    void draw(const core::State& state, const std::string& code, Events& out);
    // The form as typed so far, without the attachment (the guide points at
    // its first empty or wrong field).
    const core::InquiryInput& draft() const { return input_; }

  private:
    enum class Step { edit, review, receipt };
    void draw_edit(const core::State& state, const std::string& code, Events& out);
    void draw_review(const core::State& state, const core::InquiryInput& review, Events& out);
    void draw_receipt(const core::InquiryReceipt& receipt, Events& out);
    // The input to send: the typed fields and, when ticked, the attachment.
    core::InquiryInput to_send(const core::State& state, const std::string& code) const;

    core::InquiryInput input_;  // attachment stays empty: it is built when reviewed
    bool attach_ = false;       // 「サポート情報を添付する」
    Step shown_ = Step::edit;   // to bring a new step's top into view
    // Where typing goes: back from the review (修正する) the message, after
    // errors the first wrong field. Not on entering S10: the form is at the
    // end of the screen, below what most callers came to read.
    FieldFocus focus_;
    core::FieldErrors errors_seen_;
    bool reviewed_ = false;  // 送信内容を確認 was pressed; its errors take the focus
    // The form as typed at the last 送信内容を確認 (without the attachment,
    // like input_): a field changed since then loses its message once right.
    core::InquiryInput checked_;
};

// What 「サポート情報を添付する」 attaches to an inquiry: the support report
// (with the walkthrough code) and the operation record, as much of its
// newest part as fits the service's limit.
std::string inquiry_attachment(const core::State& state, const std::string& code);

class ContactView {  // S10
  public:
    // `code`: the walkthrough code of the caller's state.
    void draw(const core::State& state, const std::string& code, Events& out);
    const core::InquiryInput& inquiry_draft() const { return inquiry_form_.draft(); }

  private:
    InquiryFormView inquiry_form_;
};

class VersionNoticeView {  // S11
  public:
    void draw(const core::State& state, Events& out);
};

// ヘルプデスク表示: a window over the screen asking for the walkthrough code
// the caller reads out; gives the decoded code once it is right.
class HelpdeskEntryView {
  public:
    void open();
    bool is_open() const { return open_; }
    std::optional<core::WalkthroughSnapshot> draw();

  private:
    bool open_ = false;
    bool focus_ = false;
    bool wrong_ = false;
    std::string code_;
};

// The strip over a reproduced screen: 「ヘルプデスク表示: お客様の画面の再現です」.
// True when 別のコードを開く was pressed.
bool helpdesk_banner(const std::string& code);

// The guide (ガイド, F1) over the screen just drawn: a number beside each
// control it can name, a frame around the next one to use, and the hint.
class GuideOverlay {
  public:
    // `code`: the screen's walkthrough code, shown under the hint.
    void draw(const core::State& state, const core::GuideDraft& draft, const std::string& code);
};

// The frame of S02 (after login): who is logged in, the tabs, ログアウト.
// Before login, S08-S10 show the same tabs with a way back to S01.
class TopBar {
  public:
    void draw(const core::State& state, Events& out);
};

// The screen's heading: its title, and on the right the ガイド button and the
// screen's code (S01…) with the manual's step (手順), so that the help desk
// and a caller can name the screen.
void screen_header(const core::State& state, core::Screen screen, Events& out);

// While the screen waits for an answer: a spinner, what is happening, and
// 中止. Draws nothing when nothing is awaited.
void waiting_indicator(const core::State& state, std::string_view doing, Events& out);

// The banner of the current screen's message (errors in red, with 再試行
// when the flow can retry).
void message_banner(const core::State& state, Events& out);

}  // namespace careplan::ui
