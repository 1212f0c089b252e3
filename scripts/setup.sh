#!/usr/bin/env bash
# Installs the Debian packages that building (and, with "test", testing) needs.
#   scripts/setup.sh run    what building and running the Linux client needs
#   scripts/setup.sh test   plus the Windows cross-build, Wine, Xvfb, OCR, fuzzing
#   scripts/setup.sh bench  plus what the benchmarks compare with (bench/client-start.sh)
# As root it installs what is missing with apt-get; otherwise it names the
# missing packages and the command to install them, and fails.
set -euo pipefail

run_packages=(
  cmake ninja-build g++ pkg-config python3 python3-glad tcl xz-utils bzip2 dpkg-dev
  libx11-dev libxrandr-dev libxinerama-dev libxcursor-dev libxi-dev libgl-dev libssl-dev
  xvfb xauth libgl1-mesa-dri openssl
)
test_packages=(
  g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 wine wine64
  tesseract-ocr tesseract-ocr-jpn imagemagick clang libclang-rt-14-dev clang-format wrk nginx
  python3-aiosmtpd
)
bench_packages=(chromium)

packages=("${run_packages[@]}")
[ "${1:-run}" = test ] && packages+=("${test_packages[@]}")
[ "${1:-run}" = bench ] && packages+=("${bench_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "必要なパッケージが入っていません / missing packages: ${missing[*]}" >&2
  echo "root で次を実行してください / as root, run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
