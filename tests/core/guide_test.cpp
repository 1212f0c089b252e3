#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "careplan/core/guide.hpp"
#include "flow_support.hpp"

using namespace careplan::core;
using namespace careplan::core::test;
using Catch::Matchers::ContainsSubstring;

namespace {

GuideDraft draft_of(ApplicationInput form) {
    GuideDraft draft;
    draft.form = std::move(form);
    return draft;
}

// The hint points at the mark with this label, and names it with its number.
void require_points_at(const State& state, const GuideHint& hint, const std::string& label) {
    REQUIRE(hint.target);
    CHECK(hint.target->label == label);
    CHECK_FALSE(hint.blocked);
    const auto marks = guide_marks(state);
    REQUIRE(hint.target->number >= 1);
    REQUIRE(hint.target->number <= static_cast<int>(marks.size()));
    CHECK(marks[hint.target->number - 1] == *hint.target);
    CHECK_THAT(hint.text, ContainsSubstring(circled_number(hint.target->number) + "『" + label + "』"));
}

State with_license(License license) {
    State s = logged_in();
    s.license = std::move(license);
    return s;
}

License too_early_license() {
    License l = eligible_license();
    l.days_remaining = 100;
    l.valid_until = add_days(l.today, 100);
    l.status = LicenseStatus::active;
    l.renewal = {false, add_days(l.valid_until, -60), "not yet", std::nullopt};
    return l;
}

}  // namespace

TEST_CASE("guide: circled numbers name the marks", "[guide]") {
    CHECK(circled_number(1) == "①");
    CHECK(circled_number(3) == "③");
    CHECK(circled_number(20) == "⑳");
    CHECK(circled_number(21) == "(21)");
}

TEST_CASE("guide: F1 toggles it, and it stays on across screens and a logout", "[guide]") {
    State s = next(initial_state(start_time), event::ToggleGuide{}).state;
    CHECK(s.guide_on);
    s = run(s, {event::SubmitLogin{"KJ00000001", "pw"}, event::LoginSucceeded{demo_session()},
                event::SelectTab{Screen::apply}, event::Logout{}})
            .state;
    CHECK(s.screen == Screen::login);
    CHECK(s.guide_on);
    CHECK_FALSE(next(s, event::ToggleGuide{}).state.guide_on);
}

TEST_CASE("guide S01: ID, then password, then ログイン; a lock-out says why", "[guide]") {
    const State s = initial_state(start_time);
    const auto marks = guide_marks(s);
    REQUIRE(marks.size() == 3);
    CHECK(marks[0] == GuideMark{1, "ユーザID"});
    CHECK(marks[2] == GuideMark{3, "ログイン"});
    GuideDraft draft;
    auto hint = guide_hint(s, draft);
    require_points_at(s, hint, "ユーザID");
    CHECK_THAT(hint.text, ContainsSubstring("手順1"));
    draft.user_id_typed = true;
    require_points_at(s, guide_hint(s, draft), "パスワード");
    draft.password_typed = true;
    require_points_at(s, guide_hint(s, draft), "ログイン");

    ApiError locked = failure(429, "LOCKED_OUT");
    locked.retry_after_seconds = 900;
    const State locked_state =
        run(s, {event::SubmitLogin{"KJ00000001", "x"}, event::RequestFailed{Request::login, locked}}).state;
    hint = guide_hint(locked_state, draft);
    CHECK(hint.blocked);
    CHECK_FALSE(hint.target);
    CHECK_THAT(hint.text, ContainsSubstring("10:15"));
    CHECK_THAT(hint.text, ContainsSubstring("0120-584-708"));
}

TEST_CASE("guide while a request runs: wait", "[guide]") {
    const State s = next(initial_state(start_time), event::SubmitLogin{"KJ00000001", "pw"}).state;
    const auto hint = guide_hint(s, {true, true, {}});
    CHECK(hint.blocked);
    CHECK_THAT(hint.text, ContainsSubstring("お待ちください"));
}

