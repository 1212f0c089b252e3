#include <catch2/catch_test_macros.hpp>

#include "careplan/core/errors.hpp"
#include "careplan/core/flow.hpp"
#include "careplan/core/version.hpp"
#include "flow_support.hpp"

using namespace careplan::core;
using namespace careplan::core::test;

TEST_CASE("screens carry their code, title, 手順 and tab", "[flow]") {
    CHECK(screen_code(Screen::login) == "S01");
    CHECK(screen_code(Screen::license) == "S03");
    CHECK(screen_code(Screen::version_notice) == "S11");
    CHECK(screen_title(Screen::application_form) == "申請情報入力");
    CHECK(manual_step(Screen::apply) == "手順2");
    CHECK(manual_step(Screen::faq).empty());
    CHECK(tab_of(Screen::confirm) == Screen::apply);
    CHECK_FALSE(tab_of(Screen::login).has_value());
    CHECK(top_screen_code == "S02");
}

TEST_CASE("S01: a malformed ID is answered locally, without a request", "[flow]") {
    const auto t = next(initial_state(start_time), event::SubmitLogin{"AB123", "x"});
    CHECK(t.effects.empty());
    CHECK(t.state.login_errors.at("user_id").code == "INVALID_FORMAT");
    CHECK(t.state.screen == Screen::login);
}

TEST_CASE("S01: a full-width ID is normalised and sent once", "[flow]") {
    const auto t =
        next(initial_state(start_time), event::SubmitLogin{"ｋｊ０００００００１", "demo-pass-0001"});
    const auto& login = only<effect::Login>(t.effects);
    CHECK(login.user_id == "KJ00000001");
    CHECK(login.password == "demo-pass-0001");
    CHECK(is_busy(t.state, Request::login));
    CHECK(next(t.state, event::SubmitLogin{"KJ00000001", "demo-pass-0001"}).effects.empty());  // double click
}

TEST_CASE("S01 -> S03 after login, fetching the license and the notices", "[flow]") {
    const auto t = run(initial_state(start_time),
                       {event::SubmitLogin{"KJ00000001", "p"}, event::LoginSucceeded{demo_session()}});
    CHECK(t.state.screen == Screen::license);
    CHECK(t.state.session == demo_session());
    REQUIRE(t.effects.size() == 2);
    CHECK(std::get<effect::FetchLicense>(t.effects[0]).token == "token-1");
    CHECK(std::get<effect::FetchNotices>(t.effects[1]).token == "token-1");
}

TEST_CASE("S01: wrong password stays on S01 with the message", "[flow]") {
    const auto t = run(initial_state(start_time),
                       {event::SubmitLogin{"KJ00000001", "bad"},
                        event::RequestFailed{Request::login, failure(401, "INVALID_CREDENTIALS")}});
    CHECK(t.state.screen == Screen::login);
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "INVALID_CREDENTIALS");
    CHECK(t.state.message->text.find("ユーザIDまたはパスワード") != std::string::npos);
    CHECK_FALSE(t.state.message->retryable);
    CHECK_FALSE(is_busy(t.state, Request::login));
}

TEST_CASE("S01: 429 locks the login until Retry-After has passed", "[flow]") {
    ApiError locked = failure(429, "LOCKED_OUT");
    locked.retry_after_seconds = 600;
    auto t = run(initial_state(start_time),
                 {event::SubmitLogin{"KJ00000001", "bad"}, event::RequestFailed{Request::login, locked}});
    CHECK(login_locked(t.state));
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "LOCKED_OUT");
    CHECK(t.state.message->text.find("約10分後（10:10以降）") != std::string::npos);
    CHECK(next(t.state, event::SubmitLogin{"KJ00000001", "right"}).effects.empty());

    t = next(t.state, event::Tick{start_time + std::chrono::seconds{599}});
    CHECK(login_locked(t.state));
    t = next(t.state, event::Tick{start_time + std::chrono::seconds{600}});
    CHECK_FALSE(login_locked(t.state));
    CHECK_FALSE(t.state.message.has_value());
    CHECK(has<effect::Login>(next(t.state, event::SubmitLogin{"KJ00000001", "right"}).effects));
}

