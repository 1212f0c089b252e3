#include <catch2/catch_test_macros.hpp>

#include <set>

#include "careplan/core/errors.hpp"
#include "careplan/core/flow.hpp"
#include "careplan/core/walkthrough_code.hpp"
#include "support.hpp"

using namespace careplan::core;
using careplan::core::test::jst;
using careplan::core::test::ymd;

namespace {

const auto now = jst(2027, 1, 8, 10, 0);
constexpr std::string_view alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const Screen all_screens[] = {
    Screen::login,    Screen::license,   Screen::apply, Screen::application_form, Screen::confirm,
    Screen::complete, Screen::env_check, Screen::faq,   Screen::contact,          Screen::version_notice};
const LicenseStatus all_statuses[] = {LicenseStatus::active, LicenseStatus::renewal_open,
                                      LicenseStatus::renewal_pending, LicenseStatus::expired};
const Renewability all_renewabilities[] = {Renewability::eligible, Renewability::not_open,
                                           Renewability::already_applied};
const RendererKind all_renderers[] = {RendererKind::unknown, RendererKind::gl3, RendererKind::gl2,
                                      RendererKind::dx11, RendererKind::dx11_warp};

std::optional<WalkthroughSnapshot> round_trip(const WalkthroughSnapshot& snapshot) {
    const std::string code = encode_walkthrough_code(snapshot);
    REQUIRE(code.size() == walkthrough_code_length);
    for (char c : code) REQUIRE(alphabet.find(c) != std::string_view::npos);
    return decode_walkthrough_code(code);
}

WalkthroughSnapshot with_license(Screen screen, LicenseStatus status, Renewability renewability, int days) {
    WalkthroughSnapshot snapshot;
    snapshot.screen = screen;
    snapshot.logged_in = true;
    snapshot.license = LicenseSnapshot{status, renewability, days};
    return snapshot;
}

EnvOutcomes outcomes(std::initializer_list<CheckOutcome> list) {
    EnvOutcomes env;
    env.fill(CheckOutcome::not_applicable);
    std::size_t i = 0;
    for (CheckOutcome outcome : list) env[i++] = outcome;
    return env;
}

// A state full of one office's personal data, at S06 after an application.
State personal_state(std::string_view name, std::string_view mail, std::string_view token) {
    State state = initial_state(now);
    state.screen = Screen::confirm;
    state.login_user_id = "KJ12345678";
    state.session = Session{std::string{token}, "2027-01-08T12:00:00+09:00",
                            User{"KJ12345678", std::string{name} + " 事業所", "1312345678"}};
    License license;
    license.today = ymd(2027, 1, 8);
    license.valid_until = ymd(2027, 2, 22);
    license.days_remaining = 45;
    license.status = LicenseStatus::renewal_open;
    license.office_number = "1312345678";
    license.renewal.eligible = true;
    state.license = license;
    state.form.applicant_name = std::string{name};
    state.form.applicant_kana = "ヤマダ タロウ";
    state.form.email = state.form.email_confirm = std::string{mail};
    state.form.phone = "090-1234-5678";
    state.form.office_number = "1312345678";
    state.submission = Submission{"key-of-" + std::string{token}, state.form};
    state.accepted = ApplicationResult{};
    state.accepted->application_id = "AP20270108-" + std::string{token};
    state.message = Message{Message::Kind::error, "TIMEOUT", std::string{name} + " timed out", true};
    EnvCheckResult report;
    report.items = {{"OS " + std::string{name}, CheckOutcome::ok, "OK", {std::string{mail}}, "remedy"},
                    {"network", CheckOutcome::ng, "NG", {"proxy.example:8080", std::string{token}}, ""}};
    report.text = std::string{name} + " " + std::string{mail};
    state.env_report = report;
    state.installed_client_version = "1.1.1";
    return state;
}

}  // namespace

TEST_CASE("every screen and license status round-trips, before and after login", "[walkthrough]") {
    for (Screen screen : all_screens) {
        INFO("screen " << screen_code(screen));
        WalkthroughSnapshot before_login;
        before_login.screen = screen;
        CHECK(round_trip(before_login) == before_login);

        WalkthroughSnapshot without_license = before_login;
        without_license.logged_in = true;
        CHECK(round_trip(without_license) == without_license);

        for (LicenseStatus status : all_statuses)
            for (Renewability renewability : all_renewabilities)
                for (int days : {-30, -1, 0, 1, 44, 60, 61, 120, 365, 399, 400}) {
                    INFO("status " << status_code(status) << " days " << days);
                    const WalkthroughSnapshot snapshot = with_license(screen, status, renewability, days);
                    CHECK(round_trip(snapshot) == snapshot);
                }
    }
}

