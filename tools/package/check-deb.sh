#!/usr/bin/env bash
# Builds the ptbuilder .deb and tests it for real on this Debian/Ubuntu
# machine: install, run, desktop entry, icons, MIME type, size, uninstall.
#
#   tools/package/check-deb.sh              build with `cargo deb` (a release
#                                           build: 20+ minutes on 2 cores), then test
#   tools/package/check-deb.sh --deb FILE   test FILE instead (no build)
#   tools/package/check-deb.sh --fake       test a stand-in .deb made in seconds by
#                                           tools/package/make-fake-deb.py (same
#                                           files, a shell script as the binary)
#   --keep                                  leave the package installed at the end
#
# Run as root (it installs and removes the package system-wide). It is safe
# to re-run: an installed ptbuilder package is removed first, and a
# /usr/bin/ptbuilder that no package owns makes it stop before touching it.
# Test tools it needs are apt-get installed when missing.
set -euo pipefail

deb=""
mode=build
keep=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --deb) deb=$(realpath "${2:?--deb needs a file}"); mode=given; shift 2 ;;
        --fake) mode=fake; shift ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# Work from the repository root (after reading --deb, a path relative to
# where the script was started).
cd "$(dirname "$0")/../.."
repo=$(pwd)

failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
step() { echo; echo "== $*"; }

if [[ $(id -u) -ne 0 ]]; then
    echo "run as root: the package is installed and removed system-wide" >&2
    exit 2
fi

# --- test tools -----------------------------------------------------------
# desktop-file-validate, xdg-mime + mimetype (File::MimeInfo, which xdg-mime
# uses outside GNOME/KDE), gio (GLib, what GNOME's file manager uses), file.
step "test tools"
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v xdg-mime >/dev/null || need+=(xdg-utils)
command -v mimetype >/dev/null || need+=(libfile-mimeinfo-perl)
command -v gio >/dev/null || need+=(libglib2.0-bin)
command -v file >/dev/null || need+=(file)
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
pass "desktop-file-validate, xdg-mime, mimetype, gio, file"

# --- the package ----------------------------------------------------------
step "package"
case "$mode" in
    build)
        if ! cargo deb --version >/dev/null 2>&1; then
            echo "installing cargo-deb"
            cargo install cargo-deb --locked
        fi
        # cargo deb prints the path of the .deb it wrote as its last line.
        deb=$(cargo deb -p ptbuilder --locked | tail -n 1)
        ;;
    fake)
        deb=$(python3 tools/package/make-fake-deb.py)
        ;;
esac
[[ -f "$deb" ]] || { echo "no .deb at '$deb'" >&2; exit 1; }
echo "testing $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
version=$(dpkg-deb --field "$deb" Version)
upstream_version=${version%-*}

# --- a clean start --------------------------------------------------------
step "clean start"
if dpkg-query -W -f='${Status}' ptbuilder 2>/dev/null | grep -q "installed"; then
    echo "removing the ptbuilder package installed before this run"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ptbuilder >/dev/null
fi
if [[ -e /usr/bin/ptbuilder ]]; then
    echo "/usr/bin/ptbuilder exists and no package owns it: not touching it" >&2
    exit 1
fi
pass "ptbuilder not installed"

# Remove the package again if the script stops half-way (unless --keep).
installed=false
cleanup() {
    if $installed && ! $keep; then
        echo "(cleanup: removing ptbuilder)"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ptbuilder >/dev/null || true
    fi
}
trap cleanup EXIT

# --- install --------------------------------------------------------------
# apt-get installs a local .deb together with its dependencies (a path
# with a slash tells apt it is a file, not a package name). Recommends
# (X11 client libraries, the desktop portal) are left out: a desktop has
# them, and the portal would pull a whole GTK stack onto a build machine.
step "install"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
installed=true
dpkg-query -W -f='${Package} ${Version} ${Status}\n' ptbuilder

# --- checks ---------------------------------------------------------------
step "program"
if out=$(ptbuilder --version 2>&1); then
    echo "  ptbuilder --version: $out"
    if [[ "$out" == "ptbuilder $upstream_version" ]]; then pass "--version matches the package"
    else fail "--version says '$out', package is $upstream_version"; fi
else
    fail "ptbuilder --version failed: $out"
fi
if file -L /usr/bin/ptbuilder | grep -q ELF; then
    # Libraries the binary links must all be found ($auto depends).
    if ldd /usr/bin/ptbuilder | grep -q "not found"; then
        fail "missing libraries: $(ldd /usr/bin/ptbuilder | grep 'not found' | tr -s ' \n' ' ')"
    else
        pass "ldd: every linked library found"
    fi
else
    echo "  (not an ELF binary: a fake package; ldd skipped)"
fi

step "desktop entry"
desktop=/usr/share/applications/ptbuilder.desktop
if [[ -f $desktop ]]; then
    # Errors and warnings fail; hints (suggestions) are shown but allowed.
    report=$(desktop-file-validate "$desktop" 2>&1 || true)
    while IFS= read -r line; do [[ -n "$line" ]] && echo "  $line"; done <<<"$report"
    if desktop-file-validate "$desktop" >/dev/null 2>&1 && ! grep -qE "(error|warning):" <<<"$report"; then
        pass "desktop-file-validate: no error or warning"
    else
        fail "desktop-file-validate"
    fi