TEST_CASE("the proxy's 429 RATE_LIMITED says when to try again and locks nothing", "[flow]") {
    ApiError busy = failure(429, "RATE_LIMITED");
    busy.retry_after_seconds = 60;
    auto t = run(initial_state(start_time),
                 {event::SubmitLogin{"KJ00000001", "p"}, event::RequestFailed{Request::login, busy}});
    CHECK(t.state.screen == Screen::login);
    CHECK_FALSE(login_locked(t.state));
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "RATE_LIMITED");
    CHECK(t.state.message->text.find("アクセスが集中") != std::string::npos);
    CHECK(t.state.message->text.find("約1分後（10:01以降）") != std::string::npos);
    CHECK_FALSE(t.state.message->retryable);
    CHECK(has<effect::Login>(next(t.state, event::SubmitLogin{"KJ00000001", "p"}).effects));
}

TEST_CASE("S01: a network failure at login shows a message; pressing ログイン again retries", "[flow]") {
    const auto t = run(
        initial_state(start_time),
        {event::SubmitLogin{"KJ00000001", "p"}, event::RequestFailed{Request::login, failure(0, "TIMEOUT")}});
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "TIMEOUT");
    CHECK_FALSE(t.state.retry.has_value());  // the password is not kept for a retry
    CHECK(has<effect::Login>(next(t.state, event::SubmitLogin{"KJ00000001", "p"}).effects));
}

TEST_CASE("tabs: office screens need a session; help screens do not", "[flow]") {
    const State start = initial_state(start_time);
    CHECK(next(start, event::SelectTab{Screen::license}).state.screen == Screen::login);
    CHECK(next(start, event::SelectTab{Screen::faq}).state.screen == Screen::faq);
    CHECK(next(start, event::SelectTab{Screen::contact}).state.screen == Screen::contact);
    CHECK(next(start, event::SelectTab{Screen::confirm}).state.screen == Screen::login);  // not a tab
    CHECK(run(start, {event::SelectTab{Screen::faq}, event::Back{}}).state.screen == Screen::login);

    State in = logged_in();
    CHECK(next(in, event::SelectTab{Screen::apply}).state.screen == Screen::apply);
    CHECK(next(in, event::SelectTab{Screen::apply}).effects.empty());  // license already loaded
    in.license.reset();
    CHECK(only<effect::FetchLicense>(next(in, event::SelectTab{Screen::license}).effects).token == "token-1");
}

TEST_CASE("S04: 申請 only when eligible", "[flow]") {
    State in = run(logged_in(), {event::SelectTab{Screen::apply}}).state;
    CHECK(can_start_application(in));
    in.license->renewal.eligible = false;
    CHECK_FALSE(can_start_application(in));
    const auto refused = next(in, event::StartApplication{});
    CHECK(refused.state.screen == Screen::apply);
    CHECK(refused.effects.empty());
}

TEST_CASE("S04 -> S05: office number prefilled, terms fetched", "[flow]") {
    const auto t = run(logged_in(), {event::SelectTab{Screen::apply}, event::StartApplication{}});
    CHECK(t.state.screen == Screen::application_form);
    CHECK(t.state.form.office_number == "1370000001");
    CHECK(only<effect::FetchTerms>(t.effects).token == "token-1");
}

TEST_CASE("S05: agreements are usable only after each text was read to its end", "[flow]") {
    State form = on_form();
    CHECK_FALSE(agreement_enabled(form, Document::terms));
    const auto unread = next(form, event::ReviewApplication{typed_form()});
    CHECK(unread.state.screen == Screen::application_form);
    CHECK(unread.state.form_errors.at("agree_terms").code == "NOT_READ");
    CHECK(unread.state.form_errors.at("agree_privacy").code == "NOT_READ");

    form = next(form, event::DocumentReadToEnd{Document::terms}).state;
    CHECK(agreement_enabled(form, Document::terms));
    CHECK_FALSE(agreement_enabled(form, Document::privacy));
    const auto half = next(form, event::ReviewApplication{typed_form()});
    CHECK_FALSE(half.state.form_errors.contains("agree_terms"));
    CHECK(half.state.form_errors.at("agree_privacy").code == "NOT_READ");
}

