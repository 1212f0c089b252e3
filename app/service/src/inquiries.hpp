#pragma once
// Receiving an inquiry of the 問い合わせフォーム: its 受付番号 and its row.

#include <chrono>
#include <string>

#include "careplan/core/inquiry.hpp"
#include "careplan/service/store.hpp"

namespace careplan::service {

// "Q-261125-K7MP": the day of receipt (the service's date), then four
// random characters without the look-alikes 0/O and 1/I, so that the caller
// can read it out on the phone; random so that numbers reveal nothing,
// neither who sent it nor how many came.
std::string new_inquiry_id(core::Date received_on);

// Stores the inquiry in the caller's transaction, under a fresh 受付番号
// (drawn again in the rare case it is taken), and answers its receipt.
// `inquiry.input` is normalised and validated; inquiry_id, received_at and
// response are filled here.
core::InquiryReceipt accept_inquiry(Tx& tx, StoredInquiry inquiry, core::Date today,
                                    std::chrono::system_clock::time_point now);

}  // namespace careplan::service
