#pragma once
// A fresh folder under the system's temp directory for one test, removed
// with everything in it when the test ends (databases, logs, mail files).

#include <filesystem>
#include <string>

#include "careplan/random.hpp"

namespace careplan::test {

struct TempDir {
    explicit TempDir(const std::string& prefix)
        : path(std::filesystem::temp_directory_path() / (prefix + random_hex(6))) {
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path / name).string(); }
    std::filesystem::path path;
};

}  // namespace careplan::test
