#include "careplan/core/flow.hpp"

#include <array>
#include <utility>

#include "careplan/core/errors.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/version.hpp"

namespace careplan::core {

namespace {

struct ScreenInfo {
    Screen screen;
    std::string_view code;
    TextKey title;
    int step;  // the manual's 手順, 0 for none
    std::optional<Screen> tab;
};

// In the order of the Screen enumerators.
constexpr std::array<ScreenInfo, 10> screens{{
    {Screen::login, "S01", texts::screen::login, 1, std::nullopt},
    {Screen::license, "S03", texts::screen::license, 4, Screen::license},
    {Screen::apply, "S04", texts::screen::apply, 2, Screen::apply},
    {Screen::application_form, "S05", texts::screen::application_form, 3, Screen::apply},
    {Screen::confirm, "S06", texts::screen::confirm, 3, Screen::apply},
    {Screen::complete, "S07", texts::screen::complete, 4, Screen::apply},
    {Screen::env_check, "S08", texts::screen::env_check, 0, Screen::env_check},
    {Screen::faq, "S09", texts::screen::faq, 0, Screen::faq},
    {Screen::contact, "S10", texts::screen::contact, 0, Screen::contact},
    {Screen::version_notice, "S11", texts::screen::version_notice, 0, std::nullopt},
}};

const ScreenInfo& info(Screen screen) { return screens[static_cast<std::size_t>(screen)]; }

// Used when a 429 carries no Retry-After.
constexpr std::chrono::seconds default_lockout{300};

// Screens that show the office's own data and need a session.
bool needs_session(Screen screen) {
    return screen != Screen::login && screen != Screen::env_check && screen != Screen::faq &&
           screen != Screen::contact && screen != Screen::version_notice;
}

Message info_message(std::string_view code, std::string text) {
    return {Message::Kind::info, std::string{code}, std::move(text), false};
}

Message error_banner(const ApiError& error, bool retryable) {
    std::string text = error.message.empty() ? std::string{error_message(error.code)} : error.message;
    return {Message::Kind::error, error.code, std::move(text), retryable};
}

// A 429's message saying when to try again: {minutes} and {until} (12:05).
Message try_later_message(std::string_view code, TextKey wording, std::chrono::seconds wait,
                          std::chrono::system_clock::time_point until) {
    const auto minutes = (wait.count() + 59) / 60;
    const JstDateTime local = jst_date_time(until);
    return {Message::Kind::error, std::string{code},
            tr(wording, {{"minutes", minutes}, {"until", format_clock(local.hour, local.minute)}}), false};
}

// The state after logging out or losing the session: S01, nothing of the
// office kept, but the PC's own findings (env check) and a running lock-out stay.
State logged_out(const State& state) {
    State out = initial_state(state.now);
    out.login_user_id = state.login_user_id;
    out.locked_until = state.locked_until;
    out.env_check_running = state.env_check_running;
    out.env_report = state.env_report;
    out.installed_client_version = state.installed_client_version;
    out.env_fix_opened = state.env_fix_opened;
    out.env_item_rechecking = state.env_item_rechecking;
    out.guide_on = state.guide_on;  // the help desk's walkthrough goes on after a logout
    out.helpdesk_view = state.helpdesk_view;
    return out;
}

// Applies one event; collects the effects.
struct Update {
    State s;
    std::vector<Effect> effects;

    // ---- requests and busy flags ---------------------------------------

    std::optional<Effect> request_effect(Request request) const {
        if (request == Request::inquiry) return inquiry_effect();
        if (!s.session) return std::nullopt;
        const std::string& token = s.session->token;
        switch (request) {
            case Request::license: return effect::FetchLicense{token};
            case Request::terms: return effect::FetchTerms{token};
            case Request::notices: return effect::FetchNotices{token};
            case Request::application:
                if (!s.submission) return std::nullopt;
                return effect::SubmitApplication{token, s.submission->idempotency_key, s.submission->body};
            case Request::login:    // the password is never kept in the state
            case Request::logout:   // fire and forget
            case Request::inquiry:  // also before login: inquiry_effect
                return std::nullopt;
        }
        return std::nullopt;
    }

    // S10 works before login too: the inquiry then goes without a token.
    std::optional<Effect> inquiry_effect() const {
        if (!s.inquiry_submission) return std::nullopt;
        return effect::SendInquiry{s.session ? s.session->token : std::string{},
                                   s.inquiry_submission->idempotency_key, s.inquiry_submission->body};
    }

    void send(Request request, Effect effect) {
        if (!s.in_flight.insert(request).second) return;  // already busy: no second request
        effects.push_back(std::move(effect));
    }

