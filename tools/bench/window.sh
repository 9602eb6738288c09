#!/usr/bin/env bash
# Measures the window as a clinic PC without a GPU driver sees it: on a
# virtual X display with the software renderer (tiny-skia),
#   1. how long from start until the window is painted (median of RUNS), and
#   2. the window's peak memory with a 10-exercise program open, the
#      pictures loaded and the live preview laid out.
#
#   tools/bench/window.sh [RUNS] [BINARY]   (defaults: 5, target/release/ptbuilder)
#
# "Painted" means the window exists and its pixels are no longer all one
# colour (a window that is mapped but not yet drawn is a flat rectangle).
# Needs Xvfb, xdotool and ImageMagick (`import`); uses plain /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
bin=$(realpath "${2:-${CARGO_TARGET_DIR:-target}/release/ptbuilder}")
[[ -x $bin ]] || { echo "no binary at $bin: run cargo build --release first" >&2; exit 1; }
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
dir=$(mktemp -d)
display=:87
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
sleep 1
export DISPLAY=$display ICED_BACKEND=tiny-skia PTBUILDER_HOME=$dir/home
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# A program of 10 exercises: the return-to-activity template, as a therapist
# would start it.
"$bin" new --template return-to-activity -o "$dir/ten.ron" --patient "Test Patient" >/dev/null
[[ $(grep -c 'exercise: "' "$dir/ten.ron") -eq 10 ]] || { echo "expected 10 exercises" >&2; exit 1; }

painted_after() { # -> seconds from start until the window is painted
  local start window colours
  start=$(date +%s.%N)
  "$bin" >/dev/null 2>&1 &
  local app=$!
  while :; do
    window=$(xdotool search --onlyvisible --name '^ptbuilder' 2>/dev/null | head -1 || true)
    if [[ -n $window ]]; then
      colours=$(import -silent -window "$window" -format '%k' info: 2>/dev/null || echo 0)
      if [[ ${colours:-0} -gt 8 ]]; then break; fi
    fi
    sleep 0.02
  done
  echo "$(date +%s.%N) - $start" | bc
  kill "$app"
  wait "$app" 2>/dev/null || true
}

: >"$dir/start"
for _ in $(seq "$runs"); do painted_after >>"$dir/start"; done
echo "window painted after: median $(median <"$dir/start") s over $runs runs (tiny-skia, 1366x768)"

# Peak memory: the program open, the preview shown, pictures loaded.
/usr/bin/time -f '%M' -o "$dir/rss" "$bin" "$dir/ten.ron" >/dev/null 2>&1 &
timed=$!
sleep 6
window=$(xdotool search --onlyvisible --name '^ptbuilder' | head -1)
xdotool windowfocus --sync "$window" key ctrl+shift+p
sleep 6
pkill -TERM -f "^$bin $dir/ten.ron" || true
wait "$timed" || true
echo "peak memory with a 10-exercise program open and the preview shown: $(( $(tail -1 "$dir/rss") / 1024 )) MB"
