#include "careplan/core/walkthrough_code.hpp"

#include <algorithm>
#include <cstdint>

#include "careplan/core/date.hpp"
#include "careplan/core/input.hpp"
#include "careplan/core/operation_record.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/version.hpp"

namespace careplan::core {

namespace {

// The code's number is written in mixed radix: each field is one digit whose
// base is the number of values it can take, the format version the leading
// digit. Least significant first:
//
//   screen            10     Screen
//   license         5174     0 before login, 1 logged in without a license,
//                            2 + (status * 3 + renewability) * 431 + (days + 30)
//   error             25     0 none, 1 + ErrorCode
//   env            65537     0 not run, 1 + sum of outcome[i] * 4^i (8 items)
//   renderer           5     RendererKind
//   installed client  39     0 none, 1 older than 1.0.0, 2 + minor * 9 + patch
//                            for 1.0.0..1.3.8, 38 newer
//   format             1     (value / product of the bases above)
//
// The product P of the bases is just under 2^44 (0.940 * 2^44), so the
// numbers of format 1, P..2P-1, fill the upper half of the 45 bits of nine
// characters. The lower half (format 0) is kept free for a later format,
// which may lay out its fields anew there (and keep a digit of its own for
// the format after it); this one rejects it. The all-zero code "2222222222",
// whose check character is right, is thus no code.
constexpr std::uint64_t screen_base = 10;
constexpr std::uint64_t days_base = walkthrough_days_max - walkthrough_days_min + 1;
constexpr std::uint64_t license_base = 2 + 4 * 3 * days_base;
constexpr std::uint64_t error_base = 1 + static_cast<std::uint64_t>(ErrorCode::check_failed) + 1;
constexpr std::uint64_t env_base = 1 + (std::uint64_t{1} << (2 * walkthrough_env_items));
constexpr std::uint64_t renderer_base = 5;
constexpr int newest_minor = 3;
constexpr int newest_patch = 8;
constexpr std::uint64_t client_base = 2 + (newest_minor + 1) * (newest_patch + 1) + 1;
constexpr std::uint64_t current_format = 1;

constexpr int data_characters = walkthrough_code_length - 1;
constexpr std::uint64_t code_space = std::uint64_t{1} << (5 * data_characters);
static_assert((current_format + 1) * screen_base * license_base * error_base * env_base * renderer_base *
                  client_base <=
              code_space);

// Read over the phone: no 0/O, no 1/I.
constexpr std::string_view alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// ---- the check character ----------------------------------------------------
// Characters are elements of GF(32) (polynomial x^5 + x^2 + 1, alpha = 2).
// The code is right when sum(alpha^i * c[i]) over all ten characters is 0.
// One wrong character at i changes the sum by alpha^i * e, never 0; a swap of
// the characters at i and i + d by alpha^i * (a + b) * (1 + alpha^d), never 0
// either since alpha^d != 1 for d < 31. So both are always caught.

constexpr std::uint8_t gf_mul(std::uint8_t a, std::uint8_t b) {
    std::uint8_t product = 0;
    for (; b != 0; b >>= 1) {
        if (b & 1) product ^= a;
        a = static_cast<std::uint8_t>(a << 1);
        if (a & 0x20) a ^= 0x25;
    }
    return product;
}

constexpr std::uint8_t gf_pow(std::uint8_t base, int exponent) {
    std::uint8_t power = 1;
    for (int i = 0; i < exponent; ++i) power = gf_mul(power, base);
    return power;
}

constexpr std::uint8_t alpha = 2;

// sum(alpha^i * c[i]) for the given symbols.
std::uint8_t syndrome(const std::array<std::uint8_t, walkthrough_code_length>& symbols, std::size_t count) {
    std::uint8_t sum = 0;
    for (std::size_t i = 0; i < count; ++i) sum ^= gf_mul(gf_pow(alpha, static_cast<int>(i)), symbols[i]);
    return sum;
}

// ---- fields -------------------------------------------------------------------

Renewability renewability_of(const RenewalInfo& renewal) {
    if (renewal.application) return Renewability::already_applied;
    return renewal.eligible ? Renewability::eligible : Renewability::not_open;
}

// The installed client's digit: every version lands on one, the ones in
// 1.0.0..1.3.8 on their own.
std::uint64_t client_digit(const ClientVersion& version) {
    if (version.major < 1 || version.minor < 0 || version.patch < 0) return 1;
    if (version.major > 1 || version.minor > newest_minor) return client_base - 1;
    return 2 + static_cast<std::uint64_t>(version.minor) * (newest_patch + 1) +
           static_cast<std::uint64_t>(std::min(version.patch, newest_patch));
}

ClientVersion client_of_digit(std::uint64_t digit) {
    if (digit == 1) return {0, 0, 0};
    if (digit == client_base - 1) return {2, 0, 0};
    const int index = static_cast<int>(digit - 2);
    return {1, index / (newest_patch + 1), index % (newest_patch + 1)};
}

// The version as the code carries it; an unreadable one counts as older
// than any (as compare_versions has it).
ClientVersion carried_version(std::string_view text) {
    const auto parts = parse_version(text);
    if (!parts) return client_of_digit(1);
    auto part = [&](std::size_t i) { return i < parts->size() ? (*parts)[i] : 0; };
    return client_of_digit(client_digit({part(0), part(1), part(2)}));
}

std::string version_text(const ClientVersion& version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor) + "." +
           std::to_string(version.patch);
}

std::uint64_t license_digit(const WalkthroughSnapshot& snapshot) {
    if (!snapshot.license) return snapshot.logged_in ? 1 : 0;
    const LicenseSnapshot& license = *snapshot.license;
    const int days = std::clamp(license.days_remaining, walkthrough_days_min, walkthrough_days_max);
    const auto combination =
        static_cast<std::uint64_t>(license.status) * 3 + static_cast<std::uint64_t>(license.renewability);
    return 2 + combination * days_base + static_cast<std::uint64_t>(days - walkthrough_days_min);
}

std::optional<LicenseSnapshot> license_of_digit(std::uint64_t digit) {
    if (digit < 2) return std::nullopt;
    const std::uint64_t value = digit - 2;
    const std::uint64_t combination = value / days_base;
    return LicenseSnapshot{static_cast<LicenseStatus>(combination / 3),
                           static_cast<Renewability>(combination % 3),
                           static_cast<int>(value % days_base) + walkthrough_days_min};
}

std::uint64_t env_digit(const std::optional<EnvOutcomes>& env) {
    if (!env) return 0;
    std::uint64_t packed = 0;
    for (std::size_t i = walkthrough_env_items; i-- > 0;)
        packed = packed * 4 + static_cast<std::uint64_t>((*env)[i]);
    return 1 + packed;
}

std::optional<EnvOutcomes> env_of_digit(std::uint64_t digit) {
    if (digit == 0) return std::nullopt;
    EnvOutcomes env{};
    std::uint64_t packed = digit - 1;
    for (CheckOutcome& outcome : env) {
        outcome = static_cast<CheckOutcome>(packed % 4);
        packed /= 4;
    }
    return env;
}

// Takes the least significant digit of base `base` off `value`.
std::uint64_t take_digit(std::uint64_t& value, std::uint64_t base) {
    const std::uint64_t digit = value % base;
    value /= base;
    return digit;
}

// ---- the demo state -----------------------------------------------------------

// A lock-out as the service gives one: the login stays disabled for a while.
constexpr std::chrono::minutes demo_lockout{5};

ApplicationResult demo_application(Date valid_until, Date today) {
    const ApplicationOutcome outcome = application_outcome(valid_until, today);
    ApplicationResult result;
    result.application_id = "AP00000000-00000000";  // the service's form, plainly no real one
    result.kind = outcome.kind;
    result.notify_by = outcome.notify_by;
    result.fee_months = outcome.fee_months;
    return result;
}

License demo_license(const LicenseSnapshot& snapshot, Date today) {
    License license;
    license.today = today;
    license.days_remaining = snapshot.days_remaining;
    license.valid_until = add_days(today, snapshot.days_remaining);
    // A one-year period ending on valid_until; only its end matters to the screens' rules.
    license.valid_from =
        add_days(Date{std::chrono::sys_days{Date{license.valid_until.year() - std::chrono::years{1},
                                                 license.valid_until.month(), license.valid_until.day()}}},
                 1);
    license.status = snapshot.status;
    license.office_number = placeholder_for(FieldKind::office_number);
    switch (snapshot.renewability) {
        case Renewability::eligible: license.renewal.eligible = true; break;
        case Renewability::not_open: {
            const Renewal renewal = renewal_eligibility(license.valid_until, today, false);
            license.renewal.opens_on = renewal.opens_on;
            // Inside the window it was the service's 409 that said so (the flow keeps its message).
            license.renewal.reason =
                renewal.eligible ? error_message(error_code::renewal_not_open) : renewal.reason;
            break;
        }
        case Renewability::already_applied:
            license.renewal.reason = renewal_eligibility(license.valid_until, today, true).reason;
            license.renewal.application = demo_application(license.valid_until, today);
            break;
    }
    return license;
}

std::string outcome_label(CheckOutcome outcome) {
    switch (outcome) {
        case CheckOutcome::ok: return tr(texts::envcheck::outcome::ok);
        case CheckOutcome::warning: return tr(texts::envcheck::outcome::warning);
        case CheckOutcome::ng: return tr(texts::envcheck::outcome::ng);
        case CheckOutcome::not_applicable: break;
    }
    return tr(texts::envcheck::outcome::not_applicable);
}

EnvCheckResult demo_env_report(const EnvOutcomes& outcomes) {
    EnvCheckResult report;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const CheckOutcome outcome = outcomes[i];
        report.items.push_back({tr(texts::walkthrough::env_item, {{"number", static_cast<int>(i + 1)}}),
                                outcome,
                                outcome_label(outcome),
                                {},
                                {}});
        if (outcome == CheckOutcome::ng ||
            (outcome == CheckOutcome::warning && report.overall != CheckOutcome::ng))
            report.overall = outcome;
    }
    report.text = tr(texts::walkthrough::env_report);
    return report;
}

}  // namespace