TEST_CASE("S05: reading before the texts arrived does not count", "[flow]") {
    const State form = run(logged_in(), {event::SelectTab{Screen::apply}, event::StartApplication{},
                                         event::DocumentReadToEnd{Document::terms}})
                           .state;
    CHECK_FALSE(form.terms_read);
}

TEST_CASE("S05 -> S06 with the normalised form and the shown text versions", "[flow]") {
    const State confirm = on_confirm();
    CHECK(confirm.screen == Screen::confirm);
    CHECK(confirm.form.applicant_kana == "ヤマダ　タロウ");
    CHECK(confirm.form.terms_version == "t-1");
    CHECK(confirm.form.privacy_version == "p-1");
    CHECK(confirm.form_errors.empty());
    const auto outcome = review_outcome(confirm);
    REQUIRE(outcome);
    CHECK(outcome->kind == ApplicationKind::renewal);
    CHECK(outcome->period.valid_from == add_days(confirm.license->valid_until, 1));
}

TEST_CASE("S05: invalid input stays with per-field errors", "[flow]") {
    ApplicationInput bad = typed_form();
    bad.email_confirm = "jiro@example.jp";
    const auto t =
        run(on_form(), {event::DocumentReadToEnd{Document::terms},
                        event::DocumentReadToEnd{Document::privacy}, event::ReviewApplication{bad}});
    CHECK(t.state.screen == Screen::application_form);
    CHECK(t.state.form_errors.at("email_confirm").code == "MISMATCH");
    CHECK(t.effects.empty());
}

TEST_CASE("S06: 申請 sends one request, a double click none", "[flow]") {
    const auto t = submitted("key-1");
    const auto& submit = only<effect::SubmitApplication>(t.effects);
    CHECK(submit.idempotency_key == "key-1");
    CHECK(submit.token == "token-1");
    CHECK(submit.body == on_confirm().form);
    CHECK(is_busy(t.state, Request::application));
    CHECK(next(t.state, event::ConfirmApplication{"key-2"}).effects.empty());
}

TEST_CASE("S06: a timeout is retryable with the same Idempotency-Key", "[flow]") {
    auto t =
        next(submitted("key-1").state, event::RequestFailed{Request::application, failure(0, "TIMEOUT")});
    CHECK(t.state.screen == Screen::confirm);
    REQUIRE(t.state.message);
    CHECK(t.state.message->retryable);
    CHECK(only<effect::SubmitApplication>(next(t.state, event::Retry{}).effects).idempotency_key == "key-1");
    // Pressing 申請 again (with a freshly generated key) still reuses the first key.
    CHECK(only<effect::SubmitApplication>(next(t.state, event::ConfirmApplication{"key-2"}).effects)
              .idempotency_key == "key-1");
}

TEST_CASE("S06: a changed body gets a new Idempotency-Key", "[flow]") {
    State failed = next(submitted("key-1").state,
                        event::RequestFailed{Request::application, failure(503, "SERVER_ERROR")})
                       .state;
    ApplicationInput changed = typed_form();
    changed.phone = "03-9999-0000";
    failed = run(failed, {event::Back{}, event::ReviewApplication{changed}}).state;
    REQUIRE(failed.screen == Screen::confirm);
    CHECK(only<effect::SubmitApplication>(next(failed, event::ConfirmApplication{"key-2"}).effects)
              .idempotency_key == "key-2");
}

TEST_CASE("S06 -> S07 when accepted; the license shows 事前申請受付済み", "[flow]") {
    ApplicationResult result;
    result.application_id = "A-1";
    result.notify_by = ymd(2027, 1, 14);
    result.fee_months = {YearMonth{std::chrono::year{2027}, std::chrono::March},
                         YearMonth{std::chrono::year{2027}, std::chrono::April}};
    const auto t = next(submitted("key-1").state, event::ApplicationAccepted{result});
    CHECK(t.state.screen == Screen::complete);
    CHECK(t.state.accepted == result);
    CHECK(t.state.license->status == LicenseStatus::renewal_pending);
    CHECK(t.state.license->renewal.application == result);
    CHECK_FALSE(can_start_application(t.state));
    CHECK_FALSE(t.state.submission.has_value());
    CHECK(has<effect::FetchLicense>(t.effects));
    CHECK(next(t.state, event::Back{}).state.screen == Screen::license);
}

