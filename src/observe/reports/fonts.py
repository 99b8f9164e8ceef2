"""The embedded Unicode font, and what happens to characters it has no glyph for.

ReportLab's built-in fonts cover Latin-1 only, so "Nguyễn Thị Ánh" would print with holes. Every
report uses DejaVu Sans from ``resources/fonts`` instead, embedded (subset) in the PDF. The font
has no emoji; rather than a blank box, :func:`printable` swaps such a character for a close
glyph the font has (🙂 → ☺) or for its Unicode name in parentheses, so a coach's 👍 stays
visible as "(thumbs up sign)" instead of vanishing.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from observe.resources import resource_path

REGULAR = "ObserveSans"
BOLD = "ObserveSans-Bold"

#: Two faces only: each face embedded costs several milliseconds per PDF (subsetting), and an
#: oblique face would also lack the Arabic and Hebrew glyphs quotes may need. Quotes are set
#: apart by colour and a tinted panel instead of italics.
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False

#: Emoji a coach is likely to type, mapped to a glyph DejaVu Sans has.
NEAR_GLYPHS: dict[str, str] = {
    "🙂": "☺",
    "😀": "☺",
    "😃": "☺",
    "😄": "☺",
    "😊": "☺",
    "☺️": "☺",
    "🙁": "☹",
    "😞": "☹",
    "❤": "♥",
    "💚": "♥",
    "💙": "♥",
    "⭐": "★",
    "🌟": "★",
    "✅": "✔",
    "✔️": "✔",
    "❌": "✘",
    "➡": "→",
    "👉": "☞",
}

#: Invisible joiners and selectors that only make sense inside an emoji sequence.
_INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def register_fonts() -> None:
    """Registers the family once per process (ReportLab's registry is global)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)  # <i> prints upright (no oblique face shipped)
        addMapping(REGULAR, 1, 1, BOLD)
        # Charts fall back to the base font between labels; make that ours, so no PDF refers
        # to an unembedded Helvetica (every font in Observe's PDFs is embedded).
        rl_config.canvas_basefontname = REGULAR
        rl_config.defaultGraphicsFontName = REGULAR
        _registered = True


@cache
def coverage(font_name: str = REGULAR) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def covers(font_name: str, text: str) -> bool:
    """Whether ``font_name`` has a glyph for every visible character of ``text``."""
    if text.isascii():
        return True
    have = coverage(font_name)
    return all(ord(ch) in have or ch.isspace() for ch in text)


def _coverage() -> frozenset[int]:
    return coverage(REGULAR)


def has_glyph(ch: str) -> bool:
    return ord(ch) in _coverage()


def _fallback(ch: str) -> str:
    near = NEAR_GLYPHS.get(ch)
    if near is not None:
        return near
    if unicodedata.category(ch) == "Cf":
        return ""  # invisible format characters (BOM, joiners, direction marks) print as nothing
    name = unicodedata.name(ch, "")
    return f"({name.lower()})" if name else "\ufffd"


def printable(text: str) -> str:
    """``text`` with every character the embedded font can draw, nothing dropped silently."""
    if text.isascii():
        return _CONTROL.sub("", text)
    for emoji, near in NEAR_GLYPHS.items():
        if emoji in text:
            text = text.replace(emoji, near)
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    covered = _coverage()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch in "\n\t" else _fallback(ch) for ch in text)