else
    fail "$desktop missing"
fi
# desktop-file-utils' dpkg trigger runs update-desktop-database, which
# lists the MIME types the entry opens.
if grep -q "application/x-ptbuilder-program=.*ptbuilder.desktop" /usr/share/applications/mimeinfo.cache 2>/dev/null; then
    pass "mimeinfo.cache: application/x-ptbuilder-program -> ptbuilder.desktop"
else
    fail "update-desktop-database did not list ptbuilder.desktop in mimeinfo.cache"
fi

step "icons"
for n in 16 24 32 48 64 128 256 512; do
    icon=/usr/share/icons/hicolor/${n}x${n}/apps/ptbuilder.png
    if [[ -f $icon ]] && file "$icon" | grep -q "PNG image data, $n x $n, 8-bit/color RGBA"; then
        pass "$icon"
    else
        fail "$icon missing or not a ${n}x${n} RGBA PNG"
    fi
done
svg=/usr/share/icons/hicolor/scalable/apps/ptbuilder.svg
if [[ -f $svg ]] && grep -q "<svg" "$svg"; then pass "$svg"; else fail "$svg missing"; fi

step "MIME type"
# shared-mime-info's dpkg trigger runs update-mime-database, which writes
# the per-type file and the caches from packages/ptbuilder.xml.
if [[ -f /usr/share/mime/packages/ptbuilder.xml ]]; then pass "/usr/share/mime/packages/ptbuilder.xml"
else fail "/usr/share/mime/packages/ptbuilder.xml missing"; fi
if [[ -f /usr/share/mime/application/x-ptbuilder-program.xml ]]; then pass "update-mime-database ran (application/x-ptbuilder-program.xml)"
else fail "update-mime-database did not run"; fi

samples=$(mktemp -d)
trap 'rm -rf "$samples"; cleanup' EXIT
if [[ -f "$repo/programs/low-back-strength.ron" ]]; then
    cp "$repo/programs/low-back-strength.ron" "$samples/Ann Lee - Low back.ron"
else
    printf '#![enable(implicit_some)]\nProgram(\n    format: 1,\n    title: "Low back",\n)\n' \
        >"$samples/Ann Lee - Low back.ron"
fi
printf '(\n    name: "level 1",\n    enemies: ["slime", "bat"],\n)\n' >"$samples/game-level.ron"
# Query as a user with no MIME data of their own, so the system data decides.
export XDG_DATA_HOME="$samples/home-data" XDG_CONFIG_HOME="$samples/home-config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
check_type() { # check_type FILE EXPECTED
    local f=$1 want=$2 got_x got_g
    got_x=$(xdg-mime query filetype "$f" 2>&1 || true)
    got_g=$(gio info -a standard::content-type "$f" 2>/dev/null | sed -n 's/.*standard::content-type: //p')
    echo "  $(basename "$f"): xdg-mime=$got_x gio=$got_g"
    if [[ "$got_x" == "$want" && "$got_g" == "$want" ]]; then pass "$(basename "$f") is $want"
    else fail "$(basename "$f") should be $want"; fi
}
check_type "$samples/Ann Lee - Low back.ron" application/x-ptbuilder-program
check_type "$samples/game-level.ron" text/plain
default=$(xdg-mime query default application/x-ptbuilder-program 2>/dev/null || true)
echo "  xdg-mime query default application/x-ptbuilder-program: ${default:-(none)}"
if [[ "$default" == "ptbuilder.desktop" ]]; then pass "program files open with ptbuilder"
else fail "no default application for program files"; fi

step "size"
echo "  .deb file:      $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
echo "  installed size: $(dpkg-query -W -f='${Installed-Size}' ptbuilder) KiB"

# --- uninstall ------------------------------------------------------------
if $keep; then
    step "kept installed (--keep); remove with: apt-get purge ptbuilder"
else
    step "uninstall"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ptbuilder >/dev/null
    installed=false
    hash -r
    if command -v ptbuilder >/dev/null || [[ -e /usr/bin/ptbuilder ]]; then fail "ptbuilder still on PATH"
    else pass "/usr/bin/ptbuilder gone"; fi
    for f in /usr/share/applications/ptbuilder.desktop /usr/share/mime/packages/ptbuilder.xml \
             /usr/share/icons/hicolor/256x256/apps/ptbuilder.png; do
        if [[ -e $f ]]; then fail "$f still there"; else pass "$f gone"; fi
    done
    # The triggers ran again and forgot the type.
    if [[ -e /usr/share/mime/application/x-ptbuilder-program.xml ]]; then fail "MIME type still registered"
    else pass "MIME type unregistered"; fi
    if dpkg-query -W ptbuilder >/dev/null 2>&1 && dpkg-query -W -f='${Status}' ptbuilder | grep -q installed; then
        fail "dpkg still lists ptbuilder"
    else
        pass "dpkg no longer lists ptbuilder"
    fi
    # Dependencies apt pulled in stay installed (apt-get autoremove would
    # remove them, and maybe other things): not done here.
fi

echo
if [[ $failures -eq 0 ]]; then
    echo "check-deb: all checks passed"
else
    echo "check-deb: $failures check(s) FAILED"
    exit 1
fi
