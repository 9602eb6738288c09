#!/usr/bin/env python3
"""Redraws a pixel-art SVG from the pixel map in its own comment.

    pixel-svg.py packaging/icons/ptbuilder-16.svg

packaging/icons/ptbuilder-16.svg is drawn pixel by pixel: its leading
comment holds a map, one line of characters per row of pixels, and the
<rect> elements below it are generated from that map. To change the small
icon, edit the map in the comment, run this script on the file, then run
tools/package/render-icons.sh. Standard library only.
"""
import re
import sys
from pathlib import Path

# Map character -> fill colour ('.' is transparent).
COLOURS = {
    "N": "#17324d",  # navy outline
    "W": "#ffffff",  # the sheet
    "L": "#d6e4ef",  # the fold
    "T": "#0d7a6f",  # the person
    "m": "#5fa59d",  # lighter teal, smooths diagonals
}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(sys.argv[1])
    text = path.read_text()
    comment_end = text.index("-->") + len("-->")
    head = text[:comment_end]
    rows = [
        line.strip()
        for line in head.splitlines()
        if re.fullmatch(r"\s+[.NWLTm]{8,}\s*", line)
    ]
    if not rows or any(len(r) != len(rows[0]) for r in rows):
        raise SystemExit(f"{path}: no rectangular pixel map in the first comment")
    width, height = len(rows[0]), len(rows)
    out = [
        head,
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" shape-rendering="crispEdges">',
        "  <title>ptbuilder</title>",
    ]
    for y, row in enumerate(rows):
        x = 0
        while x < width:
            c = row[x]
            if c == ".":
                x += 1
                continue
            end = x
            while end < width and row[end] == c:
                end += 1
            out.append(
                f'  <rect x="{x}" y="{y}" width="{end - x}" height="1" fill="{COLOURS[c]}"/>'
            )
            x = end
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
