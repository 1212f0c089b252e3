#include "careplan/api/wire.hpp"

#include <charconv>
#include <optional>
#include <utility>

namespace careplan::api {
namespace {

using core::Date;
using nlohmann::json;

const json& require_object(const json& value, const std::string& field) {
    if (!value.is_object()) throw WireError(field);
    return value;
}

// nullptr when the member is missing or null.
const json* member(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

std::string read_string(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr) return {};
    if (!value->is_string()) throw WireError(key);
    return value->get<std::string>();
}

bool read_bool(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) throw WireError(key);
    return value->get<bool>();
}

int read_int(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr || !value->is_number_integer()) throw WireError(key);
    return value->get<int>();
}

std::optional<Date> read_optional_date(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) throw WireError(key);
    auto date = core::parse_iso_date(value->get<std::string>());
    if (!date) throw WireError(key);
    return date;
}

Date read_date(const json& object, const char* key) {
    auto date = read_optional_date(object, key);
    if (!date) throw WireError(key);
    return *date;
}

const json& read_object(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr) throw WireError(key);
    return require_object(*value, key);
}

std::vector<std::string> read_string_list(const json& object, const char* key) {
    const json* value = member(object, key);
    if (value == nullptr) return {};
    if (!value->is_array()) throw WireError(key);
    std::vector<std::string> items;
    for (const json& item : *value) {
        if (!item.is_string()) throw WireError(key);
        items.push_back(item.get<std::string>());
    }
    return items;
}

// "YYYY-MM" strings on the wire.
std::vector<core::YearMonth> read_month_list(const json& object, const char* key) {
    std::vector<core::YearMonth> months;
    for (const std::string& text : read_string_list(object, key)) {
        const auto month = core::parse_iso_year_month(text);
        if (!month) throw WireError(key);
        months.push_back(*month);
    }
    return months;
}

json month_list(const std::vector<core::YearMonth>& months) {
    json list = json::array();
    for (const core::YearMonth& month : months) list.push_back(core::format_iso(month));
    return list;
}

json optional_date(const std::optional<Date>& date) {
    return date ? json(core::format_iso(*date)) : json(nullptr);
}

json terms_text(const core::TermsText& text) {
    return {{"version", text.version}, {"title", text.title}, {"text", text.text}};
}

core::TermsText read_terms_text(const json& object, const char* key) {
    const json& text = read_object(object, key);
    return {read_string(text, "version"), read_string(text, "title"), read_string(text, "text")};
}

}  // namespace

WireError::WireError(std::string field)
    : std::runtime_error(field.empty() ? "body is not a JSON object" : "wrong type: " + field),
      field_(std::move(field)) {}

json to_wire(const core::LoginInput& login) {
    return {{"user_id", login.user_id}, {"password", login.password}};
}

json to_wire(const core::ApplicationInput& a) {
    return {{"applicant_name", a.applicant_name},
            {"applicant_kana", a.applicant_kana},
            {"email", a.email},
            {"phone", a.phone},
            {"office_number", a.office_number},
            {"agree_terms", a.agree_terms},
            {"terms_version", a.terms_version},
            {"agree_privacy", a.agree_privacy},
            {"privacy_version", a.privacy_version}};
}

json to_wire(const core::InquiryInput& q) {
    return {{"category", q.category ? json(core::inquiry_category_code(*q.category)) : json(nullptr)},
            {"message", q.message},
            {"reply_email", q.reply_email},
            {"phone", q.phone},
            {"office_number", q.office_number},
            {"attachment", q.attachment}};
}

json to_wire(const core::InquiryReceipt& r) {
    return {{"inquiry_id", r.inquiry_id}, {"received_at", r.received_at}};
}

json to_wire(const core::User& user) {
    return {
        {"user_id", user.user_id}, {"office_name", user.office_name}, {"office_number", user.office_number}};
}

json to_wire(const core::Session& session) {
    return {{"token", session.token}, {"expires_at", session.expires_at}, {"user", to_wire(session.user)}};
}

json to_wire(const core::ApplicationResult& r) {
    return {{"application_id", r.application_id},
            {"kind", core::kind_code(r.kind)},
            {"status", r.status},
            {"message", r.message},
            {"notify_by", core::format_iso(r.notify_by)},
            {"fee_months", month_list(r.fee_months)}};
}

json to_wire(const core::License& l) {
    json renewal = {{"eligible", l.renewal.eligible},
                    {"opens_on", optional_date(l.renewal.opens_on)},
                    {"reason", l.renewal.reason.empty() ? json(nullptr) : json(l.renewal.reason)},
                    {"application", l.renewal.application ? to_wire(*l.renewal.application) : json(nullptr)}};
    return {{"today", core::format_iso(l.today)},
            {"office_number", l.office_number},
            {"valid_from", core::format_iso(l.valid_from)},
            {"valid_until", core::format_iso(l.valid_until)},
            {"days_remaining", l.days_remaining},
            {"status", core::status_code(l.status)},
            {"renewal", std::move(renewal)}};
}

json to_wire(const core::Terms& terms) {
    return {{"terms", terms_text(terms.terms)}, {"privacy", terms_text(terms.privacy)}};
}

