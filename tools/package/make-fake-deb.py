#!/usr/bin/env python3
"""Builds a stand-in ptbuilder .deb without compiling anything, laid out the
way cargo-deb lays out the real one, to test the packaging files and
tools/package/check-deb.sh quickly.

    make-fake-deb.py [OUT.deb]      (default: target/debian/ptbuilder_<v>-1_<arch>.fake.deb)

It reads the [package.metadata.deb] table from packaging/cargo-deb.toml (the
snippet pasted into Cargo.toml) and name/version/description from the root
Cargo.toml, then stages every asset at its destination exactly as cargo-deb
does (a destination ending in "/" is a folder that keeps the file name).
`target/release/ptbuilder` is replaced by a small shell script that answers
`--version` like the real program. "$auto" in depends becomes "libc6".

Needs Python 3.11+ (tomllib) and dpkg-deb. Prints the path of the .deb.
"""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_BINARY = """#!/bin/sh
# Stand-in for the ptbuilder binary, made by tools/package/make-fake-deb.py.
case "$1" in
    --version|-V) echo "ptbuilder {version}" ;;
    --help|-h) echo "ptbuilder (fake package for packaging tests)" ;;
    *) echo "ptbuilder: this is a fake package for packaging tests" >&2; exit 1 ;;
esac
"""


def main() -> int:
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text())["package"]
    deb = tomllib.loads((ROOT / "packaging/cargo-deb.toml").read_text())
    deb = deb["package"]["metadata"]["deb"]
    name, version = cargo["name"], cargo["version"]
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    deb_version = f"{version}-1"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        ROOT / "target/debian" / f"{name}_{deb_version}_{arch}.fake.deb"
    )
    out.parent.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "root"
        stage.mkdir()
        for source, dest, mode in deb["assets"]:
            if source.startswith("target/release/"):
                sources = [None]
            else:
                sources = sorted(glob.glob(str(ROOT / source)))
                if not sources:
                    raise SystemExit(f"asset not found: {source}")
                if len(sources) > 1 and not dest.endswith("/"):
                    raise SystemExit(f"{source} matches several files but {dest} is not a folder")
            for src in sources:
                file_name = Path(source if src is None else src).name
                target = stage / dest / file_name if dest.endswith("/") else stage / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                if src is None:
                    target.write_text(FAKE_BINARY.format(version=version))
                else:
                    shutil.copyfile(src, target)
                target.chmod(int(mode, 8))

        # cargo-deb writes the copyright file itself.
        doc = stage / "usr/share/doc" / name
        doc.mkdir(parents=True, exist_ok=True)
        (doc / "copyright").write_text(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: {name}\n"
            f"Copyright: {deb.get('copyright', '')}\n"
            f"License: {cargo.get('license', '')}\n"
        )
        (doc / "copyright").chmod(0o644)

        files = sorted(p for p in stage.rglob("*") if p.is_file())
        installed_kib = sum((p.stat().st_size + 1023) // 1024 for p in files)
        depends = deb.get("depends", "$auto").replace("$auto", "libc6")
        description = cargo["description"].rstrip(".")
        extended = " ".join(deb.get("extended-description", "").split())
        control = [
            f"Package: {name}",
            f"Version: {deb_version}",
            f"Architecture: {arch}",
            f"Maintainer: {deb['maintainer']}",
            f"Installed-Size: {installed_kib}",
            f"Depends: {depends}",
        ]
        if deb.get("recommends"):
            control.append(f"Recommends: {deb['recommends']}")
        control += [
            f"Section: {deb.get('section', 'misc')}",
            f"Priority: {deb.get('priority', 'optional')}",
            f"Description: {description} (FAKE package for packaging tests)",
            f" {extended}",
        ]
        debian = stage / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text("\n".join(control) + "\n")
        with open(debian / "md5sums", "w") as sums:
            for p in files:
                digest = hashlib.md5(p.read_bytes()).hexdigest()
                sums.write(f"{digest}  {p.relative_to(stage)}\n")
        os.chmod(stage, 0o755)
        for d in stage.rglob("*"):
            if d.is_dir():
                d.chmod(0o755)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "--build", str(stage), str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
