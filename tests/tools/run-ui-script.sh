#!/usr/bin/env bash
# run-ui-script.sh linux|wine CLIENT SCRIPT OUTDIR [CLIENT ARGS...]
# Plays a UI script in the client (screenshots land in OUTDIR), then reads
# each screenshot back with OCR. The script names what each picture must show
# in comment lines of the form:
#   # ocr FILE.png: TEXT | TEXT ...
# and may give the client more arguments in one line
#   # args: --server URL
# where {SILENT_SERVER} stands for a server that accepts and never answers.
# FIRST_STEP="content-scale 1.5" plays the script with that step first (the
# Wine test's script for a Windows text size, on Linux at that scale).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
mode=$1 client=$(realpath "$2") script=$(realpath "$3") out=$4; shift 4
rm -rf "$out" && mkdir -p "$out" && cd "$out"
if [ -n "${FIRST_STEP:-}" ]; then
  { echo "$FIRST_STEP"; cat "$script"; } >played.uis
  script=$PWD/played.uis
fi
extra=$(sed -n 's/^# args: //p' "$script")
if [[ $extra == *'{SILENT_SERVER}'* ]]; then
  coproc SILENT { exec "$here/silent-server.py"; }
  read -r silent_url <&"${SILENT[0]}"
  trap 'kill $SILENT_PID 2>/dev/null' EXIT
  extra=${extra//'{SILENT_SERVER}'/$silent_url}
fi
set -- $extra "$@"
if [ "$mode" = wine ]; then
  wine_run "$client" --ui-script "$script" "$@"
else
  on_virtual_display "$client" --ui-script "$script" "$@"
fi
status=0
while IFS= read -r line; do
  png=${line#\# ocr }; png=${png%%:*}
  IFS='|' read -ra texts <<<"${line#*: }"
  trimmed=()
  for t in "${texts[@]}"; do t=${t#"${t%%[! ]*}"}; trimmed+=("${t%"${t##*[! ]}"}"); done
  [ -s "$png" ] || { echo "FAIL: $png was not written" >&2; status=1; continue; }
  expect_texts "$png" "${trimmed[@]}" || status=1
done < <(grep '^# ocr ' "$script")
[ $status = 0 ] && echo "ok: $mode $(basename "$script"): script passed, screenshots read back"
exit $status
