#pragma once
// Plain value types mirroring the JSON of API v1, so that app/api converts
// JSON <-> these structs and the flow and the service work on them.
// Dates are civil dates (wire: "YYYY-MM-DD"); enums use status_code /
// kind_code on the wire.

#include <optional>
#include <string>
#include <vector>

#include "careplan/core/date.hpp"
#include "careplan/core/input.hpp"
#include "careplan/core/license.hpp"
#include "careplan/core/settings_page.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {

// "user" of POST /api/v1/sessions.
struct User {
    std::string user_id;
    std::string office_name;
    std::string office_number;
    friend bool operator==(const User&, const User&) = default;
};

// 201 of POST /api/v1/sessions: {token, expires_at, user}.
struct Session {
    std::string token;
    std::string expires_at;  // as sent (RFC 3339); the client only shows it
    User user;
    friend bool operator==(const Session&, const Session&) = default;
};

// 201 of POST /api/v1/applications, and renewal.application of /license:
// {application_id, kind, status, message, notify_by, fee_months}.
struct ApplicationResult {
    std::string application_id;
    ApplicationKind kind = ApplicationKind::renewal;
    std::string status = "accepted";
    std::string message = tr(texts::license::accepted);  // 事前申請受付済みです
    Date notify_by;
    std::vector<YearMonth> fee_months;
    friend bool operator==(const ApplicationResult&, const ApplicationResult&) = default;
};

// "renewal" of /license: {eligible, opens_on, reason, application}.
struct RenewalInfo {
    bool eligible = false;
    std::optional<Date> opens_on;
    std::string reason;
    std::optional<ApplicationResult> application;
    friend bool operator==(const RenewalInfo&, const RenewalInfo&) = default;
};

// GET /api/v1/license.
struct License {
    Date today;
    Date valid_from;
    Date valid_until;
    int days_remaining = 0;
    LicenseStatus status = LicenseStatus::active;
    std::string office_number;
    RenewalInfo renewal;
    friend bool operator==(const License&, const License&) = default;
};

// One text of GET /api/v1/terms.
struct TermsText {
    std::string version;
    std::string title;
    std::string text;
    friend bool operator==(const TermsText&, const TermsText&) = default;
};

// GET /api/v1/terms: {"terms": {...}, "privacy": {...}}.
struct Terms {
    TermsText terms;    // 利用規約
    TermsText privacy;  // 個人情報取り扱い
    friend bool operator==(const Terms&, const Terms&) = default;
};

// GET /api/v1/notices: {latest_client_version, released_on, title, message}.
struct Notice {
    std::string latest_client_version;
    Date released_on;
    std::string title;
    std::string message;
    friend bool operator==(const Notice&, const Notice&) = default;
};

// The body of POST /api/v1/applications is ApplicationInput without
// email_confirm (see input.hpp).

// One item's verdict in the environment check, best first, except
// not_applicable which counts as fine.
enum class CheckOutcome { ok, warning, ng, not_applicable };

// The environment check's result as S08 shows it: app/envcheck makes it from
// the PC's facts; the flow only keeps it. `label` is the outcome's word
// (OK / 注意 / NG / 対象外). `fix` is the Windows page that fixes the item,
// when one does (S08 then offers a button that opens it).
struct EnvCheckItem {
    std::string title;
    CheckOutcome outcome = CheckOutcome::not_applicable;
    std::string label;
    std::vector<std::string> facts;
    std::string remedy;
    std::string id;  // stable: "os", "calendar", ... (envcheck::item_ids())
    std::optional<SettingsPage> fix;
    friend bool operator==(const EnvCheckItem&, const EnvCheckItem&) = default;
};

struct EnvCheckResult {
    CheckOutcome overall = CheckOutcome::ok;
    std::vector<EnvCheckItem> items;
    std::string text;                     // the whole report as text, to copy or save for the help desk
    std::optional<WindowsBuild> windows;  // the PC's Windows, when it is one: which page opens a fix
    friend bool operator==(const EnvCheckResult&, const EnvCheckResult&) = default;
};

// A failed request as the flow sees it: an error answer of the service
// ({"error": {"code", "message", "fields"}} plus Retry-After) or a transport
// failure (http_status 0 and a client-side code such as TIMEOUT).
struct ApiError {
    int http_status = 0;
    std::string code;
    std::string message;
    FieldErrors fields;                      // 422 VALIDATION_FAILED only
    std::optional<int> retry_after_seconds;  // 429 only
    friend bool operator==(const ApiError&, const ApiError&) = default;
};

}  // namespace careplan::core
