#pragma once
// 画面共有コード (walkthrough code): a short code the caller reads over the
// phone, from which the help desk's client opens the same screen in the same
// state on demo data.
//
// The code carries only what describes the screen, never whom it belongs to:
// the screen, the license's status, days remaining and renewal eligibility,
// the last error code, the environment check's outcome per item, the
// installed ケアプランデータ連携 client version and the renderer. A snapshot
// is taken from the flow's State field by field (snapshot_of), so a name, a
// mail address, a phone number, an ID, a token or a password has no way in.
//
// Format (version 1): ten characters of the alphabet 23456789ABCDEFGHJKLMNPQRSTUVWXYZ
// (no 0/O, no 1/I): nine carry a 45-bit number, the tenth is a check
// character over GF(32) that catches every single wrong character and every
// swap of two characters (adjacent or not). See walkthrough_code.cpp for the
// number's layout.

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "careplan/core/errors.hpp"
#include "careplan/core/flow.hpp"
#include "careplan/core/license.hpp"
#include "careplan/core/model.hpp"

namespace careplan::core {

// The renderer the client runs on (app/platform picks it at start-up).
enum class RendererKind { unknown, gl3, gl2, dx11, dx11_warp };

// Why 申請 is or is not possible (S04), as the license shows it.
enum class Renewability { eligible, not_open, already_applied };

// Days remaining travel exactly within this range; a license further away
// in either direction shows as the bound (more than 30 days expired reads as
// 30, more than 400 days left as 400). A license period is one year (at most
// 366 days), so 400 is never reached in practice.
inline constexpr int walkthrough_days_min = -30;
inline constexpr int walkthrough_days_max = 400;

struct LicenseSnapshot {
    LicenseStatus status = LicenseStatus::active;
    Renewability renewability = Renewability::not_open;
    int days_remaining = 0;  // walkthrough_days_min..walkthrough_days_max
    friend bool operator==(const LicenseSnapshot&, const LicenseSnapshot&) = default;
};

// The version of the installed ケアプランデータ連携 client found by the
// environment check (S08, S11). Versions 1.0.0 to 1.3.8 travel exactly; an
// older or unreadable version reads as 0.0.0, a newer one as 2.0.0 (both
// still compare as older / newer than the latest, which is what S08 and S11
// decide by).
struct ClientVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
    friend bool operator==(const ClientVersion&, const ClientVersion&) = default;
};

// The environment check has 8 items; a report with fewer reads as
// not_applicable for the rest, items beyond the 8th are not carried.
inline constexpr std::size_t walkthrough_env_items = 8;
using EnvOutcomes = std::array<CheckOutcome, walkthrough_env_items>;

struct WalkthroughSnapshot {
    Screen screen = Screen::login;
    bool logged_in = false;
    std::optional<LicenseSnapshot> license;  // only when logged_in
    std::optional<ErrorCode> error;          // the banner's code, when it is an error of the catalogue
    std::optional<EnvOutcomes> env;          // nullopt: the check was not run
    std::optional<ClientVersion> installed_client;
    RendererKind renderer = RendererKind::unknown;
    friend bool operator==(const WalkthroughSnapshot&, const WalkthroughSnapshot&) = default;
};

inline constexpr std::size_t walkthrough_code_length = 10;

// The non-personal part of the state, as the code carries it (values
// clamped as described above).
WalkthroughSnapshot snapshot_of(const State& state, RendererKind renderer);

// Ten characters of the alphabet, without separators.
std::string encode_walkthrough_code(const WalkthroughSnapshot& snapshot);

// "ABCD-EFGH-JK": the code grouped for reading aloud.
std::string display_walkthrough_code(std::string_view code);

// Accepts the code as read back: with or without hyphens and spaces, in
// lower case, in full-width letters and digits. nullopt for a wrong length,
// a character outside the alphabet, a wrong check character, an unknown
// format or a field out of range.
std::optional<WalkthroughSnapshot> decode_walkthrough_code(std::string_view text);

// The flow state that shows the snapshot's screen in its state, on demo data:
// a demo office (デモ事業所), a license ending today + days_remaining with the
// encoded status and eligibility, the error's catalogue message, the
// environment check's outcomes under generic item titles. The session has no
// token: whoever shows this state must not send requests with it.
// snapshot_of(walkthrough_state(s, now), s.renderer) == s for every decoded s.
State walkthrough_state(const WalkthroughSnapshot& snapshot, std::chrono::system_clock::time_point now);

}  // namespace careplan::core
