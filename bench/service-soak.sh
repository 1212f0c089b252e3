#!/usr/bin/env bash
# Soak benchmark of careplan-service on loopback (a script, not a test).
#
#   bench/service-soak.sh PATH/TO/careplan-service [--offices N] [--seconds S]
#                         [--processes P] [--rate R] [--wrk-seconds W] [--connections C]
#
# Defaults: 200 offices at most 4 requests a second each, 45 s per client run
# (after its login), 2 client processes, 10 s per wrk run on 32 connections:
# about 2.5 minutes in all with a Release build (Argon2id in a Debug build is
# several times slower: the setup and the logins take much longer). For a
# quick look: --offices 50 --seconds 10 --wrk-seconds 3.
#
# Before the clock starts: the service with a throw-away database, N offices
# made with its own administration commands (user add, license set), and
# Debian's nginx with the shipped deploy/nginx files on a free loopback port
# (as tests/tools/nginx-proxy-test.sh runs them), plus a second nginx server
# for a static file. Then:
#   1. the offices (service-soak-client.py) DIRECT to the service: each logs
#      in from its own loopback address, reads its license and sends its
#      application with its Idempotency-Key, again and again (retries), now
#      and then with a fresh key (409 ALREADY_APPLIED);
#   2. the same offices THROUGH nginx, same keys (so every 201 is a replay);
#   3. wrk: GET /api/v1/license direct (one office's token, keep-alive), and
#      nginx serving a static file of the same size: the ceiling.
# Prints for each requests/s, p50/p99, the answers, errors other than the
# expected 409/429 and the service's RSS; at the end stops the service and
# checks its database: every application answered 201 is there exactly once.
# wrk keeps connections open; the client and service-soak-client.py do not
# (one connection per request, as careplan_api does).
set -euo pipefail

service=${1:?usage: $0 PATH/TO/careplan-service [--offices N] [--seconds S] [--processes P] [--rate R] [--wrk-seconds W] [--connections C]}
shift
offices=200 seconds=45 processes=2 rate=4 wrk_seconds=10 connections=32
while [ $# -gt 0 ]; do
  case $1 in
    --offices) offices=$2 ;;
    --seconds) seconds=$2 ;;
    --processes) processes=$2 ;;
    --rate) rate=$2 ;;
    --wrk-seconds) wrk_seconds=$2 ;;
    --connections) connections=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ "$offices" -le 1000 ] || { echo "at most 1000 offices (loopback addresses 127.0.1-4.x)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/../deploy/nginx" && pwd)
. "$here/../tests/tools/nginx-conf.sh"
nginx=/usr/sbin/nginx
for tool in wrk python3 "$nginx"; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (scripts/setup.sh test)" >&2; exit 1; }
done

