#!/usr/bin/env bash
# nginx-proxy-test.sh SERVICE: the deployment of deploy/nginx with real
# nginx (Debian's /usr/sbin/nginx, scripts/setup.sh test) in front of a real
# careplan-service, both as the current user on loopback:
#   - the shipped TLS site passes `nginx -t` with a throw-away certificate;
#   - plain HTTP on a free loopback port with the shipped limits (the very
#     files of deploy/nginx, included), then nginx-probe.py: API calls
#     through nginx, login limits per real client address, nginx's own
#     limits (in the service's error JSON), and a slowloris probe;
#   - the service stopped: nginx's 502 in the error JSON.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/../../deploy/nginx" && pwd)
service=$1
nginx=/usr/sbin/nginx
[ -x "$nginx" ] || { echo "FAIL: $nginx missing (scripts/setup.sh test installs nginx)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  for pid in ${NGINX_PID:-} ${SERVICE_PID:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/temp"

. "$here/nginx-conf.sh"
nginx_options=(-p "$work" -e "$work/error.log" -g "daemon off; pid $work/nginx.pid; error_log $work/error.log info;")

# 1. The TLS site as shipped, its placeholders filled with a fresh certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=license.example.jp \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
sed -e "s#/etc/ssl/careplan/#$work/#" -e "s#/etc/nginx/snippets/#$deploy/#" \
  "$deploy/careplan-site.conf" >"$work/site.conf"
{ nginx_main_context 1
  echo "http { $(nginx_temp_paths "$work") include $deploy/careplan-http.conf; include $work/site.conf; }"; } \
  >"$work/tls-check.conf"
if ! "$nginx" "${nginx_options[@]}" -c "$work/tls-check.conf" -t 2>"$work/tls-check.log"; then
  echo "FAIL: nginx -t refuses the shipped TLS site:" >&2; cat "$work/tls-check.log" >&2; exit 1
fi
echo "nginx -t: deploy/nginx/careplan-site.conf (TLS) is valid"

# 2. The service, trusting X-Forwarded-For from nginx's address only.
coproc SERVICE { exec "$service" --db "$work/db.sqlite" --listen 127.0.0.1:0 --demo \
  --trusted-proxy 127.0.0.1 2>"$work/service.log"; }
read -r line <&"${SERVICE[0]}"
service_url=${line#listening on }
[[ $service_url == http://127.0.0.1:* ]] || { echo "FAIL: the service did not start: $line" >&2; exit 1; }

# 3. nginx over plain HTTP with the shipped limits, on a free loopback port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
nginx_proxy_conf "$work" "$deploy" "${service_url#http://}" "$port" 1 >"$work/nginx.conf"
"$nginx" "${nginx_options[@]}" -c "$work/nginx.conf" &
NGINX_PID=$!

status=0
python3 "$here/nginx-probe.py" "http://127.0.0.1:$port" "$work/service.log" || status=$?
# 4. The service stopped (a restart, a crash): nginx answers 502 itself.
if [ $status = 0 ]; then
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  python3 "$here/nginx-probe.py" "http://127.0.0.1:$port" "$work/service.log" down || status=$?
fi
if [ $status != 0 ]; then
  echo "--- nginx error.log (last lines)" >&2; tail -n 20 "$work/error.log" >&2
  echo "--- service log (last lines)" >&2; tail -n 20 "$work/service.log" >&2
fi
exit $status
