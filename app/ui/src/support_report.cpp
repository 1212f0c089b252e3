#include "support_report.hpp"

#include "careplan/core/date.hpp"
#include "careplan/core/input.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/walkthrough_code.hpp"

namespace careplan::ui {

namespace {

// The ID masked, and only when it is one: a password typed into the ID field
// by mistake must not reach the help desk, not even in part.
std::string reported_user_id(const std::string& id) {
    if (id.empty()) return core::tr(texts::client::support::no_user_id);
    if (!core::is_valid_user_id(id)) return core::tr(texts::client::support::not_an_id);
    return core::mask_user_id(core::normalize_user_id(id));
}

}  // namespace

std::string support_report(const core::State& state, std::string_view walkthrough_code) {
    const auto now = core::jst_date_time(state.now);
    // One line of the report.
    auto line = [](core::TextKey key, std::initializer_list<core::TextArg> args = {}) {
        return core::tr(key, args) + "\n";
    };
    std::string r = line(texts::client::support::heading, {{"product", core::tr(texts::client::name)}});
    r += line(texts::client::support::version, {{"version", CAREPLAN_VERSION}});
    r += line(texts::client::support::time,
              {{"date", core::format_iso(now.date)}, {"time", core::format_clock(now.hour, now.minute)}});
    r += line(texts::client::support::screen,
              {{"code", core::screen_code(state.screen)}, {"title", core::screen_title(state.screen)}});
    r += line(texts::code::line, {{"code", core::display_walkthrough_code(walkthrough_code)}});
    const std::string id = state.session ? state.session->user.user_id : state.login_user_id;
    r += line(texts::client::support::user_id, {{"user_id", reported_user_id(id)}});
    if (state.license) {
        r += line(texts::client::support::license,
                  {{"status", core::status_label(state.license->status)},
                   {"valid_until", core::format_iso(state.license->valid_until)},
                   {"days", state.license->days_remaining}});
    }
    if (state.message)
        r += line(texts::client::support::message,
                  {{"code", state.message->code}, {"text", state.message->text}});
    return r;
}

}  // namespace careplan::ui
