#!/usr/bin/env bash
# client-start.sh CLIENT [RUNS] [BASELINE]: how fast and how light the client
# starts, next to Chromium showing the same login screen.
#
# On one Xvfb screen (1280x800) it starts, alternating RUNS times (default 5):
#   client    CLIENT (with its embedded demo service) showing S01, 1024x720;
#   baseline  BASELINE, another build of the client, when given (before/after);
#   chromium  Debian's chromium showing bench/login.html (S01's texts, the same
#             IPAexGothic font) from file:// as an --app window of 1024x720,
#             with a fresh --user-data-dir each run;
# and measures both with the same meter (bench/start_meter.py): the time from
# process start to the first stable frame on the screen, and the PSS of the
# whole process tree then (and its RSS: PSS shares library pages with any
# other program using them, so it drops while other GL programs run). Prints
# each run, the medians and the ratios to chromium. Chromium comes from
# `scripts/setup.sh bench`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
client=$(realpath "$1")
runs=${2:-5}
baseline=()
[ -n "${3:-}" ] && baseline=(";;" baseline -- "$(realpath "$3")")
chromium=$(command -v chromium) || {
  echo "chromium is missing: run scripts/setup.sh bench as root" >&2
  exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The page uses the font the client embeds, from the pinned Debian package.
font_dir=$("$here/../third_party/fetch.sh" font | sed -n 's/^font=//p')
cp "$font_dir/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf" "$work/"
cp "$here/login.html" "$work/"

# Chromium refuses to run as root without --no-sandbox; --test-type keeps
# its warning bar about that off the page, as Translate keeps its offer off.
sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)

xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" python3 "$here/start_meter.py" --runs "$runs" \
  client -- "$client" "${baseline[@]}" \
  ";;" chromium -- "$chromium" "${sandbox[@]}" --user-data-dir={tmp}/profile --no-first-run \
  --no-default-browser-check --password-store=basic --disable-features=Translate --test-type \
  --window-position=0,0 --window-size=1024,720 \
  --app="file://$work/login.html"
