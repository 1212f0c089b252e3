#pragma once
// Which proxy a request takes under Windows' own proxy setting, so that an
// office whose browsers go out through a proxy needs nothing more for this app.

#include <optional>
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"

namespace careplan::core {

// The manual proxy of インターネット オプション > 接続 > LAN の設定, which the
// Windows 10/11 設定 > ネットワークとインターネット > プロキシ page writes too
// (registry values ProxyEnable, ProxyServer, ProxyOverride of the user).
struct ManualProxySetting {
    bool enabled = false;
    // "proxy.example.jp:8080" for every protocol, or per protocol:
    // "http=proxy:8080;https=proxy:8443".
    std::string server;
    // Hosts reached directly, ';'-separated, '*' as a wildcard; "<local>" is
    // every host name without a dot.
    std::string bypass;
};

// The proxy that a request to `url` ("https://host[:port]/...") goes through
// under `setting`, or nullopt for a direct connection: the setting is off, it
// names no proxy for the URL's scheme, the host is on the bypass list, or the
// host is this PC (loopback is never sent to a proxy). A setting that cannot
// be read as host:port is treated as no proxy.
std::optional<HostPort> proxy_for_url(const ManualProxySetting& setting, std::string_view url);

// The host of "scheme://[user@]host[:port]/...", lower case, IPv6 without
// brackets; "" when the URL has none.
std::string host_of_url(std::string_view url);

// The way the app's requests take, and who chose it (shown on S08 and in the
// check's report, so the help desk can tell).
enum class ProxySource { none, command_line, settings_file, windows_setting };
struct ProxyRoute {
    std::optional<HostPort> proxy;
    ProxySource source = ProxySource::none;
    friend bool operator==(const ProxyRoute&, const ProxyRoute&) = default;
};
// "直接" or "プロキシ proxy:8080 経由 (Windows のプロキシ設定)".
std::string describe(const ProxyRoute& route);

}  // namespace careplan::core
