"""The embedded Unicode fonts, and what happens to characters none of them has a glyph for.

ReportLab's built-in fonts cover Latin-1 only, so "Nguyễn Thị Ánh" would print with holes. Every
report uses DejaVu Sans from ``resources/fonts`` instead, embedded (subset) in the PDF: it covers
Latin (Vietnamese included), Greek, Cyrillic, Arabic and Hebrew. A quote in another script is
split into runs by which font has its glyphs (:func:`font_runs`): Devanagari in Noto Sans
Devanagari (shaped with HarfBuzz, so conjuncts and vowel signs join), Chinese, Japanese and Korean
in Droid Sans Fallback. Only the glyphs a sheet uses are embedded, so a sheet without such a
quote is no bigger than before.

No font has emoji; rather than a blank box, :func:`printable` swaps such a character for a close
glyph the font has (🙂 → ☺) or for its Unicode name in parentheses, so a coach's 👍 stays
visible as "(thumbs up sign)" instead of vanishing.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from observe.reports import shaping
from observe.resources import resource_path

REGULAR = "ObserveSans"
BOLD = "ObserveSans-Bold"
DEVANAGARI = "ObserveDevanagari"
DEVANAGARI_BOLD = "ObserveDevanagari-Bold"
#: Chinese, Japanese and Korean: one regular face (there is no bold one); a bold heading
#: holding a CJK name prints it in the regular weight rather than with holes.
CJK = "ObserveCJK"

#: Two faces of the main family only: each face embedded costs several milliseconds per PDF
#: (subsetting), and an oblique face would also lack the Arabic and Hebrew glyphs quotes may
#: need. Quotes are set apart by colour and a tinted panel instead of italics. The fallback
#: faces cost nothing in a PDF that doesn't use them (a font is embedded only once used).
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
    CJK: "DroidSansFallback.ttf",
}

#: Where a character the main face lacks is looked for, in order.
FALLBACKS: dict[str, tuple[str, ...]] = {
    REGULAR: (DEVANAGARI, CJK),
    BOLD: (DEVANAGARI_BOLD, CJK),
}

#: Faces whose script needs shaping (HarfBuzz, through ReportLab's ``shaping`` style option).
SHAPED = frozenset({DEVANAGARI, DEVANAGARI_BOLD})

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


#: The main family, registered with the first PDF; the fallback faces wait until a text needs
#: one (parsing Droid Sans Fallback's 33,000 characters takes about 0.3 s).
_MAIN = (REGULAR, BOLD)
_loaded: set[str] = set()


def register_fonts() -> None:
    """Registers the main family once per process (ReportLab's registry is global)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name in _MAIN:
            _register(name)
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)  # <i> prints upright (no oblique face shipped)
        addMapping(REGULAR, 1, 1, BOLD)
        # Charts fall back to the base font between labels; make that ours, so no PDF refers
        # to an unembedded Helvetica (every font in Observe's PDFs is embedded).
        rl_config.canvas_basefontname = REGULAR
        rl_config.defaultGraphicsFontName = REGULAR
        shaping.install()
        _registered = True


def _register(name: str) -> None:
    font = TTFont(name, str(resource_path("fonts", _FILES[name])))
    pdfmetrics.registerFont(font)
    if name in SHAPED:
        letters = json.loads(resource_path("fonts", "glyph-text.json").read_text("utf-8"))
        shaping.glyph_letters(font, letters.get(_FILES[name], {}))
    _loaded.add(name)


def _ensure(name: str) -> None:
    """Registers a fallback face (and its bold mapping) the first time a text needs it."""
    register_fonts()
    if name in _loaded:
        return
    with _lock:
        if name in _loaded:
            return
        family = DEVANAGARI if name in (DEVANAGARI, DEVANAGARI_BOLD) else name
        bold = DEVANAGARI_BOLD if family == DEVANAGARI else family
        for face in {family, bold}:
            if face not in _loaded:
                _register(face)
        for b, i in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(family, b, i, bold if b else family)


