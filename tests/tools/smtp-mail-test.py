#!/usr/bin/python3
"""smtp-mail-test.py SERVICE: careplan-service's completion mails through a
real SMTP server (smtp-sink.py, aiosmtpd) on loopback, all started here:
  1. an application submitted over the API; the service stopped before its
     mail is due, started again on the due day: the mail arrives once, with
     its headers (From, To, RFC 2047 Subject, Date, Message-ID, MIME UTF-8)
     and its Japanese body decoded back; a restart after that sends nothing;
  2. the mail server down: the attempts back off (1 s, 2 s, 4 s …, not every
     interval), the recipient masked in the log; delivered once it is up;
  3. --smtp-tls required against a server without STARTTLS: nothing sent in
     plain text, the error logged, retried; then the server with STARTTLS
     (a throw-away certificate) and AUTH: delivered, the password in no log;
  4. bad --smtp options: refused with a message, exit status 2."""

import email
import email.header
import email.policy
import email.utils
import glob
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

SERVICE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = tempfile.mkdtemp(prefix="careplan-smtp-")
TODAY = "2026-11-25"
FROM = "license@example.jp"
PASSWORD = "smtp-Secret-4711"  # must never appear in a log
failures = []
children = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_sink(name, port, *options):
    directory = os.path.join(WORK, name)
    os.makedirs(directory, exist_ok=True)
    sink = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "smtp-sink.py"), directory, str(port),
                             *options], stdout=subprocess.PIPE, text=True)
    children.append(sink)
    if sink.stdout.readline().strip() != "ready":
        sys.exit("FAIL: smtp-sink.py did not start")
    return sink, directory


def stop(process):
    process.terminate()
    process.wait(timeout=10)


class Service:
    def __init__(self, db, log, today, *options, env=None):
        self.log = log
        self.process = subprocess.Popen(
            [SERVICE, "--db", db, "--listen", "127.0.0.1:0", "--demo", "--today", today,
             "--mail-interval", "1", "--mail-retry", "1", *options],
            stdout=subprocess.PIPE, stderr=open(log, "a"), text=True, env=env)
        children.append(self.process)
        line = self.process.stdout.readline()
        if not line.startswith("listening on http://127.0.0.1:"):
            sys.exit("FAIL: the service did not start: " + line + open(log).read())
        self.port = int(line.rsplit(":", 1)[1])

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, json.dumps(body).encode() if body is not None else None,
                         {"Content-Type": "application/json", **(headers or {})})
            answer = conn.getresponse()
            return answer.status, json.loads(answer.read() or b"null")
        finally:
            conn.close()

    def stop(self):
        stop(self.process)


def apply(service, user_id, password, office_number, email_address, key):
    status, session = service.request("POST", "/api/v1/sessions", {"user_id": user_id, "password": password})
    assert status == 201, (status, session)
    auth = {"Authorization": "Bearer " + session["token"]}
    status, terms = service.request("GET", "/api/v1/terms", headers=auth)
    assert status == 200, (status, terms)
    status, result = service.request("POST", "/api/v1/applications", {
        "applicant_name": "山田 太郎", "applicant_kana": "ヤマダ タロウ", "email": email_address,
        "phone": "03-1234-5678", "office_number": office_number,
        "agree_terms": True, "terms_version": terms["terms"]["version"],
        "agree_privacy": True, "privacy_version": terms["privacy"]["version"]},
        {**auth, "Idempotency-Key": key})
    assert status == 201, (status, result)
    return result


def messages_for(directory, application_id):
    """The received messages (parsed, envelope) that carry this application."""
    found = []
    for path in sorted(glob.glob(os.path.join(directory, "*.eml"))):
        message = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
        if application_id in message.get_content():
            found.append((message, json.load(open(path[:-4] + ".json"))))
    return found


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def log_lines(log, needle):
    return [line for line in open(log, encoding="utf-8", errors="replace") if needle in line]


