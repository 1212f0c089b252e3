#pragma once
// The text catalogue: every user-facing text, kept in assets/texts/*.txt and
// compiled in by the build (cmake/text_catalogue.py). Code names a text by its
// key constant (careplan::texts::login::title, from the generated
// careplan/core/text_keys.hpp) and fills its {parameters}: the facts below
// are filled everywhere, the rest come from the caller.
//
// Facts, each defined once in app/core: {phone}, {opens}, {closes},
// {year_end_first}, {year_end_last}, {renewal_window_days},
// {mail_days_min}, {mail_days_max}, {latest_client_version},
// {client_released_on}, {client_released_on_era}, {windows10_end}, and
// {contact}: the help desk named inside a sentence (helpdesk.contact).
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace careplan::core {

struct TextKey {
    std::uint16_t index;
    friend bool operator==(TextKey, TextKey) = default;
};

// A value for one {name} of a text.
struct TextArg {
    TextArg(std::string_view param, std::string_view text) : name(param), value(text) {}
    template <std::integral T>
    TextArg(std::string_view param, T number) : name(param), value(std::to_string(number)) {}
    std::string_view name;
    std::string value;
};

// The text with its parameters filled: `args` first, then the facts. A
// parameter that is neither stays as written ({name}), visible in review.
std::string tr(TextKey key, std::initializer_list<TextArg> args = {});

// The text as written in the catalogue, and its key ("login.title").
std::string_view text_source(TextKey key);
std::string_view text_name(TextKey key);

// The value of a fact by its name; empty when there is no such fact.
std::string fact_text(std::string_view name);

namespace detail {
struct CatalogueEntry {
    std::string_view key;
    std::string_view text;
};
// The compiled catalogue, sorted by key (generated source).
std::span<const CatalogueEntry> catalogue();
}  // namespace detail

}  // namespace careplan::core
