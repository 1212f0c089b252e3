#include "login_limits.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace careplan::service {
namespace {

constexpr const char* every = "*";

using Count = std::pair<LoginFailureKey, LoginLimit>;

std::array<Count, 3> counts_of(const LoginLimits& limits, const std::string& user_id,
                               const std::string& address) {
    return {Count{{user_id, address}, limits.per_user_and_address},
            Count{{every, address}, limits.per_address}, Count{{user_id, every}, limits.per_user}};
}

}  // namespace

LoginReservation reserve_login_attempt(Tx& tx, const LoginLimits& limits, const std::string& user_id,
                                       const std::string& address, std::int64_t now) {
    tx.delete_expired_login_failures(now);
    const auto counts = counts_of(limits, user_id, address);
    LoginReservation reservation;
    for (const auto& [key, limit] : counts) {
        LoginFailures failures = tx.login_failures(key);
        if (failures.failures >= limit.failures) {
            reservation.refused_for = std::max(reservation.refused_for, failures.expires_at - now);
        }
    }
    if (reservation.refused_for > 0) return reservation;
    for (const auto& [key, limit] : counts) {
        LoginFailures failures = tx.count_login_failure(key, now + limit.window.count());
        if (failures.failures >= limit.failures) {
            reservation.wait_if_wrong = std::max(reservation.wait_if_wrong, failures.expires_at - now);
        }
    }
    return reservation;
}

void refund_login_attempt(Tx& tx, const std::string& user_id, const std::string& address) {
    tx.clear_login_failures({user_id, address});
    tx.uncount_login_failure({every, address});
    tx.uncount_login_failure({user_id, every});
}

}  // namespace careplan::service