WalkthroughSnapshot snapshot_of(const State& state, RendererKind renderer) {
    WalkthroughSnapshot snapshot;
    snapshot.screen = state.screen;
    snapshot.logged_in = state.session.has_value();
    if (state.session && state.license) {
        snapshot.license = LicenseSnapshot{
            state.license->status, renewability_of(state.license->renewal),
            std::clamp(state.license->days_remaining, walkthrough_days_min, walkthrough_days_max)};
    }
    // Flow-only codes (CANCELLED, SAVED, ...) are no errors of the catalogue: none.
    if (state.message) snapshot.error = parse_error_code(state.message->code);
    if (state.env_report) {
        EnvOutcomes env;
        env.fill(CheckOutcome::not_applicable);
        const auto& items = state.env_report->items;
        for (std::size_t i = 0; i < std::min(items.size(), env.size()); ++i) env[i] = items[i].outcome;
        snapshot.env = env;
    }
    if (state.installed_client_version)
        snapshot.installed_client = carried_version(*state.installed_client_version);
    snapshot.renderer = renderer;
    return snapshot;
}

std::string encode_walkthrough_code(const WalkthroughSnapshot& snapshot) {
    std::uint64_t value = current_format;
    value = value * client_base + (snapshot.installed_client ? client_digit(*snapshot.installed_client) : 0);
    value = value * renderer_base + static_cast<std::uint64_t>(snapshot.renderer);
    value = value * env_base + env_digit(snapshot.env);
    value = value * error_base + (snapshot.error ? 1 + static_cast<std::uint64_t>(*snapshot.error) : 0);
    value = value * license_base + license_digit(snapshot);
    value = value * screen_base + static_cast<std::uint64_t>(snapshot.screen);

    std::array<std::uint8_t, walkthrough_code_length> symbols{};
    for (int i = data_characters; i-- > 0;)
        symbols[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(take_digit(value, 32));
    // alpha^9 * check = sum of the others, so that the whole sum is 0.
    symbols[data_characters] =
        gf_mul(gf_pow(alpha, 31 - data_characters), syndrome(symbols, data_characters));
    std::string code;
    for (std::uint8_t symbol : symbols) code += alphabet[symbol];
    return code;
}

std::string display_walkthrough_code(std::string_view code) {
    std::string display;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == 4 || i == 8) display += '-';
        display += code[i];
    }
    return display;
}

