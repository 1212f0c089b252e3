# Shared by the test scripts: running the client on a virtual display, under
# Wine, and reading screenshots back with OCR.

# Runs a command on its own virtual screen (Xvfb).
on_virtual_display() {
  xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
}

# Runs a Windows program under Wine in the prefix $WINEPREFIX, on its own
# virtual screen; waits for Wine to finish inside the same display, or Xvfb
# dies under it. Wine's debugger is switched off: a crash must fail the test,
# not wait for a debugger forever.
wine_run() {
  : "${WINEPREFIX:?WINEPREFIX must be set}"
  export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
  on_virtual_display sh -c 'wine "$@"; rc=$?; wineserver -w; exit $rc' wine "$@"
}

# Prints the Japanese text tesseract reads in a PNG, one line per line,
# without spaces (OCR puts spaces between kana) and with the letter O read as
# the digit 0 (the small screen codes: "SO1" is S01).
ocr_text() {
  local png=$1
  /usr/bin/convert "$png" -colorspace Gray -negate -resize 200% png:- |
    tesseract - - -l jpn --psm 6 2>/dev/null | tr -d ' \t' | tr 'O' '0'
}

# Fails unless each expected text is found in the PNG.
expect_texts() {
  local png=$1; shift
  local seen missing=0
  seen=$(ocr_text "$png")
  for want in "$@"; do
    want=${want// /}
    want=${want//O/0}
    if ! grep -qF -- "$want" <<<"$seen"; then
      echo "FAIL: '$want' not found in $png; OCR read:" >&2
      echo "$seen" >&2
      missing=1
    fi
  done
  return $missing
}
