#!/usr/bin/env bash
# Renders every icon file the packages ship from the hand-drawn SVGs in
# packaging/icons/. Run it after editing an SVG and commit what it writes:
#
#   packaging/icons/hicolor/<N>x<N>/apps/ptbuilder.png  N = 16 24 32 48 64 128 256 512
#   packaging/icons/hicolor/scalable/apps/ptbuilder.svg (copy of ptbuilder.svg)
#   packaging/icons/ptbuilder-64x64.rgba                raw RGBA window icon
#   packaging/windows/ptbuilder.ico                     16 24 32 48 64 128 256
#   packaging/macos/ptbuilder.icns                      16 32 64 128 256 512 1024 (PNG entries)
#
# 16 px comes from ptbuilder-16.svg (pixel art) and 24 px from
# ptbuilder-24.svg (hinted); every other size from ptbuilder.svg.
#
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert),
# python3. Pass --install to apt-get install the first two.
set -euo pipefail

cd "$(dirname "$0")/../.."
icons=packaging/icons

if [[ "${1:-}" == "--install" ]]; then
    apt-get update -qq
    apt-get install -y -qq librsvg2-bin imagemagick >/dev/null
fi

for tool in rsvg-convert python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (run with --install)" >&2; exit 1; }
done
# ImageMagick 6 on Debian: /usr/bin/convert. Use it by full path so a
# different `convert` earlier in PATH is not picked up.
convert=/usr/bin/convert
[[ -x "$convert" ]] || convert=$(command -v convert)

# The SVG that draws best at a given size.
source_for() {
    case "$1" in
        16) echo "$icons/ptbuilder-16.svg" ;;
        24) echo "$icons/ptbuilder-24.svg" ;;
        *) echo "$icons/ptbuilder.svg" ;;
    esac
}

# rsvg-convert writes 8-bit RGBA PNGs. Strip timestamps and text chunks so
# re-rendering an unchanged SVG gives byte-identical files.
render() { # render SIZE OUT
    rsvg-convert -w "$1" -h "$1" "$(source_for "$1")" -o "$2.tmp.png"
    "$convert" "$2.tmp.png" -strip -define png:color-type=6 "PNG32:$2"
    rm -f "$2.tmp.png"
}

for n in 16 24 32 48 64 128 256 512; do
    dir="$icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    render "$n" "$dir/ptbuilder.png"
done
# The window icon as raw 8-bit RGBA, straight alpha, 64*64*4 bytes, for
# iced::window::icon::from_rgba (no PNG decoding). The app can use the
# 64x64 PNG with icon::from_file_data instead; either is fine.
"$convert" "$icons/hicolor/64x64/apps/ptbuilder.png" -depth 8 "RGBA:$icons/ptbuilder-64x64.rgba"

mkdir -p "$icons/hicolor/scalable/apps"
cp "$icons/ptbuilder.svg" "$icons/hicolor/scalable/apps/ptbuilder.svg"

# Windows: one .ico with every size Explorer and the taskbar ask for.
# ImageMagick stores the 256 px entry PNG-compressed, as Windows Vista+ expects.
mkdir -p packaging/windows
ico_sizes=()
for n in 16 24 32 48 64 128 256; do ico_sizes+=("$icons/hicolor/${n}x${n}/apps/ptbuilder.png"); done
"$convert" -define png:compression-level=9 "${ico_sizes[@]}" packaging/windows/ptbuilder.ico

# macOS: an icns of PNG entries, as Apple's iconutil writes it
# (tools/package/make-icns.py, standard-library Python).
mkdir -p packaging/macos
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 16 32 64 128 256 512; do
    cp "$icons/hicolor/${n}x${n}/apps/ptbuilder.png" "$tmp/$n.png"
done
render 1024 "$tmp/1024.png"
python3 tools/package/make-icns.py packaging/macos/ptbuilder.icns "$tmp"

echo "rendered:"
find "$icons/hicolor" "$icons/ptbuilder-64x64.rgba" packaging/windows packaging/macos -type f | sort
