#!/usr/bin/env python3
"""Checks that the packaging snippets are consistent, without building:

- packaging/cargo-deb.toml and packaging/cargo-packager.toml are valid TOML
  and appear verbatim in packaging/README.md (what people paste);
- every file they name exists (deb assets other than target/release/,
  packager icons);
- every hicolor PNG has the size its folder says and is 8-bit RGBA;
- the .desktop file's Icon, MimeType and Exec agree with the other files.

    check-snippets.py        exit 1 on the first problem. Standard library only.
"""
import configparser
import struct
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
problems = []


def check(ok: bool, what: str) -> None:
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        problems.append(what)


readme = (PKG / "README.md").read_text()
for name in ("cargo-deb.toml", "cargo-packager.toml"):
    text = (PKG / name).read_text()
    tomllib.loads(text)
    check(text in readme, f"{name} parses and is verbatim in packaging/README.md")

deb = tomllib.loads((PKG / "cargo-deb.toml").read_text())["package"]["metadata"]["deb"]
for source, dest, mode in deb["assets"]:
    if source.startswith("target/release/"):
        continue
    check((ROOT / source).is_file(), f"deb asset {source} -> {dest} ({mode})")

packager = tomllib.loads((PKG / "cargo-packager.toml").read_text())["package"]["metadata"]["packager"]
for icon in packager["icons"] + [packager["nsis"]["installer-icon"]]:
    check((ROOT / icon).is_file(), f"packager icon {icon}")

for png in sorted((PKG / "icons/hicolor").glob("*/apps/ptbuilder.png")):
    size = int(png.parts[-3].split("x")[0])
    head = png.read_bytes()[:26]
    width, height = struct.unpack(">II", head[16:24])
    depth, colour = head[24], head[25]
    check(
        (width, height, depth, colour) == (size, size, 8, 6),
        f"{png.relative_to(ROOT)} is {size}x{size} 8-bit RGBA",
    )

desktop = configparser.ConfigParser(interpolation=None)
desktop.optionxform = str
desktop.read(PKG / "linux/ptbuilder.desktop")
entry = desktop["Desktop Entry"]
mime = (PKG / "linux/ptbuilder.xml").read_text()
check(entry["Icon"] == "ptbuilder", "desktop Icon=ptbuilder (the hicolor icon name)")
check(entry["Exec"].split()[0] == "ptbuilder", "desktop Exec runs ptbuilder")
for mime_type in filter(None, entry["MimeType"].split(";")):
    check(f'type="{mime_type}"' in mime, f"desktop MimeType {mime_type} is defined in ptbuilder.xml")

print()
if problems:
    print(f"check-snippets: {len(problems)} problem(s)")
    sys.exit(1)
print("check-snippets: all consistent")
