// libFuzzer target: the normalisers, validators, date and version parsing
// must never crash, and must keep their invariants on arbitrary bytes.
#include <string>

#include "careplan/core/date.hpp"
#include "careplan/core/input.hpp"
#include "careplan/core/version.hpp"
#include "expect.hpp"

using namespace careplan::core;
using careplan::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = careplan::fuzz::as_text(data, size);
    const bool valid = is_valid_utf8(text);

    // Normalising valid UTF-8 gives valid UTF-8 and is idempotent.
    for (auto normalise : {normalize_ascii_field, normalize_kana, normalize_user_id, trim_spaces}) {
        const std::string once = normalise(text);
        expect(is_valid_utf8(once) == valid);
        expect(normalise(once) == once);
    }

    ApplicationInput input;
    input.applicant_name = input.applicant_kana = input.email = input.email_confirm = input.phone =
        input.office_number = std::string{text};
    const auto errors = validate_application(normalize_application(input), true);
    if (!valid) expect(errors.at("applicant_name").code == "INVALID_UTF8");
    (void)validate_login(normalize_login({std::string{text}, std::string{text}}));

    if (const auto date = parse_iso_date(text)) {
        expect(date->ok());
        expect(format_iso(*date) == text);
        (void)format_wareki(*date);
        (void)format_japanese(*date);
    }
    expect(compare_versions(text, text) == 0);
    (void)compare_versions(text, latest_client_version);
    return 0;
}