json to_wire(const core::Notice& n) {
    return {{"latest_client_version", n.latest_client_version},
            {"released_on", core::format_iso(n.released_on)},
            {"title", n.title},
            {"message", n.message}};
}

std::optional<int> parse_retry_after(std::string_view value) {
    int seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size() || seconds < 0) {
        return std::nullopt;
    }
    return seconds;
}

json to_wire(const Health& health) { return {{"status", health.status}, {"time", health.time}}; }

json to_wire(const core::ApiError& e) {
    json error = {{"code", e.code}, {"message", e.message}};
    if (!e.fields.empty()) {
        json fields = json::object();
        for (const auto& [name, field] : e.fields) {
            fields[name] = {{"code", field.code}, {"message", field.message}};
        }
        error["fields"] = std::move(fields);
    }
    return {{"error", std::move(error)}};
}

template <>
core::LoginInput from_wire(const json& body) {
    require_object(body, "");
    return {read_string(body, "user_id"), read_string(body, "password")};
}

template <>
core::ApplicationInput from_wire(const json& body) {
    require_object(body, "");
    core::ApplicationInput a;
    a.applicant_name = read_string(body, "applicant_name");
    a.applicant_kana = read_string(body, "applicant_kana");
    a.email = read_string(body, "email");
    a.phone = read_string(body, "phone");
    a.office_number = read_string(body, "office_number");
    a.terms_version = read_string(body, "terms_version");
    a.privacy_version = read_string(body, "privacy_version");
    a.agree_terms = read_bool(body, "agree_terms");
    a.agree_privacy = read_bool(body, "agree_privacy");
    return a;
}

template <>
core::InquiryInput from_wire(const json& body) {
    require_object(body, "");
    core::InquiryInput q;
    q.category = core::parse_inquiry_category(read_string(body, "category"));
    q.message = read_string(body, "message");
    q.reply_email = read_string(body, "reply_email");
    q.phone = read_string(body, "phone");
    q.office_number = read_string(body, "office_number");
    q.attachment = read_string(body, "attachment");
    return q;
}

template <>
core::InquiryReceipt from_wire(const json& body) {
    require_object(body, "");
    core::InquiryReceipt r{read_string(body, "inquiry_id"), read_string(body, "received_at")};
    if (r.inquiry_id.empty()) throw WireError("inquiry_id");
    return r;
}

template <>
core::User from_wire(const json& body) {
    require_object(body, "user");
    return {read_string(body, "user_id"), read_string(body, "office_name"),
            read_string(body, "office_number")};
}

template <>
core::Session from_wire(const json& body) {
    require_object(body, "");
    return {read_string(body, "token"), read_string(body, "expires_at"),
            from_wire<core::User>(read_object(body, "user"))};
}

template <>
core::ApplicationResult from_wire(const json& body) {
    require_object(body, "");
    core::ApplicationResult r;
    r.application_id = read_string(body, "application_id");
    auto kind = core::parse_kind_code(read_string(body, "kind"));
    if (!kind) throw WireError("kind");
    r.kind = *kind;
    r.status = read_string(body, "status");
    r.message = read_string(body, "message");
    r.notify_by = read_date(body, "notify_by");
    r.fee_months = read_month_list(body, "fee_months");
    return r;
}

template <>
core::License from_wire(const json& body) {
    require_object(body, "");
    core::License l;
    l.today = read_date(body, "today");
    l.office_number = read_string(body, "office_number");
    l.valid_from = read_date(body, "valid_from");
    l.valid_until = read_date(body, "valid_until");
    l.days_remaining = read_int(body, "days_remaining");
    auto status = core::parse_status_code(read_string(body, "status"));
    if (!status) throw WireError("status");
    l.status = *status;
    const json& renewal = read_object(body, "renewal");
    l.renewal.eligible = read_bool(renewal, "eligible");
    l.renewal.opens_on = read_optional_date(renewal, "opens_on");
    l.renewal.reason = read_string(renewal, "reason");
    if (const json* application = member(renewal, "application")) {
        l.renewal.application = from_wire<core::ApplicationResult>(*application);
    }
    return l;
}

template <>
core::Terms from_wire(const json& body) {
    require_object(body, "");
    return {read_terms_text(body, "terms"), read_terms_text(body, "privacy")};
}

template <>
core::Notice from_wire(const json& body) {
    require_object(body, "");
    return {read_string(body, "latest_client_version"), read_date(body, "released_on"),
            read_string(body, "title"), read_string(body, "message")};
}

template <>
Health from_wire(const json& body) {
    require_object(body, "");
    return {read_string(body, "status"), read_string(body, "time")};
}

template <>
core::ApiError from_wire(const json& body) {
    const json& error = read_object(require_object(body, ""), "error");
    core::ApiError e;
    e.code = read_string(error, "code");
    e.message = read_string(error, "message");
    if (e.code.empty()) throw WireError("code");
    if (const json* fields = member(error, "fields")) {
        require_object(*fields, "fields");
        for (const auto& [name, field] : fields->items()) {
            require_object(field, name);
            e.fields[name] = {read_string(field, "code"), read_string(field, "message")};
        }
    }
    return e;
}

}  // namespace careplan::api
