#!/usr/bin/env bash
# Sets up and runs every test: builds the Windows exe (mingw-w64) and the Linux
# debug build, then runs all tests with ctest — unit and integration tests,
# the client under Xvfb and the exe under Wine, read back with OCR.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
started=$(date +%s)
# Where the time goes, for keeping a full run within its budget.
elapsed() { echo "test.sh: $1 after $(($(date +%s) - started)) s"; }
cmake --workflow --preset windows-release
elapsed "windows-release built"
# The pure and the networked code under AddressSanitizer and UBSan.
asan_tests="core_tests platform_tests api_tests service_tests service_process_tests envcheck_tests"
cmake --preset linux-asan >/dev/null
cmake --build --preset linux-asan --target $asan_tests careplan-service
ctest --preset linux-asan -R "^($(echo $asan_tests | tr ' ' '|'))\$"
elapsed "linux-asan built and tested"
# The threads (the service's, the client's effect runner, envcheck's lifelong
# threads) under ThreadSanitizer: only the tests that run them. Not the tests
# that time things (TSan's slowdown breaks their limits): the process tests
# (the executable's full-cost Argon2 outlasts their start-up wait) and
# envcheck_service_tests (probes within 500 ms).
tsan_tests="service_tests envcheck_tests effect_runner_tests"
cmake --preset linux-tsan >/dev/null
cmake --build --preset linux-tsan --target $tsan_tests
ctest --preset linux-tsan -R "^($(echo $tsan_tests | tr ' ' '|'))\$"
elapsed "linux-tsan built and tested"
# Everything, the Windows exe under Wine included.
cmake --preset linux-debug >/dev/null
cmake --build --preset linux-debug
elapsed "linux-debug built"
ctest --preset linux-debug
elapsed "all done"
