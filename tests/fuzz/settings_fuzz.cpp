// libFuzzer target: careplan-client.ini as a user or another program may
// leave it. The first four bytes double as a zoom to write and read back.
#include <algorithm>
#include <cstring>
#include <string>

#include "expect.hpp"
#include "settings_text.hpp"

using namespace careplan::ui;
using careplan::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text{careplan::fuzz::as_text(data, size)};
    const Settings parsed = parse_settings(text);
    expect(parsed.zoom >= min_zoom && parsed.zoom <= max_zoom);
    expect(parsed.proxy.size() <= max_proxy_length);
    expect(std::none_of(parsed.proxy.begin(), parsed.proxy.end(),
                        [](unsigned char c) { return c < 0x20 || c == 0x7f; }));
    // What the client saves reads back the same.
    expect(parse_settings(settings_text(parsed)) == parsed);

    // Any zoom the client may hold survives a save and a load exactly.
    if (size >= sizeof(float)) {
        Settings chosen = parsed;
        std::memcpy(&chosen.zoom, data, sizeof(float));
        if (chosen.zoom >= min_zoom && chosen.zoom <= max_zoom)
            expect(parse_settings(settings_text(chosen)) == chosen);
    }
    return 0;
}
