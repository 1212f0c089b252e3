// libFuzzer target: the addresses typed or read from outside (--server,
// --proxy, the settings file, Windows' proxy setting). Lines of the input:
// the text to parse, then the proxy setting's server and bypass list.
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"
#include "careplan/core/proxy.hpp"
#include "expect.hpp"

using namespace careplan::core;
using careplan::fuzz::expect;

namespace {

// The next line of `rest` (consumed), "" at the end.
std::string_view next_line(std::string_view& rest) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return line;
}

std::string host_text(const std::string& host) {
    return host.find(':') == std::string::npos ? host : "[" + host + "]";
}

bool has_upper_case(std::string_view text) {
    return text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos;
}

// A parsed address is usable, and written back the usual way parses the same.
void check_host_port(std::string_view text, PortZero port_zero) {
    const auto parsed = parse_host_port(text, port_zero);
    if (!parsed) return;
    expect(!parsed->host.empty() && parsed->port <= 65535);
    expect(parsed->port >= (port_zero == PortZero::allowed ? 0 : 1));
    expect(parse_host_port(host_text(parsed->host) + ":" + std::to_string(parsed->port), port_zero) ==
           parsed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest = careplan::fuzz::as_text(data, size);
    const std::string_view text = next_line(rest);

    if (const auto url = parse_server_url(text)) {
        expect(!url->host.empty() && url->port >= 1 && url->port <= 65535);
        const std::string written =
            (url->https ? "https://" : "http://") + host_text(url->host) + ":" + std::to_string(url->port);
        expect(parse_server_url(written) == url);
    }
    check_host_port(text, PortZero::refused);
    check_host_port(text, PortZero::allowed);
    expect(!has_upper_case(host_of_url(text)));

    ManualProxySetting setting{true, std::string{next_line(rest)}, std::string{next_line(rest)}};
    if (const auto proxy = proxy_for_url(setting, text)) {
        expect(!proxy->host.empty() && proxy->port >= 1 && proxy->port <= 65535);
        (void)describe(ProxyRoute{proxy, ProxySource::windows_setting});
    }
    setting.enabled = false;
    expect(!proxy_for_url(setting, text));
    return 0;
}
