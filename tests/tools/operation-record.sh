#!/usr/bin/env bash
# operation-record.sh linux|wine CLIENT OUTDIR
# The 操作記録: a renewal played with personal values is saved from S10; the
# saved record must hold none of the values typed into the form, and replayed
# in a new client on the demo service it must walk to S07 again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gui=$(cd "$here/../gui" && pwd)
mode=$1 client=$2 out=$3
"$here/run-ui-script.sh" "$mode" "$client" "$gui/record-renewal.uis" "$out/record"
record=$out/record/careplan-operations.uis
[ -s "$record" ] || { echo "FAIL: no operation record was saved" >&2; exit 1; }
status=0
# The form's values (the login is the demo account's, the same on replay).
for typed in '記録 太郎' 'きろく　たろう' 'キロク' 'kiroku.taro' '9876-5432'; do
  if grep -qF -- "$typed" "$record"; then echo "FAIL: '$typed' is in the record" >&2; status=1; fi
done
for line in 'type 申請者氏名 = ' 'type 電話番号 = ' 'click 申請する' 'wait-screen S07'; do
  grep -qF -- "$line" "$record" || { echo "FAIL: the record lacks '$line'" >&2; status=1; }
done
[ $status = 0 ] || { cat "$record" >&2; exit 1; }
cp "$record" "$out/replayed.uis"
"$here/run-ui-script.sh" "$mode" "$client" "$out/replayed.uis" "$out/replay"
echo "ok: $mode: the record ($(grep -vc '^#' "$record") actions) holds no typed value and replays to S07"
