#!/usr/bin/env python3
"""Generate the compact pinyin tables embedded in CountyHealth.Kernel.

Inputs: pinyin.txt from https://github.com/mozillazg/pinyin-data (MIT licence),
        kept in the shared data folder at shared/data/codes/pinyin/.
        Lines look like ``U+4E2D: zhōng,zhòng  # 中``.
        phrases/pinyin.txt from https://github.com/mozillazg/phrase-pinyin-data
        (MIT licence), beside it. Lines look like ``膀胱: páng guāng``; a phrase
        with several readings has several lines, the first is the usual one.
Outputs (src/CountyHealth.Kernel/Text/):
  pinyin-initials.txt    '#' comment lines (provenance), then ONE data line holding,
                         for every code point U+4E00..U+9FFF in order, one ASCII
                         character: the upper-case first letter of the FIRST listed
                         reading (tone marks stripped), or '_' where the source has
                         no entry.
  pinyin-alternates.txt  one line per character whose readings start with more than
                         one letter: the character, then every distinct initial, the
                         first reading's first, then the others by how many phrases
                         read the character that way (most first). An initial no
                         phrase uses is written in lower case (a rare reading).
  pinyin-phrases.txt     one line per phrase whose usual reading's initials differ
                         from its characters' first readings: phrase TAB initials.
                         Phrases whose initials agree are left out (the table keeps
                         4% of the phrase list): they matter only where they move a
                         word boundary; docs/adr/0010-search-keys.md measures that.
  pinyin-LICENSE.txt, phrase-pinyin-LICENSE.txt   the upstream licences.

Usage (from the repository root; stdlib only):
    python3 tools/generate-pinyin-table.py
    python3 tools/generate-pinyin-table.py --source ../shared/data/codes/pinyin/pinyin.txt
    python3 tools/generate-pinyin-table.py --check   # exit 1 if the committed files are stale
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys
import unicodedata

FIRST = 0x4E00
LAST = 0x9FFF
MISSING = "_"
UPSTREAM = "https://github.com/mozillazg/pinyin-data"

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_SOURCE_DIR = REPO_ROOT.parent / "shared" / "data" / "codes" / "pinyin"
DEFAULT_OUTPUT = REPO_ROOT / "src" / "CountyHealth.Kernel" / "Text" / "pinyin-initials.txt"
DEFAULT_LICENSE_OUTPUT = DEFAULT_OUTPUT.with_name("pinyin-LICENSE.txt")
ALTERNATES_OUTPUT = "pinyin-alternates.txt"
PHRASES_OUTPUT = "pinyin-phrases.txt"
PHRASE_LICENSE_OUTPUT = "phrase-pinyin-LICENSE.txt"
PHRASE_UPSTREAM = "https://github.com/mozillazg/phrase-pinyin-data"

LINE_RE = re.compile(r"^U\+([0-9A-Fa-f]{4,6}):\s*([^#]+?)\s*(?:#.*)?$")
HEADER_RE = re.compile(r"^#\s*(version|source):\s*(\S+)")
COMMIT_RE = re.compile(r"\bcommit\s+([0-9a-f]{40})\b")


def initial_of(reading: str) -> str:
    """Upper-case first letter of a reading with tone marks stripped (ǘ -> U, ḿ -> M)."""
    decomposed = unicodedata.normalize("NFD", reading.strip())
    letters = [c for c in decomposed if not unicodedata.combining(c)]
    if not letters:
        raise ValueError(f"empty reading: {reading!r}")
    first = letters[0].upper()
    if not ("A" <= first <= "Z"):
        raise ValueError(f"reading does not start with a Latin letter: {reading!r}")
    return first


def parse_source(text: str) -> tuple[dict[int, list[str]], dict[str, str]]:
    """Every code point's readings, in the source's order (the first is the most common)."""
    readings: dict[int, list[str]] = {}
    header: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            match = HEADER_RE.match(line)
            if match:
                header.setdefault(match.group(1), match.group(2))
            continue
        match = LINE_RE.match(line)
        if not match:
            raise ValueError(f"line {number}: cannot parse {raw!r}")
        readings[int(match.group(1), 16)] = match.group(2).split(",")
    return readings, header


def parse_phrases(text: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Every phrase's readings as initials, in the source's order (the first line is the usual reading)."""
    phrases: dict[str, list[str]] = {}
    header: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            match = HEADER_RE.match(line)
            if match:
                header.setdefault(match.group(1), match.group(2))
            continue
        phrase, _, reading = line.split("#")[0].partition(":")
        phrase = phrase.strip()
        syllables = reading.split()
        if not phrase or len(syllables) != len(phrase):
            raise ValueError(f"phrases line {number}: cannot parse {raw!r}")
        if not all(FIRST <= ord(c) <= LAST for c in phrase):
            raise ValueError(f"phrases line {number}: a character outside U+{FIRST:04X}..U+{LAST:04X} in {phrase!r}")
        initials = "".join(initial_of(s) for s in syllables)
        known = phrases.setdefault(phrase, [])
        if initials not in known:
            known.append(initials)
    return phrases, header


def commit_of(source: pathlib.Path) -> str | None:
    provenance = source.with_name("PROVENANCE.txt")
    if provenance.is_file():
        match = COMMIT_RE.search(provenance.read_text(encoding="utf-8"))
        return match.group(1) if match else None
    return None


def distinct_initials(readings: list[str]) -> list[str]:
    result: list[str] = []
    for reading in readings:
        initial = initial_of(reading)
        if initial not in result:
            result.append(initial)
    return result


