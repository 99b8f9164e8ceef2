"""Text from elsewhere made safe for where it goes next: a terminal, a dialog, a spreadsheet.

Three boundaries, one home each, so no writer has to remember the rule:

- :func:`printable` — what a server (or anyone else) says, before it is shown: escape
  sequences and other control characters would clear the screen or retitle the window.
- :func:`csv_cell` — every CSV cell Observe writes: a cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return runs as a formula in a spreadsheet (CSV injection), so it
  gets a leading apostrophe. Numbers stay numbers.
- :func:`clean_text` — text a coach types, where it enters the core: a lone surrogate (from a
  broken paste or a damaged file) can't be encoded as UTF-8, so it would break the save, the
  sync and the export; it becomes U+FFFD, which shows the spot and loses nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: object, limit: int = 500) -> str:
    """``text`` without escape sequences or control characters (newlines become spaces),
    cut to ``limit`` characters, for showing something a server sent."""
    s = _SURROGATES.sub("\ufffd", str(text))
    s = _ESCAPES.sub("", s)
    out = []
    for ch in s:
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d":
            continue  # C0/C1 controls; bidi overrides and other invisible format characters
        else:
            out.append(ch)
    s = re.sub(r" {2,}", " ", "".join(out)).strip()
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def csv_cell(value: Any) -> Any:
    """One cell for ``csv.writer``: text that a spreadsheet would run as a formula gets a
    leading apostrophe (shown, not run); numbers and numeric text such as ``-3`` or ``-0.5``
    stay numbers."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if value[0] in "+-" and _is_number(value):
        return value
    return "'" + value


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be saved as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)
