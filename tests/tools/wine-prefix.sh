#!/usr/bin/env bash
# wine-prefix.sh DIR: makes a fresh Wine prefix for the tests (about 11 s).
set -euo pipefail
export WINEPREFIX=$1 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
rm -rf "$WINEPREFIX"
wineboot --init >/dev/null 2>&1
wineserver -w
test -d "$WINEPREFIX/drive_c/windows"
echo "ok: wine prefix $WINEPREFIX"
