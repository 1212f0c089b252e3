#!/usr/bin/env bash
# with-proxy.sh SERVICE COMMAND...: starts careplan-service (plain HTTP,
# loopback, demo offices) and a forwarding proxy, runs COMMAND with {URL} and
# {PROXY} replaced, then checks that the client's requests went through the
# proxy (its log names them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
service=$1; shift
work=$(mktemp -d)
trap 'kill $SERVICE_PID $PROXY_PID 2>/dev/null; rm -rf "$work"' EXIT
coproc SERVICE { exec "$service" --db "$work/db.sqlite" --listen 127.0.0.1:0 --demo 2>/dev/null; }
read -r line <&"${SERVICE[0]}"
url=${line#listening on }
coproc PROXY { exec "$here/http-proxy.py" "$work/proxy.log"; }
read -r proxy <&"${PROXY[0]}"
args=()
for a in "$@"; do a=${a//'{URL}'/$url}; args+=("${a//'{PROXY}'/$proxy}"); done
"${args[@]}"
grep -q '^POST /api/v1/sessions 201' "$work/proxy.log" ||
  { echo "FAIL: the login did not go through the proxy; its log:" >&2; cat "$work/proxy.log" >&2; exit 1; }
echo "ok: through the proxy: $(tr '\n' ';' <"$work/proxy.log")"
