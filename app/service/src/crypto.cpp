#include "crypto.hpp"

#include <argon2.h>
#include <mbedtls/sha256.h>

#include <array>
#include <stdexcept>

#include "careplan/random.hpp"

namespace careplan::service {

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, 32> digest{};
    if (mbedtls_sha256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(),
                       /*is224=*/0) != 0) {
        throw std::runtime_error("SHA-256 failed");
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * digest.size());
    for (unsigned char byte : digest) {
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0xf]);
    }
    return hex;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

std::string hash_password(std::string_view password, const Argon2Params& params) {
    constexpr std::size_t salt_bytes = 16;
    constexpr std::size_t hash_bytes = 32;
    auto salt = random_bytes(salt_bytes);
    std::size_t length = argon2_encodedlen(params.time_cost, params.memory_kib, params.parallelism,
                                           salt_bytes, hash_bytes, Argon2_id);
    std::string encoded(length, '\0');
    int rc = argon2id_hash_encoded(params.time_cost, params.memory_kib, params.parallelism, password.data(),
                                   password.size(), salt.data(), salt.size(), hash_bytes, encoded.data(),
                                   encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(const std::string& encoded_hash, std::string_view password) {
    // argon2id_verify recomputes the hash and compares it in constant time.
    return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace careplan::service
