#!/usr/bin/env bash
# Proves printing through a real print service, not a mock: installs CUPS
# and the CUPS-PDF virtual printer from Debian, starts the scheduler, adds
# the printer, prints a shipped template with `ptbuilder print` and checks
# that the printed file arrives with as many pages as `ptbuilder export`
# makes; then the error cases (an unknown printer, a stopped printer) with
# their messages. Last, it runs the same checks as Rust tests
# (tests/print.rs, ignored in a plain `cargo test`).
#
# Run as root on a throwaway machine or CI container (it installs packages,
# starts cupsd if none runs, and adds a printer, removed again at the end).
# Takes about a minute once ptbuilder is built.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C
printer=${PTBUILDER_TEST_PRINTER:-ptbuilder-pdf}
template=programs/low-back-strength.ron

step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "install cups, printer-driver-cups-pdf and poppler-utils if missing"
missing=()
command -v cupsd >/dev/null || missing+=(cups)
[ -e /usr/lib/cups/backend/cups-pdf ] || missing+=(printer-driver-cups-pdf)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "start the scheduler"
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  cupsd  # it goes into the background by itself
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
lpstat -r | grep -q "is running" || fail "cupsd did not start"

step "add the CUPS-PDF printer '$printer'"
ppd=$(lpinfo -m | awk '/CUPS-PDF_opt/ { print $1; exit }')
[ -n "$ppd" ] || ppd=$(lpinfo -m | awk '/CUPS-PDF/ { print $1; exit }')
[ -n "$ppd" ] || fail "no CUPS-PDF driver found by lpinfo -m"
old_default=$(lpstat -d 2>/dev/null | sed -n 's/^system default destination: //p')
lpadmin -p "$printer" -E -v cups-pdf:/ -m "$ppd" -D "ptbuilder test PDF printer" 2>/dev/null
lpadmin -d "$printer"
cleanup() {
  cupsenable "$printer" 2>/dev/null || true
  lpadmin -x "$printer" 2>/dev/null || true
  if [ -n "$old_default" ]; then lpadmin -d "$old_default" 2>/dev/null || true; fi
}
trap cleanup EXIT

# CUPS-PDF writes to the "Out" folder of its configuration, ${HOME} being
# the home of the user who printed.
out=$(awk '$1 == "Out" { print $2 }' /etc/cups/cups-pdf.conf | tail -n1)
out=${out:-/var/spool/cups-pdf/\$\{USER\}}
out=${out//\$\{HOME\}/$HOME}
out=${out//\$\{USER\}/$(id -un)}
mkdir -p "$out"
echo "CUPS-PDF writes to $out"

step "build ptbuilder"
cargo build --quiet --bin ptbuilder
ptb=${CARGO_TARGET_DIR:-target}/debug/ptbuilder
home=$(mktemp -d)
export PTBUILDER_HOME=$home/home

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

step "ptbuilder printers"
"$ptb" printers | tee "$home/printers.txt"
grep -q "^\* $printer " "$home/printers.txt" || fail "$printer is not listed as the default"

step "export, then print the same template"
"$ptb" export "$template" -o "$home/export.pdf"
want=$(pages "$home/export.pdf")
before=$(ls "$out"/*.pdf 2>/dev/null | sort || true)
said=$("$ptb" print "$template" --printer "$printer")
echo "$said"
[[ $said == "Sent $want pages to ptbuilder test PDF printer"* ]] || fail "expected 'Sent $want pages', got: $said"
printed=""
for _ in $(seq 240); do
  printed=$(comm -13 <(echo "$before") <(ls "$out"/*.pdf 2>/dev/null | sort) | head -n1)
  [ -n "$printed" ] && pdfinfo "$printed" >/dev/null 2>&1 && break
  printed=""; sleep 0.25
done
[ -n "$printed" ] || fail "no printed PDF arrived in $out"
got=$(pages "$printed")
echo "printed $printed: $got pages; export: $want pages"
[ "$got" = "$want" ] || fail "printed $got pages, the export has $want"
rm -f "$printed"
if [ -d "$PTBUILDER_HOME" ] && find "$PTBUILDER_HOME" -name '*.pdf' | grep -q .; then
  fail "a PDF was left in ptbuilder's folders"
fi

step "an unknown printer"
if "$ptb" print "$template" --printer Nowhere 2>"$home/err.txt"; then fail "printing to Nowhere succeeded"; fi
cat "$home/err.txt"
grep -q "There is no printer called “Nowhere”" "$home/err.txt" || fail "unexpected message"

step "a stopped printer"
cupsdisable -r "Out of paper" "$printer"
if "$ptb" print "$template" --printer "$printer" 2>"$home/err.txt"; then fail "printing to a stopped printer succeeded"; fi
cupsenable "$printer"
cat "$home/err.txt"
grep -q "is stopped (Out of paper), so nothing was sent" "$home/err.txt" || fail "unexpected message"
[ -z "$(lpstat -o "$printer")" ] || fail "a job was queued on the stopped printer"

step "the same, as Rust tests"
PTBUILDER_TEST_PRINTER=$printer PTBUILDER_TEST_PRINT_OUTPUT=$out \
  cargo test --quiet --test print -- --ignored --test-threads=1
rm -rf "$home"
step "printing checks passed"
