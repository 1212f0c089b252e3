#!/usr/bin/python3
"""wine-trust-ca.py add|remove CA.pem OUT.reg: writes a .reg file (UTF-16, as
regedit writes them) that adds the CA to, or removes it from, the current
user's trusted roots (HKCU\\...\\SystemCertificates\\Root), for `wine reg
import`. The value is the serialized form Windows keeps there: one element
(id 32: the encoded certificate, encoding 1: X.509 ASN.1) under a key named
by the certificate's SHA-1 thumbprint."""
import base64
import hashlib
import re
import struct
import sys

action, pem_path, out_path = sys.argv[1:4]
pem = open(pem_path, encoding="ascii").read()
body = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", pem, re.S).group(1)
der = base64.b64decode("".join(body.split()))
key = ("HKEY_CURRENT_USER\\Software\\Microsoft\\SystemCertificates\\Root\\Certificates\\"
       + hashlib.sha1(der).hexdigest().upper())
lines = ["Windows Registry Editor Version 5.00", ""]
if action == "add":
    blob = struct.pack("<III", 32, 1, len(der)) + der
    lines += [f"[{key}]", '"Blob"=hex:' + ",".join(f"{b:02x}" for b in blob)]
elif action == "remove":
    lines += [f"[-{key}]"]
else:
    sys.exit(f"unknown action {action!r}")
with open(out_path, "wb") as out:
    out.write(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