TEST_CASE("S06: 409 ALREADY_APPLIED goes to S03 showing the pending license", "[flow]") {
    const auto t =
        next(submitted("key-1").state,
             event::RequestFailed{Request::application, failure(409, "ALREADY_APPLIED", "受付済みです")});
    CHECK(t.state.screen == Screen::license);
    CHECK(t.state.license->status == LicenseStatus::renewal_pending);
    REQUIRE(t.state.message);
    CHECK(t.state.message->text == "受付済みです");
    CHECK(only<effect::FetchLicense>(t.effects).token == "token-1");
}

TEST_CASE("S06: 409 RENEWAL_NOT_OPEN goes to S04 with the reason", "[flow]") {
    const std::string reason = "更新の申請は2027年2月1日(月)から受け付けます。";
    const auto t = next(submitted("key-1").state,
                        event::RequestFailed{Request::application, failure(409, "RENEWAL_NOT_OPEN", reason)});
    CHECK(t.state.screen == Screen::apply);
    CHECK(t.state.license->renewal.reason == reason);
    CHECK_FALSE(can_start_application(t.state));
    CHECK(t.state.message->code == "RENEWAL_NOT_OPEN");
}

TEST_CASE("S06: 422 VALIDATION_FAILED goes back to S05 with the service's field errors", "[flow]") {
    ApiError invalid = failure(422, "VALIDATION_FAILED");
    invalid.fields["phone"] = {"INVALID_FORMAT", "電話番号を確認してください。"};
    const auto t = next(submitted("key-1").state, event::RequestFailed{Request::application, invalid});
    CHECK(t.state.screen == Screen::application_form);
    CHECK(t.state.form_errors.at("phone").code == "INVALID_FORMAT");
    CHECK(t.state.message->text == error_message("VALIDATION_FAILED"));
}

TEST_CASE("S06: 422 IDEMPOTENCY_KEY_REUSED stays and the next 申請 takes a new key", "[flow]") {
    const auto t = next(submitted("key-1").state,
                        event::RequestFailed{Request::application, failure(422, "IDEMPOTENCY_KEY_REUSED")});
    CHECK(t.state.screen == Screen::confirm);
    CHECK(only<effect::SubmitApplication>(next(t.state, event::ConfirmApplication{"key-2"}).effects)
              .idempotency_key == "key-2");
}

TEST_CASE("401 on an office request returns to S01 and forgets the session", "[flow]") {
    const auto t = next(submitted("key-1").state,
                        event::RequestFailed{Request::application, failure(401, "UNAUTHORIZED")});
    CHECK(t.state.screen == Screen::login);
    CHECK_FALSE(t.state.session.has_value());
    CHECK_FALSE(t.state.license.has_value());
    CHECK(t.state.login_user_id == "KJ00000001");
    CHECK(t.state.message->code == "UNAUTHORIZED");
    CHECK(t.state.in_flight.empty());
}

TEST_CASE("a failed license fetch is retryable; a 4xx is not", "[flow]") {
    State in = logged_in();
    in.license.reset();
    auto t = run(in, {event::SelectTab{Screen::license},
                      event::RequestFailed{Request::license, failure(0, "NETWORK_UNREACHABLE")}});
    CHECK(t.state.screen == Screen::license);
    CHECK(t.state.retry == Request::license);
    CHECK(only<effect::FetchLicense>(next(t.state, event::Retry{}).effects).token == "token-1");
    CHECK(next(t.state, event::DismissMessage{}).effects.empty());
    CHECK_FALSE(next(t.state, event::DismissMessage{}).state.retry.has_value());

    t = run(in, {event::SelectTab{Screen::license},
                 event::RequestFailed{Request::license, failure(404, "NOT_FOUND")}});
    CHECK_FALSE(t.state.message->retryable);
    CHECK(next(t.state, event::Retry{}).effects.empty());
}

TEST_CASE("the notice is kept when it arrives", "[flow]") {
    const Notice notice{"1.1.2", ymd(2024, 2, 28), "バージョンアップのお知らせ", "本文"};
    const auto t =
        run(initial_state(start_time), {event::SubmitLogin{"KJ00000001", "p"},
                                        event::LoginSucceeded{demo_session()}, event::NoticesLoaded{notice}});
    CHECK(t.state.notice == notice);
    CHECK_FALSE(is_busy(t.state, Request::notices));
}