TEST_CASE("guide S03/S04: eligible points at 申請; too early and applied say why", "[guide]") {
    State s = logged_in();
    require_points_at(s, guide_hint(s, {}), "利用申請/更新へ");
    s = next(s, event::SelectTab{Screen::apply}).state;
    const auto hint = guide_hint(s, {});
    require_points_at(s, hint, "申請");
    CHECK_THAT(hint.text, ContainsSubstring("手順2"));

    State early = next(with_license(too_early_license()), event::SelectTab{Screen::apply}).state;
    auto why = guide_hint(early, {});
    CHECK(why.blocked);
    CHECK_FALSE(why.target);
    CHECK_THAT(why.text, ContainsSubstring("まだできません"));
    CHECK_THAT(why.text, ContainsSubstring(format_japanese(*too_early_license().renewal.opens_on)));

    License applied = eligible_license();
    applied.status = LicenseStatus::renewal_pending;
    applied.renewal.eligible = false;
    applied.renewal.application = ApplicationResult{};
    const State done = next(with_license(applied), event::SelectTab{Screen::apply}).state;
    why = guide_hint(done, {});
    CHECK(why.blocked);
    CHECK_THAT(why.text, ContainsSubstring("受付済み"));
    CHECK(guide_hint(with_license(applied), {}).blocked);  // S03 too
}

TEST_CASE("guide S05: first empty field, then a wrong one, then the texts, then 確認画面へ", "[guide]") {
    const State s = on_form();
    const auto marks = guide_marks(s);
    REQUIRE(marks.size() == 12);
    CHECK(marks[4] == GuideMark{5, "電話番号"});
    CHECK(marks[6] == GuideMark{7, "利用規約"});
    CHECK(marks[7] == GuideMark{8, "利用規約に同意する"});
    CHECK(marks[10] == GuideMark{11, "確認画面へ"});

    ApplicationInput form;
    auto hint = guide_hint(s, draft_of(form));
    require_points_at(s, hint, "申請者氏名");
    CHECK_THAT(hint.text, ContainsSubstring("手順3"));
    CHECK_THAT(hint.text, ContainsSubstring("入力してください"));

    form = typed_form();
    form.agree_terms = form.agree_privacy = false;
    form.phone = "03-12";  // wrong, not empty
    hint = guide_hint(s, draft_of(form));
    require_points_at(s, hint, "電話番号");
    CHECK_THAT(hint.text, ContainsSubstring("直してください"));

    form.phone = "03-1234-5678";
    form.email_confirm = "";  // an earlier field emptied again comes first
    require_points_at(s, guide_hint(s, draft_of(form)), "メールアドレス (確認)");

    form.email_confirm = form.email;
    hint = guide_hint(s, draft_of(form));
    require_points_at(s, hint, "利用規約");
    CHECK_THAT(hint.text, ContainsSubstring("スクロール"));
    State read = next(s, event::DocumentReadToEnd{Document::terms}).state;
    require_points_at(read, guide_hint(read, draft_of(form)), "利用規約に同意する");
    form.agree_terms = true;
    require_points_at(read, guide_hint(read, draft_of(form)), "個人情報の取り扱い");
    read = next(read, event::DocumentReadToEnd{Document::privacy}).state;
    require_points_at(read, guide_hint(read, draft_of(form)), "個人情報の取り扱いに同意する");
    form.agree_privacy = true;
    require_points_at(read, guide_hint(read, draft_of(form)), "確認画面へ");
}

TEST_CASE("guide S06, S07, S08: the one thing to press", "[guide]") {
    const State confirm = on_confirm();
    auto hint = guide_hint(confirm, {});
    require_points_at(confirm, hint, "申請する");
    CHECK_THAT(hint.text, ContainsSubstring("取消はできません"));

    ApplicationResult accepted;
    accepted.application_id = "A-1";
    const State complete =
        run(confirm, {event::ConfirmApplication{"key-1"}, event::ApplicationAccepted{accepted}}).state;
    REQUIRE(complete.screen == Screen::complete);
    require_points_at(complete, guide_hint(complete, {}), "ライセンスを確認する");

    State check = next(initial_state(start_time), event::SelectTab{Screen::env_check}).state;
    require_points_at(check, guide_hint(check, {}), "チェック開始");
    check = next(check, event::RunEnvCheck{}).state;
    CHECK(guide_hint(check, {}).blocked);
    EnvCheckResult ng;
    ng.overall = CheckOutcome::ng;
    check = next(check, event::EnvCheckFinished{ng, std::nullopt}).state;
    hint = guide_hint(check, {});
    require_points_at(check, hint, "再チェック");
    CHECK_THAT(hint.text, ContainsSubstring("NG"));
    EnvCheckResult fine;
    check = run(check, {event::RunEnvCheck{}, event::EnvCheckFinished{fine, std::nullopt}}).state;
    require_points_at(check, guide_hint(check, {}), "結果をコピー");
}