def build(source: pathlib.Path, phrases_source: pathlib.Path) -> tuple[dict[str, str], str]:
    readings, header = parse_source(source.read_text(encoding="utf-8"))
    initials = {cp: distinct_initials(r) for cp, r in readings.items()}
    data = "".join(initials[cp][0] if cp in initials else MISSING for cp in range(FIRST, LAST + 1))
    assert len(data) == LAST - FIRST + 1
    assert data.isascii()
    commit = commit_of(source)
    derived = ("# Derived from pinyin.txt of " + header.get("source", UPSTREAM)
               + " version " + header.get("version", "unknown")
               + (" (commit " + commit + ")" if commit else "") + ".")
    regenerate = [
        "# Generated by tools/generate-pinyin-table.py - do not edit by hand. Regenerate from the repo root with:",
        "#   python3 tools/generate-pinyin-table.py --source ../shared/data/codes/pinyin/pinyin.txt",
    ]

    table = [
        "# Pinyin initials for CJK Unified Ideographs U+4E00..U+9FFF.",
        derived,
        "# Copyright (c) 2016 mozillazg, MIT licence: see pinyin-LICENSE.txt next to this file.",
        "# Source file: shared/data/codes/pinyin/pinyin.txt (the project's shared data folder, beside the repository).",
        "# Format: the single non-comment line has one ASCII char per code point, in order from U+4E00:",
        "#   upper-case first letter of the first listed reading (tone marks stripped), '_' = no entry.",
        *regenerate,
        data,
    ]

    phrases, phrase_header = parse_phrases(phrases_source.read_text(encoding="utf-8"))
    phrase_commit = commit_of(phrases_source)
    phrase_derived = ("# Derived from pinyin.txt of " + phrase_header.get("source", PHRASE_UPSTREAM)
                      + " version " + phrase_header.get("version", "unknown")
                      + (" (commit " + phrase_commit + ")" if phrase_commit else "") + ".")

    # How many phrases read a character with each initial: a reading some phrase uses is a reading people use.
    attested: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for phrase, readings_of_phrase in phrases.items():
        for reading in readings_of_phrase:
            for char, initial in zip(phrase, reading):
                attested[char][initial] += 1

    alternates = [
        "# Characters of U+4E00..U+9FFF whose readings start with more than one letter, one a line.",
        derived,
        "# Copyright (c) 2016 mozillazg, MIT licence: see pinyin-LICENSE.txt next to this file.",
        "# Ordered by the phrases of " + PHRASE_UPSTREAM + " (MIT, see phrase-pinyin-LICENSE.txt).",
        "# Format: the character, then its distinct initials: the first reading's, then the others by how many",
        "#   phrases read the character so (most first, then in the source's order); lower case = no phrase does.",
        *regenerate,
    ]
    for cp in range(FIRST, LAST + 1):
        found = initials.get(cp, [])
        if len(found) < 2:
            continue
        char = chr(cp)
        first, rest = found[0], found[1:]
        rest.sort(key=lambda i: (-attested[char][i], found.index(i)))
        alternates.append(char + first + "".join(i if attested[char][i] else i.lower() for i in rest))

    def first_readings(phrase: str) -> str:
        return "".join(initials[ord(c)][0] if ord(c) in initials else MISSING for c in phrase)

    kept = sorted((p, r[0]) for p, r in phrases.items() if r[0] != first_readings(p))
    phrase_table = [
        "# Phrases whose usual reading gives other initials than their characters' first readings.",
        phrase_derived,
        "# Copyright (c) 2017 mozillazg, MIT licence: see phrase-pinyin-LICENSE.txt next to this file.",
        "# Source file: shared/data/codes/pinyin/phrases/pinyin.txt; the first listed reading of a phrase is used.",
        f"# {len(kept)} of {len(phrases)} phrases; the others read as their characters' first readings.",
        "# Format: phrase TAB upper-case initials, one per character.",
        *regenerate,
        *(p + "\t" + r for p, r in kept),
    ]

    covered = sum(1 for c in data if c != MISSING)
    summary = (f"{covered} of {LAST - FIRST + 1} code points have a reading, {len(alternates) - 8} have several initials, "
               f"{len(kept)} of {len(phrases)} phrases kept")
    return {
        "table": "\n".join(table) + "\n",
        "alternates": "\n".join(alternates) + "\n",
        "phrases": "\n".join(phrase_table) + "\n",
    }, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=pathlib.Path, default=DEFAULT_SOURCE_DIR / "pinyin.txt")
    parser.add_argument("--phrases", type=pathlib.Path, help="default: phrases/pinyin.txt beside --source")
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--license-output", type=pathlib.Path, default=DEFAULT_LICENSE_OUTPUT)
    parser.add_argument("--check", action="store_true", help="do not write; fail if the outputs differ")
    args = parser.parse_args()

    phrases_source = args.phrases or args.source.with_name("phrases") / "pinyin.txt"
    generated, summary = build(args.source, phrases_source)
    outputs = {
        args.output: generated["table"],
        args.output.with_name(ALTERNATES_OUTPUT): generated["alternates"],
        args.output.with_name(PHRASES_OUTPUT): generated["phrases"],
        args.license_output: args.source.with_name("LICENSE").read_text(encoding="utf-8"),
        args.output.with_name(PHRASE_LICENSE_OUTPUT): phrases_source.with_name("LICENSE").read_text(encoding="utf-8"),
    }

    if args.check:
        stale = [str(path) for path, expected in outputs.items()
                 if not path.is_file() or path.read_text(encoding="utf-8") != expected]
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"up to date ({summary})")
        return 0

    args.output.parent.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
