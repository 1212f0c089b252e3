#pragma once
// The login limits of LoginLimits, kept in the store: reserve, then verify.
// An attempt is counted as a failure in the write transaction that checks
// the limits, before any password hash, and refunded when the password was
// right. So parallel wrong guesses cannot all pass a check made before any
// of them was counted, and a refused attempt costs no hash at all.
//
// Storage stays bounded for IDs that do not exist: a row lives only until
// its window ends (expired rows are deleted with every reservation), and
// one address can open only per_address.failures rows per window.

#include <cstdint>
#include <string>

#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"

namespace careplan::service {

struct LoginReservation {
    // > 0: refused, nothing counted; seconds until the fullest count frees up.
    std::int64_t refused_for = 0;
    // > 0: this attempt filled a count; when the password proves wrong, the
    // seconds the next attempt has to wait.
    std::int64_t wait_if_wrong = 0;
};

// In a write transaction, before the password is checked. Times in Unix seconds.
LoginReservation reserve_login_attempt(Tx& tx, const LoginLimits& limits, const std::string& user_id,
                                       const std::string& address, std::int64_t now);

// In a write transaction after the right password: this attempt is no
// failure, and the ID's mistakes from this address are forgotten.
void refund_login_attempt(Tx& tx, const std::string& user_id, const std::string& address);

}  // namespace careplan::service