def main():
    smtp_port = free_port()
    plain = ["--smtp", "smtp://127.0.0.1:%d" % smtp_port, "--smtp-from", FROM, "--smtp-tls", "none"]

    # 1. Submitted, stopped before due, delivered after the restart; once.
    sink, received = start_sink("plain", smtp_port)
    db, log = os.path.join(WORK, "one.db"), os.path.join(WORK, "one.log")
    service = Service(db, log, TODAY, *plain)
    result = apply(service, "KJ00000001", "demo-pass-0001", "1370000001", "taro.yamada@example.jp", "k-1")
    application_id, due = result["application_id"], result["notify_by"]
    check(due > TODAY, "the mail is due on notify_by %s, after today" % due)
    time.sleep(2.5)  # two rounds of the worker
    check(messages_for(received, application_id) == [], "nothing sent before the due day")
    service.stop()
    service = Service(db, log, due, *plain)
    check(wait_for(lambda: messages_for(received, application_id), 10),
          "after a restart on the due day the mail arrives")
    check(wait_for(lambda: log_lines(log, "mail sent:"), 5), "the service logs the mail as sent")
    service.stop()
    service = Service(db, log, due, *plain)
    time.sleep(3)
    service.stop()
    mails = messages_for(received, application_id)
    check(len(mails) == 1, "exactly one mail for the application across three starts (got %d)" % len(mails))
    message, envelope = mails[0]
    check(envelope["rcpt_tos"] == ["taro.yamada@example.jp"] and envelope["mail_from"] == FROM,
          "envelope: from %s to the applicant" % FROM)
    check(message["From"] == FROM and message["To"] == "taro.yamada@example.jp", "From and To")
    raw_subject = open(sorted(glob.glob(os.path.join(received, "*.eml")))[0], "rb").read()
    check(b"=?UTF-8?B?" in raw_subject, "Subject is RFC 2047 encoded on the wire")
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    check("更新完了" in subject, "Subject decodes back to Japanese: " + subject)
    check(message["Message-ID"].startswith("<" + application_id + ".") and
          message["Message-ID"].endswith("@example.jp>"), "Message-ID from the outbox row: " +
          message["Message-ID"])
    check(email.utils.parsedate_to_datetime(message["Date"]) is not None, "Date: " + message["Date"])
    check(message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8" and
          message["MIME-Version"] == "1.0", "MIME text/plain; charset=UTF-8")
    body = message.get_content()
    check("山田 太郎" in body and application_id in body, "the Japanese body decodes back")
    stop(sink)

    # 2. The server down: back-off, masked address, delivered once it is up.
    db, log = os.path.join(WORK, "two.db"), os.path.join(WORK, "two.log")
    service = Service(db, log, TODAY, *plain)
    result = apply(service, "KJ00000001", "demo-pass-0001", "1370000001", "hanako.sato@example.jp", "k-2")
    service.stop()
    service = Service(db, log, result["notify_by"], *plain)
    time.sleep(4.5)
    failed = log_lines(log, "mail delivery failed")
    check(2 <= len(failed) <= 3, "with the server down, attempts back off: %d in 4.5 s at a 1 s interval"
          % len(failed))
    check(all("***@example.jp" in line for line in failed), "the failures name the recipient masked")
    check(any("next in 2 s" in line for line in failed), "the wait doubles (next in 2 s)")
    sink, received = start_sink("late", smtp_port)
    check(wait_for(lambda: messages_for(received, result["application_id"]), 10),
          "delivered after the server came up")
    service.stop()
    stop(sink)
    check(log_lines(log, "hanako.sato@example.jp") == [], "the full address is in no log line")

    # 3. STARTTLS required: never plain; then TLS with AUTH.
    cert, key = os.path.join(WORK, "cert.pem"), os.path.join(WORK, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    credentials = os.path.join(WORK, "smtp-credentials")
    with open(os.open(credentials, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
        f.write("careplan\n" + PASSWORD + "\n")
    sink, received = start_sink("no-starttls", smtp_port)
    db, log = os.path.join(WORK, "three.db"), os.path.join(WORK, "three.log")
    tls = ["--smtp", "smtp://127.0.0.1:%d" % smtp_port, "--smtp-from", FROM, "--smtp-tls", "required",
           "--smtp-ca", cert, "--smtp-credentials", credentials]
    service = Service(db, log, TODAY, *tls)
    result = apply(service, "KJ00000001", "demo-pass-0001", "1370000001", "jiro@example.jp", "k-3")
    service.stop()
    service = Service(db, log, result["notify_by"], *tls)
    check(wait_for(lambda: log_lines(log, "mail delivery failed"), 5), "without STARTTLS: an error is logged")
    check(any("STARTTLS" in line for line in log_lines(log, "mail delivery failed")),
          "the error says STARTTLS: " + (log_lines(log, "mail delivery failed") or [""])[0].strip())
    stop(sink)
    check(glob.glob(os.path.join(received, "*.eml")) == [], "nothing was sent in plain text")
    sink, received = start_sink("starttls", smtp_port, "--starttls", cert, key, "--auth", "careplan", PASSWORD)
    check(wait_for(lambda: messages_for(received, result["application_id"]), 10),
          "retried and delivered once the server offers STARTTLS")
    mails = messages_for(received, result["application_id"])
    check(mails and mails[0][1]["tls"] and mails[0][1]["auth_user"] == "careplan",
          "delivered under TLS after AUTH as careplan")
    service.stop()
    stop(sink)
    every_log = "".join(open(p, encoding="utf-8", errors="replace").read() for p in glob.glob(WORK + "/*.log"))
    check(PASSWORD not in every_log, "the SMTP password is in no log")

    # 4. Bad options: a clear refusal.
    for options, expected in [
            (["--smtp", "smtp://mail.example.jp:25", "--smtp-from", FROM, "--smtp-tls", "none"], "ループバック"),
            (["--smtp", "http://127.0.0.1:25", "--smtp-from", FROM], "smtp://"),
            (["--smtp", "smtp://127.0.0.1:25", "--smtp-from", "not-an-address"], "--smtp-from"),
            (["--smtp", "smtp://127.0.0.1:25", "--smtp-from", FROM, "--smtp-tls", "maybe"], "--smtp-tls"),
            (["--smtp-from", FROM], "--smtp"),
            (["--smtp", "smtp://127.0.0.1:25", "--smtp-from", FROM, "--mail-retry", "0"], "--mail-retry")]:
        run = subprocess.run([SERVICE, "--db", os.path.join(WORK, "bad.db"), "--listen", "127.0.0.1:0", *options],
                             capture_output=True, text=True, timeout=10)
        check(run.returncode == 2 and expected in run.stderr,
              "refused: %s -> %s" % (" ".join(options), run.stderr.splitlines()[0] if run.stderr else ""))
    os.chmod(credentials, 0o644)
    run = subprocess.run([SERVICE, "--db", os.path.join(WORK, "bad.db"), "--listen", "127.0.0.1:0", *tls],
                         capture_output=True, text=True, timeout=10)
    check(run.returncode != 0 and "chmod 600" in run.stderr, "a credentials file others can read is refused")


try:
    main()
finally:
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait()
    if failures:
        for path in sorted(glob.glob(WORK + "/*.log")):
            print("--- " + path, file=sys.stderr)
            print(open(path, encoding="utf-8", errors="replace").read()[-3000:], file=sys.stderr)
    subprocess.run(["rm", "-rf", WORK])
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
