"""Turning a search snippet into plain text and emphasised matches, without HTML.

The store marks matched words with ``[`` and ``]``, but evidence can contain brackets of its own
(a student wrote "[x + 2]" on the board). So a bracketed run counts as a match only when it
begins with one of the words typed, which is how full-text search matched it; anything else is
kept as the coach wrote it. The result is drawn with text layouts, never parsed as rich text,
so "<b>" in a note is shown as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from observe.capture.visits import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_MARKED = re.compile(r"\[([^\[\]]+)\]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    text: str
    match: bool = False


def typed_words(typed: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(typed)]


def segments(snippet: str, typed: str) -> list[Segment]:
    """The snippet as runs of plain and matched text, with line breaks flattened to spaces."""
    words = typed_words(typed)
    raw: list[Segment] = []
    pos = 0
    if words:
        for marked in _MARKED.finditer(snippet):
            inner = marked.group(1)
            if any(fold(inner).startswith(word) for word in words):
                raw.append(Segment(snippet[pos : marked.start()]))
                raw.append(Segment(inner, True))
                pos = marked.end()
    raw.append(Segment(snippet[pos:]))
    out: list[Segment] = []
    for seg in raw:
        text = _SPACE.sub(" ", seg.text)
        if not text:
            continue
        if out and out[-1].match == seg.match:
            out[-1] = Segment(out[-1].text + text, seg.match)
        else:
            out.append(Segment(text, seg.match))
    if out:
        out[0] = Segment(out[0].text.lstrip(), out[0].match)
        out[-1] = Segment(out[-1].text.rstrip(), out[-1].match)
    return [s for s in out if s.text]


def plain(parts: list[Segment]) -> str:
    return "".join(s.text for s in parts)
