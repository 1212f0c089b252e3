#include "redact.hpp"

#include <algorithm>

#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::envcheck {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where the host part of one proxy entry starts: after "scheme://" or "http=".
std::size_t authority_start(std::string_view entry, std::size_t at) {
    const auto scheme_end = entry.find("://");
    if (scheme_end != std::string_view::npos && scheme_end < at) return scheme_end + 3;
    const auto equals = entry.find('=');
    if (equals != std::string_view::npos && equals < at) return equals + 1;
    return 0;
}

std::string entry_without_credentials(std::string_view entry) {
    const auto at = entry.rfind('@');
    if (at == std::string_view::npos) return std::string{entry};
    // A scheme or "http=" counts only before the first '@': after it, it is
    // part of the credentials ("user@x=pw@proxy" keeps nothing of them).
    return std::string{entry.substr(0, authority_start(entry, entry.find('@')))} +
           std::string{entry.substr(at + 1)};
}

}  // namespace

std::string bounded(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string{text};
    std::size_t cut = max_bytes;
    while (cut > 0 && is_continuation_byte(text[cut])) --cut;
    return core::tr(texts::envcheck::cut_off, {{"text", text.substr(0, cut)}});
}

std::string without_credentials(std::string_view proxy_list) {
    std::string result;
    std::size_t begin = 0;
    while (begin <= proxy_list.size()) {
        const auto end = std::min(proxy_list.find_first_of("; ", begin), proxy_list.size());
        result += entry_without_credentials(proxy_list.substr(begin, end - begin));
        if (end < proxy_list.size()) result += proxy_list[end];
        begin = end + 1;
    }
    return result;
}

std::string proxy_fact(std::string_view proxy_list) { return bounded(without_credentials(proxy_list)); }

std::string origin_of(std::string_view url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return core::tr(texts::envcheck::proxy::not_url);
    const std::string_view scheme = url.substr(0, scheme_end);
    if (scheme == "file" || scheme == "FILE") return core::tr(texts::envcheck::proxy::local_file);
    const std::string_view rest = url.substr(scheme_end + 3);
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    return std::string{scheme} + "://" + entry_without_credentials(authority);
}

}  // namespace careplan::envcheck