TEST_CASE("failed notices stay silent", "[flow]") {
    const auto t = run(initial_state(start_time),
                       {event::SubmitLogin{"KJ00000001", "p"}, event::LoginSucceeded{demo_session()},
                        event::RequestFailed{Request::notices, failure(0, "TIMEOUT")}});
    CHECK_FALSE(t.state.message.has_value());
}

TEST_CASE("logout clears the office's data; late answers are ignored", "[flow]") {
    State in = logged_in();
    in = next(in, event::RunEnvCheck{}).state;
    const auto out = next(in, event::Logout{});
    CHECK(only<effect::Logout>(out.effects).token == "token-1");
    CHECK(out.state.screen == Screen::login);
    CHECK_FALSE(out.state.session.has_value());
    CHECK_FALSE(out.state.license.has_value());
    CHECK(out.state.env_check_running);  // the PC's own check goes on
    CHECK(out.state.message->code == "LOGGED_OUT");
    CHECK_FALSE(next(out.state, event::LicenseLoaded{eligible_license()}).state.license.has_value());
    CHECK(next(out.state, event::Logout{}).effects.empty());
}

TEST_CASE("Back follows the form backwards and leaves S11", "[flow]") {
    CHECK(next(on_confirm(), event::Back{}).state.screen == Screen::application_form);
    CHECK(next(on_form(), event::Back{}).state.screen == Screen::apply);
    CHECK(run(logged_in(), {event::OpenVersionNotice{}, event::Back{}}).state.screen == Screen::license);
    CHECK(run(initial_state(start_time), {event::OpenVersionNotice{}, event::Back{}}).state.screen ==
          Screen::login);
    CHECK(run(logged_in(), {event::SelectTab{Screen::faq}, event::Back{}}).state.screen == Screen::faq);
    CHECK(next(logged_in(), event::Back{}).state.screen == Screen::license);
}

TEST_CASE("S08: one env check at a time; its result feeds the S11 notice", "[flow]") {
    auto t = next(initial_state(start_time), event::RunEnvCheck{});
    CHECK(has<effect::RunEnvCheck>(t.effects));
    CHECK(next(t.state, event::RunEnvCheck{}).effects.empty());
    CHECK_FALSE(version_notice_due(t.state));
    const EnvCheckResult report{
        CheckOutcome::ok, {{"OS", CheckOutcome::ok, "OK", {"Windows 11"}, ""}}, "OS: OK"};
    t = next(t.state, event::EnvCheckFinished{report, "ver1.1.1"});
    CHECK_FALSE(t.state.env_check_running);
    CHECK(t.state.env_report == report);
    CHECK(version_notice_due(t.state));
    t = next(t.state, event::EnvCheckFinished{report, std::string{latest_client_version}});
    CHECK_FALSE(version_notice_due(t.state));
    // A newer release announced by the service.
    State announced = t.state;
    announced.notice = Notice{"1.2.0", ymd(2027, 4, 1), "お知らせ", "本文"};
    CHECK(version_notice_due(announced));
}

TEST_CASE("copy and save become effects; the save result is shown", "[flow]") {
    const State start = initial_state(start_time);
    CHECK(only<effect::CopyToClipboard>(next(start, event::CopyText{"レポート"}).effects).text == "レポート");
    const auto saving = next(start, event::SaveText{"/tmp/r.txt", "本文"});
    const auto& save = only<effect::SaveFile>(saving.effects);
    CHECK(save.path == "/tmp/r.txt");
    CHECK(save.content == "本文");
    CHECK(next(start, event::FileSaved{"/tmp/r.txt", true, {}}).state.message->kind == Message::Kind::info);
    const auto failed = next(start, event::FileSaved{"/tmp/r.txt", false, "書き込みできません"}).state;
    CHECK(failed.message->kind == Message::Kind::error);
    CHECK(failed.message->text.find("書き込みできません") != std::string::npos);
}

TEST_CASE("new terms texts must be read again", "[flow]") {
    State form = run(on_form(), {event::DocumentReadToEnd{Document::terms}}).state;
    form.in_flight.insert(Request::terms);
    Terms changed = demo_terms();
    changed.terms.version = "t-2";
    CHECK_FALSE(next(form, event::TermsLoaded{changed}).state.terms_read);
    CHECK(next(form, event::TermsLoaded{demo_terms()}).state.terms_read);
}

