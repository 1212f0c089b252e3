// libFuzzer target: every from_wire of API v1 on arbitrary JSON. The first
// byte picks the type. Whatever parses must write back (to_wire) to JSON that
// dumps and parses again to the same value: the client and the service read
// each other's bodies with this one contract.
#include <concepts>
#include <string>

#include <nlohmann/json.hpp>

#include "careplan/api/wire.hpp"
#include "expect.hpp"

using namespace careplan;
using careplan::fuzz::expect;
using nlohmann::json;

namespace {

template <class T>
void round_trip(const json& body) {
    T first;
    try {
        first = api::from_wire<T>(body);
    } catch (const api::WireError&) {
        return;  // refused: the service answers 400, the client MALFORMED_RESPONSE
    }
    const json written = api::to_wire(first);
    const json reread = json::parse(written.dump());  // dump throws on bad UTF-8
    const T again = api::from_wire<T>(reread);
    expect(api::to_wire(again) == written);
    if constexpr (std::equality_comparable<T>) expect(again == first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const json body = json::parse(careplan::fuzz::as_text(data + 1, size - 1), nullptr, false);
    if (body.is_discarded()) return 0;
    switch (data[0] % 12) {
        case 0: round_trip<core::LoginInput>(body); break;
        case 1: round_trip<core::ApplicationInput>(body); break;
        case 2: round_trip<core::InquiryInput>(body); break;
        case 3: round_trip<core::InquiryReceipt>(body); break;
        case 4: round_trip<core::User>(body); break;
        case 5: round_trip<core::Session>(body); break;
        case 6: round_trip<core::ApplicationResult>(body); break;
        case 7: round_trip<core::License>(body); break;
        case 8: round_trip<core::Terms>(body); break;
        case 9: round_trip<core::Notice>(body); break;
        case 10: round_trip<api::Health>(body); break;
        default: round_trip<core::ApiError>(body); break;
    }
    return 0;
}