std::optional<WalkthroughSnapshot> decode_walkthrough_code(std::string_view text) {
    constexpr std::size_t max_input_bytes = 64;  // ten characters with room for spaces and full-width forms
    if (text.size() > max_input_bytes) return std::nullopt;
    std::array<std::uint8_t, walkthrough_code_length> symbols{};
    std::size_t count = 0;
    for (char c : normalize_ascii_field(text)) {
        if (c == '-' || c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const auto at = alphabet.find(c);
        if (at == std::string_view::npos || count == symbols.size()) return std::nullopt;
        symbols[count++] = static_cast<std::uint8_t>(at);
    }
    if (count != symbols.size() || syndrome(symbols, count) != 0) return std::nullopt;

    std::uint64_t value = 0;
    for (int i = 0; i < data_characters; ++i) value = value * 32 + symbols[static_cast<std::size_t>(i)];
    WalkthroughSnapshot snapshot;
    snapshot.screen = static_cast<Screen>(take_digit(value, screen_base));
    const std::uint64_t license = take_digit(value, license_base);
    snapshot.logged_in = license != 0;
    snapshot.license = license_of_digit(license);
    if (const std::uint64_t error = take_digit(value, error_base); error != 0)
        snapshot.error = static_cast<ErrorCode>(error - 1);
    snapshot.env = env_of_digit(take_digit(value, env_base));
    snapshot.renderer = static_cast<RendererKind>(take_digit(value, renderer_base));
    if (const std::uint64_t client = take_digit(value, client_base); client != 0)
        snapshot.installed_client = client_of_digit(client);
    if (value != current_format) return std::nullopt;
    return snapshot;
}

State walkthrough_state(const WalkthroughSnapshot& snapshot, std::chrono::system_clock::time_point now) {
    State state = initial_state(now);
    state.screen = snapshot.screen;
    const Date today = jst_date(now);
    if (snapshot.logged_in || snapshot.license) {
        state.session = Session{{},
                                {},
                                User{placeholder_for(FieldKind::user_id), tr(texts::walkthrough::demo_office),
                                     placeholder_for(FieldKind::office_number)}};
    }
    if (snapshot.license) state.license = demo_license(*snapshot.license, today);
    if (snapshot.screen == Screen::application_form)
        state.form.office_number = placeholder_for(FieldKind::office_number);
    if (snapshot.screen == Screen::confirm) {
        state.form = placeholder_application();
        state.terms_read = state.privacy_read = true;
    }
    if (snapshot.screen == Screen::complete) {
        const Date valid_until = state.license ? state.license->valid_until : today;
        state.accepted = demo_application(valid_until, today);
    }
    if (snapshot.error) {
        const std::string_view code = wire_code(*snapshot.error);
        state.message = Message{Message::Kind::error, std::string{code}, error_message(code),
                                find_error(code)->retryable};
        if (*snapshot.error == ErrorCode::locked_out) state.locked_until = now + demo_lockout;
    }
    if (snapshot.env) state.env_report = demo_env_report(*snapshot.env);
    if (snapshot.installed_client) state.installed_client_version = version_text(*snapshot.installed_client);
    return state;
}

}  // namespace careplan::core
