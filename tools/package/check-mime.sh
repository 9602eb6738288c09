#!/usr/bin/env bash
# Tests packaging/linux/ptbuilder.xml without installing anything system-wide:
# builds a MIME database from it in a temporary XDG data folder and asks
# GIO (`gio info`, as GNOME's file manager does), File::MimeInfo
# (`mimetype`, what `xdg-mime query filetype` runs outside GNOME/KDE) and,
# when PySide2 is there, Qt's QMimeDatabase (KDE) what each sample file is.
#
# Program files must come out application/x-ptbuilder-program, whatever
# their name; other RON files (and a program saved as .txt) must not.
#
# Needs: shared-mime-info, libglib2.0-bin, libfile-mimeinfo-perl
# (optional: python3-pyside2.qtcore). Pass --install to apt-get them.
set -euo pipefail

cd "$(dirname "$0")/../.."
repo=$(pwd)

if [[ "${1:-}" == "--install" ]]; then
    apt-get update -qq
    apt-get install -y -qq shared-mime-info libglib2.0-bin libfile-mimeinfo-perl xdg-utils >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One database holding the system's types plus ours, exactly as after
# installing the package (a separate database for ours alone is not the
# same: Qt 5 then lets the system database's weaker magic override ours).
mkdir -p "$work/data/mime/packages" "$work/home"
cp /usr/share/mime/packages/*.xml "$work/data/mime/packages/"
cp packaging/linux/ptbuilder.xml "$work/data/mime/packages/"
update-mime-database "$work/data/mime" 2>/dev/null
export XDG_DATA_HOME="$work/home" XDG_DATA_DIRS="$work/data"

# Sample files: name | content | expected type.
s="$work/samples"
mkdir -p "$s"
program="$repo/programs/low-back-strength.ron"
cp "$program" "$s/program.ron"                           # #![enable(...)] then Program(
sed 1d "$program" >"$s/program-no-header.ron"             # Program( on line 1
sed 's/$/\r/' "$program" >"$s/program-crlf.ron"           # edited on Windows
{ echo "// Ann's program"; echo; cat "$program"; } >"$s/program-comment.ron"
printf '#![enable(implicit_some, unwrap_newtypes)]\nProgram(\n    format: 1,\n)\n' >"$s/program-two-ext.ron"
cp "$program" "$s/program-no-extension"                  # magic alone
cp "$program" "$s/program-saved-as.txt"                  # *.txt glob wins
cp "$repo/assets/library/bridge.ron" "$s/exercise.ron"   # ptbuilder exercise file
printf '(\n    name: "level 1",\n    spawn: (x: 1.0, y: 2.0),\n)\n' >"$s/game-level.ron"
printf 'Scene(\n    entities: [],\n)\n' >"$s/scene.ron"
printf '#![enable(implicit_some)]\nConfig(\n    width: 800,\n)\n' >"$s/config.ron"

expected() {
    case "$1" in
        program-saved-as.txt) echo text/plain ;;
        program*) echo application/x-ptbuilder-program ;;
        *) echo text/plain ;;
    esac
}

have_qt=false
qt_python=""
for py in python3 /usr/bin/python3; do
    if "$py" -c "import PySide2.QtCore" 2>/dev/null; then qt_python=$py; have_qt=true; break; fi
done
qt_type() {
    "$qt_python" - "$1" <<'EOF'
import sys
from PySide2.QtCore import QCoreApplication, QMimeDatabase
app = QCoreApplication([])
print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())
EOF
}

failures=0
printf '%-24s %-33s %-33s %-33s\n' "file" "gio" "mimetype (xdg-mime)" "qt"
for f in "$s"/*; do
    name=$(basename "$f")
    want=$(expected "$name")
    g=$(gio info -a standard::content-type "$f" | sed -n 's/.*standard::content-type: //p')
    m=$(mimetype --brief "$f")
    q=-
    if $have_qt; then q=$(qt_type "$f"); fi
    mark=""
    for got in "$g" "$m" "$q"; do
        if [[ "$got" != "-" && "$got" != "$want" ]]; then mark="  <- expected $want"; fi
    done
    [[ -n "$mark" ]] && failures=$((failures + 1))
    printf '%-24s %-33s %-33s %-33s%s\n' "$name" "$g" "$m" "$q" "$mark"
done
$have_qt || echo "(Qt not checked: apt-get install python3-pyside2.qtcore)"

echo
if [[ $failures -eq 0 ]]; then
    echo "check-mime: all samples recognised as expected"
else
    echo "check-mime: $failures sample(s) wrong"
    exit 1
fi
