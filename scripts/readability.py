#!/usr/bin/env python3
"""A reading check of the interface's Finnish and Swedish texts: LIX (läsbarhetsindex:
words per sentence + the share of words over six letters, in per cent) per locale file
and the ten hardest messages of each language. Prints figures; asserts nothing.

LIX was made for Swedish and is used for Finnish too, where long compound words and
case endings raise it: under 40 reads as easy (fiction, plain news), 40-50 as standard
(newspapers), over 50 as hard (official text). Usage: python3 scripts/readability.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent / "locales"


def messages(path):
    """The file's messages (id -> text), variables and selectors removed."""
    out, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z]", line):
            key, _, text = line.partition("=")
            current = key.strip()
            out[current] = text.strip()
        elif line.startswith((" ", "\t")) and current:
            out[current] += " " + line.strip()
        else:
            current = None
    return {k: re.sub(r"\{[^}]*\}", "X", v) for k, v in out.items()}


def lix(text):
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return None, 0
    sentences = max(1, len(re.findall(r"[.!?:]+(\s|$)", text)))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / len(words), len(words)


for lang in ("fi", "sv"):
    print(f"== {lang}")
    scored = []
    for path in sorted((ROOT / lang).glob("*.ftl")):
        texts = messages(path)
        # Only prose: labels of one or two words say little about reading.
        prose = {k: v for k, v in texts.items() if len(v.split()) >= 5}
        whole = " ".join(v if v.rstrip().endswith((".", "?", "!", ":")) else v + "." for v in prose.values())
        score, words = lix(whole)
        if score is not None:
            print(f"{path.name:22} LIX {score:5.1f}  ({len(prose)} messages of five words or more, {words} words)")
        for k, v in prose.items():
            s, n = lix(v if v.rstrip().endswith((".", "?", "!", ":")) else v + ".")
            if s is not None and n >= 8:
                scored.append((s, f"{path.name}:{k}", v))
    print("hardest messages:")
    for s, where, text in sorted(scored, reverse=True)[:10]:
        print(f"  {s:5.1f}  {where}: {text[:110]}")
