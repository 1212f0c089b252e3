#!/usr/bin/python3
"""A small forwarding HTTP proxy for the proxy tests: takes absolute-form
requests (GET http://host:port/path), forwards them, and appends
"METHOD path status" to the log file it is given. Host names under .test
(reserved, never resolvable) are forwarded to 127.0.0.1: a client that
reaches such a service can only have come through this proxy. Prints "127.0.0.1:PORT", then
serves until killed (at most 120 s)."""
import http.client
import http.server
import sys
import threading
import urllib.parse

LOG = sys.argv[1]


class Forward(http.server.BaseHTTPRequestHandler):
    def forward(self):
        url = urllib.parse.urlsplit(self.path)
        if url.scheme != "http" or not url.hostname:
            self.send_error(400, "absolute http URL expected")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
        host = "127.0.0.1" if url.hostname.endswith(".test") else url.hostname
        upstream = http.client.HTTPConnection(host, url.port or 80, timeout=20)
        upstream.request(self.command, url.path + (f"?{url.query}" if url.query else ""), body, headers)
        answer = upstream.getresponse()
        data = answer.read()
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{self.command} {url.path} {answer.status}\n")
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = forward

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Forward)
print(f"127.0.0.1:{server.server_address[1]}", flush=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
