#pragma once
// 「カレンダーに登録」 on S04 while renewal is not yet open: an iCalendar
// file (RFC 5545) with an all-day event on the day the renewal window opens
// and an alarm that morning, which Outlook and the Windows calendar open.

#include <chrono>
#include <string>

#include "careplan/core/date.hpp"

namespace careplan::core {

// The alarm's time on the opening day (the help desk opens at 9:00 too).
inline constexpr int reminder_alarm_hour = 9;

// The whole file: CRLF line ends, lines folded at 75 octets without
// splitting a UTF-8 character, texts escaped. `opens_on` is the date in
// Japan (the service's dates are JST), written as a floating date.
// `now` stamps the file (DTSTAMP, UTC).
std::string renewal_reminder_ics(Date opens_on, std::chrono::system_clock::time_point now);

// The file name offered: "careplan-renewal-2027-01-29.ics".
std::string renewal_reminder_file_name(Date opens_on);

}  // namespace careplan::core
