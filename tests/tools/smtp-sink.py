#!/usr/bin/env python3
"""smtp-sink.py DIR PORT [--starttls CERT KEY] [--auth USER PASSWORD]:
a real SMTP server (aiosmtpd, Debian's python3-aiosmtpd) on 127.0.0.1:PORT
for the tests. Each message it accepts is written to DIR as NNN.eml (the
raw message) and NNN.json (envelope sender, recipients, whether the session
was under TLS, the AUTH user). Without --starttls it offers no STARTTLS at
all; with it, STARTTLS is required before MAIL. --auth requires AUTH (over
TLS). Prints "ready" once it accepts connections; SIGTERM stops it."""

import argparse
import json
import os
import signal
import ssl
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

# aiosmtpd itself sets the deprecated login_data after a successful AUTH.
warnings.filterwarnings("ignore", "Session.login_data")

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("port", type=int)
parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
parser.add_argument("--auth", nargs=2, metavar=("USER", "PASSWORD"))
args = parser.parse_args()


class Recorder:
    count = len([n for n in os.listdir(args.dir) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        Recorder.count += 1
        base = os.path.join(args.dir, "%03d" % Recorder.count)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": session.ssl is not None,
                       "auth_user": session.auth_data.login.decode() if session.auth_data else None}, f)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (args.auth and auth_data.login.decode() == args.auth[0]
          and auth_data.password.decode() == args.auth[1])
    return AuthResult(success=bool(ok), handled=False, auth_data=auth_data)


options = {}
if args.starttls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*args.starttls)
    options.update(tls_context=context, require_starttls=True)
if args.auth:
    options.update(authenticator=authenticate, auth_required=True,
                   auth_require_tls=bool(args.starttls))
controller = Controller(Recorder(), hostname="127.0.0.1", port=args.port, **options)
controller.start()
print("ready", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
controller.stop()
