#!/usr/bin/env bash
# Applies the house style (.clang-format) to every C and C++ file of app/ and
# tests/; with --check, changes nothing and fails when a file is off-style.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(-i)
[ "${1:-}" = --check ] && mode=(--dry-run --Werror)
mapfile -t files < <(find app tests -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' \) | sort)
clang-format "${mode[@]}" "${files[@]}"
[ "${1:-}" = --check ] && echo "format: ${#files[@]} files in the house style"
exit 0
