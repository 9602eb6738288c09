#!/usr/bin/env python3
"""Writes a macOS .icns from PNG files, the way Apple's `iconutil` does it
on macOS 10.7 and later: every entry holds a PNG file as is (no JPEG 2000,
no RLE), so the result is small and byte-for-byte reproducible.

    make-icns.py OUT.icns DIR

DIR holds PNGs named <N>.png for N in 16 32 64 128 256 512 1024 (missing
sizes are skipped). Standard library only.
"""
import struct
import sys
from pathlib import Path

# (icns type, pixel size) in the order iconutil writes them. The @2x types
# reuse the same PNG as the 1x type of the same pixel size.
ENTRIES = [
    (b"icp4", 16),    # 16x16
    (b"ic11", 32),    # 16x16@2x
    (b"icp5", 32),    # 32x32
    (b"ic12", 64),    # 32x32@2x
    (b"ic07", 128),   # 128x128
    (b"ic13", 256),   # 128x128@2x
    (b"ic08", 256),   # 256x256
    (b"ic14", 512),   # 256x256@2x
    (b"ic09", 512),   # 512x512
    (b"ic10", 1024),  # 512x512@2x
]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, src = Path(sys.argv[1]), Path(sys.argv[2])
    body = b""
    for kind, size in ENTRIES:
        path = src / f"{size}.png"
        if not path.exists():
            continue
        data = path.read_bytes()
        if png_size(data) != (size, size):
            raise SystemExit(f"{path}: expected {size}x{size}, got {png_size(data)}")
        body += kind + struct.pack(">I", 8 + len(data)) + data
    if not body:
        raise SystemExit(f"no <N>.png files in {src}")
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
