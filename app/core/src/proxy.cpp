#include "careplan/core/proxy.hpp"

#include <algorithm>
#include <vector>

#include "careplan/core/strings.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::core {
namespace {

// Longer than any real setting; anything beyond is not a setting we trust.
constexpr std::size_t max_setting_length = 4096;

// The non-empty, trimmed parts of a list separated by ';' (or by spaces, as
// older settings pages wrote it).
std::vector<std::string_view> list_entries(std::string_view list) {
    std::vector<std::string_view> entries;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == ';' || list[i] == ' ') {
            if (const auto entry = trim(list.substr(start, i - start)); !entry.empty())
                entries.push_back(entry);
            start = i + 1;
        }
    }
    return entries;
}

std::string_view without_scheme(std::string_view text) {
    const auto marker = text.find("://");
    return marker == std::string_view::npos ? text : text.substr(marker + 3);
}

std::string scheme_of(std::string_view url) {
    const auto marker = url.find("://");
    return marker == std::string_view::npos ? std::string{} : to_lower_ascii(url.substr(0, marker));
}

// '*' matches any run of characters; everything else itself, ignoring case.
bool glob_matches(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && to_lower_ascii(pattern[p]) == to_lower_ascii(text[t])) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool bypassed(std::string_view bypass, const std::string& host) {
    for (std::string_view entry : list_entries(bypass)) {
        if (entry == "<local>") {
            if (host.find('.') == std::string::npos && host.find(':') == std::string::npos) return true;
            continue;
        }
        entry = without_scheme(entry);
        if (glob_matches(entry, host)) return true;
    }
    return false;
}

// The entry of `server` for `scheme`: "scheme=host:port", else the one entry
// without a protocol that serves them all.
std::optional<std::string_view> server_for(std::string_view server, const std::string& scheme) {
    std::optional<std::string_view> for_all;
    for (const std::string_view entry : list_entries(server)) {
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            for_all = for_all.value_or(entry);
        } else if (to_lower_ascii(trim(entry.substr(0, equals))) == scheme) {
            return trim(entry.substr(equals + 1));
        }
    }
    return for_all;
}

}  // namespace

std::optional<HostPort> proxy_for_url(const ManualProxySetting& setting, std::string_view url) {
    if (!setting.enabled || setting.server.size() > max_setting_length ||
        setting.bypass.size() > max_setting_length)
        return std::nullopt;
    const std::string scheme = scheme_of(url);
    const std::string host = host_of_url(url);
    if ((scheme != "http" && scheme != "https") || host.empty() || is_loopback_host(host))
        return std::nullopt;
    if (bypassed(setting.bypass, host)) return std::nullopt;
    const auto server = server_for(setting.server, scheme);
    if (!server) return std::nullopt;
    std::string_view address = without_scheme(*server);
    if (!address.empty() && address.back() == '/') address.remove_suffix(1);
    // Windows takes a proxy named without a port to listen on 80.
    if (address.find(':') == std::string_view::npos) return parse_host_port(std::string(address) + ":80");
    return parse_host_port(address);
}

std::string host_of_url(std::string_view url) {
    const auto marker = url.find("://");
    if (marker == std::string_view::npos) return {};
    std::string_view rest = url.substr(marker + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        return close == std::string_view::npos ? std::string{} : to_lower_ascii(rest.substr(1, close - 1));
    }
    return to_lower_ascii(rest.substr(0, rest.rfind(':')));
}

std::string describe(const ProxyRoute& route) {
    if (!route.proxy) return tr(texts::route::direct);
    const auto key = [&] {
        switch (route.source) {
            case ProxySource::command_line: return texts::route::proxy_from_command_line;
            case ProxySource::settings_file: return texts::route::proxy_from_settings;
            case ProxySource::windows_setting: return texts::route::proxy_from_windows;
            case ProxySource::none: break;
        }
        return texts::route::proxy;
    }();
    return tr(key, {{"host", route.proxy->host}, {"port", route.proxy->port}});
}

}  // namespace careplan::core
