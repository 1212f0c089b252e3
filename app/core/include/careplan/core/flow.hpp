#pragma once
// The client's flow as a pure state machine (Elm architecture, lager style):
// plain value types, one update function, effects as data.
//
//   Transition next(const State&, const Event&) -> {State, std::vector<Effect>}
//
// How the UI uses it: views render `State` and turn user actions into
// `event::...` values; the UI thread calls next() and keeps the new state;
// each returned effect is handed to a runner that performs it off the UI
// thread (HTTP via app/api, clipboard, file writes, the environment check)
// and posts its result back as an event (then wakes the loop with
// glfwPostEmptyEvent). A timer posts event::Tick with the current time (at
// start, then e.g. once a second while a lock-out runs and once a minute
// otherwise). Randomness (the Idempotency-Key) and time enter only through
// events, so next() is deterministic and fully unit-tested.
//
// Screens (the code is shown small in each screen's header):
//   S01 ログイン            S02 トップ: tabs S03 S04 S08 S09 S10
//   S03 ライセンス          S04 利用申請/更新   S05 申請情報入力
//   S06 申請内容確認        S07 申請完了        S08 環境チェック
//   S09 よくある質問        S10 お問い合わせ    S11 バージョンアップのお知らせ
// S08-S11 are also reachable before login (help when one cannot log in).

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "careplan/core/input.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/license.hpp"
#include "careplan/core/model.hpp"

namespace careplan::core {

enum class Screen {
    login,             // S01
    license,           // S03 (tab of S02)
    apply,             // S04 (tab of S02)
    application_form,  // S05
    confirm,           // S06
    complete,          // S07
    env_check,         // S08 (tab of S02)
    faq,               // S09 (tab of S02)
    contact,           // S10 (tab of S02)
    version_notice,    // S11
};

inline constexpr std::string_view top_screen_code = "S02";
// "S01" .. "S11".
std::string_view screen_code(Screen screen);
// Japanese title, e.g. "申請情報入力".
std::string screen_title(Screen screen);
// The manual's step for the screen ("手順1" .. "手順4"), empty when none.
std::string manual_step(Screen screen);
// The S02 tab a screen belongs to (S05-S07 belong to 利用申請/更新), nullopt
// for S01 and S11.
std::optional<Screen> tab_of(Screen screen);

// The HTTP requests the flow makes; at most one of each is in flight.
enum class Request { login, logout, license, terms, notices, application, inquiry };

// The two texts to agree to on S05.
enum class Document { terms, privacy };

struct Message {
    enum class Kind { info, error };
    Kind kind = Kind::info;
    std::string code;        // stable code (error catalogue / flow), for tests and support reports
    std::string text;        // Japanese
    bool retryable = false;  // the UI shows a 再試行 button sending event::Retry
    friend bool operator==(const Message&, const Message&) = default;
};

// One submission of the application form: the key is kept across retries
// of the same body, so the service answers a retry with the first answer.
struct Submission {
    std::string idempotency_key;
    ApplicationInput body;
    friend bool operator==(const Submission&, const Submission&) = default;
};

// One sending of the 問い合わせフォーム (S10), kept like Submission: a retry
// of the same body sends the same key, so the help desk gets it once.
struct InquirySubmission {
    std::string idempotency_key;
    InquiryInput body;
    friend bool operator==(const InquirySubmission&, const InquirySubmission&) = default;
};

struct State {
    Screen screen = Screen::login;
    std::chrono::system_clock::time_point now{};  // last event::Tick

    // S01
    std::string login_user_id;  // last normalised ID, to refill the field
    FieldErrors login_errors;
    std::optional<std::chrono::system_clock::time_point> locked_until;  // 429

    // After login.
    std::optional<Session> session;
    std::optional<License> license;
    std::optional<Notice> notice;

    // S05/S06: the form as last reviewed (normalised), its errors, the texts
    // and whether each was shown to its end (the checkbox is usable only then).
    ApplicationInput form;
    FieldErrors form_errors;
    std::optional<Terms> terms;
    bool terms_read = false;
    bool privacy_read = false;
    std::optional<Submission> submission;

    // S07
    std::optional<ApplicationResult> accepted;