TEST_CASE("days outside the carried range read as its bounds", "[walkthrough]") {
    auto days_after = [](int days) {
        return round_trip(with_license(Screen::license, LicenseStatus::expired, Renewability::eligible, days))
            ->license->days_remaining;
    };
    CHECK(days_after(-31) == walkthrough_days_min);
    CHECK(days_after(-4000) == walkthrough_days_min);
    CHECK(days_after(461) == walkthrough_days_max);
}

TEST_CASE("every error code, renderer and environment outcome round-trips", "[walkthrough]") {
    for (int i = 0; i <= static_cast<int>(ErrorCode::check_failed); ++i) {
        WalkthroughSnapshot snapshot =
            with_license(Screen::apply, LicenseStatus::active, Renewability::not_open, 90);
        snapshot.error = static_cast<ErrorCode>(i);
        INFO(wire_code(*snapshot.error));
        CHECK(round_trip(snapshot) == snapshot);
    }
    for (RendererKind renderer : all_renderers) {
        WalkthroughSnapshot snapshot;
        snapshot.renderer = renderer;
        CHECK(round_trip(snapshot) == snapshot);
    }
    using enum CheckOutcome;
    for (const EnvOutcomes& env :
         {outcomes({}), outcomes({ok, ok, ok, ok, ok, ok, ok, ok}),
          outcomes({ng, ng, ng, ng, ng, ng, ng, ng}),
          outcomes({ok, warning, ng, not_applicable, ng, warning, ok, ng}), outcomes({warning})}) {
        WalkthroughSnapshot snapshot;
        snapshot.screen = Screen::env_check;
        snapshot.env = env;
        CHECK(round_trip(snapshot) == snapshot);
    }
    for (int position = 0; position < 8; ++position)
        for (CheckOutcome outcome : {ok, warning, ng, not_applicable}) {
            WalkthroughSnapshot snapshot;
            snapshot.env = outcomes({});
            (*snapshot.env)[static_cast<std::size_t>(position)] = outcome;
            CHECK(round_trip(snapshot) == snapshot);
        }
}

TEST_CASE("the installed client version travels exactly from 1.0.0 to 1.3.8", "[walkthrough]") {
    auto carried = [](std::string_view version) {
        State state = initial_state(now);
        state.installed_client_version = std::string{version};
        const auto snapshot = round_trip(snapshot_of(state, RendererKind::gl3));
        REQUIRE(snapshot->installed_client.has_value());
        return *snapshot->installed_client;
    };
    CHECK(carried("1.0.0") == ClientVersion{1, 0, 0});
    CHECK(carried("ver1.1.2") == ClientVersion{1, 1, 2});
    CHECK(carried("1.3.8") == ClientVersion{1, 3, 8});
    CHECK(carried("1.2") == ClientVersion{1, 2, 0});
    // Outside: still older / newer than the latest, as S08 and S11 decide.
    CHECK(carried("0.9") == ClientVersion{0, 0, 0});
    CHECK(carried("unknown") == ClientVersion{0, 0, 0});
    CHECK(carried("1.4.0") == ClientVersion{2, 0, 0});
    CHECK(carried("3.0") == ClientVersion{2, 0, 0});

    WalkthroughSnapshot none;
    CHECK_FALSE(round_trip(none)->installed_client.has_value());
}

TEST_CASE("the demo state shows the same screen in the same state", "[walkthrough]") {
    std::vector<WalkthroughSnapshot> snapshots;
    for (Screen screen : all_screens) {
        WalkthroughSnapshot before_login;
        before_login.screen = screen;
        before_login.env = outcomes({CheckOutcome::ok, CheckOutcome::warning, CheckOutcome::ng});
        before_login.installed_client = ClientVersion{1, 0, 3};
        snapshots.push_back(before_login);
        for (LicenseStatus status : all_statuses)
            for (Renewability renewability : all_renewabilities)
                for (int days : {-30, -5, 0, 30, 60, 61, 200, 400}) {
                    WalkthroughSnapshot snapshot = with_license(screen, status, renewability, days);
                    snapshot.error = ErrorCode::timeout;
                    snapshot.renderer = RendererKind::dx11_warp;
                    snapshots.push_back(snapshot);
                }
    }
    for (const WalkthroughSnapshot& snapshot : snapshots) {
        INFO(encode_walkthrough_code(snapshot));
        const auto decoded = decode_walkthrough_code(encode_walkthrough_code(snapshot));
        REQUIRE(decoded.has_value());
        const State state = walkthrough_state(*decoded, now);
        CHECK(snapshot_of(state, decoded->renderer) == snapshot);
        CHECK(state.screen == snapshot.screen);
    }
}

