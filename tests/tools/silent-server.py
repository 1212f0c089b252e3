#!/usr/bin/python3
"""A server that accepts connections and never answers: the "slow service"
of the timeout tests. Prints its URL, then holds connections until killed
(and at most 120 s, so that it never outlives a test run)."""
import socket
import sys
import time

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(16)
server.settimeout(1.0)
print(f"http://127.0.0.1:{server.getsockname()[1]}", flush=True)
held = []
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        conn, _ = server.accept()
        held.append(conn)
    except socket.timeout:
        pass
sys.exit(0)
