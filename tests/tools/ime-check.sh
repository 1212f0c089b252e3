#!/usr/bin/env bash
# ime-check.sh CLIENT_EXE OUTDIR [CLIENT ARGS...]: plays tests/gui/ime.uis in the Windows exe
# under Wine with --ime-trace, then checks the trace: what imm32 held after
# each call against what the client asked for (check-ime-trace.py).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
client=$1 out=$2; shift 2
"$here/run-ui-script.sh" wine "$client" "$here/../gui/ime.uis" "$out" "$@"
# The script moves the window by 60, 40 once.
exec /usr/bin/python3 "$here/check-ime-trace.py" "$out/ime-trace.txt" --moved 60,40