TEST_CASE("the demo state is built with the license rules", "[walkthrough]") {
    SECTION("eligible: 申請 is possible") {
        const State state = walkthrough_state(
            with_license(Screen::apply, LicenseStatus::renewal_open, Renewability::eligible, 45), now);
        REQUIRE(state.license.has_value());
        CHECK(state.license->valid_until == ymd(2027, 2, 22));
        CHECK(state.license->today == ymd(2027, 1, 8));
        CHECK(can_start_application(state));
        CHECK(state.session->user.office_name.find("デモ事業所") != std::string::npos);
    }
    SECTION("not open yet: 申請 is disabled with the opening date") {
        const State state = walkthrough_state(
            with_license(Screen::apply, LicenseStatus::active, Renewability::not_open, 120), now);
        CHECK_FALSE(can_start_application(state));
        CHECK(state.license->renewal.opens_on == add_days(ymd(2027, 1, 8), 60));
        CHECK(state.license->renewal.reason ==
              renewal_eligibility(state.license->valid_until, ymd(2027, 1, 8), false).reason);
    }
    SECTION("already applied: the application is there") {
        const State state = walkthrough_state(
            with_license(Screen::license, LicenseStatus::renewal_pending, Renewability::already_applied, 30),
            now);
        CHECK_FALSE(can_start_application(state));
        REQUIRE(state.license->renewal.application.has_value());
        CHECK(state.license->renewal.application->kind == ApplicationKind::renewal);
    }
    SECTION("the error's catalogue message, a lock-out disables the login") {
        WalkthroughSnapshot snapshot;
        snapshot.error = ErrorCode::locked_out;
        const State state = walkthrough_state(snapshot, now);
        REQUIRE(state.message.has_value());
        CHECK(state.message->text == error_message("LOCKED_OUT"));
        CHECK(login_locked(state));
    }
    SECTION("S06 shows a form that passes validation") {
        const State state = walkthrough_state(
            with_license(Screen::confirm, LicenseStatus::renewal_open, Renewability::eligible, 45), now);
        CHECK(validate_application(state.form, true).empty());
        CHECK(review_outcome(state).has_value());
    }
    SECTION("an old installed client makes the version notice due") {
        WalkthroughSnapshot snapshot;
        snapshot.installed_client = ClientVersion{1, 0, 0};
        CHECK(version_notice_due(walkthrough_state(snapshot, now)));
        snapshot.installed_client = ClientVersion{1, 1, 2};
        CHECK_FALSE(version_notice_due(walkthrough_state(snapshot, now)));
    }
}

TEST_CASE("snapshot_of takes the banner's error code, not flow-only codes", "[walkthrough]") {
    State state = initial_state(now);
    state.message = Message{Message::Kind::error, "NETWORK_UNREACHABLE", "x", true};
    CHECK(snapshot_of(state, RendererKind::gl3).error == ErrorCode::network_unreachable);
    state.message = Message{Message::Kind::info, "CANCELLED", "x", true};
    CHECK_FALSE(snapshot_of(state, RendererKind::gl3).error.has_value());
    state.message = Message{Message::Kind::info, "ALREADY_APPLIED", "x", false};
    CHECK(snapshot_of(state, RendererKind::gl3).error == ErrorCode::already_applied);
}

TEST_CASE("no personal field can enter the code", "[walkthrough]") {
    const State one = personal_state("山田 太郎", "taro@example.jp", "token-aaaa");
    State other = personal_state("佐藤 花子", "hanako@example.org", "token-bbbb");
    other.login_user_id = "KJ99999999";
    other.session->user = User{"KJ99999999", "別の事業所", "1399999999"};
    other.license->office_number = "1399999999";
    other.form = ApplicationInput{};
    other.form_errors["phone"] = FieldError{"INVALID_FORMAT", "phone"};
    other.submission.reset();
    other.accepted.reset();
    other.env_report->items[0].facts = {"C:\\Users\\hanako"};
    other.env_report->items[1].title = "other title";
    other.env_report->text = "hanako";
    other.message->text = "another text";
    REQUIRE(one.session != other.session);
    CHECK(encode_walkthrough_code(snapshot_of(one, RendererKind::gl3)) ==
          encode_walkthrough_code(snapshot_of(other, RendererKind::gl3)));
    // ...while the screen does change it.
    other.screen = Screen::application_form;
    CHECK(encode_walkthrough_code(snapshot_of(one, RendererKind::gl3)) !=
          encode_walkthrough_code(snapshot_of(other, RendererKind::gl3)));
}