    void start(Request request) {
        if (auto effect = request_effect(request)) send(request, std::move(*effect));
    }

    // A result counts only for a request in flight (not one from before a logout).
    bool finish(Request request) { return s.in_flight.erase(request) > 0; }

    void go(Screen screen) {
        s.screen = screen;
        s.message.reset();
        s.retry.reset();
    }

    // ---- user actions --------------------------------------------------

    void operator()(const event::SubmitLogin& e) {
        if (s.screen != Screen::login || is_busy(s, Request::login)) return;
        if (login_locked(s)) return;  // the lock-out message stays; the button is disabled anyway
        const LoginInput input = normalize_login({e.user_id, e.password});
        s.login_user_id = input.user_id;
        s.login_errors = validate_login(input);
        s.message.reset();
        if (s.login_errors.empty()) send(Request::login, effect::Login{input.user_id, input.password});
    }

    void operator()(const event::Logout&) {
        if (!s.session) return;
        effects.push_back(effect::Logout{s.session->token});
        s = logged_out(s);
        s.message = info_message("LOGGED_OUT", tr(texts::flow::logged_out));
    }

    void operator()(const event::SelectTab& e) {
        if (tab_of(e.tab) != e.tab || (needs_session(e.tab) && !s.session)) return;
        go(e.tab);
        if ((e.tab == Screen::license || e.tab == Screen::apply) && !s.license) start(Request::license);
    }

    void operator()(const event::OpenVersionNotice&) { go(Screen::version_notice); }

    void operator()(const event::StartApplication&) {
        if (s.screen != Screen::apply || !can_start_application(s)) return;
        go(Screen::application_form);
        if (s.form.office_number.empty()) s.form.office_number = s.session->user.office_number;
        if (!s.terms) start(Request::terms);
    }

    void operator()(const event::DocumentReadToEnd& e) {
        if (!s.terms) return;  // nothing was shown yet
        (e.document == Document::terms ? s.terms_read : s.privacy_read) = true;
    }

    void operator()(const event::ReviewApplication& e) {
        if (s.screen != Screen::application_form) return;
        ApplicationInput form = normalize_application(e.input);
        if (s.terms) {
            form.terms_version = s.terms->terms.version;
            form.privacy_version = s.terms->privacy.version;
        }
        FieldErrors errors = validate_application(form, true);
        flag_unread(errors, "agree_terms", form.agree_terms, s.terms_read, texts::field::terms);
        flag_unread(errors, "agree_privacy", form.agree_privacy, s.privacy_read, texts::field::privacy);
        s.form = std::move(form);
        s.form_errors = std::move(errors);
        if (s.form_errors.empty()) go(Screen::confirm);
    }

    // A tick in a checkbox whose text was never shown to its end does not count.
    static void flag_unread(FieldErrors& errors, std::string_view field, bool agreed, bool read,
                            TextKey document) {
        if (!agreed || read) return;
        errors[std::string{field}] = {std::string{input_error::not_read},
                                      tr(texts::input::agreement_unread, {{"field", tr(document)}})};
    }

    void operator()(const event::ConfirmApplication& e) {
        if (s.screen != Screen::confirm || !s.session || is_busy(s, Request::application)) return;
        // The same body keeps its key, so a retry after a lost answer is not a second application.
        if (!s.submission || s.submission->body != s.form)
            s.submission = Submission{e.idempotency_key, s.form};
        s.message.reset();
        s.retry.reset();
        start(Request::application);
    }

    void operator()(const event::Back&) {
        switch (s.screen) {
            case Screen::confirm: go(Screen::application_form); break;
            case Screen::application_form: go(Screen::apply); break;
            case Screen::complete: go(Screen::license); break;
            case Screen::version_notice:
            case Screen::env_check:
            case Screen::faq:
            case Screen::contact:
                if (!s.session)
                    go(Screen::login);
                else if (s.screen == Screen::version_notice)
                    go(Screen::license);
                break;
            case Screen::login:
            case Screen::license:
            case Screen::apply: break;  // top level: nothing behind it
        }
    }

    void operator()(const event::Cancel&) {
        const auto request = awaited_request(s);
        if (!request) return;
        s.in_flight.erase(*request);
        s.message = info_message("CANCELLED", tr(texts::flow::cancelled));
        const bool can_retry = *request != Request::login;  // the password is not kept
        if (can_retry) {
            s.message->retryable = true;
            s.retry = *request;
        }
    }

    void operator()(const event::Retry&) {
        if (!s.retry) return;
        const Request request = *s.retry;
        s.retry.reset();
        s.message.reset();
        start(request);
    }

