#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in
# BUILD_DIR, separate from the main build: a tiny project of its own with
# only the libraries the targets need. Exits non-zero when the build fails.
#
#   tests/fuzz/build-fuzz.sh BUILD_DIR
set -euo pipefail

build=${1:?usage: build-fuzz.sh BUILD_DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$build/src"
build=$(cd "$build" && pwd)

# Sanitizer instrumentation for our C++ only: the C dependencies (SQLite,
# Argon2, Mbed TLS) are built plainly, which keeps the build short.
cat > "$build/src/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(careplan_fuzz LANGUAGES C CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CAREPLAN_FUZZ_BUILD ON)
add_subdirectory("$repo/third_party" third_party)
add_library(careplan_warnings INTERFACE)
string(APPEND CMAKE_CXX_FLAGS
  " -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined")
foreach(part core random api service)
  add_subdirectory("$repo/app/\${part}" \${part})
endforeach()
add_subdirectory("$repo/tests/fuzz" fuzz)
CMAKE

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$build/src" -B "$build/cmake" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="${CC_FUZZ:-clang}" -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++}" \
  "${launcher[@]}" >/dev/null
ninja -C "$build/cmake" -j2 careplan_fuzz_targets >/dev/null
