#!/usr/bin/env bash
# Load benchmark of careplan-service over loopback (a script, not a test).
#
#   bench/service-load.sh PATH/TO/careplan-service [SECONDS] [CONNECTIONS]
#
# Starts the given binary with --demo on 127.0.0.1:0 and a throw-away
# database, logs in as demo office KJ00000001 (更新可能) and runs wrk, bounded
# by SECONDS (default 5) on CONNECTIONS connections (default 8), against:
#   1. GET  /api/v1/license
#   2. POST /api/v1/applications with a distinct Idempotency-Key per request:
#      the first is accepted (201), every later one is 409 ALREADY_APPLIED
#      (one application per period), so this measures the full write-path
#      check (session, JSON, validation, idempotency lookup, eligibility in
#      one IMMEDIATE transaction) rather than inserts.
# Prints requests/s and p50/p99 latency of each. Builds nothing.
set -euo pipefail

binary=${1:?usage: $0 PATH/TO/careplan-service [SECONDS] [CONNECTIONS]}
seconds=${2:-5}
connections=${3:-8}
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }

work=$(mktemp -d)
service_pid=
cleanup() {
  [[ -n $service_pid ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The request log goes to a file: writing it to a terminal would be measured too.
"$binary" --db "$work/bench.db" --listen 127.0.0.1:0 --demo --today 2026-11-25 \
  >"$work/stdout" 2>"$work/requests.log" &
service_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/stdout" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/stdout")
[[ -n $url ]] || { echo "the service did not start" >&2; cat "$work/requests.log" >&2; exit 1; }

# Log in on loopback with python3 (on every machine here).
token=$(python3 - "$url" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(
    sys.argv[1] + "/api/v1/sessions",
    data=json.dumps({"user_id": "KJ00000001", "password": "demo-pass-0001"}).encode(),
    headers={"Content-Type": "application/json"}, method="POST")
print(json.load(urllib.request.urlopen(request))["token"])
PY
)

cat >"$work/apply.lua" <<LUA
local counter = 0
local body = '{"applicant_name":"山田 太郎","applicant_kana":"ヤマダ タロウ",' ..
  '"email":"yamada@example.jp","phone":"03-1234-5678","office_number":"1370000001",' ..
  '"agree_terms":true,"terms_version":"2024.1","agree_privacy":true,"privacy_version":"2024.1"}'
request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/applications", {
    ["Authorization"] = "Bearer $token",
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. tostring(math.random(1, 1e9)) .. "-" .. counter,
  }, body)
end
LUA

run() {  # name, wrk arguments...
  local name=$1
  shift
  local out
  out=$(wrk --latency -t2 -c"$connections" -d"${seconds}s" "$@")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' \
    "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "careplan-service load, ${seconds}s x ${connections} connections, $url"
run "GET /api/v1/license" -H "Authorization: Bearer $token" "$url/api/v1/license"
run "POST /api/v1/applications" -s "$work/apply.lua" "$url"
echo "(POST: one 201, then 409 ALREADY_APPLIED for every other distinct key)"