    void operator()(const event::DismissMessage&) {
        s.message.reset();
        s.retry.reset();
    }

    void operator()(const event::ToggleGuide&) { s.guide_on = !s.guide_on; }

    void operator()(const event::ShowWalkthrough& e) {
        State shown = e.reproduced;
        const bool needs_login = shown.session && !s.session && e.demo_login;
        if (shown.session && s.session) shown.session = s.session;
        shown.helpdesk_view = true;
        shown.guide_on = true;  // the help desk sees what the caller sees with the guide on
        shown.now = s.now;
        s = std::move(shown);
        if (needs_login) send(Request::login, effect::Login{e.demo_login->user_id, e.demo_login->password});
    }

    void operator()(const event::RunEnvCheck&) {
        if (s.env_check_running) return;
        s.env_check_running = true;
        effects.push_back(effect::RunEnvCheck{});
    }

    void operator()(const event::CopyText& e) {
        effects.push_back(effect::CopyToClipboard{e.text});
        s.message = info_message("COPIED", tr(texts::flow::copied));
    }

    void operator()(const event::SaveText& e) { effects.push_back(effect::SaveFile{e.path, e.content}); }

    // ---- S10 問い合わせフォーム ----------------------------------------------

    // The input as it will be sent, or nullopt with its errors in the state.
    std::optional<InquiryInput> checked_inquiry(const InquiryInput& raw) {
        InquiryInput input = normalize_inquiry(raw);
        s.inquiry_errors = validate_inquiry(input, s.session.has_value());
        if (!s.inquiry_errors.empty()) {
            s.inquiry_review.reset();  // back to the form, where the errors show
            return std::nullopt;
        }
        return input;
    }

    bool inquiry_open() const { return s.screen == Screen::contact && !is_busy(s, Request::inquiry); }

    void operator()(const event::ReviewInquiry& e) {
        if (!inquiry_open()) return;
        s.message.reset();
        s.retry.reset();
        s.inquiry_review = checked_inquiry(e.input);
    }

    void operator()(const event::EditInquiry&) {
        if (inquiry_open()) s.inquiry_review.reset();
    }

    void operator()(const event::SubmitInquiry& e) {
        if (!inquiry_open()) return;
        s.message.reset();
        s.retry.reset();
        s.inquiry_review = checked_inquiry(e.input);
        if (!s.inquiry_review) return;
        // The same body keeps its key: a retry after a lost answer is not a second inquiry.
        if (!s.inquiry_submission || s.inquiry_submission->body != *s.inquiry_review)
            s.inquiry_submission = InquirySubmission{e.idempotency_key, *s.inquiry_review};
        start(Request::inquiry);
    }

    void operator()(const event::NewInquiry&) {
        if (inquiry_open()) s.inquiry_receipt.reset();
    }

    void operator()(const event::InquiryAccepted& e) {
        if (!finish(Request::inquiry)) return;
        s.inquiry_receipt = e.receipt;
        s.inquiry_submission.reset();
        s.inquiry_review.reset();
        s.inquiry_errors.clear();
        s.message.reset();
        s.retry.reset();
    }

    void operator()(const event::Tick& e) {
        s.now = e.now;
        if (s.locked_until && s.now >= *s.locked_until) {
            s.locked_until.reset();
            if (s.message && s.message->code == error_code::locked_out) s.message.reset();
        }
    }

    // ---- results -------------------------------------------------------

    void operator()(const event::LoginSucceeded& e) {
        if (!finish(Request::login)) return;
        if (s.helpdesk_view && s.session) {  // the demo session behind a reproduced screen
            s.session->token = e.session.token;
            return;
        }
        s.session = e.session;
        s.login_errors.clear();
        go(Screen::license);
        start(Request::license);
        start(Request::notices);
    }

    void operator()(const event::LicenseLoaded& e) {
        if (finish(Request::license)) s.license = e.license;
    }

    void operator()(const event::TermsLoaded& e) {
        if (!finish(Request::terms)) return;
        if (s.terms != e.terms) s.terms_read = s.privacy_read = false;  // new texts must be read again
        s.terms = e.terms;
    }

    void operator()(const event::NoticesLoaded& e) {
        if (finish(Request::notices)) s.notice = e.notice;
    }

    void operator()(const event::ApplicationAccepted& e) {
        if (!finish(Request::application)) return;
        s.accepted = e.result;
        s.submission.reset();
        s.form = ApplicationInput{};
        s.form_errors.clear();
        s.terms_read = s.privacy_read = false;
        mark_pending(e.result);
        go(Screen::complete);
        start(Request::license);  // the service's view of the license is authoritative
    }

