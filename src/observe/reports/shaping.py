"""Shaping a word that mixes faces (a quote mark in DejaVu before a Devanagari word).

ReportLab 4.2+ shapes paragraph text with HarfBuzz (``uharfbuzz``) when a style has
``shaping=1``: it joins Devanagari conjuncts and places vowel signs, which plain glyph-by-glyph
drawing cannot. It shapes a *word* at a time with the face of the word's first piece, though, so
"«हम" (a guillemet DejaVu has, then letters only Noto Sans Devanagari has) would be shaped with
DejaVu's glyphs and print garbage; and a word starting with a link anchor trips a sorting error
inside ReportLab. :func:`install` wraps ReportLab's word shaper so each same-face stretch of a
word is shaped on its own and anchors pass through untouched. A word in one face without an
anchor (nearly every word) goes straight to ReportLab's shaper as before.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_lock = threading.Lock()
_installed = False


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
        _installed = True
