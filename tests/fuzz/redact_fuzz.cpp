// libFuzzer target: the redaction of the environment check's facts (proxy
// lists and configuration-script URLs from the PC): credentials never pass,
// texts stay bounded, UTF-8 stays whole.
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"
#include "expect.hpp"
#include "redact.hpp"

using namespace careplan::envcheck;
using careplan::fuzz::expect;

namespace {

// The part that follows the first "://", or all of it.
std::string_view after_scheme(std::string_view text) {
    const auto at = text.find("://");
    return at == std::string_view::npos ? text : text.substr(at + 3);
}

// What a cut adds: the catalogue's "…" around the kept part.
const std::size_t cut_mark_bytes = bounded(std::string(max_fact_bytes + 1, 'x')).size() - max_fact_bytes;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t limit = data[0];
    const std::string_view text = careplan::fuzz::as_text(data + 1, size - 1);
    const bool valid = careplan::core::is_valid_utf8(text);

    const std::string cut = bounded(text, limit);
    expect(cut.size() <= limit + cut_mark_bytes || cut == text);
    if (valid) expect(careplan::core::is_valid_utf8(cut));

    // No user or password is left in any entry, and removing twice changes nothing.
    const std::string clean = without_credentials(text);
    expect(clean.find('@') == std::string::npos);
    expect(without_credentials(clean) == clean);
    const std::string fact = proxy_fact(text);
    expect(fact.find('@') == std::string::npos);
    expect(fact.size() <= max_fact_bytes + cut_mark_bytes);

    const std::string origin = origin_of(text);
    expect(after_scheme(origin).find('@') == std::string_view::npos);
    expect(after_scheme(origin).find('/') == std::string_view::npos);
    return 0;
}
