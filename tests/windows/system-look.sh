#!/usr/bin/env bash
# system-look.sh EXE OUTDIR: the Windows exe follows the user's display
# settings, read from Wine's registry in a prefix of its own:
#  1. a high contrast scheme (HKCU\Control Panel\Colors as Windows' "High
#     Contrast Black"): black background, white text, the texts still read;
#  2. "Make text bigger" 150 % (TextScaleFactor): the text is about 1.5 times
#     as tall as at 100 %, and the light look is back (no scheme on);
#  3. at 150 % on an 800x600 window nothing is cut off: the login, the whole
#     form S05 filled in and sent to S06, and S08 (tests/gui/large-text-form.uis);
#  4. back at 100 %, the size changed to 150 % while the client runs: after
#     WM_SETTINGCHANGE the text is bigger.
# Wine 8 always answers SPI_GETHIGHCONTRAST with "off", so step 1 passes the
# hidden --assume-high-contrast; the colours are the registry's, through
# GetSysColor, as on Windows.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$here/../tools
. "$tools/common.sh"
exe=$(realpath "$1") out=$2
rm -rf "$out" && mkdir -p "$out" && out=$(realpath "$out") && cd "$out"
export WINEPREFIX=$out/prefix
"$tools/wine-prefix.sh" "$WINEPREFIX"

text_size() {
  wine reg add 'HKCU\SOFTWARE\Microsoft\Accessibility' /v TextScaleFactor /t REG_DWORD /d "$1" /f >/dev/null 2>&1
}

# The colour of one pixel as "r,g,b".
pixel() { convert "$1" -format '%[fx:int(255*p{'"$2"'}.r)],%[fx:int(255*p{'"$2"'}.g)],%[fx:int(255*p{'"$2"'}.b)]' info:; }

# The share of pixels (per mille) within 23 % of the colour "r,g,b".
share_near() {
  local total differing
  total=$(identify -format '%[fx:w*h]' "$1")
  differing=$(convert "$1" -fill "rgb($2)" -colorize 100 png:- |
    compare -metric AE -fuzz 23% "$1" png:- null: 2>&1 || true)
  awk -v t="$total" -v d="${differing%% *}" 'BEGIN { print int(1000 * (t - d) / t) }'
}

# The height in pixels of the OCR line holding TEXT (tesseract's hOCR boxes).
line_height() {
  /usr/bin/convert "$1" -colorspace Gray -resize 200% png:- | tesseract - - -l jpn --psm 6 hocr 2>/dev/null |
    python3 -c '
import re, sys
want = sys.argv[1]
for line in re.findall(r"<span class=.ocr_(?:line|header|caption|textfloat).*?</span>\s*</span>", sys.stdin.read(), re.S):
    words = "".join(re.findall(r">([^<>]+)</span>", line)).replace(" ", "")
    if want in words:
        x0, y0, x1, y1 = map(int, re.search(r"bbox (\d+) (\d+) (\d+) (\d+)", line).groups())
        print((y1 - y0) // 2)
        break
' "$2"
}

fail() { echo "FAIL: $*" >&2; exit 1; }

wine_run "$exe" --screenshot base.png
expect_texts base.png ログイン ユーザID パスワード

# 1. High Contrast Black (Windows' values for these system colours).
# One import: every start of wine costs seconds.
cat > high-contrast.reg <<'REG'
REGEDIT4

[HKEY_CURRENT_USER\Control Panel\Colors]
"Window"="0 0 0"
"WindowText"="255 255 255"
"Hilight"="26 235 255"
"HilightText"="0 0 0"
"ButtonFace"="0 0 0"
"ButtonText"="255 255 255"
"GrayText"="63 242 63"
"HotTrackingColor"="255 255 0"
REG
wine reg import high-contrast.reg >/dev/null 2>&1
wineserver -w
wine_run "$exe" --assume-high-contrast --screenshot high-contrast.png
expect_texts high-contrast.png ログイン ユーザID パスワード S01
[ "$(pixel high-contrast.png 5,5)" = 0,0,0 ] || fail "high contrast background is $(pixel high-contrast.png 5,5), not black"
black=$(share_near high-contrast.png 0,0,0) white=$(share_near high-contrast.png 255,255,255)
cyan=$(share_near high-contrast.png 26,235,255)
echo "high contrast (per mille): black ${black}, white ${white}, highlight ${cyan}"
[ "$black" -ge 600 ] || fail "only ${black} per mille black background"
[ "$white" -ge 10 ] || fail "no white text"
[ "$cyan" -ge 5 ] || fail "the main button is not in the highlight colour"
[ "$(share_near base.png 0,0,0)" -lt 100 ] || fail "the default look is dark too"

# 2. Make text bigger 150 %, no high contrast scheme on.
text_size 150
wineserver -w
wine_run "$exe" --screenshot large.png
expect_texts large.png ログイン ユーザID パスワード
[ "$(pixel large.png 5,5)" != 0,0,0 ] || fail "the light look did not come back"
small=$(line_height base.png ユーザID) big=$(line_height large.png ユーザID)
echo "text height: ${small:-?} px at 100 %, ${big:-?} px at 150 %"
[ -n "$small" ] && [ -n "$big" ] || fail "the label ユーザID was not found to measure"
ratio=$((100 * big / small))
[ "$ratio" -ge 130 ] && [ "$ratio" -le 170 ] || fail "text grew by ${ratio}%, not about 150%"

# 3. 150 % on a small screen: S01, S05 to S06 and S08 read back.
"$tools/run-ui-script.sh" wine "$exe" "$here/../gui/large-text-form.uis" "$out/form"
# 4. Live: 100 % at start, 150 % while running.
text_size 100
wineserver -w
(
  # run-ui-script.sh empties $out/live first: only absolute paths here.
  for _ in $(seq 600); do [ -s "$out/live/live-before.png" ] && break; sleep 0.1; done
  text_size 150  # no `wineserver -w`: the client runs in this prefix
  touch "$out/live/registry-changed"
) &
"$tools/run-ui-script.sh" wine "$exe" "$here/look/live-text-size.uis" "$out/live"
wait
before=$(line_height "$out/live/live-before.png" ユーザID) after=$(line_height "$out/live/live-after.png" ユーザID)
echo "live text height: ${before:-?} px before, ${after:-?} px after the change"
[ -n "$before" ] && [ -n "$after" ] || fail "the label ユーザID was not found to measure"
ratio=$((100 * after / before))
[ "$ratio" -ge 130 ] && [ "$ratio" -le 170 ] || fail "text grew by ${ratio}% on the change, not about 150%"
echo "ok: high contrast, text size 150 % (also live), S01, S05, S06 and S08 at 800x600 under Wine"
