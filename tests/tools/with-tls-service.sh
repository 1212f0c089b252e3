#!/usr/bin/env bash
# with-tls-service.sh SERVICE COMMAND...: starts careplan-service over HTTPS
# with a fresh self-signed certificate (trusted by nobody), then runs COMMAND
# with {URL} replaced by the service's https:// address. For the tests of a
# certificate that the client must refuse.
set -euo pipefail
service=$1; shift
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null; rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
coproc SERVICE { exec "$service" --db "$work/db.sqlite" --listen 127.0.0.1:0 --demo \
  --cert "$work/cert.pem" --key "$work/key.pem" 2>/dev/null; }
read -r line <&"${SERVICE[0]}"
url=${line#listening on }
[[ $url == https://* ]] || { echo "FAIL: the service did not start over HTTPS: $line" >&2; exit 1; }
args=()
for a in "$@"; do args+=("${a//'{URL}'/$url}"); done
"${args[@]}"
