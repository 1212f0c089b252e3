#!/usr/bin/env bash
# wine-profiles.sh EXE WINEPREFIX [PROFILE...]
#
# Runs `EXE --check-env --json` under Wine against prepared registries (a
# Windows 10 and a Windows 11 PC, a 和暦 user, Edge present / absent, a .pdf
# handler present / absent, an old ケアプランデータ連携 client) and checks each
# item of the JSON report (EXE: careplan-client.exe). A small fake service
# answers /api/v1/health on loopback. Names of profiles run only those.
set -euo pipefail
exe=$(realpath "$1")
export WINEPREFIX=$2 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
shift 2
only=("$@")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cleanup() {
  for pid in "${SERVER_PID:-}" "${PROXY_PID:-}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$WINEPREFIX/system.reg" ]; then
  xvfb-run -a sh -c 'wineboot --init >/dev/null 2>&1; wineserver -w'
fi

# ---- the fake service ------------------------------------------------------
coproc SERVER { exec python3 "$here/fake_health_server.py"; }
read -r line <&"${SERVER[0]}" || true
server_url=${line#listening on }
[[ $server_url == http://* ]] || { echo "FAIL: the fake service did not start" >&2; exit 1; }
# An office proxy, for the profile whose Windows setting names it. The
# service is then asked for under a .test name that only the proxy resolves.
coproc PROXY { exec "$here/../tools/http-proxy.py" "$work/proxy.log"; }
read -r proxy_address <&"${PROXY[0]}"
proxied_server_url=${server_url/127.0.0.1/careplan-service.test}

# ---- registry profiles -----------------------------------------------------
edge_exe='C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe'
edge_file="$WINEPREFIX/drive_c/Program Files (x86)/Microsoft/Edge/Application/msedge.exe"
app_paths='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths'
edge_update='HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{56EB18F8-B008-4CBD-B6D2-8C97FE7E9062}'
uninstall='HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall'
international='HKEY_CURRENT_USER\Control Panel\International'
current_version='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
internet_settings='HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Internet Settings'

# A .reg file (UTF-16 with BOM, as regedit writes it) from the lines on stdin.
write_reg() {
  { printf 'Windows Registry Editor Version 5.00\r\n\r\n'; sed 's/$/\r/'; } |
    iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >"$1"
}

# What every profile starts from: Windows 10, 西暦 as Windows sets it by
# default, no Edge, no .pdf handler, no Acrobat, no old client.
base_profile() {
  cat <<EOF
[HKEY_CURRENT_USER\Software\Wine]
"Version"="win10"

[$current_version]
"CurrentVersion"="6.3"
"CurrentMajorVersionNumber"=dword:0000000a
"CurrentMinorVersionNumber"=dword:00000000
"CurrentBuildNumber"="19045"
"CurrentBuild"="19045"
"DisplayVersion"="22H2"
"UBR"=dword:000018ee
"EditionID"="Professional"

[$current_version\AeDebug]
"Debugger"=""
"Auto"="0"

[$international]
"iCalendarType"="1"
"sShortDate"="yyyy/MM/dd"
"sLongDate"="yyyy'年'M'月'd'日'"

[-$app_paths\msedge.exe]
[-$edge_update]
[-HKEY_CLASSES_ROOT\.pdf]
[-HKEY_CLASSES_ROOT\AcroExch.Document.DC]
[$internet_settings]
"ProxyEnable"=dword:00000000
"ProxyServer"=-
"ProxyOverride"=-
[-$uninstall\{AC76BA86-7AD7-1041-7B44-AC0F074E4100}]
[-$uninstall\CarePlanDataRenkei]
EOF
}

# Wine 8 has no "win11" version setting; without a Version setting it takes
# the version from these registry values, set as a Windows 11 23H2 has them.
windows11() {
  cat <<EOF
[HKEY_CURRENT_USER\Software\Wine]
"Version"=-

[$current_version]
"CurrentVersion"="10.0"
"CurrentMajorVersionNumber"=dword:0000000a
"CurrentMinorVersionNumber"=dword:00000000
"CurrentBuildNumber"="22631"
"CurrentBuild"="22631"
"DisplayVersion"="23H2"
"UBR"=dword:0000113c
"EditionID"="Professional"
"CSDVersion"=-

EOF
}

# The manual proxy of インターネット オプション, as the Windows 10/11
# settings page writes it.
windows_proxy() {
  cat <<EOF
[$internet_settings]
"ProxyEnable"=dword:00000001
"ProxyServer"="$proxy_address"
"ProxyOverride"="<local>"

EOF
}

# 和暦 as Windows writes it when the calendar type is switched.
wareki() {
  cat <<EOF
[$international]
"iCalendarType"="3"
"sShortDate"="ggyy/MM/dd"
"sLongDate"="ggy'年'M'月'd'日'"

EOF
}

edge() {
  cat <<EOF
[$app_paths\msedge.exe]
@="${edge_exe//\\/\\\\}"

[$edge_update]
"pv"="131.0.2903.86"
"name"="Microsoft Edge"

EOF
}

acrobat_pdf() {
  cat <<EOF
[HKEY_CLASSES_ROOT\.pdf]
@="AcroExch.Document.DC"

[HKEY_CLASSES_ROOT\AcroExch.Document.DC]
@="Adobe Acrobat Document DC"

[HKEY_CLASSES_ROOT\AcroExch.Document.DC\shell\open\command]
@="\"C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe\" \"%1\""

[$uninstall\{AC76BA86-7AD7-1041-7B44-AC0F074E4100}]
"DisplayName"="Adobe Acrobat Reader DC - Japanese"
"DisplayVersion"="24.004.20219"

EOF
}

old_client() {
  cat <<EOF
[$uninstall\CarePlanDataRenkei]
"DisplayName"="ケアプランデータ連携システム"
"DisplayVersion"="1.1.1"

EOF
}

# ---- running and checking ----------------------------------------------------
failures=0

# run_profile NAME PARTS... -- EXPECTATIONS...
# PARTS are the profile functions above (after base_profile); EXPECTATIONS as
# check_report.py takes them: id=outcome, id~fact text, exit=N. The service is
# $server_url, or the URL in the variable `server` when one is given.
run_profile() {
  local name=$1; shift
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qx "$name"; then return 0; fi
  local parts=()
  while [ "$1" != "--" ]; do parts+=("$1"); shift; done
  shift
  { base_profile; for part in "${parts[@]}"; do "$part"; done; } | write_reg "$work/$name.reg"
  if printf '%s\n' "${parts[@]}" | grep -qx edge; then
    mkdir -p "$(dirname "$edge_file")" && : >"$edge_file"
  else
    rm -f "$edge_file"
  fi
  local started
  started=$(date +%s%N)
  # The fake service speaks plain http, and the proxy profile names it by a
  # .test name, not a loopback one: test setups allow that explicitly.
  xvfb-run -a sh -c '
    wine reg import "$1" >/dev/null 2>&1
    timeout 120 wine "$2" --check-env --json --server "$3" --allow-insecure-http >"$4"; echo $? >"$4.rc"
    wineserver -w' sh "$work/$name.reg" "$exe" "${server:-$server_url}" "$work/$name.json"
  local took=$((($(date +%s%N) - started) / 1000000))
  if python3 "$here/check_report.py" "$work/$name.json" "exit=$(cat "$work/$name.json.rc")" "$@"; then
    echo "ok: $name (${took} ms for Wine and the check)"
  else
    echo "FAIL: $name; the report was:" >&2
    cat "$work/$name.json" >&2
    failures=$((failures + 1))
  fi
}

run_profile windows10 -- \
  'os=warning' 'os~Windows 10' 'os~2025年10月14日(火)に終了しました' \
  'calendar=ok' 'browser=ng' 'pdf=ng' 'client_app=not_applicable' \
  'network=ok' 'clock=ok' 'proxy=ok' 'expect_exit=2'

run_profile windows11 windows11 edge acrobat_pdf -- \
  'os=ok' 'os~Windows 11' 'calendar=ok' \
  'browser=ok' 'browser~Microsoft Edge: あり（バージョン 131.0.2903.86）' \
  'pdf=ok' 'pdf~AcroExch.Document.DC' 'pdf~バージョン 24.004.20219' \
  'client_app=not_applicable' 'network=ok' 'clock=ok' 'expect_exit=0'

run_profile wareki windows11 edge acrobat_pdf wareki -- \
  'calendar=ng' 'calendar~和暦 (3)' 'calendar~ggyy/MM/dd' 'os=ok' 'browser=ok' 'expect_exit=2'

run_profile edge_absent windows11 acrobat_pdf -- \
  'browser=ng' 'browser~Microsoft Edge: 見つかりません' 'pdf=ok' 'expect_exit=2'

run_profile pdf_absent windows11 edge -- \
  'pdf=ng' 'pdf~PDF を開くアプリ: 見つかりません' 'browser=ok' 'expect_exit=2'

run_profile old_client windows11 edge acrobat_pdf old_client -- \
  'client_app=warning' 'client_app~ケアプランデータ連携システム: ver1.1.1' 'expect_exit=1'

# With no --proxy and no ini, the client follows the PC's proxy setting.
server=$proxied_server_url run_profile windows_proxy windows11 edge acrobat_pdf windows_proxy -- \
  'network=ok' "network~経路: プロキシ $proxy_address 経由 (Windows のプロキシ設定)" 'expect_exit=0'
if [ ${#only[@]} -eq 0 ] || printf '%s\n' "${only[@]}" | grep -qx windows_proxy; then
  if ! grep -q '^GET /api/v1/health 200' "$work/proxy.log" 2>/dev/null; then
    echo "FAIL: windows_proxy: the health check did not go through the proxy" >&2
    failures=$((failures + 1))
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures profile(s)" >&2
  exit 1
fi
echo "ok: all Wine profiles"