TEST_CASE("guide: every screen in every license state has a hint, and every target is a mark", "[guide]") {
    std::vector<State> states{initial_state(start_time), logged_in(), with_license(too_early_license()),
                              on_form(), on_confirm()};
    for (const State& base : std::vector<State>(states)) {
        for (Screen screen :
             {Screen::login, Screen::license, Screen::apply, Screen::application_form, Screen::confirm,
              Screen::complete, Screen::env_check, Screen::faq, Screen::contact, Screen::version_notice}) {
            State s = base;
            s.screen = screen;
            for (const GuideDraft& draft : {GuideDraft{}, draft_of(typed_form())}) {
                const GuideHint hint = guide_hint(s, draft);
                INFO(screen_code(screen));
                CHECK_FALSE(hint.text.empty());
                if (hint.target) require_points_at(s, hint, hint.target->label);
            }
        }
    }
}

TEST_CASE("guide S10: the form's fields in turn, then 送信内容を確認, then 送信する", "[guide][inquiry]") {
    State s = on_contact();
    const auto marks = guide_marks(s);
    REQUIRE(marks.size() == 9);
    CHECK(marks[0] == GuideMark{1, "画面共有コード"});  // the phone call's marks come first
    CHECK(marks[1] == GuideMark{2, "サポート情報をコピー"});
    CHECK(marks[2] == GuideMark{3, "お問い合わせの種類"});
    CHECK(marks[6] == GuideMark{7, "事業所番号"});
    CHECK(marks[7] == GuideMark{8, "サポート情報を添付する"});
    CHECK(marks[8] == GuideMark{9, "送信内容を確認"});

    // An untouched form: the code to read out on the phone.
    GuideDraft draft;
    require_points_at(s, guide_hint(s, draft), "画面共有コード");
    // Being filled in: its first required field that is empty or wrong.
    draft.inquiry.message = "有効期限を知りたい";
    auto hint = guide_hint(s, draft);
    require_points_at(s, hint, "お問い合わせの種類");
    CHECK_THAT(hint.text, ContainsSubstring("選んで"));
    draft.inquiry.message.clear();
    draft.inquiry.category = InquiryCategory::license;
    require_points_at(s, guide_hint(s, draft), "お問い合わせ内容");
    draft.inquiry.message = "有効期限を知りたい";
    require_points_at(s, guide_hint(s, draft), "返信先メールアドレス");
    draft.inquiry.reply_email = "taro@";
    hint = guide_hint(s, draft);
    require_points_at(s, hint, "返信先メールアドレス");
    CHECK_THAT(hint.text, ContainsSubstring("直して"));
    draft.inquiry.reply_email = "taro@example.jp";
    require_points_at(s, guide_hint(s, draft), "事業所番号");  // the phone is optional
    draft.inquiry.office_number = "1370000001";
    require_points_at(s, guide_hint(s, draft), "送信内容を確認");

    s = next(s, event::ReviewInquiry{draft.inquiry}).state;
    REQUIRE(s.inquiry_review);
    CHECK(guide_marks(s) ==
          std::vector<GuideMark>{
              {1, "画面共有コード"}, {2, "サポート情報をコピー"}, {3, "送信する"}, {4, "修正する"}});
    require_points_at(s, guide_hint(s, draft), "送信する");

    s = next(s, event::SubmitInquiry{*s.inquiry_review, "key-1"}).state;
    CHECK(guide_hint(s, draft).blocked);  // waiting for the answer
    s = next(s, event::InquiryAccepted{{"Q-270108-K7MP", "2027-01-08T10:00:00+09:00"}}).state;
    hint = guide_hint(s, draft);
    CHECK_FALSE(hint.target.has_value());
    CHECK_THAT(hint.text, ContainsSubstring("受付番号"));
}

TEST_CASE("guide S10: after login the office number is not asked", "[guide][inquiry]") {
    const State s = next(logged_in(), event::SelectTab{Screen::contact}).state;
    CHECK(guide_marks(s).size() == 8);
    GuideDraft draft;
    draft.inquiry = typed_inquiry();
    draft.inquiry.office_number.clear();
    require_points_at(s, guide_hint(s, draft), "送信内容を確認");
}
