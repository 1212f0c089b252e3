#pragma once
// Cryptographically secure random bytes from the operating system
// (getrandom / /dev/urandom on Linux, BCryptGenRandom on Windows).
// std::random_device is not used: its quality is implementation-defined.
// Shared by the service (session tokens) and the client (Idempotency-Keys).

#include <cstddef>
#include <string>
#include <vector>

namespace careplan::api {

// Throws std::runtime_error when the system source fails (it never should).
std::vector<unsigned char> random_bytes(std::size_t count);

// 2 * count lower-case hex digits of random_bytes(count).
std::string random_hex(std::size_t count);

// A fresh Idempotency-Key for one submission of the application form.
std::string new_idempotency_key();

}  // namespace careplan::api
