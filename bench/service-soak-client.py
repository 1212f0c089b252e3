#!/usr/bin/env python3
"""service-soak-client.py URL OFFICES SECONDS PROCESSES RATE RESULT.json: the offices of
bench/service-soak.sh at work against URL (the service, or nginx in front of it).

Office i (user KJ4000iiii, office number 14000iiii, password soak-password-i)
sends from its own loopback address 127.0.1.x / 127.0.2.x, as its own PC
would, and like the real client opens a new connection per request. Each
office logs in (all at once: Argon2id), then for SECONDS: reads its license, sends its
application with its own Idempotency-Key (201; the same application again on
every later send and in a later run, as retries), and every fifth round one
with a fresh key (the office applying twice: 409 ALREADY_APPLIED), at most
RATE requests a second (below nginx's 10 a second per address, so that its
429s do not stand in for the service's work). A request without an answer is
sent again once with the same key.

Writes {"requests", "seconds" (wall time, logins included), "p50_ms", "p99_ms",
"by_kind", "statuses", "unexpected_count", "unexpected", "applications":
{office_number: application_id}} to RESULT.json."""

import http.client
import json
import multiprocessing
import sys
import threading
import time
import urllib.parse
import uuid

URL = urllib.parse.urlsplit(sys.argv[1])
OFFICES, SECONDS, PROCESSES = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
RATE, RESULT = float(sys.argv[5]), sys.argv[6]
EXPECTED = {200, 201, 409, 429}


def office(i):
    return f"KJ4{i:07d}", f"soak-password-{i}", f"14{i:08d}"


def address(i):
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


def application_body(office_number):
    return json.dumps({
        "applicant_name": "山田 太郎", "applicant_kana": "ヤマダ タロウ", "email": "yamada@example.jp",
        "phone": "03-1234-5678", "office_number": office_number, "agree_terms": True,
        "terms_version": "2024.1", "agree_privacy": True, "privacy_version": "2024.1"}).encode()


class Office(threading.Thread):
    def __init__(self, i, record):
        super().__init__(daemon=True)
        self.i, self.record = i, record
        self.user_id, self.password, self.office_number = office(i)
        self.token = None
        self.application_id = None
        self.key = f"soak-key-{i}"  # the same in every run: a later run's sends are retries

    def send(self, kind, method, path, body=None, headers=None, retry=False):
        """(status, parsed body); status 0 when no answer came."""
        all_headers = {"Content-Type": "application/json"} if body else {}
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        all_headers.update(headers or {})
        for attempt in range(2 if retry else 1):
            started = time.monotonic()
            conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=30,
                                              source_address=(address(self.i), 0))
            try:
                conn.request(method, path, body, all_headers)
                answer = conn.getresponse()
                data = answer.read()
                self.record(kind, answer.status, time.monotonic() - started)
                try:
                    return answer.status, json.loads(data)
                except ValueError:
                    return answer.status, None
            except OSError as error:
                self.record(kind, 0, time.monotonic() - started, repr(error))
            finally:
                conn.close()
        return 0, None

    def apply(self, key):
        status, body = self.send("apply", "POST", "/api/v1/applications", application_body(self.office_number),
                                 {"Idempotency-Key": key}, retry=True)
        if status == 201:
            got = body["application_id"]
            if self.application_id not in (None, got):
                self.record("apply", -1, 0, f"office {self.i}: a second application {got}")
            self.application_id = got

    def run(self):
        body = json.dumps({"user_id": self.user_id, "password": self.password}).encode()
        give_up = time.monotonic() + 120
        while self.token is None and time.monotonic() < give_up:
            status, answer = self.send("login", "POST", "/api/v1/sessions", body)
            if status == 201:
                self.token = answer["token"]
            else:
                time.sleep(1)
        # SECONDS of work from the login on, however long the logins took.
        deadline = time.monotonic() + SECONDS if self.token else 0
        rounds = 0
        while time.monotonic() < deadline:
            rounds += 1
            started = time.monotonic()
            self.send("license", "GET", "/api/v1/license")
            self.apply(self.key)
            sent = 2
            if rounds % 5 == 0:
                self.apply(uuid.uuid4().hex)
                sent += 1
            time.sleep(max(0.0, started + sent / RATE - time.monotonic()))


def work(indices):
    """One process: its offices as threads. Returns what they recorded."""
    lock = threading.Lock()
    latencies, statuses, unexpected = {}, {}, {}

    def record(kind, status, seconds, note=None):
        with lock:
            latencies.setdefault(kind, []).append(seconds * 1000)
            statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
            if status not in EXPECTED:
                what = f"{kind} {status} {note or ''}".strip()
                unexpected[what] = unexpected.get(what, 0) + 1

    offices = [Office(i, record) for i in indices]
    for o in offices:
        o.start()
    for o in offices:
        o.join()
    applications = {o.office_number: o.application_id for o in offices if o.application_id}
    return latencies, statuses, unexpected, applications


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else 0.0


def main():
    started = time.monotonic()
    chunks = [list(range(OFFICES))[p::PROCESSES] for p in range(PROCESSES)]
    with multiprocessing.Pool(PROCESSES) as pool:
        parts = pool.map(work, chunks)
    seconds = time.monotonic() - started
    latencies, statuses, unexpected, applications = {}, {}, {}, {}
    for part_latencies, part_statuses, part_unexpected, part_applications in parts:
        for kind, values in part_latencies.items():
            latencies.setdefault(kind, []).extend(values)
        for key, count in part_statuses.items():
            statuses[key] = statuses.get(key, 0) + count
        for what, count in part_unexpected.items():
            unexpected[what] = unexpected.get(what, 0) + count
        applications.update(part_applications)
    every = [v for values in latencies.values() for v in values]
    result = {
        "requests": len(every), "seconds": seconds,
        "p50_ms": percentile(every, 50), "p99_ms": percentile(every, 99),
        "by_kind": {kind: {"n": len(v), "p50_ms": percentile(v, 50), "p99_ms": percentile(v, 99)}
                    for kind, v in sorted(latencies.items())},
        "statuses": dict(sorted(statuses.items())),
        "unexpected_count": sum(count for key, count in statuses.items()
                                if int(key.split()[1]) not in EXPECTED),
        "unexpected": [f"{count} x {what}" for what, count in
                       sorted(unexpected.items(), key=lambda item: -item[1])[:20]],
        "applications": applications,
    }
    with open(RESULT, "w", encoding="utf-8") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main()
