#!/usr/bin/env bash
# Times `ptbuilder export` as a whole process (start, read, lay out, write
# the PDF, exit) against typst compiling the same 20-exercise content, in
# alternating runs, and prints each one's median wall time.
#
#   tools/bench/export-process.sh [RUNS]     (default 9 runs each)
#
# Needs a release build (`cargo build --release`; this script builds the
# small input writer itself) and, for the comparison, typst's Python
# binding (`pip install typst`). Uses plain /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-9}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=${CARGO_TARGET_DIR:-target}/release/ptbuilder
[[ -x $bin ]] || { echo "no release build: run cargo build --release first" >&2; exit 1; }
cargo run -q --release -p ptbuilder-core --example bench_inputs -- "$dir" >/dev/null
export PTBUILDER_HOME=$dir/home
have_typst=1
python3 -c 'import typst' 2>/dev/null || {
  echo "typst's Python binding is missing (pip install typst): timing ptbuilder alone" >&2
  have_typst=0
}

seconds() { # command... -> wall seconds, from /usr/bin/time
  /usr/bin/time -f %e -o "$dir/time" "$@" >/dev/null 2>&1
  cat "$dir/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One untimed run each, so both start from a warm disk cache.
"$bin" export "$dir/program.ron" -o "$dir/ptbuilder.pdf" >/dev/null
((have_typst)) && (cd "$dir" && python3 -c "import typst; typst.compile('handout.typ', output='typst.pdf')")
pages=$(pdfinfo "$dir/ptbuilder.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }' || true)

: >"$dir/ours"
: >"$dir/theirs"
for _ in $(seq "$runs"); do
  seconds "$bin" export "$dir/program.ron" -o "$dir/ptbuilder.pdf" >>"$dir/ours"
  if ((have_typst)); then
    (cd "$dir" && seconds python3 -c "import typst; typst.compile('handout.typ', output='typst.pdf')") >>"$dir/theirs"
  fi
done
ours=$(median <"$dir/ours")
echo "ptbuilder export (${pages:-?} pages): median ${ours} s over $runs runs"
if ((have_typst)); then
  theirs=$(median <"$dir/theirs")
  echo "typst (Python binding), same content: median ${theirs} s over $runs runs"
  awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a > 0) printf "ptbuilder is %.1fx faster\n", b / a; else print "ptbuilder took under 10 ms (the resolution of /usr/bin/time)" }'
fi
