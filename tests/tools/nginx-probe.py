#!/usr/bin/env python3
"""nginx-probe.py NGINX_URL SERVICE_LOG [down]: checks careplan-service behind
the nginx of deploy/nginx (started by nginx-proxy-test.sh):
  (a) API calls through nginx; the service's login limits count the real
      client address (from X-Forwarded-For), a forged X-Forwarded-For entry
      is not believed; nginx's own login and API rate limits and body limit,
      answered in the service's error JSON with the catalogue's message;
  (b) slowloris: many connections sending their headers one byte a second
      while a normal client's requests still answer quickly;
  (c) nginx closes those slow connections after its header timeout.
With "down" (the service stopped): nginx's 502 in the error JSON.
Each client uses its own loopback address (127.0.0.x), as different PCs."""

import http.client
import json
import os
import socket
import statistics
import sys
import threading
import time
import urllib.parse

URL = urllib.parse.urlsplit(sys.argv[1])
SERVICE_LOG = sys.argv[2]
ERROR_TEXTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../assets/texts/errors.txt")
HOST, PORT = URL.hostname, URL.port

SLOW_CONNECTIONS = 64
HEADER_TIMEOUT = 5.0  # client_header_timeout of deploy/nginx/careplan-locations.conf
MAX_LATENCY = 2.0  # what a normal request may take while the slow ones hang on

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def exchange(source, method, path, body=None, headers=None):
    """(status, headers, parsed JSON or None, seconds) of one request from 127.0.0.x."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=10, source_address=(source, 0))
    started = time.monotonic()
    try:
        payload = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        all_headers = {"Content-Type": "application/json"} if payload is not None else {}
        all_headers.update(headers or {})
        conn.request(method, path, payload, all_headers)
        answer = conn.getresponse()
        data = answer.read()
        elapsed = time.monotonic() - started
        try:
            parsed = json.loads(data)
        except ValueError:
            parsed = None
        return answer.status, answer.headers, parsed, elapsed
    finally:
        conn.close()


def request(source, method, path, body=None, headers=None):
    """(status, parsed JSON or None, seconds) of one request from 127.0.0.x."""
    status, _, parsed, elapsed = exchange(source, method, path, body, headers)
    return status, parsed, elapsed


def catalogue(key):
    """A text of assets/texts/errors.txt (single-line entries)."""
    with open(ERROR_TEXTS, encoding="utf-8") as texts:
        for line in texts:
            name, _, text = line.partition(" = ")
            if name == key:
                return text.strip()
    sys.exit(f"FAIL: {key} missing from {ERROR_TEXTS}")


def check_error_json(answer, status, code, text_key, retry_after, what):
    """nginx's own refusal in the service's error JSON, as the client reads it."""
    got_status, headers, body, _ = answer
    error = (body or {}).get("error", {})
    check(got_status == status and error.get("code") == code,
          f"{what}: {status} {code} (got {got_status} {error.get('code')})")
    check(error.get("message") == catalogue(text_key), f"{what}: the message of {text_key}")
    check(headers.get("Content-Type", "").startswith("application/json"),
          f"{what}: Content-Type application/json (got {headers.get('Content-Type')})")
    check(headers.get("Retry-After") == retry_after,
          f"{what}: Retry-After {retry_after} (got {headers.get('Retry-After')})")


def login(source, user_id, password, headers=None):
    status, body, _ = request(source, "POST", "/api/v1/sessions",
                              {"user_id": user_id, "password": password}, headers)
    return status, body


def error_code(body):
    return (body or {}).get("error", {}).get("code")


def wait_until_up():
    deadline = time.monotonic() + 10
    while True:
        try:
            if request("127.0.0.1", "GET", "/api/v1/health")[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("FAIL: nginx did not answer /api/v1/health within 10 s")
        time.sleep(0.1)


def api_through_nginx():
    # Four wrong passwords from one PC, the fifth is refused by the service.
    statuses = [login("127.0.0.2", "KJ00000001", "wrong-password")[0] for _ in range(4)]
    check(statuses == [401] * 4, f"4 wrong passwords from 127.0.0.2 answer 401 (got {statuses})")
    status, body = login("127.0.0.2", "KJ00000001", "wrong-password")
    check(status == 429 and error_code(body) == "LOCKED_OUT",
          f"the 5th from 127.0.0.2 answers 429 LOCKED_OUT (got {status} {error_code(body)})")
    # Another PC, through the same nginx, is not locked out with it.
    status, body = login("127.0.0.3", "KJ00000001", "demo-pass-0001")
    check(status == 201, f"the right password from 127.0.0.3 logs in (got {status})")
    token = (body or {}).get("token", "")
    status, license_, _ = request("127.0.0.3", "GET", "/api/v1/license",
                                  headers={"Authorization": f"Bearer {token}"})
    check(status == 200 and "valid_until" in json.dumps(license_),
          f"GET /api/v1/license with its token answers 200 (got {status})")
    # A forged entry names the locked-out address; nginx appends the real one,
    # which is the one the service counts.
    status, _ = login("127.0.0.4", "KJ00000001", "wrong-password", {"X-Forwarded-For": "127.0.0.2"})
    check(status == 401, f"a forged X-Forwarded-For: 127.0.0.2 from 127.0.0.4 is not believed (got {status})")
    with open(SERVICE_LOG, encoding="utf-8", errors="replace") as log:
        text = log.read()
    for address in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
        check(f" {address} POST /api/v1/sessions " in text, f"the service logs the client {address}")

    # nginx's own limits: logins 10 a minute with a burst of 10 per address
    # (bodies that are not JSON: answered 400 by the service without a hash).
    answers = [exchange("127.0.0.5", "POST", "/api/v1/sessions", b"x") for _ in range(13)]
    statuses = [answer[0] for answer in answers]
    check(statuses[:11] == [400] * 11 and statuses[11:] == [429] * 2,
          f"nginx lets 11 logins from 127.0.0.5 through, then 429 (got {statuses})")
    check_error_json(answers[-1], 429, "RATE_LIMITED", "error.rate_limited", "60", "nginx's login limit")
    # Other API calls: 10 a second with a burst of 40.
    answers = [exchange("127.0.0.8", "GET", "/api/v1/health") for _ in range(60)]
    refused = [answer for answer in answers if answer[0] != 200]
    check(40 <= len(answers) - len(refused) < 60, f"a burst of health checks: {len(answers) - len(refused)} of 60 pass")
    if refused:
        check_error_json(refused[-1], 429, "RATE_LIMITED", "error.rate_limited", "10", "nginx's API limit")
    answer = exchange("127.0.0.5", "POST", "/api/v1/inquiries", b"x" * (64 * 1024 + 1))
    check_error_json(answer, 413, "PAYLOAD_TOO_LARGE", "error.payload_too_large", None,
                     "a body over 64 KiB ends at nginx")
    # The service's own refusals pass through nginx unchanged.
    status, headers, body, _ = exchange("127.0.0.2", "POST", "/api/v1/sessions",
                                        {"user_id": "KJ00000001", "password": "wrong-password"})
    check(status == 429 and error_code(body) == "LOCKED_OUT" and headers.get("Retry-After"),
          f"the service's own 429 LOCKED_OUT passes through with its Retry-After (got {status} {error_code(body)})")


def service_down():
    """After the service has stopped: nginx's 502 in the error JSON."""
    answer = exchange("127.0.0.9", "GET", "/api/v1/license")
    check_error_json(answer, 502, "SERVER_ERROR", "error.server_error", "30", "the service stopped")


