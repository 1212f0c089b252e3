#pragma once
// Hashing helpers of the service: SHA-256 (session secrets, request bodies),
// Argon2id (passwords) and a constant-time comparison.

#include <cstdint>
#include <string>
#include <string_view>

namespace careplan::service {

// Lower-case hex of SHA-256(data) (FIPS 180-4).
std::string sha256_hex(std::string_view data);

// Compares without an early exit, so the time taken does not tell how much
// of a secret matched.
bool constant_time_equal(std::string_view a, std::string_view b);

struct Argon2Params {
    std::uint32_t time_cost = 2;           // passes
    std::uint32_t memory_kib = 19 * 1024;  // 19 MiB (OWASP's Argon2id minimum)
    std::uint32_t parallelism = 1;
};

// The encoded form "$argon2id$v=19$m=...,t=...,p=...$salt$hash" with a fresh
// 128-bit salt; the parameters travel with the hash, so verify needs none.
std::string hash_password(std::string_view password, const Argon2Params& params);

// False for a wrong password and for a malformed hash.
bool verify_password(const std::string& encoded_hash, std::string_view password);

}  // namespace careplan::service
