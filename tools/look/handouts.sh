#!/bin/sh
# Prints every shipped template's handout in every layout, paper and type
# size, and puts each handout's pages side by side in one picture, so a
# person can look at all of them: tools/look/handouts.sh [OUT] [BINARY]
# Needs poppler-utils (pdftoppm) and imagemagick (montage).
set -eu
out=${1:-/tmp/handouts}
bin=${2:-target/release/ptbuilder}
mkdir -p "$out"
for file in programs/*.ron; do
    name=$(basename "$file" .ron)
    for layout in compact detailed summary; do
        for paper in a4 letter; do
            for size in regular large; do
                flag=""
                [ "$size" = large ] && flag=--large-print
                pdf="$out/$name-$layout-$paper-$size.pdf"
                "$bin" export "$file" --layout "$layout" --paper "$paper" $flag -o "$pdf" >/dev/null
                rm -f "$out"/page-*.png
                pdftoppm -r 40 -png "$pdf" "$out/page"
                montage "$out"/page-*.png -tile 7x -geometry +4+4 "${pdf%.pdf}.png"
                printf '%s %s pages\n' "${pdf%.pdf}" "$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')"
            done
        done
    done
done
rm -f "$out"/page-*.png
