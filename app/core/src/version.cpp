#include "careplan/core/version.hpp"

#include <algorithm>
#include <charconv>

#include "careplan/core/strings.hpp"

namespace careplan::core {

namespace {

// Drops "ver" / "v" (any case) and spaces after it.
std::string_view without_prefix(std::string_view text) {
    for (std::string_view prefix : {std::string_view{"ver"}, std::string_view{"v"}}) {
        if (starts_with_ignoring_case(text, prefix)) return trim(text.substr(prefix.size()));
    }
    return text;
}

int compare_components(const std::vector<int>& a, const std::vector<int>& b) {
    const std::size_t count = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < count; ++i) {
        const int left = i < a.size() ? a[i] : 0;
        const int right = i < b.size() ? b[i] : 0;
        if (left != right) return left < right ? -1 : 1;
    }
    return 0;
}

}  // namespace

std::optional<std::vector<int>> parse_version(std::string_view text) {
    std::string_view rest = without_prefix(trim(text));
    std::vector<int> components;
    while (true) {
        const auto dot = rest.find('.');
        const std::string_view part = rest.substr(0, dot);
        int value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        const bool plain_number = !part.empty() && part.front() >= '0' && part.front() <= '9';
        if (!plain_number || ec != std::errc{} || end != part.data() + part.size()) return std::nullopt;
        components.push_back(value);
        if (dot == std::string_view::npos) return components;
        rest.remove_prefix(dot + 1);
    }
}

int compare_versions(std::string_view a, std::string_view b) {
    const auto left = parse_version(a);
    const auto right = parse_version(b);
    if (!left || !right) return static_cast<int>(left.has_value()) - static_cast<int>(right.has_value());
    return compare_components(*left, *right);
}

bool client_update_needed(std::string_view installed) {
    return compare_versions(installed, latest_client_version) < 0;
}

}  // namespace careplan::core
