#include "private_file.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace careplan::service {

#ifdef _WIN32

FileMode make_private_file(const std::string&, bool) { return FileMode::already_private; }

#else

namespace {

[[noreturn]] void fail(const char* what, const std::string& path) {
    throw std::runtime_error(std::string(what) + " " + path + ": " + std::strerror(errno));
}

}  // namespace

FileMode make_private_file(const std::string& path, bool create) {
    if (create) {
        // O_EXCL: only a file made here gets its mode from here; one that
        // exists is narrowed below.
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) {
            ::close(fd);
            return FileMode::created;
        }
        if (errno != EEXIST) fail("cannot create", path);
    }
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        if (errno == ENOENT) return FileMode::already_private;
        fail("cannot read the mode of", path);
    }
    if ((status.st_mode & 077) == 0) return FileMode::already_private;
    if (::chmod(path.c_str(), status.st_mode & 0700) != 0) fail("cannot narrow the mode of", path);
    return FileMode::narrowed;
}

#endif

}  // namespace careplan::service