    // S08 and S11
    bool env_check_running = false;
    std::optional<EnvCheckResult> env_report;
    std::optional<std::string> installed_client_version;  // found by the env check
    // One-click remedies: the item whose Windows page was opened, re-checked
    // when the user comes back to the window; then the item being re-checked.
    std::optional<std::string> env_fix_opened;
    std::optional<std::string> env_item_rechecking;

    // S10 問い合わせフォーム: its errors, the input (normalised) shown by
    // 送信内容を確認 for sending, the sending in flight or failed, and the
    // receipt of the last inquiry. The typed text itself stays in the view.
    FieldErrors inquiry_errors;
    std::optional<InquiryInput> inquiry_review;
    std::optional<InquirySubmission> inquiry_submission;
    std::optional<InquiryReceipt> inquiry_receipt;

    // The guide overlay (ガイド, F1) is shown; it stays on from screen to screen.
    bool guide_on = false;
    // ヘルプデスク表示: a caller's screen reproduced from a walkthrough code.
    bool helpdesk_view = false;

    std::set<Request> in_flight;     // busy flags
    std::optional<Message> message;  // banner on the current screen
    std::optional<Request> retry;    // what event::Retry sends again
};

// The state at start-up: S01, nobody logged in.
State initial_state(std::chrono::system_clock::time_point now);

namespace event {
// User actions.
struct SubmitLogin {
    std::string user_id;
    std::string password;
};  // S01 ログイン (raw input)
struct Logout {};
struct SelectTab {
    Screen tab;
};                            // a tab of S02; S08-S10 also from S01
struct OpenVersionNotice {};  // S11
struct StartApplication {};   // S04 申請 button
struct DocumentReadToEnd {
    Document document;
};  // S05: the text was scrolled to its end
struct ReviewApplication {
    ApplicationInput input;
};  // S05 確認へ (raw input)
struct ConfirmApplication {
    std::string idempotency_key;
};                // S06 申請; a fresh random key
struct Back {};   // Esc / 戻る
struct Retry {};  // 再試行 of a retryable error
// 中止: stop waiting for what the current screen waits for. Its answer, if
// one still comes, is ignored; a cancelled application keeps its
// Idempotency-Key, so that sending it again cannot apply twice.
struct Cancel {};
struct DismissMessage {};
struct ToggleGuide {};  // ガイド button, F1
// The help desk opens a caller's screen from a walkthrough code: `reproduced`
// is walkthrough_state() of the decoded code (core/walkthrough_code.hpp).
// Its session is a stand-in without a token; with `demo_login` the flow logs
// in to the demo service behind the screen, so that the help desk can walk
// on from there (a demo session already open is kept instead).
struct ShowWalkthrough {
    State reproduced;
    std::optional<LoginInput> demo_login;
};
struct RunEnvCheck {};  // S08 チェック開始
// S08: the button of an item's one-click remedy (opens its Windows page).
struct OpenFixPage {
    std::string item_id;
};
// The client's window got the keyboard focus back (the user returns from the
// page opened for a fix).
struct WindowFocused {};
struct CopyText {
    std::string text;
};  // copy a report for the help desk
struct SaveText {
    std::string path;
    std::string content;
};
// S10 問い合わせフォーム (also before login). Raw input: the flow normalises
// and checks it (with the rules for being logged in or not).
struct ReviewInquiry {
    InquiryInput input;
};                      // 送信内容を確認
struct EditInquiry {};  // 修正する: from the review back to the form
struct SubmitInquiry {
    InquiryInput input;
    std::string idempotency_key;
};                     // 送信する; a fresh random key, used only for a new body
struct NewInquiry {};  // after the receipt: write another one
// Timer.
struct Tick {
    std::chrono::system_clock::time_point now;
};
// Results of effects.
struct LoginSucceeded {
    Session session;
};
struct LicenseLoaded {
    License license;
};
struct TermsLoaded {
    Terms terms;
};
struct NoticesLoaded {
    Notice notice;
};
struct ApplicationAccepted {
    ApplicationResult result;
};
struct InquiryAccepted {
    InquiryReceipt receipt;
};
struct RequestFailed {
    Request request;
    ApiError error;
};
struct EnvCheckFinished {
    EnvCheckResult report;
    std::optional<std::string> installed_client_version;
};
struct FileSaved {
    std::string path;
    bool ok = false;
    std::string error;
};
// One item checked again after its fix; report_text is the whole report with
// the item's new result, to copy or save.
struct EnvItemRechecked {
    EnvCheckItem item;
    std::string report_text;
};
struct FixPageFailed {};  // Windows did not open the page
}  // namespace event

using Event =
    std::variant<event::SubmitLogin, event::Logout, event::SelectTab, event::OpenVersionNotice,
                 event::StartApplication, event::DocumentReadToEnd, event::ReviewApplication,
                 event::ConfirmApplication, event::Back, event::Retry, event::Cancel, event::DismissMessage,
                 event::ToggleGuide, event::ShowWalkthrough, event::RunEnvCheck, event::CopyText,
                 event::SaveText, event::Tick, event::LoginSucceeded, event::LicenseLoaded,
                 event::TermsLoaded, event::NoticesLoaded, event::ApplicationAccepted, event::RequestFailed,
                 event::EnvCheckFinished, event::FileSaved, event::ReviewInquiry, event::EditInquiry,
                 event::SubmitInquiry, event::NewInquiry, event::InquiryAccepted, event::OpenFixPage,
                 event::WindowFocused, event::EnvItemRechecked, event::FixPageFailed>;

namespace effect {
// HTTP (app/api). Each reports back LoginSucceeded / LicenseLoaded /
// TermsLoaded / NoticesLoaded / ApplicationAccepted, or RequestFailed.
struct Login {
    std::string user_id;
    std::string password;
};  // POST /sessions
struct Logout {
    std::string token;
};  // DELETE /sessions/current; result not needed
struct FetchLicense {
    std::string token;
};  // GET /license
struct FetchTerms {
    std::string token;
};  // GET /terms
struct FetchNotices {
    std::string token;
};  // GET /notices
struct SubmitApplication {
    std::string token;
    std::string idempotency_key;
    ApplicationInput body;
};
// POST /inquiries, with the session's token, or "" before login; reports
// InquiryAccepted or RequestFailed.
struct SendInquiry {
    std::string token;
    std::string idempotency_key;
    InquiryInput body;
};
// Local. RunEnvCheck reports EnvCheckFinished, SaveFile FileSaved; the
// clipboard reports nothing.
struct RunEnvCheck {};
struct CopyToClipboard {
    std::string text;
};
struct SaveFile {
    std::string path;
    std::string content;
};
// Opens a Windows page (on the UI thread, like the clipboard); reports
// FixPageFailed only when Windows refuses.
struct OpenSettingsPage {
    SettingsLaunch launch;
};
// Checks one item again (its probes only); reports EnvItemRechecked.
struct RecheckEnvItem {
    std::string item_id;
};
}  // namespace effect

using Effect = std::variant<effect::Login, effect::Logout, effect::FetchLicense, effect::FetchTerms,
                            effect::FetchNotices, effect::SubmitApplication, effect::RunEnvCheck,
                            effect::CopyToClipboard, effect::SaveFile, effect::SendInquiry,
                            effect::OpenSettingsPage, effect::RecheckEnvItem>;

struct Transition {
    State state;
    std::vector<Effect> effects;
};

// The one update function.
Transition next(const State& state, const Event& event);

// Derived facts the views need (pure functions of the state).
bool is_busy(const State& state, Request request);
bool login_locked(const State& state);
// The request the current screen waits for, if one is in flight (the
// spinner and its 中止 button).
std::optional<Request> awaited_request(const State& state);
// S04: the 申請 button is enabled.
bool can_start_application(const State& state);
// S05: the agreement checkbox may be ticked (its text was shown to the end).
bool agreement_enabled(const State& state, Document document);
// A version notice applies: the env check found an installed client older
// than the latest (from /notices, else latest_client_version).
bool version_notice_due(const State& state);
// S08: what the item's remedy button opens on this PC; nullopt: no button
// (nothing to fix there, or not Windows: the remedy text says what to do).
std::optional<SettingsLaunch> fix_launch(const State& state, const EnvCheckItem& item);
// S06: what the application will give (kind, period, mail date, fee months),
// from the license the service sent.
std::optional<ApplicationOutcome> review_outcome(const State& state);

}  // namespace careplan::core
