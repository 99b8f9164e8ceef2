#!/usr/bin/env python3
"""Writes resources/fonts/glyph-text.json: for each shaped font Observe ships, the letters each
of its glyphs stands for, found by following the font's own substitutions (GSUB) back to its
character map. A conjunct such as क्ष or a vowel-sign variant has no character of its own, so
without this a PDF's text (copy and paste, screen readers) would lose it.

Needs fontTools (the test extra). Run after changing a shaped font:
    .venv/bin/python scripts/font-glyph-text.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SHAPED = ["NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"]


def glyph_text(path: Path) -> dict[str, str]:
    font = TTFont(str(path))
    text = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    own = set(text)  # glyphs with a character of their own need no entry
    subtables = []
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                sub, kind = sub.ExtSubTable, sub.ExtSubTable.LookupType
            subtables.append((kind, sub))
    changed = True
    while changed:  # until no substitution teaches us another glyph
        changed = False
        for kind, sub in subtables:
            pairs: list[tuple[list[str], str]] = []
            if kind == 1:
                pairs = [([a], b) for a, b in sub.mapping.items()]
            elif kind == 3:
                pairs = [([a], b) for a, alts in sub.alternates.items() for b in alts]
            elif kind == 4:
                pairs = [
                    ([first, *lig.Component], lig.LigGlyph)
                    for first, ligs in sub.ligatures.items()
                    for lig in ligs
                ]
            for parts, out in pairs:
                if out not in text and all(p in text for p in parts):
                    text[out] = "".join(text[p] for p in parts)
                    changed = True
    return {glyph: letters for glyph, letters in sorted(text.items()) if glyph not in own}


def main() -> None:
    data = {name: glyph_text(FONTS / name) for name in SHAPED}
    out = FONTS / "glyph-text.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"wrote {out} ({sum(len(v) for v in data.values())} glyphs)")


if __name__ == "__main__":
    main()