TEST_CASE("中止 on S06: the late answer is ignored and sending again reuses the key", "[flow]") {
    const auto sent = submitted("key-1");
    REQUIRE(awaited_request(sent.state) == Request::application);
    auto t = next(sent.state, event::Cancel{});
    CHECK(t.effects.empty());
    CHECK_FALSE(is_busy(t.state, Request::application));
    CHECK_FALSE(awaited_request(t.state));
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "CANCELLED");
    CHECK(t.state.message->retryable);
    // The answer of the abandoned request changes nothing.
    const ApplicationResult late{"A-1",
                                 ApplicationKind::renewal,
                                 "accepted",
                                 "事前申請受付済みです",
                                 ymd(2027, 1, 13),
                                 fee_months(ymd(2027, 3, 1))};
    CHECK(next(t.state, event::ApplicationAccepted{late}).state.screen == Screen::confirm);
    // Sending again, by 再試行 or by 申請 with a fresh key, keeps the first key.
    CHECK(only<effect::SubmitApplication>(next(t.state, event::Retry{}).effects).idempotency_key == "key-1");
    CHECK(only<effect::SubmitApplication>(next(t.state, event::ConfirmApplication{"key-2"}).effects)
              .idempotency_key == "key-1");
}

TEST_CASE("中止 at login frees the button; nothing to cancel is a no-op", "[flow]") {
    const auto pressed = next(initial_state(start_time), event::SubmitLogin{"KJ00000001", "demo-pass-0001"});
    REQUIRE(awaited_request(pressed.state) == Request::login);
    const auto t = next(pressed.state, event::Cancel{});
    CHECK_FALSE(is_busy(t.state, Request::login));
    REQUIRE(t.state.message);
    CHECK_FALSE(t.state.message->retryable);  // the password is not kept: press ログイン again
    CHECK(next(t.state, event::LoginSucceeded{demo_session()}).state.screen == Screen::login);
    const auto idle = next(logged_in(), event::Cancel{});
    CHECK(idle.effects.empty());
    CHECK_FALSE(idle.state.message);
}

TEST_CASE("ヘルプデスク表示: a reproduced screen, with the guide on and a demo login behind it", "[flow]") {
    State reproduced = on_form();
    reproduced.session->token.clear();  // walkthrough_state's stand-in session has no token
    const LoginInput demo{"KJ00000001", "demo-pass-0001"};
    auto t = next(initial_state(start_time), event::ShowWalkthrough{reproduced, demo});
    CHECK(t.state.screen == Screen::application_form);
    CHECK(t.state.helpdesk_view);
    CHECK(t.state.guide_on);
    CHECK(only<effect::Login>(t.effects).user_id == "KJ00000001");
    // The demo session's token goes behind the screen: it stays where it is.
    t = next(t.state, event::LoginSucceeded{demo_session()});
    CHECK(t.state.screen == Screen::application_form);
    CHECK(t.state.session->token == demo_session().token);
    CHECK(t.state.session->user == reproduced.session->user);
    CHECK(t.effects.empty());
    // A screen before login needs no login; a demo session already open is kept.
    CHECK(next(initial_state(start_time), event::ShowWalkthrough{initial_state(start_time), demo})
              .effects.empty());
    const auto kept = next(logged_in(), event::ShowWalkthrough{reproduced, demo});
    CHECK(kept.effects.empty());
    CHECK(kept.state.session->token == "token-1");
}

// ---- S10 問い合わせフォーム ------------------------------------------------

TEST_CASE("S10: an incomplete inquiry is answered locally, without a request", "[flow][inquiry]") {
    InquiryInput input = typed_inquiry();
    input.category.reset();
    input.office_number = "12345";
    auto t = next(on_contact(), event::ReviewInquiry{input});
    CHECK(t.effects.empty());
    CHECK_FALSE(t.state.inquiry_review.has_value());
    CHECK(t.state.inquiry_errors.contains("category"));
    CHECK(t.state.inquiry_errors.contains("office_number"));
    t = next(t.state, event::SubmitInquiry{input, "key-1"});
    CHECK(t.effects.empty());
    CHECK_FALSE(t.state.inquiry_submission.has_value());
    CHECK_FALSE(is_busy(t.state, Request::inquiry));
}

