#!/usr/bin/env python3
"""Extracts the English sentences Notebooks/reproductions/sae-anomaly-smollm2.md reads.

Reads the Debian packages `wordnet-base` (WordNet 3.0's example sentences, the quoted strings
after each gloss in /usr/share/wordnet/data.*) and `fortunes` (the quotations in
/usr/share/games/fortunes/{wisdom,literature,people,platitudes,education}), keeps sentences of 6
to 20 words, and writes them deterministically (sorted, deduplicated, every k-th line) to
Notebooks/reproductions/data/. Rerun after `bash Scripts/install-deps`; the output is committed,
so the notebook itself needs neither package.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Notebooks/reproductions/data"
WORDNET_NOTICE = [
    "# WordNet 3.0 example sentences, extracted by Scripts/extract-sae-anomaly-text.py from Debian's wordnet-base.",
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
    "# Used under the WordNet 3.0 licence (permission to use, copy, modify and distribute for any purpose",
    "# with this notice; provided AS IS, without warranty): see /usr/share/doc/wordnet-base/copyright.",
]
FORTUNE_NOTICE = [
    "# Quotations from Debian's fortunes package (fortune-mod 1.99.1: wisdom, literature, people, platitudes,",
    "# education), extracted by Scripts/extract-sae-anomaly-text.py; attribution lines dropped.",
    "# Copyright (c) 1991 The Regents of the University of California. All rights reserved.",
    "# Redistributed under the package's BSD licence: see /usr/share/doc/fortunes/copyright.",
]


def keep(sentence: str) -> bool:
    words = sentence.split()
    return 6 <= len(words) <= 20 and sentence.isascii() and not re.search(r"[|<>{}\\_@#]", sentence)


def wordnet() -> list[str]:
    found = set()
    for part in ("noun", "verb", "adj", "adv"):
        for line in (pathlib.Path("/usr/share/wordnet") / f"data.{part}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" ") or "|" not in line:
                continue
            for example in re.findall(r'"([^"]+)"', line.split("|", 1)[1]):
                example = " ".join(example.split())
                if keep(example):
                    found.add(example)
    return sorted(found)


def fortunes() -> list[str]:
    found = set()
    for name in ("wisdom", "literature", "people", "platitudes", "education"):
        text = (pathlib.Path("/usr/share/games/fortunes") / name).read_text(encoding="latin-1")
        for entry in text.split("\n%\n"):
            lines = [l for l in entry.splitlines() if not l.strip().startswith("--")]
            quote = " ".join(" ".join(lines).split())
            if keep(quote):
                found.add(quote)
    return sorted(found)


def thin(sentences: list[str], count: int) -> list[str]:
    step = max(1, len(sentences) // count)
    return sentences[::step][:count]


OUT.mkdir(parents=True, exist_ok=True)
(OUT / "wordnet-examples.txt").write_text("\n".join(WORDNET_NOTICE + thin(wordnet(), 3000)) + "\n", encoding="utf-8")
(OUT / "fortunes-quotes.txt").write_text("\n".join(FORTUNE_NOTICE + thin(fortunes(), 1000)) + "\n", encoding="utf-8")
