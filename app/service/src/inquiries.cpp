#include "inquiries.hpp"

#include <stdexcept>
#include <string_view>

#include "careplan/api/wire.hpp"
#include "careplan/random.hpp"

namespace careplan::service {

std::string new_inquiry_id(core::Date received_on) {
    // 32 symbols: one random byte gives one symbol, evenly.
    static constexpr std::string_view symbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string date = core::format_iso(received_on).substr(2);  // "26-11-25"
    std::erase(date, '-');
    std::string id = "Q-" + date + "-";
    for (unsigned char byte : random_bytes(4)) id += symbols[byte % symbols.size()];
    return id;
}

core::InquiryReceipt accept_inquiry(Tx& tx, StoredInquiry inquiry, core::Date today,
                                    std::chrono::system_clock::time_point now) {
    // 2^20 numbers a day: a clash is rare, and a few draws make it vanish.
    for (int attempt = 0; attempt < 8; ++attempt) {
        core::InquiryReceipt receipt{new_inquiry_id(today), core::format_rfc3339_jst(now)};
        inquiry.inquiry_id = receipt.inquiry_id;
        inquiry.received_at = receipt.received_at;
        inquiry.response = api::to_wire(receipt).dump();
        if (tx.add_inquiry(inquiry)) return receipt;
    }
    throw std::runtime_error("no free inquiry number");
}

}  // namespace careplan::service
