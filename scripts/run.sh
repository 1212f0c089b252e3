#!/usr/bin/env bash
# Sets up, builds the Linux client (release) and starts it. Extra arguments
# go to the client (e.g. --server URL).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
cmake --preset linux-release >/dev/null
cmake --build --preset linux-release --target careplan-client
exec build/linux-release/app/ui/careplan-client "$@"