TEST_CASE("every single wrong character and every swap is caught", "[walkthrough]") {
    std::vector<std::string> codes;
    for (Screen screen : all_screens) {
        WalkthroughSnapshot snapshot =
            with_license(screen, LicenseStatus::renewal_open, Renewability::eligible, 33);
        snapshot.env = outcomes({CheckOutcome::ng});
        snapshot.renderer = RendererKind::gl2;
        codes.push_back(encode_walkthrough_code(snapshot));
    }
    codes.push_back(encode_walkthrough_code(WalkthroughSnapshot{}));
    for (const std::string& code : codes) {
        INFO(code);
        REQUIRE(decode_walkthrough_code(code).has_value());
        for (std::size_t i = 0; i < code.size(); ++i) {
            for (char c : alphabet) {
                if (c == code[i]) continue;
                std::string wrong = code;
                wrong[i] = c;
                INFO(wrong);
                CHECK_FALSE(decode_walkthrough_code(wrong).has_value());
            }
            for (std::size_t j = i + 1; j < code.size(); ++j) {
                if (code[i] == code[j]) continue;
                std::string swapped = code;
                std::swap(swapped[i], swapped[j]);
                INFO(swapped);
                CHECK_FALSE(decode_walkthrough_code(swapped).has_value());
            }
        }
    }
}

TEST_CASE("the code is read back as spoken or typed", "[walkthrough]") {
    const WalkthroughSnapshot snapshot =
        with_license(Screen::apply, LicenseStatus::active, Renewability::not_open, 100);
    const std::string code = encode_walkthrough_code(snapshot);
    const std::string display = display_walkthrough_code(code);
    CHECK(display.size() == 12);
    CHECK(display[4] == '-');
    CHECK(display[9] == '-');
    CHECK(decode_walkthrough_code(display) == snapshot);

    std::string lower;
    for (char c : display) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    CHECK(decode_walkthrough_code(lower) == snapshot);
    CHECK(decode_walkthrough_code("  " + code.substr(0, 5) + " " + code.substr(5) + " ") == snapshot);

    // Full-width: U+FF10.. digits and U+FF21.. letters, U+FF0D hyphen.
    std::string full_width;
    for (char c : display) {
        const char32_t cp = c == '-' ? 0xFF0D : static_cast<char32_t>(0xFF00 + (c - 0x20));
        full_width += static_cast<char>(0xE0 | (cp >> 12));
        full_width += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        full_width += static_cast<char>(0x80 | (cp & 0x3F));
    }
    CHECK(decode_walkthrough_code(full_width) == snapshot);
}

TEST_CASE("garbage is no code", "[walkthrough]") {
    const std::string code = encode_walkthrough_code(WalkthroughSnapshot{});
    CHECK_FALSE(decode_walkthrough_code("").has_value());
    CHECK_FALSE(decode_walkthrough_code("----").has_value());
    CHECK_FALSE(decode_walkthrough_code(code.substr(0, 9)).has_value());
    CHECK_FALSE(decode_walkthrough_code(code + "2").has_value());
    CHECK_FALSE(decode_walkthrough_code(code + std::string(100, ' ')).has_value());
    CHECK_FALSE(decode_walkthrough_code(code.substr(0, 9) + "0").has_value());  // not in the alphabet
    CHECK_FALSE(decode_walkthrough_code(code.substr(0, 9) + "O").has_value());
    CHECK_FALSE(decode_walkthrough_code(code.substr(0, 9) + "I").has_value());
    CHECK_FALSE(decode_walkthrough_code(code.substr(0, 4) + "_" + code.substr(4)).has_value());
    CHECK_FALSE(decode_walkthrough_code("\xff\xfe\xfd").has_value());
    // All zeros has a right check character but format 0, which is none.
    CHECK_FALSE(decode_walkthrough_code("2222222222").has_value());
    // The largest number is a format far beyond 1: whichever check character is right, no code.
    for (char check : alphabet)
        CHECK_FALSE(decode_walkthrough_code("ZZZZZZZZZ" + std::string(1, check)).has_value());
}

TEST_CASE("codes differ for different states", "[walkthrough]") {
    std::set<std::string> codes;
    std::size_t count = 0;
    for (Screen screen : all_screens)
        for (LicenseStatus status : all_statuses)
            for (int days : {0, 1, 2}) {
                codes.insert(
                    encode_walkthrough_code(with_license(screen, status, Renewability::eligible, days)));
                ++count;
            }
    CHECK(codes.size() == count);
}