@cache
def coverage(font_name: str = REGULAR) -> frozenset[int]:
    _ensure(font_name)
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def covers(font_name: str, text: str) -> bool:
    """Whether ``font_name`` has a glyph for every visible character of ``text``."""
    if text.isascii():
        return True
    have = coverage(font_name)
    return all(ord(ch) in have or ch.isspace() for ch in text)


@cache
def _coverage() -> frozenset[int]:
    """Every character some embedded face can draw."""
    every: set[int] = set(coverage(REGULAR))
    for name in FALLBACKS[REGULAR]:
        every |= coverage(name)
    return frozenset(every)


def _chain(font_name: str) -> tuple[str, ...]:
    return (font_name, *FALLBACKS.get(font_name, ()), REGULAR, *FALLBACKS[REGULAR])


def _first_covering(chain: tuple[str, ...], ch: str) -> str:
    code = ord(ch)
    for name in chain:
        if code in coverage(name):
            return name
    return chain[0]


def _word_letter(text: str, i: int, step: int, fonts: list[str | None]) -> str | None:
    """The font of the nearest letter from ``i`` in direction ``step`` within the same word."""
    j = i + step
    while 0 <= j < len(text) and not text[j].isspace():
        if fonts[j] is not None:
            return fonts[j]
        j += step
    return None


def font_runs(text: str, font_name: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` cut into (font, piece) runs, each piece drawn by a face that has its glyphs.

    Letters take the first face that has them (``font_name``, then its fallbacks); a vowel sign
    or accent stays with its letter; punctuation, digits and spaces join the letters of their
    own word ("“नमस्ते”" is one run, so its quotes don't split the word HarfBuzz shapes), else
    the run before them, so a sentence doesn't flicker between faces at every space.
    ``text`` should have been through :func:`printable`.
    """
    if covers(font_name, text):
        return [(font_name, text)] if text else []
    chain = _chain(font_name)
    fonts: list[str | None] = [None] * len(text)
    for i, ch in enumerate(text):
        if unicodedata.category(ch)[0] == "L":
            fonts[i] = _first_covering(chain, ch)
    for i, ch in enumerate(text):
        if fonts[i] is not None:
            continue
        code = ord(ch)
        before = fonts[i - 1] if i else None
        if unicodedata.category(ch)[0] == "M" and before and code in coverage(before):
            fonts[i] = before
            continue
        for candidate in (
            None if ch.isspace() else _word_letter(text, i, 1, fonts),
            None if ch.isspace() else _word_letter(text, i, -1, fonts),
            before,
        ):
            if candidate is not None and (code in coverage(candidate) or ch in "\n\t"):
                fonts[i] = candidate
                break
        else:
            fonts[i] = _first_covering(chain, ch)
    runs: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fonts[i] != fonts[start]:
            runs.append((fonts[start] or font_name, text[start:i]))
            start = i
    return runs


def needs_shaping(runs: list[tuple[str, str]]) -> bool:
    return any(name in SHAPED for name, _ in runs)


def text_width(text: str, font_name: str, size: float) -> float:
    """The printed width of ``text`` set in ``font_name`` with its fallbacks (unshaped)."""
    if covers(font_name, text):
        return pdfmetrics.stringWidth(text, font_name, size)
    return sum(
        pdfmetrics.stringWidth(piece, name, size) for name, piece in font_runs(text, font_name)
    )


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
    # Composed form: Vietnamese typed on a Mac arrives as letters plus combining accents, which
    # an unshaped font would stack badly; composed letters have glyphs of their own.
    text = unicodedata.normalize("NFC", text)
    for emoji, near in NEAR_GLYPHS.items():
        if emoji in text:
            text = text.replace(emoji, near)
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    main = coverage(REGULAR)
    if all(ord(ch) in main or ch in "\n\t" for ch in text):
        return text  # most text: no need to load a fallback face to know it prints
    covered = _coverage()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch in "\n\t" else _fallback(ch) for ch in text)
