#pragma once
// Keeping personal and oversized data out of the facts (internal to envcheck;
// portable so that it is tested on every platform).

#include <cstddef>
#include <string>
#include <string_view>

namespace careplan::envcheck {

// The longest fact text taken from the PC (bytes of UTF-8).
inline constexpr std::size_t max_fact_bytes = 200;

// At most max_bytes of UTF-8, cut on a character boundary, "…" when cut.
std::string bounded(std::string_view text, std::size_t max_bytes = max_fact_bytes);

// A proxy list ("http=user:pw@proxy:80;https=proxy:443") without the
// credentials some users put in it.
std::string without_credentials(std::string_view proxy_list);

// A proxy setting as a report shows it: the credentials removed first, then
// bounded, so that a cut can never leave part of a password behind.
std::string proxy_fact(std::string_view proxy_list);

// "scheme://host[:port]" of a URL: a configuration script's path may name
// the user (file://C:/Users/NAME/...), its host does not.
std::string origin_of(std::string_view url);

}  // namespace careplan::envcheck
