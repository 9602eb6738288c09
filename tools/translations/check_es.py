#!/usr/bin/env python3
"""Check the Spanish texts beside the English ones, with nothing but python3.

For every shipped exercise `assets/library/X.ron` there must be
`assets/library/es/X.ron` (an `ExerciseText`) with every field (and `when` /
`load` exactly when the English usual dose has them), and the same
number of steps, mistakes and cautions as the English, because the handout may
pair them line by line. For every template `programs/X.ron` there must be
`programs/es/X.ron`: the same program with `language: "es"` and every text
translated, while ids, doses (numbers), contact fields and structure stay the same.

It also scores each file's patient text with the Fernández-Huerta reading ease
(206.84 - 0.60 P - 1.02 F; P syllables and F sentences per 100 words) using a
simple Spanish syllable counter, and lists the lowest.

Usage: python3 tools/translations/check_es.py [--lang es] [--min 70] [--all]
Exits 1 when a file is missing or malformed (a low score only warns).
"""
import argparse
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- a tiny RON reader
class Struct:
    """A named RON struct: Name(field: value, ...)."""

    def __init__(self, name, fields):
        self.name, self.fields = name, fields

    def __repr__(self):
        return f"{self.name}{self.fields}"


TOKEN = re.compile(
    r'\s+|//[^\n]*|#!\[[^\]]*\]|(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?)'
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<p>[()\[\]:,])"
)


