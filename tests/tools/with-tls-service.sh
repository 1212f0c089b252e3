#!/usr/bin/env bash
# with-tls-service.sh trusted|untrusted SERVICE COMMAND...: starts
# careplan-service over HTTPS, then runs COMMAND with {URL} replaced by the
# service's https:// address.
#   untrusted: a fresh self-signed certificate that nobody trusts; the client
#              must refuse it.
#   trusted:   a certificate from a fresh test CA, through an intermediate,
#              that the client's system trusts for the run: OpenSSL through
#              SSL_CERT_FILE on Linux, the user's trusted roots of
#              $WINEPREFIX under Wine (removed again at the end; the Wine
#              tests hold a lock on the prefix).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
trust=$1 service=$2; shift 2
work=$(mktemp -d)
wine_reg() {
  "$here/wine-trust-ca.py" "$1" "$work/ca.pem" "$work/$1.reg"
  WINEDEBUG=-all wine reg import "$work/$1.reg" >/dev/null 2>&1
}
cleanup() {
  kill "${SERVICE_PID:-}" 2>/dev/null || true
  if [ "$trust" = trusted ] && [ -n "${WINEPREFIX:-}" ]; then wine_reg remove || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# issue SUBJECT ISSUER NAME: NAME.pem and NAME.key, signed by ISSUER, with the
# extensions of NAME.ext.
issue() {
  openssl req -newkey rsa:2048 -nodes -subj "$1" -keyout "$work/$3.key" -out "$work/$3.csr" 2>/dev/null
  openssl x509 -req -in "$work/$3.csr" -CA "$work/$2.pem" -CAkey "$work/$2.key" -CAcreateserial \
    -days 1 -extfile "$work/$3.ext" -out "$work/$3.pem" 2>/dev/null
}
case $trust in
  untrusted)
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
      -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null ;;
  trusted)
    # root CA -> intermediate CA -> the service; the service sends its own
    # certificate and the intermediate, as real ones do.
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=careplan test root CA" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
      -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
    printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' >"$work/mid.ext"
    issue "/CN=careplan test intermediate CA" ca mid
    printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$work/leaf.ext"
    issue /CN=127.0.0.1 mid leaf
    cat "$work/leaf.pem" "$work/mid.pem" >"$work/cert.pem"
    mv "$work/leaf.key" "$work/key.pem"
    export SSL_CERT_FILE="$work/ca.pem"
    if [ -n "${WINEPREFIX:-}" ]; then wine_reg add; fi ;;
  *) echo "usage: $0 trusted|untrusted SERVICE COMMAND..." >&2; exit 64 ;;
esac
coproc SERVICE { exec "$service" --db "$work/db.sqlite" --listen 127.0.0.1:0 --demo \
  --cert "$work/cert.pem" --key "$work/key.pem" 2>/dev/null; }
read -r line <&"${SERVICE[0]}"
url=${line#listening on }
[[ $url == https://* ]] || { echo "FAIL: the service did not start over HTTPS: $line" >&2; exit 1; }
args=()
for a in "$@"; do args+=("${a//'{URL}'/$url}"); done
"${args[@]}"
