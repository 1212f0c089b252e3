#!/usr/bin/env bash
# Sets up and runs every test: builds the Windows exe (mingw-w64) and the Linux
# debug build, then runs all tests with ctest — unit and integration tests,
# the client under Xvfb and the exe under Wine, read back with OCR.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
started=$(date +%s)
cmake --workflow --preset windows-release
cmake --workflow --preset linux-debug
echo "test.sh: all done in $(( $(date +%s) - started )) s"
