#!/usr/bin/env python3
"""A fake license service for the Wine profiles: answers GET /api/v1/health
with {status, time} (time in JST, RFC 3339) and 404 to anything else.
Prints "listening on http://127.0.0.1:PORT" once it accepts connections."""
import datetime
import http.server
import json

JST = datetime.timezone(datetime.timedelta(hours=9))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/api/v1/health":
            self.send_error(404)
            return
        now = datetime.datetime.now(JST).replace(microsecond=0).isoformat()
        body = json.dumps({"status": "ok", "time": now}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
