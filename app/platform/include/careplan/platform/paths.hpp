#pragma once
// File-system paths from UTF-8 strings: on Windows a std::string path would be
// read in the ANSI code page, so Japanese folder names must go through u8.
#include <filesystem>
#include <string>

namespace careplan::platform {

inline std::filesystem::path path_from_utf8(const std::string& utf8) {
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

}  // namespace careplan::platform