    // Shows 事前申請受付済み at once, before the refreshed license arrives.
    void mark_pending(std::optional<ApplicationResult> application) {
        if (!s.license) return;
        s.license->status = LicenseStatus::renewal_pending;
        s.license->renewal.eligible = false;
        if (application) s.license->renewal.application = std::move(application);
    }

    void operator()(const event::RequestFailed& e) {
        if (!finish(e.request)) return;
        fail(e.request, e.error);
    }

    void operator()(const event::EnvCheckFinished& e) {
        s.env_check_running = false;
        s.env_report = e.report;
        s.env_fix_opened.reset();  // the whole report is new
        s.env_item_rechecking.reset();
        if (e.installed_client_version) s.installed_client_version = e.installed_client_version;
    }

    // ---- S08 one-click remedies ----------------------------------------

    const EnvCheckItem* report_item(const std::string& id) const {
        if (!s.env_report) return nullptr;
        for (const auto& item : s.env_report->items)
            if (item.id == id) return &item;
        return nullptr;
    }

    void operator()(const event::OpenFixPage& e) {
        const EnvCheckItem* item = report_item(e.item_id);
        if (!item || s.env_check_running) return;
        const auto launch = fix_launch(s, *item);
        if (!launch) return;
        s.env_fix_opened = e.item_id;
        effects.push_back(effect::OpenSettingsPage{*launch});
    }

    // The user may have changed the setting while away: check that item
    // again, once (the next focus change does not repeat it).
    void operator()(const event::WindowFocused&) {
        if (!s.env_fix_opened || s.env_check_running || s.env_item_rechecking) return;
        s.env_item_rechecking = std::exchange(s.env_fix_opened, std::nullopt);
        effects.push_back(effect::RecheckEnvItem{*s.env_item_rechecking});
    }

    void operator()(const event::EnvItemRechecked& e) {
        if (s.env_item_rechecking != e.item.id || !s.env_report) return;  // a full check came between
        s.env_item_rechecking.reset();
        for (auto& item : s.env_report->items)
            if (item.id == e.item.id) item = e.item;
        s.env_report->overall = overall_of(s.env_report->items);
        s.env_report->text = e.report_text;
    }

    void operator()(const event::FixPageFailed&) {
        s.env_fix_opened.reset();
        s.message = Message{Message::Kind::error, "FIX_PAGE_FAILED", tr(texts::flow::fix_page_failed), false};
    }

    // The report's verdict: NG if any item is, else 注意 if any is, else OK.
    static CheckOutcome overall_of(const std::vector<EnvCheckItem>& items) {
        CheckOutcome overall = CheckOutcome::ok;
        for (const auto& item : items) {
            if (item.outcome == CheckOutcome::ng) return CheckOutcome::ng;
            if (item.outcome == CheckOutcome::warning) overall = CheckOutcome::warning;
        }
        return overall;
    }

    void operator()(const event::FileSaved& e) {
        s.message = e.ok ? info_message("SAVED", tr(texts::flow::saved, {{"path", e.path}}))
                         : Message{Message::Kind::error, "SAVE_FAILED",
                                   tr(texts::flow::save_failed, {{"reason", e.error}}), false};
    }

    // ---- error mapping -------------------------------------------------

    void fail(Request request, const ApiError& error) {
        if (error.http_status == 401 && request != Request::login) {
            s = logged_out(s);
            s.message = error_banner({401, std::string{error_code::unauthorized}, {}, {}, {}}, false);
            return;
        }
        // The proxy's rate limit: a wait for any request, not a lock-out of
        // the ID (the login stays open); the optional notices stay silent.
        if (error.http_status == 429 && error.code == error_code::rate_limited) {
            const std::chrono::seconds wait = retry_after(error);
            if (request != Request::notices) {
                s.message =
                    try_later_message(error.code, texts::error::rate_limited_until, wait, s.now + wait);
            }
            return;
        }
        if (error.http_status == 429 && request == Request::login) {
            const std::chrono::seconds wait = retry_after(error);
            s.locked_until = s.now + wait;
            go(Screen::login);
            s.message = try_later_message(error_code::locked_out, texts::error::locked_out_until, wait,
                                          *s.locked_until);
            return;
        }
        if (request == Request::notices) return;  // the notice is optional: no banner for it
        if (request == Request::application && fail_application(error)) return;
        if (request == Request::inquiry && fail_inquiry(error)) return;
        // A failed login is retried by pressing ログイン again (the password is not kept).
        const bool retryable = request != Request::login && is_retryable(error.http_status, error.code);
        s.message = error_banner(error, retryable);
        if (retryable) s.retry = request;
    }

