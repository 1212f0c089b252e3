#pragma once
// Cryptographically secure random bytes from the operating system
// (getrandom / /dev/urandom on Linux, BCryptGenRandom on Windows).
// std::random_device is not used: its quality is implementation-defined.
// Shared by the service (session tokens, salts) and the client
// (Idempotency-Keys); a library of its own, apart from the HTTP client.

#include <cstddef>
#include <string>
#include <vector>

namespace careplan {

// Throws std::runtime_error when the system source fails (it never should).
std::vector<unsigned char> random_bytes(std::size_t count);

// 2 * count lower-case hex digits of random_bytes(count).
std::string random_hex(std::size_t count);

}  // namespace careplan
