#!/usr/bin/env bash
# Builds app/core and the core_fuzz target with clang (libFuzzer + ASan) in
# BUILD_DIR, separate from the main build, and fuzzes for SECONDS (default 20).
# Exits non-zero when the fuzzer finds a crash or the build fails.
#
#   tests/fuzz/run-core-fuzz.sh BUILD_DIR [SECONDS]
set -euo pipefail

build=${1:?usage: run-core-fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-20}
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$build/src"
build=$(cd "$build" && pwd)

# A tiny project of its own: only the library and the fuzz target.
cat > "$build/src/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(careplan_core_fuzz LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
add_subdirectory("$repo/app/core" core)
add_subdirectory("$repo/tests/fuzz" fuzz)
CMAKE

cmake -S "$build/src" -B "$build/cmake" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++}" >/dev/null
ninja -C "$build/cmake" -j1 core_fuzz >/dev/null

corpus="$build/corpus"
mkdir -p "$corpus"
# Seeds: real inputs of the forms.
printf '%s' 'ＫＪ０００００００１' > "$corpus/id"
printf '%s' 'ﾔﾏﾀﾞ ﾀﾛｳ' > "$corpus/kana"
printf '%s' '2028-02-29' > "$corpus/date"
printf '%s' 'ver1.1.10' > "$corpus/version"
printf '%s' 'taro@example.jp' > "$corpus/email"

"$build/cmake/fuzz/core_fuzz" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$build/" "$corpus"
