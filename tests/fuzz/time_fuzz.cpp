// libFuzzer target: the instants and delays read from the service's answers,
// RFC 3339 (GET /health's time, for the clock check) and Retry-After.
#include <chrono>
#include <string>

#include "careplan/api/wire.hpp"
#include "careplan/core/date.hpp"
#include "expect.hpp"
#include "time_text.hpp"

using namespace careplan;
using careplan::fuzz::expect;
using namespace std::chrono;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = careplan::fuzz::as_text(data, size);

    // What parses is an instant the service could have written: written again
    // as the service writes it (JST, whole seconds) it reads back the same.
    if (const auto instant = envcheck::parse_rfc3339(text)) {
        const auto second = floor<seconds>(*instant);
        const year_month_day day{floor<days>(second + hours{9})};
        // system_clock (nanoseconds) holds the years 1678..2261 only.
        if (day.year() > year{1678} && day.year() < year{2261}) {
            expect(envcheck::parse_rfc3339(core::format_rfc3339_jst(second)) == second);
        }
        (void)envcheck::jst_text(*instant);
    }

    // Whole seconds, never negative, and their decimal form reads the same.
    if (const auto delay = api::parse_retry_after(text)) {
        expect(*delay >= 0);
        expect(api::parse_retry_after(std::to_string(*delay)) == delay);
    }
    return 0;
}