def tokens(text):
    pos = 0
    out = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            line = text.count("\n", 0, pos) + 1
            raise ValueError(f"line {line}: cannot read {text[pos:pos + 20]!r}")
        pos = m.end()
        if m.lastgroup:
            kind = m.lastgroup
            val = m.group(kind)
            if kind == "str":
                val = Str(bytes(val[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"))
            out.append((kind, val, text.count("\n", 0, m.start()) + 1))
    return out


class Str(str):
    """A string read from the file (to tell it from an identifier)."""


def parse(text):
    toks = tokens(text)
    i = 0

    def peek():
        return toks[i] if i < len(toks) else (None, None, -1)

    def expect(p):
        nonlocal i
        k, v, line = peek()
        if v != p or k != "p":
            raise ValueError(f"line {line}: expected {p!r}, found {v!r}")
        i += 1

    def value():
        nonlocal i
        k, v, line = peek()
        if k in ("str", "num"):
            i += 1
            return v if k == "str" else float(v)
        if k == "p" and v == "[":
            i += 1
            items = []
            while peek()[1] != "]":
                items.append(value())
                if peek()[1] == ",":
                    i += 1
                elif peek()[1] != "]":
                    raise ValueError(f"line {peek()[2]}: expected ',' or ']'")
            i += 1
            return items
        if k == "p" and v == "(":
            return tuple_or_struct(None)
        if k == "id":
            i += 1
            if peek()[1] == "(" and peek()[0] == "p":
                return tuple_or_struct(v)
            return v
        raise ValueError(f"line {line}: unexpected {v!r}")

    def tuple_or_struct(name):
        nonlocal i
        expect("(")
        # a struct has `ident :` first
        if peek()[0] == "id" and i + 1 < len(toks) and toks[i + 1][1] == ":":
            fields = {}
            while peek()[1] != ")":
                k, key, line = peek()
                if k != "id":
                    raise ValueError(f"line {line}: expected a field name, found {key!r}")
                i += 1
                expect(":")
                if key in fields:
                    raise ValueError(f"line {line}: field {key} twice")
                fields[key] = value()
                if peek()[1] == ",":
                    i += 1
                elif peek()[1] != ")":
                    raise ValueError(f"line {peek()[2]}: expected ',' or ')' after {key}")
            i += 1
            return Struct(name, fields)
        items = []
        while peek()[1] != ")":
            items.append(value())
            if peek()[1] == ",":
                i += 1
            elif peek()[1] != ")":
                raise ValueError(f"line {peek()[2]}: expected ',' or ')'")
        i += 1
        return Struct(name, {"_tuple": items}) if name else tuple(items)

    v = value()
    if i != len(toks):
        raise ValueError(f"line {toks[i][2]}: text after the end")
    return v


# ---------------------------------------------------------------- reading ease
VOWELS = "aeiouáéíóúü"
STRONG = set("aeoáéóíú")  # accented í/ú break a diphthong like a strong vowel


def syllables(word):
    """Spanish syllables: vowel groups, split where two strong vowels meet."""
    w = word.lower()
    if w.endswith("y") and len(w) > 1 and w[-2] in VOWELS:
        w = w[:-1]  # "hoy", "muy": y closes the diphthong
    if w == "y":
        return 1
    count = 0
    prev = None
    for ch in w:
        if ch in VOWELS:
            if prev is None:
                count += 1
            elif prev in STRONG and ch in STRONG:
                count += 1  # hiatus: "le-er", "dí-a"
            prev = ch
        else:
            prev = None
    return max(count, 1)


NUMBER_SYLLABLES = 2  # "diez", "quince", "treinta" – close enough


def words_of(text):
    return re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+|\d+", text)


def sentence_count(text):
    parts = [p for p in re.split(r"[.!?:;]+(?:\s|$)", text) if words_of(p)]
    return max(len(parts), 1)


def reading_ease(lines):
    words = syll = sents = 0
    for line in lines:
        ws = words_of(line)
        words += len(ws)
        syll += sum(NUMBER_SYLLABLES if w.isdigit() else syllables(w) for w in ws)
        sents += sentence_count(line)
    if not words:
        return None, 0, 0
    p = 100 * syll / words
    f = 100 * sents / words
    return 206.84 - 0.60 * p - 1.02 * f, words, words / sents


def reading_ease_per_sentence(lines):
    """The variant that reads F as words per sentence, as in Flesch's formula
    that Fernández-Huerta adapted; it rewards short sentences, the published
    form (sentences per 100 words) slightly penalises them."""
    words = syll = sents = 0
    for line in lines:
        ws = words_of(line)
        words += len(ws)
        syll += sum(NUMBER_SYLLABLES if w.isdigit() else syllables(w) for w in ws)
        sents += sentence_count(line)
    if not words:
        return None
    return 206.84 - 0.60 * 100 * syll / words - 1.02 * words / sents


def long_sentences(lines, limit):
    out = []
    for line in lines:
        for s in re.split(r"(?<=[.!?:;])\s+", line):
            if len(words_of(s)) > limit:
                out.append(s)
    return out


# ---------------------------------------------------------------- checks
EX_FIELDS = ["name", "aliases", "purpose", "start", "steps", "mistakes", "cautions"]
# Words of the usual dose, present only when the English dose has them.
DOSE_FIELDS = ["when", "load"]
PAIRED = ["steps", "mistakes", "cautions"]
TEXT_KEYS = {"title", "condition", "goals", "notes", "precautions", "name",
             "advance_when", "note", "when", "load"}
ENGLISH_HINTS = re.compile(r"\b(the|your|you|and|with|hold|stop|if|keep)\b", re.I)
TYPOGRAPHIC = re.compile(r"\s-\s|--")


def check_exercise(en_path, es_path, problems):
    en = parse(en_path.read_text(encoding="utf-8"))
    es = parse(es_path.read_text(encoding="utf-8"))
    name = es_path.name
    if not isinstance(es, Struct) or es.name != "ExerciseText":
        problems.append(f"{name}: not an ExerciseText(...)")
        return []
    for field in EX_FIELDS:
        if field not in es.fields:
            problems.append(f"{name}: missing field {field}")
    for field in es.fields:
        if field not in EX_FIELDS + DOSE_FIELDS:
            problems.append(f"{name}: unknown field {field}")
    dose = en.fields.get("dose")
    dose = dose.fields if isinstance(dose, Struct) else {}
    for field in DOSE_FIELDS:
        if field in dose and field not in es.fields:
            problems.append(f"{name}: the English dose has {field}: {dose[field]!r}, the Spanish text has no {field}")
        elif field in es.fields and field not in dose:
            problems.append(f"{name}: {field} given but the English dose has none")
    if es.fields.get("name", "").lower() == en.fields["name"].lower():
        problems.append(f"{name}: the name is the English one")
    for field in PAIRED:
        a, b = en.fields.get(field, []), es.fields.get(field, [])
        if len(a) != len(b):
            problems.append(f"{name}: {field} has {len(b)} lines, English has {len(a)}")
    aliases = es.fields.get("aliases", [])
    if not 2 <= len(aliases) <= 6:
        problems.append(f"{name}: {len(aliases)} aliases (want 2–4)")
    en_aliases = {a.lower() for a in en.fields.get("aliases", [])} | {en.fields["name"].lower()}
    for a in aliases:
        if a.lower() in en_aliases:
            problems.append(f"{name}: alias {a!r} is the English one")
    lines = [es.fields.get("name", ""), es.fields.get("purpose", ""), es.fields.get("start", "")]
    for field in PAIRED:
        lines += es.fields.get(field, [])
    lines += [es.fields[f] for f in DOSE_FIELDS if f in es.fields]
    for line in lines:
        if not isinstance(line, str) or not line.strip():
            problems.append(f"{name}: an empty or non-text line")
        elif ENGLISH_HINTS.search(line):
            problems.append(f"{name}: looks English: {line!r}")
    return lines


def same_shape(en, es, path, problems, name, lines):
    """Everything equal except text fields, which must be non-empty strings."""
    if isinstance(en, Struct):
        if not isinstance(es, Struct) or en.name != es.name:
            problems.append(f"{name}: {path} is not a {en.name}")
            return
        keys_en = set(en.fields)
        keys_es = set(es.fields) - ({"language"} if path == "" else set())
        if keys_en != keys_es:
            problems.append(f"{name}: {path or 'Program'} fields differ: {sorted(keys_en ^ keys_es)}")
        for k in en.fields:
            if k not in es.fields:
                continue
            sub = f"{path}.{k}" if path else k
            if k in TEXT_KEYS and k not in ("name",) or (k == "name" and "phases" in path):
                text_shape(en.fields[k], es.fields[k], sub, problems, name, lines)
            else:
                same_shape(en.fields[k], es.fields[k], sub, problems, name, lines)
    elif isinstance(en, list):
        if not isinstance(es, list) or len(en) != len(es):
            problems.append(f"{name}: {path} has a different length")
            return
        for n, (a, b) in enumerate(zip(en, es)):
            same_shape(a, b, f"{path}[{n}]", problems, name, lines)
    elif en != es:
        problems.append(f"{name}: {path} changed: {en!r} -> {es!r}")


def text_shape(en, es, path, problems, name, lines):
    if isinstance(en, list):
        if not isinstance(es, list) or len(en) != len(es):
            problems.append(f"{name}: {path} has {len(es) if isinstance(es, list) else '?'} lines, English has {len(en)}")
            return
        for n, (a, b) in enumerate(zip(en, es)):
            text_shape(a, b, f"{path}[{n}]", problems, name, lines)
        return
    if not isinstance(es, str) or (en.strip() and not es.strip()):
        problems.append(f"{name}: {path} is empty or not text")
        return
    if en.strip() and es == en:
        problems.append(f"{name}: {path} is still the English text")
    if ENGLISH_HINTS.search(es):
        problems.append(f"{name}: {path} looks English: {es!r}")
    if "–" in en and "–" not in es:
        problems.append(f"{name}: {path} lost the typographic dash")
    lines.append(es)


def check_program(en_path, es_path, problems):
    en = parse(en_path.read_text(encoding="utf-8"))
    es = parse(es_path.read_text(encoding="utf-8"))
    name = "programs/es/" + es_path.name
    if es.fields.get("language") != "es":
        problems.append(f"{name}: no language: \"es\"")
    keys = list(es.fields)
    if keys[:2] != ["format", "language"]:
        problems.append(f"{name}: language should come right after format")
    lines = []
    same_shape(en, es, "", problems, name, lines)
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="es")
    ap.add_argument("--min", type=float, default=70.0, help="reading ease to warn below")
    ap.add_argument("--all", action="store_true", help="print every file's score")
    ap.add_argument("--words", type=int, default=15, help="flag sentences longer than this")
    args = ap.parse_args()
    problems, scores, long, variant = [], [], [], []
    lib = ROOT / "assets/library"
    progs = ROOT / "programs"
    pairs = [(p, lib / args.lang / p.name, check_exercise) for p in sorted(lib.glob("*.ron"))]
    pairs += [(p, progs / args.lang / p.name, check_program) for p in sorted(progs.glob("*.ron"))]
    for en_path, es_path, check in pairs:
        rel = es_path.relative_to(ROOT)
        if not es_path.exists():
            problems.append(f"{rel}: missing")
            continue
        try:
            lines = check(en_path, es_path, problems)
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            problems.append(f"{rel}: {e}")
            continue
        for line in lines:
            if TYPOGRAPHIC.search(line):
                problems.append(f"{rel}: use the typographic dash – in {line!r}")
        score, words, per_sentence = reading_ease(lines)
        if score is not None:
            scores.append((score, str(rel), words, per_sentence))
            variant.append(reading_ease_per_sentence(lines))
        long += [(str(rel), s) for s in long_sentences(lines, args.words)]
    scores.sort()
    if args.all:
        for s, rel, w, ps in scores:
            print(f"{s:6.1f}  {w:4d} words  {ps:4.1f} words/sentence  {rel}")
    if scores:
        values = [s for s, *_ in scores]
        print(f"Fernández-Huerta over {len(values)} files: min {min(values):.1f}, "
              f"median {statistics.median(values):.1f}, max {max(values):.1f}")
        print(f"  (with F read as words per sentence: min {min(variant):.1f}, "
              f"median {statistics.median(variant):.1f})")
        low = [x for x in scores if x[0] < args.min]
        for s, rel, w, ps in (low or scores[:5]):
            print(f"  {'below' if low else 'lowest'}: {s:5.1f}  {rel}")
    if long:
        print(f"{len(long)} sentences longer than {args.words} words:")
        for rel, s in long:
            print(f"  {rel}: {s}")
    for p in problems:
        print("PROBLEM:", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
