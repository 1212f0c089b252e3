#!/usr/bin/env bash
# with-inquiry-service.sh MESSAGE SERVICE COMMAND...: starts careplan-service
# (plain HTTP, loopback, demo offices) with a database of its own, runs
# COMMAND with {URL} replaced (a client sending an inquiry), then checks that
# the service's administrators find an inquiry holding MESSAGE with
# `careplan-service --db FILE inquiries list`.
set -euo pipefail
message=$1 service=$2; shift 2
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null; rm -rf "$work"' EXIT
coproc SERVICE { exec "$service" --db "$work/db.sqlite" --listen 127.0.0.1:0 --demo 2>/dev/null; }
read -r line <&"${SERVICE[0]}"
url=${line#listening on }
args=()
for a in "$@"; do args+=("${a//'{URL}'/$url}"); done
"${args[@]}"
listed=$("$service" --db "$work/db.sqlite" inquiries list)
grep -qF -- "$message" <<<"$listed" ||
  { echo "FAIL: the inquiry is not in the service's list:" >&2; echo "$listed" >&2; exit 1; }
echo "ok: the service lists the inquiry: $(grep -F -- "$message" <<<"$listed" | head -1)"