TEST_CASE("S10: before login the reviewed inquiry is sent normalised, without a token", "[flow][inquiry]") {
    auto t = next(on_contact(), event::ReviewInquiry{typed_inquiry()});
    REQUIRE(t.state.inquiry_review);
    CHECK(t.effects.empty());  // the review only shows what will be sent
    CHECK(t.state.inquiry_errors.empty());
    CHECK(t.state.inquiry_review->message == "パスワードを忘れてログインできません。\n至急連絡をください。");
    CHECK(t.state.inquiry_review->reply_email == "taro@example.jp");
    CHECK(t.state.inquiry_review->office_number == "1370000001");
    t = next(t.state, event::SubmitInquiry{*t.state.inquiry_review, "key-1"});
    const auto& send = only<effect::SendInquiry>(t.effects);
    CHECK(send.token.empty());
    CHECK(send.idempotency_key == "key-1");
    CHECK(send.body == normalize_inquiry(typed_inquiry()));
    CHECK(awaited_request(t.state) == Request::inquiry);
    CHECK(next(t.state, event::SubmitInquiry{typed_inquiry(), "key-2"}).effects.empty());  // double click
}

TEST_CASE("S10: after login the inquiry carries the token and needs no office number", "[flow][inquiry]") {
    InquiryInput input = typed_inquiry();
    input.office_number.clear();
    const auto t =
        run(logged_in(), {event::SelectTab{Screen::contact}, event::SubmitInquiry{input, "key-1"}});
    CHECK(only<effect::SendInquiry>(t.effects).token == "token-1");
    // Before login the same input lacks the office number.
    CHECK(next(on_contact(), event::SubmitInquiry{input, "key-1"})
              .state.inquiry_errors.contains("office_number"));
}

TEST_CASE("S10: offline is retryable with the same key, and nothing is lost", "[flow][inquiry]") {
    const State sent = next(on_contact(), event::SubmitInquiry{typed_inquiry(), "key-1"}).state;
    auto t = next(sent, event::RequestFailed{Request::inquiry, failure(0, "NETWORK_UNREACHABLE")});
    CHECK(t.state.screen == Screen::contact);
    REQUIRE(t.state.message);
    CHECK(t.state.message->retryable);
    CHECK(t.state.message->text == error_message("NETWORK_UNREACHABLE"));
    CHECK(t.state.inquiry_review == normalize_inquiry(typed_inquiry()));  // the review stays
    CHECK_FALSE(is_busy(t.state, Request::inquiry));
    CHECK(only<effect::SendInquiry>(next(t.state, event::Retry{}).effects).idempotency_key == "key-1");
    // 送信する again (with a fresh key) sends the same body under its first key.
    CHECK(only<effect::SendInquiry>(next(t.state, event::SubmitInquiry{typed_inquiry(), "key-2"}).effects)
              .idempotency_key == "key-1");
    // A 5xx and 中止 are retried with it too.
    t = next(sent, event::RequestFailed{Request::inquiry, failure(503, "SERVER_ERROR")});
    CHECK(only<effect::SendInquiry>(next(t.state, event::Retry{}).effects).idempotency_key == "key-1");
    t = next(sent, event::Cancel{});
    CHECK_FALSE(is_busy(t.state, Request::inquiry));
    CHECK(next(t.state, event::InquiryAccepted{{"Q-1", "x"}}).state.inquiry_receipt == std::nullopt);
    CHECK(only<effect::SendInquiry>(next(t.state, event::Retry{}).effects).idempotency_key == "key-1");
}

TEST_CASE("S10: a changed body takes the new key", "[flow][inquiry]") {
    State failed = run(on_contact(), {event::SubmitInquiry{typed_inquiry(), "key-1"},
                                      event::RequestFailed{Request::inquiry, failure(0, "TIMEOUT")}})
                       .state;
    failed = next(failed, event::EditInquiry{}).state;
    CHECK_FALSE(failed.inquiry_review.has_value());
    InquiryInput changed = typed_inquiry();
    changed.phone = "03-1234-5678";
    CHECK(only<effect::SendInquiry>(next(failed, event::SubmitInquiry{changed, "key-2"}).effects)
              .idempotency_key == "key-2");
}

