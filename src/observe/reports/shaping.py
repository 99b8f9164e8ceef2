"""Shaping a word that mixes faces (a quote mark in DejaVu before a Devanagari word).

ReportLab 4.2+ shapes paragraph text with HarfBuzz (``uharfbuzz``) when a style has
``shaping=1``: it joins Devanagari conjuncts and places vowel signs, which plain glyph-by-glyph
drawing cannot. It shapes a *word* at a time with the face of the word's first piece, though, so
"«हम" (a guillemet DejaVu has, then letters only Noto Sans Devanagari has) would be shaped with
DejaVu's glyphs and print garbage; and a word starting with a link anchor trips a sorting error
inside ReportLab. :func:`install` wraps ReportLab's word shaper so each same-face stretch of a
word is shaped on its own and anchors pass through untouched. A word in one face without an
anchor (nearly every word) goes straight to ReportLab's shaper as before.

A conjunct such as क्ष is one glyph with no character of its own; ReportLab gives it a
private-use code, so copying the text out of the PDF (or a screen reader) would lose it.
:func:`glyph_letters` tells which letters each such glyph of a face stands for (worked out from
the font's own substitutions by ``scripts/font-glyph-text.py``), and the PDF's ToUnicode map
says so. A vowel sign drawn before its consonant (ि) comes back before it, as it is drawn.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_lock = threading.Lock()
_installed = False

#: Face name (as in the PDF's BaseFont) -> (the registered font, glyph name -> its letters).
_LETTERS: dict[str, tuple[Any, dict[str, str]]] = {}


def glyph_letters(font: Any, letters: dict[str, str]) -> None:
    """Registers what the glyphs of ``font`` (a shaped TTFont) that have no character stand for."""
    face = font.face
    _LETTERS[(face.name + getattr(face, "subfontNameX", b"")).decode("latin-1")] = (font, letters)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap for a subset, with shaped glyphs mapped to their letters."""
    known = _LETTERS.get(fontname.split("+", 1)[-1])
    private: dict[int, str] = {}
    if known is not None:
        font, letters = known
        for name, code in getattr(font, "_TTFont__hbUnis", {}).items():
            if letters.get(name):
                private[code] = letters[name]

    def target(value: int) -> str:
        text = private.get(value)
        return text.encode("utf-16-be").hex().upper() if text else f"{value:04X}"

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{target(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _is_special(piece: Any) -> bool:
    return hasattr(piece[0], "cbDefn")


def _width(pieces: list[Any]) -> float:
    return sum(
        0.0 if _is_special(p) else pdfmetrics.stringWidth(p[1], p[0].fontName, p[0].fontSize)
        for p in pieces
    )


def _segments(pieces: list[Any]) -> list[list[Any]]:
    """Runs of pieces in one face; every anchor (or other callback) a segment of its own."""
    out: list[list[Any]] = []
    for p in pieces:
        if _is_special(p):
            out.append([p])
        elif out and not _is_special(out[-1][0]) and out[-1][0][0].fontName == p[0].fontName:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _make(original: Any) -> Any:
    def shape_frag_word(word: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(word, ttfonts.ShapedFragWord) or len(word) < 2:
            return original(word, *args, **kwargs)
        pieces = list(word[1:])
        segments = _segments(pieces)
        if len(segments) == 1 and not _is_special(segments[0][0]):
            return original(word, *args, **kwargs)
        joined: list[Any] = []
        width = 0.0
        changed = False
        for seg in segments:
            if _is_special(seg[0]):
                joined += seg
                continue
            seg_width = _width(seg)
            shaped = original([seg_width, *seg], *args, **kwargs)
            changed = changed or isinstance(shaped, ttfonts.ShapedFragWord)
            width += shaped[0]
            joined += list(shaped[1:])
        if not changed:
            return word
        result = ttfonts.makeShapedFragWord(word)([width, *joined])
        return result

    shape_frag_word.__wrapped__ = original  # type: ignore[attr-defined]
    return shape_frag_word


def install() -> None:
    """Wraps ReportLab's paragraph word shaper once per process (idempotent)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        current = paragraph.shapeFragWord
        if not hasattr(current, "__wrapped__"):
            paragraph.shapeFragWord = _make(current)
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _installed = True
