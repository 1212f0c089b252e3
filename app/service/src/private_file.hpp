#pragma once
// Files that hold the offices' data (the database with its -wal and -shm,
// the mail log) are for the service's account alone: a stolen copy of the
// database has every applicant's name, mail and phone, and the password
// hashes.

#include <string>

namespace careplan::service {

enum class FileMode {
    already_private,  // 0600 or tighter, or no such file (and not asked to create it)
    created,          // created empty with mode 0600
    narrowed,         // existed with access for group or others, which is taken away
};

// Creates `path` (when `create` and it is missing) or takes away the access
// group and others had to it. Throws std::runtime_error when it cannot. On Windows, where files
// inherit the folder's ACL, it does nothing.
FileMode make_private_file(const std::string& path, bool create);

}  // namespace careplan::service
