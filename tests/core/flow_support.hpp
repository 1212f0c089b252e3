#pragma once
// The flow's usual path as ready-made states and values, shared by the tests
// of the flow and of what is derived from it (the guide, the walkthrough code).

#include <catch2/catch_test_macros.hpp>

#include <initializer_list>
#include <string>

#include "careplan/core/flow.hpp"
#include "careplan/core/license.hpp"
#include "support.hpp"

namespace careplan::core::test {

inline const auto start_time = jst(2027, 1, 8, 10, 0);

inline Session demo_session() {
    return {"token-1", "2027-01-08T12:00:00+09:00", {"KJ00000001", "デモ居宅介護支援事業所 1", "1370000001"}};
}

inline License eligible_license() {
    License license;
    license.today = ymd(2027, 1, 8);
    license.valid_until = add_days(license.today, 45);
    license.valid_from = add_days(one_year_period_end(license.valid_until), 0);
    license.days_remaining = 45;
    license.status = LicenseStatus::renewal_open;
    license.office_number = "1370000001";
    license.renewal.eligible = true;
    return license;
}

inline Terms demo_terms() { return {{"t-1", "利用規約", "本文"}, {"p-1", "個人情報の取り扱い", "本文"}}; }

inline ApplicationInput typed_form() {
    ApplicationInput input;
    input.applicant_name = "山田 太郎";
    input.applicant_kana = "やまだ たろう";
    input.email = input.email_confirm = "taro@example.jp";
    input.phone = "03-1234-5678";
    input.office_number = "1370000001";
    input.agree_terms = input.agree_privacy = true;
    return input;
}

// The 問い合わせフォーム as typed before login (raw: spaces around, a
// full-width reply address and office number).
inline InquiryInput typed_inquiry() {
    InquiryInput input;
    input.category = InquiryCategory::login;
    input.message = "  パスワードを忘れてログインできません。\r\n至急連絡をください。  ";
    input.reply_email = "ｔａｒｏ@example.jp";
    input.office_number = "１３７００００００１";
    return input;
}

// The one effect of a transition, which must be a T.
template <typename T>
const T& only(const std::vector<Effect>& effects) {
    REQUIRE(effects.size() == 1);
    REQUIRE(std::holds_alternative<T>(effects.front()));
    return std::get<T>(effects.front());
}

template <typename T>
bool has(const std::vector<Effect>& effects) {
    for (const Effect& effect : effects) {
        if (std::holds_alternative<T>(effect)) return true;
    }
    return false;
}

// Runs events in order; returns the last transition.
inline Transition run(State state, std::initializer_list<Event> events) {
    Transition last{std::move(state), {}};
    for (const Event& event : events) last = next(last.state, event);
    return last;
}

inline ApiError failure(int status, std::string code, std::string message = {}) {
    return {status, std::move(code), std::move(message), {}, {}};
}

inline State logged_in() {
    return run(initial_state(start_time),
               {event::SubmitLogin{"KJ00000001", "demo-pass-0001"}, event::LoginSucceeded{demo_session()},
                event::LicenseLoaded{eligible_license()}})
        .state;
}

inline State on_form() {
    return run(logged_in(),
               {event::SelectTab{Screen::apply}, event::StartApplication{}, event::TermsLoaded{demo_terms()}})
        .state;
}

inline State on_confirm() {
    return run(on_form(),
               {event::DocumentReadToEnd{Document::terms}, event::DocumentReadToEnd{Document::privacy},
                event::ReviewApplication{typed_form()}})
        .state;
}

// S10 reached from S01, nobody logged in.
inline State on_contact() { return next(initial_state(start_time), event::SelectTab{Screen::contact}).state; }

// The state after pressing 申請 on S06 with the given key.
inline Transition submitted(std::string key) {
    return next(on_confirm(), event::ConfirmApplication{std::move(key)});
}

}  // namespace careplan::core::test