TEST_CASE("S10: 201 keeps the receipt; a new inquiry starts afresh", "[flow][inquiry]") {
    const InquiryReceipt receipt{"Q-270108-K7MP", "2027-01-08T10:00:00+09:00"};
    auto t =
        run(on_contact(), {event::SubmitInquiry{typed_inquiry(), "key-1"}, event::InquiryAccepted{receipt}});
    CHECK(t.state.inquiry_receipt == receipt);
    CHECK_FALSE(t.state.inquiry_submission.has_value());
    CHECK_FALSE(t.state.inquiry_review.has_value());
    CHECK_FALSE(is_busy(t.state, Request::inquiry));
    CHECK(t.state.screen == Screen::contact);
    t = next(t.state, event::NewInquiry{});
    CHECK_FALSE(t.state.inquiry_receipt.has_value());
    // The next inquiry, even with the same text, is a new one with its own key.
    CHECK(only<effect::SendInquiry>(next(t.state, event::SubmitInquiry{typed_inquiry(), "key-2"}).effects)
              .idempotency_key == "key-2");
}

TEST_CASE("S10: 429 says when to send again and does not lock the login", "[flow][inquiry]") {
    ApiError busy = failure(429, "TOO_MANY_INQUIRIES");
    busy.retry_after_seconds = 1800;
    const State sent = next(on_contact(), event::SubmitInquiry{typed_inquiry(), "key-1"}).state;
    const auto t = next(sent, event::RequestFailed{Request::inquiry, busy});
    CHECK(t.state.screen == Screen::contact);
    CHECK_FALSE(login_locked(t.state));
    CHECK_FALSE(t.state.locked_until.has_value());
    REQUIRE(t.state.message);
    CHECK(t.state.message->code == "TOO_MANY_INQUIRIES");
    CHECK(t.state.message->text.find("約30分後（10:30以降）") != std::string::npos);
    CHECK_FALSE(t.state.message->retryable);
    CHECK(t.state.inquiry_review.has_value());
    // The login still works.
    const auto login = run(t.state, {event::Back{}, event::SubmitLogin{"KJ00000001", "demo-pass-0001"}});
    CHECK(login.state.screen == Screen::login);
    CHECK(has<effect::Login>(login.effects));
}

TEST_CASE("S10: 422 shows the service's field errors in the form", "[flow][inquiry]") {
    ApiError invalid = failure(422, "VALIDATION_FAILED");
    invalid.fields["reply_email"] = {"INVALID_EMAIL", "返信先メールアドレスの形式が正しくありません。"};
    const State sent = next(on_contact(), event::SubmitInquiry{typed_inquiry(), "key-1"}).state;
    auto t = next(sent, event::RequestFailed{Request::inquiry, invalid});
    CHECK(t.state.inquiry_errors.contains("reply_email"));
    CHECK_FALSE(t.state.inquiry_review.has_value());  // back to the form
    CHECK_FALSE(t.state.inquiry_submission.has_value());
    CHECK(only<effect::SendInquiry>(next(t.state, event::SubmitInquiry{typed_inquiry(), "key-2"}).effects)
              .idempotency_key == "key-2");
    // IDEMPOTENCY_KEY_REUSED: the next sending takes a new key.
    t = next(sent, event::RequestFailed{Request::inquiry, failure(422, "IDEMPOTENCY_KEY_REUSED")});
    CHECK(only<effect::SendInquiry>(next(t.state, event::SubmitInquiry{typed_inquiry(), "key-3"}).effects)
              .idempotency_key == "key-3");
}

TEST_CASE("S10: 401 after login returns to S01 like any office request", "[flow][inquiry]") {
    const auto t =
        run(logged_in(), {event::SelectTab{Screen::contact}, event::SubmitInquiry{typed_inquiry(), "k"},
                          event::RequestFailed{Request::inquiry, failure(401, "UNAUTHORIZED")}});
    CHECK(t.state.screen == Screen::login);
    CHECK_FALSE(t.state.session.has_value());
    CHECK(t.state.message->code == "UNAUTHORIZED");
}
