#!/usr/bin/env bash
# remedy.sh EXE OUTDIR: S08's one-click remedy in the Windows exe under Wine.
# The PC is set to 和暦; remedy.uis presses 地域の設定 (日付の形式) を開く with
# --launch-trace, so the page is written down instead of opened. Once it is,
# this script puts the calendar back to 西暦 (what the user does on that page)
# and lets the UI script come back to the window: the calendar item alone is
# checked again (its registry lines show 西暦). The trace must name the page
# for the build Wine reports.
# The prefix's date settings are restored afterwards (the prefix is shared).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tools/common.sh"
exe=$(realpath "$1") out=$2
: "${WINEPREFIX:?WINEPREFIX must be set}"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
rm -rf "$out" && mkdir -p "$out" && cd "$out"
intl='HKCU\Control Panel\International'
wine reg export "$intl" saved.reg /y >/dev/null
trap 'wine reg import saved.reg >/dev/null 2>&1 || true; wineserver -w' EXIT
set_calendar() {
  wine reg add "$intl" /v iCalendarType /d "$1" /f >/dev/null
  wine reg add "$intl" /v sShortDate /d "$2" /f >/dev/null
}
set_calendar 3 'ggyy/MM/dd'
wineserver -w  # the client's Wine must start on its own virtual display

wine_run "$exe" --ui-script "$here/remedy.uis" --launch-trace trace.txt &
client=$!
for _ in $(seq 1 120); do
  [ -s trace.txt ] && break
  kill -0 "$client" 2>/dev/null || break
  sleep 0.5
done
[ -s trace.txt ] || { echo "FAIL: the remedy button launched nothing" >&2; wait "$client" || true; exit 1; }
set_calendar 1 'yyyy/MM/dd'
touch fixed.flag
wait "$client" || { echo "FAIL: the UI script failed" >&2; exit 1; }

# The page for the build Wine reports: the Settings app's 地域 page from
# 1903 (18362) on, intl.cpl before.
build=$(wine reg query 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber |
  tr -d '\r' | awk '/CurrentBuildNumber/ {print $NF}')
if [ "${build:-0}" -ge 18362 ]; then expected='ms-settings:regionformatting '; else expected='control.exe intl.cpl'; fi
if [ "$(cat trace.txt)" != "$expected" ]; then
  echo "FAIL: launched '$(cat trace.txt)', expected '$expected'" >&2
  exit 1
fi
expect_texts S08-fixed.png 環境チェック 西暦
echo "ok: wine remedy: build $build, $(cat trace.txt) launched; the calendar item re-checked on return"
