#!/usr/bin/env bash
# client-idle.sh CLIENT [SECONDS]: starts the client (with its embedded demo
# service) on a virtual display and prints its first-frame time, its resident
# memory once started, and the CPU it uses while idle for SECONDS (default
# 10). The loop waits for events, so idle CPU should be close to 0.
set -euo pipefail
client=$(realpath "$1")
seconds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/../tests/tools/common.sh"

first=$(on_virtual_display "$client" --screenshot "$work/first.png" | sed -n 's/.*first_frame_ms=\([0-9]*\).*/\1/p')
echo "first frame: ${first} ms (process start to first presented frame, incl. the embedded service)"

on_virtual_display sh -c '
  "$0" & pid=$!
  sleep 3
  ticks() { awk "{print \$14 + \$15}" /proc/$pid/stat; }
  before=$(ticks)
  sleep "$1"
  after=$(ticks)
  rss=$(awk "/VmRSS/ {print \$2}" /proc/$pid/status)
  hz=$(getconf CLK_TCK)
  echo "RSS after start: $((rss / 1024)) MiB"
  awk -v t=$((after - before)) -v hz=$hz -v s="$1" "BEGIN {printf \"idle CPU over %d s: %.2f s (%.2f%%)\n\", s, t / hz, 100 * t / hz / s}"
  kill $pid; wait $pid 2>/dev/null || true
' "$client" "$seconds"