work=$(mktemp -d)
service_pid= nginx_pid=
cleanup() {
  for pid in $nginx_pid $service_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/temp" "$work/static"
db=$work/soak.db
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss() { awk '/^VmRSS:/ {printf "%.1f MiB", $2 / 1024}' "/proc/$service_pid/status"; }

# The offices, as an operator makes them (Argon2id at the service's cost).
started=$(date +%s)
make_office() {  # index
  local id number
  id=$(printf 'KJ4%07d' "$1") number=$(printf '14%08d' "$1")
  echo "soak-password-$1" | "$service" --db "$db" user add "$id" --office "$number" \
    --office-name "Soak office $1" >/dev/null
  "$service" --db "$db" license set --office "$number" --valid-until 2027-01-10 >/dev/null
}
export -f make_office
export service db
make_office 0  # alone: it creates the database (two first openings would both migrate)
seq 1 $((offices - 1)) | xargs -P 2 -I{} bash -c 'make_office {}'
echo "setup: $offices offices made in $(($(date +%s) - started)) s"

# The service (its request log to a file: a terminal would be measured too).
"$service" --db "$db" --listen 127.0.0.1:0 --today 2026-11-25 --trusted-proxy 127.0.0.1 \
  >"$work/stdout" 2>"$work/service.log" &
service_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/stdout" 2>/dev/null && break
  sleep 0.1
done
service_url=$(sed -n 's/^listening on //p' "$work/stdout")
[ -n "$service_url" ] || { echo "the service did not start" >&2; cat "$work/service.log" >&2; exit 1; }

# nginx: the shipped http and locations files, a static server beside.
port=$(free_port) static_port=$(free_port)
nginx_proxy_conf "$work" "$deploy" "${service_url#http://}" "$port" auto \
  "server { listen 127.0.0.1:$static_port; location / { root $work/static; default_type application/json; } }" \
  >"$work/nginx.conf"
"$nginx" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" \
  -g "daemon off; pid $work/nginx.pid; error_log $work/error.log warn;" &
nginx_pid=$!
for _ in $(seq 50); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.1
done

echo "service $service_url, nginx http://127.0.0.1:$port, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "service RSS at start: $(rss)"

soak() {  # name, URL, result file
  python3 "$here/service-soak-client.py" "$2" "$offices" "$seconds" "$processes" "$rate" "$3"
  python3 - "$1" "$3" "$(rss)" <<'PY'
import json, sys
name, path, rss = sys.argv[1], sys.argv[2], sys.argv[3]
r = json.load(open(path))
print(f"{name:<34} {r['requests'] / r['seconds']:8.0f} req/s   p50 {r['p50_ms']:7.1f} ms   "
      f"p99 {r['p99_ms']:7.1f} ms   unexpected {r['unexpected_count']}   RSS after {rss}")
for kind, k in r["by_kind"].items():
    print(f"    {kind:<10} n={k['n']:<7} p50 {k['p50_ms']:7.1f} ms   p99 {k['p99_ms']:7.1f} ms")
print("    answers: " + ", ".join(f"{key}: {n}" for key, n in r["statuses"].items()))
for line in r["unexpected"]:
    print("    unexpected: " + line)
PY
}

wrk_run() {  # name, wrk arguments...
  local name=$1 out
  shift
  out=$(wrk --latency -t2 -c"$connections" -d"${wrk_seconds}s" "$@")
  printf '%-34s %8.0f req/s   p50 %10s   p99 %10s   non-2xx %s   RSS after %s\n' "$name" \
    "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out" | grep . || echo 0)" "$(rss)"
}

soak "offices direct" "$service_url" "$work/direct.json"
soak "offices through nginx" "http://127.0.0.1:$port" "$work/nginx.json"

# wrk: one office's session, and a static file of the license's size.
token=$(python3 - "$service_url" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(
    sys.argv[1] + "/api/v1/sessions",
    data=json.dumps({"user_id": "KJ40000000", "password": "soak-password-0"}).encode(),
    headers={"Content-Type": "application/json"}, method="POST")
print(json.load(urllib.request.urlopen(request))["token"])
PY
)
# The static file: the same answer, fetched with python3 (curl's command is
# not among the packages setup.sh installs).
python3 - "$service_url" "$token" >"$work/static/license.json" <<'PY'
import sys, urllib.request
request = urllib.request.Request(sys.argv[1] + "/api/v1/license", headers={"Authorization": "Bearer " + sys.argv[2]})
sys.stdout.write(urllib.request.urlopen(request).read().decode())
PY
wrk_run "wrk GET /api/v1/license direct" -H "Authorization: Bearer $token" "$service_url/api/v1/license"
wrk_run "wrk nginx static file (ceiling)" "http://127.0.0.1:$static_port/license.json"
echo "service RSS at end: $(rss); log lines: $(wc -l <"$work/service.log")"

# The database: every application answered 201 in either run exactly once.
kill "$service_pid"
wait "$service_pid" || true
service_pid=
python3 - "$db" "$work/direct.json" "$work/nginx.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT o.office_number, a.application_id FROM applications a "
                  "JOIN offices o ON o.id = a.office_id").fetchall()
stored = {}
for number, application_id in rows:
    stored.setdefault(number, []).append(application_id)
problems = [f"office {n}: {len(ids)} applications" for n, ids in stored.items() if len(ids) != 1]
answered = {}
for path in sys.argv[2:]:
    for number, application_id in json.load(open(path))["applications"].items():
        if answered.setdefault(number, application_id) != application_id:
            problems.append(f"office {number}: answered {answered[number]} and {application_id}")
        if stored.get(number) != [application_id]:
            problems.append(f"office {number}: answered {application_id}, stored {stored.get(number)}")
mails = db.execute("SELECT count(*) FROM mail_outbox").fetchone()[0]
if mails != len(rows):
    problems.append(f"{mails} completion mails for {len(rows)} applications")
print(f"database: {len(rows)} applications, {len(answered)} answered 201, {mails} mails; "
      + ("every 201 stored exactly once" if not problems else f"{len(problems)} PROBLEMS"))
for problem in problems[:20]:
    print("    " + problem)
sys.exit(1 if problems else 0)
PY
