#!/usr/bin/env bash
# screenshot-ocr.sh linux|wine CLIENT OUT.png TEXT... : starts the client with
# --screenshot (and $CLIENT_ARGS), then checks that OCR finds every TEXT in
# the picture.
set -euo pipefail
. "$(dirname "$0")/common.sh"
mode=$1 client=$2 png=$3; shift 3
rm -f "$png"
if [ "$mode" = wine ]; then
  wine_run "$client" ${CLIENT_ARGS:-} --screenshot "$png"
else
  on_virtual_display "$client" ${CLIENT_ARGS:-} --screenshot "$png"
fi
[ -s "$png" ] || { echo "FAIL: no screenshot written to $png" >&2; exit 1; }
expect_texts "$png" "$@"
echo "ok: $mode screenshot $png shows: $*"