    static std::chrono::seconds retry_after(const ApiError& error) {
        return std::chrono::seconds{error.retry_after_seconds.value_or(default_lockout.count())};
    }

    // The inquiry's own answers; false when the generic mapping applies
    // (offline, timeout, 5xx: 再試行 with the same key). The typed text stays
    // in the form whatever the answer.
    bool fail_inquiry(const ApiError& error) {
        if (error.http_status == 429) {  // TOO_MANY_INQUIRIES: only this form waits, not the login
            const std::chrono::seconds wait = retry_after(error);
            s.message = try_later_message(error.code, texts::inquiry_form::too_many, wait, s.now + wait);
            return true;
        }
        if (error.http_status == 422) {
            // The body changes (VALIDATION_FAILED) or needs a new key (IDEMPOTENCY_KEY_REUSED).
            s.inquiry_submission.reset();
            if (error.code == error_code::validation_failed) {
                s.inquiry_errors = error.fields;
                s.inquiry_review.reset();
            }
            s.message = error_banner(error, false);
            return true;
        }
        return false;
    }

    // The application's own answers; false when the generic mapping applies.
    bool fail_application(const ApiError& error) {
        if (error.http_status == 409 && error.code == error_code::already_applied) {
            s.submission.reset();
            mark_pending(std::nullopt);
            go(Screen::license);
            s.message = info_message(error.code, error_banner(error, false).text);
            start(Request::license);
            return true;
        }
        if (error.http_status == 409) {  // RENEWAL_NOT_OPEN
            s.submission.reset();
            if (s.license) {
                s.license->renewal.eligible = false;
                s.license->renewal.reason = error_banner(error, false).text;
            }
            go(Screen::apply);
            s.message = error_banner(error, false);
            start(Request::license);
            return true;
        }
        if (error.http_status == 422) {
            s.submission
                .reset();  // the body changes (VALIDATION_FAILED) or needs a new key (IDEMPOTENCY_KEY_REUSED)
            if (error.code == error_code::validation_failed) {
                s.form_errors = error.fields;
                go(Screen::application_form);
            }
            s.message = error_banner(error, false);
            return true;
        }
        return false;
    }
};

}  // namespace

std::string_view screen_code(Screen screen) { return info(screen).code; }
std::string screen_title(Screen screen) { return tr(info(screen).title); }
std::string manual_step(Screen screen) {
    const int step = info(screen).step;
    return step == 0 ? std::string{} : tr(texts::screen::step, {{"number", step}});
}
std::optional<Screen> tab_of(Screen screen) { return info(screen).tab; }

State initial_state(std::chrono::system_clock::time_point now) {
    State state;
    state.now = now;
    return state;
}

Transition next(const State& state, const Event& event) {
    Update update{state, {}};
    std::visit(update, event);
    return {std::move(update.s), std::move(update.effects)};
}

bool is_busy(const State& state, Request request) { return state.in_flight.contains(request); }

std::optional<Request> awaited_request(const State& state) {
    auto awaited = [&]() -> std::optional<Request> {
        switch (state.screen) {
            case Screen::login: return Request::login;
            case Screen::license:
            case Screen::apply: return Request::license;
            case Screen::application_form: return Request::terms;
            case Screen::confirm: return Request::application;
            case Screen::contact: return Request::inquiry;
            default: return std::nullopt;
        }
    }();
    if (awaited && is_busy(state, *awaited)) return awaited;
    return std::nullopt;
}

bool login_locked(const State& state) { return state.locked_until && state.now < *state.locked_until; }

bool can_start_application(const State& state) {
    return state.session && state.license && state.license->renewal.eligible &&
           !state.license->renewal.application;
}

bool agreement_enabled(const State& state, Document document) {
    return state.terms && (document == Document::terms ? state.terms_read : state.privacy_read);
}

bool version_notice_due(const State& state) {
    if (!state.installed_client_version) return false;
    const std::string_view latest =
        state.notice ? std::string_view{state.notice->latest_client_version} : latest_client_version;
    return compare_versions(*state.installed_client_version, latest) < 0;
}

std::optional<SettingsLaunch> fix_launch(const State& state, const EnvCheckItem& item) {
    if (!item.fix || !state.env_report) return std::nullopt;
    return settings_launch(*item.fix, state.env_report->windows);
}

std::optional<ApplicationOutcome> review_outcome(const State& state) {
    if (!state.license) return std::nullopt;
    return application_outcome(state.license->valid_until, state.license->today);
}

}  // namespace careplan::core
