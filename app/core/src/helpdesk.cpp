#include "careplan/core/helpdesk.hpp"

#include "careplan/core/holidays.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {

namespace {

JstDateTime at_hour(Date date, int hour) { return {date, hour, 0, 0}; }

// "2027年1月8日(金) 9:00".
std::string describe(const JstDateTime& when) {
    return tr(texts::helpdesk::next_opening,
              {{"date", format_japanese(when.date)}, {"time", format_clock(when.hour, when.minute)}});
}

}  // namespace

HelpdeskStatus helpdesk_status(std::chrono::system_clock::time_point now) {
    const JstDateTime local = jst_date_time(now);
    const bool business_day = is_business_day(local.date);
    HelpdeskStatus status;
    status.open_now = business_day && local.hour >= helpdesk_opens_hour && local.hour < helpdesk_closes_hour;
    status.closes_at = at_hour(local.date, helpdesk_closes_hour);
    const bool opens_later_today = business_day && local.hour < helpdesk_opens_hour;
    status.next_opening =
        at_hour(opens_later_today ? local.date : add_business_days(local.date, 1), helpdesk_opens_hour);
    status.message = status.open_now
                         ? tr(texts::helpdesk::open_now)
                         : tr(texts::helpdesk::closed_now, {{"next_opening", describe(status.next_opening)}});
    return status;
}

}  // namespace careplan::core
