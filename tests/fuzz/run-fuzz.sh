#!/usr/bin/env bash
# Fuzzes one target of BUILD_DIR (made by build-fuzz.sh) for SECONDS
# (default 12), starting from its seeds in tests/fuzz/corpus/TARGET. New
# inputs go to BUILD_DIR/corpus/TARGET, a crash to BUILD_DIR/crash-TARGET-*.
# Exits non-zero when the fuzzer finds a crash, a leak or a time-out.
#
#   tests/fuzz/run-fuzz.sh BUILD_DIR TARGET [SECONDS]
set -euo pipefail

build=${1:?usage: run-fuzz.sh BUILD_DIR TARGET [SECONDS]}
target=${2:?usage: run-fuzz.sh BUILD_DIR TARGET [SECONDS]}
seconds=${3:-12}
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$build/corpus/$target"
mkdir -p "$corpus"

"$build/cmake/fuzz/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$build/crash-$target-" "$corpus" "$repo/tests/fuzz/corpus/$target"
