#include "careplan/random.hpp"

#include <stdexcept>

#ifdef _WIN32
#include <windows.h>
#include <bcrypt.h>
#else
#include <cerrno>
#include <sys/random.h>
#endif

namespace careplan {
namespace {

#ifdef _WIN32
void fill_random(unsigned char* out, std::size_t count) {
    auto status = BCryptGenRandom(nullptr, out, static_cast<ULONG>(count), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    if (status != 0) throw std::runtime_error("BCryptGenRandom failed");
}
#else
// getrandom draws from the same pool as /dev/urandom, without a file descriptor.
void fill_random(unsigned char* out, std::size_t count) {
    while (count > 0) {
        ssize_t got = getrandom(out, count, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("getrandom failed");
        }
        out += got;
        count -= static_cast<std::size_t>(got);
    }
}
#endif

}  // namespace

std::vector<unsigned char> random_bytes(std::size_t count) {
    std::vector<unsigned char> bytes(count);
    fill_random(bytes.data(), count);
    return bytes;
}

std::string random_hex(std::size_t count) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(count * 2);
    for (unsigned char byte : random_bytes(count)) {
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0x0f]);
    }
    return hex;
}

}  // namespace careplan