class SlowClient(threading.Thread):
    """Sends a request's headers one byte a second until nginx closes it."""

    def __init__(self, source):
        super().__init__(daemon=True)
        self.sock = socket.create_connection((HOST, PORT), timeout=10, source_address=(source, 0))
        self.opened = time.monotonic()
        self.closed_after = None  # seconds from opening, once nginx has closed it
        self.bytes_sent = 0

    def run(self):
        header = b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 100
        self.sock.settimeout(1.0)
        try:
            for byte in header:
                self.sock.sendall(bytes([byte]))
                self.bytes_sent += 1
                try:
                    if self.sock.recv(1024) == b"":  # nginx closed it
                        break
                except socket.timeout:
                    continue  # still open: the next byte after a second
        except OSError:  # reset by nginx (reset_timedout_connection)
            pass
        self.closed_after = time.monotonic() - self.opened
        self.sock.close()


def slowloris():
    slow = [SlowClient("127.0.0.6") for _ in range(SLOW_CONNECTIONS)]
    for client in slow:
        client.start()
    # A normal client from another PC meanwhile, while every slow one is open.
    latencies, statuses = [], []
    started = time.monotonic()
    while time.monotonic() - started < HEADER_TIMEOUT - 1.5:
        status, _, elapsed = request("127.0.0.7", "GET", "/api/v1/terms")
        statuses.append(status)
        latencies.append(elapsed)
        time.sleep(0.2)
    still_open = sum(client.closed_after is None for client in slow)
    check(still_open == SLOW_CONNECTIONS,
          f"all {SLOW_CONNECTIONS} slow connections were open during the normal requests ({still_open})")
    check(statuses and all(s == 200 for s in statuses), f"{len(statuses)} normal requests answer 200")
    print(f"     normal client latencies: n={len(latencies)} median={statistics.median(latencies) * 1000:.1f} ms "
          f"max={max(latencies) * 1000:.1f} ms")
    check(max(latencies) < MAX_LATENCY, f"each normal request took < {MAX_LATENCY:.0f} s")

    for client in slow:
        client.join(timeout=HEADER_TIMEOUT + 6)
    closed = [client.closed_after for client in slow if client.closed_after is not None]
    check(len(closed) == SLOW_CONNECTIONS,
          f"nginx closed {len(closed)} of {SLOW_CONNECTIONS} slow connections")
    if closed:
        sent = [client.bytes_sent for client in slow]
        print(f"     slow connections closed after {min(closed):.1f}..{max(closed):.1f} s "
              f"(header timeout {HEADER_TIMEOUT:.0f} s), {min(sent)}..{max(sent)} bytes sent each")
        check(max(closed) < HEADER_TIMEOUT + 3, f"each within {HEADER_TIMEOUT + 3:.0f} s")
    # And the normal client still gets through afterwards.
    check(request("127.0.0.7", "GET", "/api/v1/health")[0] == 200, "GET /api/v1/health answers 200 after")


def main():
    if len(sys.argv) > 3 and sys.argv[3] == "down":
        service_down()
        return report()
    wait_until_up()
    api_through_nginx()
    slowloris()
    return report()


def report():
    if failures:
        print(f"nginx probe: {len(failures)} check(s) failed")
        return 1
    print("nginx probe: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
