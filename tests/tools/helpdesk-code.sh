#!/usr/bin/env bash
# helpdesk-code.sh linux|wine CLIENT OUTDIR
# A caller's screen travels by its walkthrough code (画面共有コード): one
# client plays the caller's steps and prints the code its guide shows; a
# second client opens that code with --helpdesk and must show the same screen
# in the same state (read back by OCR) and the same code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gui=$(cd "$here/../gui" && pwd)
mode=$1 client=$2 out=$3
mkdir -p "$out"
code_in() { sed -n 's/.*ui-script text: 画面共有コード: \([2-9A-Z-]*\).*/\1/p' "$1" | head -n 1; }
"$here/run-ui-script.sh" "$mode" "$client" "$gui/helpdesk-caller.uis" "$out/caller" | tee "$out/caller.log"
code=$(code_in "$out/caller.log")
[ -n "$code" ] || { echo "FAIL: the caller's client showed no walkthrough code" >&2; exit 1; }
echo "walkthrough code read out: $code"
"$here/run-ui-script.sh" "$mode" "$client" "$gui/helpdesk-view.uis" "$out/helpdesk" --helpdesk "$code" |
  tee "$out/helpdesk.log"
shown=$(code_in "$out/helpdesk.log")
[ "$shown" = "$code" ] || { echo "FAIL: the help desk's screen has the code '$shown', not '$code'" >&2; exit 1; }
echo "ok: $mode: the help desk opened the caller's screen from $code"
