"""What an evidence item shows for each look-for it is tagged with.

A tag alone says the item is *about* a look-for; it is not a judgment that the look-for was
seen. The coach can mark a tag **seen** (the item shows it: a strength) or **not yet** (the item
shows it is missing: a wondering). Only seen items may become proposed strengths and only they
count where a report says a look-for "was seen".

Marks live in ``evidence.lookfor_marks`` as ``{lookfor_id: "seen" | "not_yet"}``; "about" is the
absence of an entry, so old data and snapshots from older devices read as "about". A mark for a
look-for the item is no longer tagged with means nothing and is dropped on the next write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select

from observe.i18n import N_, Words, ngettext
from observe.store import Store
from observe.store.models import Evidence, evidence_lookfor

ABOUT = "about"
SEEN = "seen"
NOT_YET = "not_yet"

#: The order one look-for key steps through on an item: untagged → about → seen → not yet →
#: untagged. ``None`` is "not tagged".
CYCLE: tuple[str | None, ...] = (None, ABOUT, SEEN, NOT_YET)

#: Words shown beside a tag (never colour alone) and read out by screen readers.
LABELS: Words[str] = Words({ABOUT: N_("about"), SEEN: N_("seen"), NOT_YET: N_("not yet")})
SYMBOLS: dict[str, str] = {ABOUT: "", SEEN: "✓", NOT_YET: "○"}

_STORED = frozenset({SEEN, NOT_YET})


def clean_marks(raw: Any, tags: Iterable[str] | None = None) -> dict[str, str]:
    """The valid marks in ``raw`` (anything a synced snapshot may hold), limited to ``tags``.

    Unknown values and non-text keys are ignored rather than refused: a mark is a refinement
    of a tag, and reading it as "about" never claims more than the evidence shows.
    """
    if not isinstance(raw, Mapping):
        return {}
    allowed = None if tags is None else set(tags)
    return {
        k: v
        for k, v in raw.items()
        if isinstance(k, str) and v in _STORED and (allowed is None or k in allowed)
    }


def stored_marks(marks: Mapping[str, str], tags: Iterable[str]) -> dict[str, str] | None:
    """What to write to ``evidence.lookfor_marks``: the non-"about" marks of tagged look-fors,
    or None when there are none (so an unmarked item stores exactly what it stored before)."""
    kept = clean_marks(marks, tags)
    return dict(sorted(kept.items())) or None


def mark_of(marks: Mapping[str, str], lookfor_id: str) -> str:
    return marks.get(lookfor_id, ABOUT)


def describe(mark: str) -> str:
    """ "✓ seen", "○ not yet" or "about": the symbol always comes with its word."""
    symbol = SYMBOLS.get(mark, "")
    word = LABELS.get(mark, LABELS[ABOUT])
    return f"{symbol} {word}" if symbol else word


def step(
    tags: Iterable[str], marks: Mapping[str, str], lookfor_id: str
) -> tuple[tuple[str, ...], dict[str, str]]:
    """One press of a look-for's key: the next state in :data:`CYCLE` for ``lookfor_id``."""
    ids = list(dict.fromkeys(tags))
    current: str | None = mark_of(marks, lookfor_id) if lookfor_id in ids else None
    following = CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]
    new_marks = {k: v for k, v in clean_marks(marks, ids).items() if k != lookfor_id}
    if following is None:
        ids.remove(lookfor_id)
    else:
        if lookfor_id not in ids:
            ids.append(lookfor_id)
        if following in _STORED:
            new_marks[lookfor_id] = following
    return tuple(ids), new_marks


def state_of(tags: Iterable[str], marks: Mapping[str, str], lookfor_id: str) -> str | None:
    """The look-for's state on an item: None (not tagged), or its mark."""
    return mark_of(marks, lookfor_id) if lookfor_id in set(tags) else None


def marked(mark: str) -> ColumnElement[int]:
    """SQL: 1 for an (evidence, look-for) tag row the coach marked ``mark``, else 0.

    For queries joining ``evidence`` to ``evidence_lookfor``; the look-up happens in SQLite
    (``json_extract``) so counting stays one grouped query however many items there are.
    """
    path = literal('$."').concat(evidence_lookfor.c.lookfor_id).concat('"')
    return case((func.json_extract(Evidence.lookfor_marks, path) == mark, 1), else_=0)


def marked_seen() -> ColumnElement[int]:
    return marked(SEEN)


@dataclass(frozen=True)
class MarkTally:
    """One look-for in one visit: items tagged with it, and how many of them are marked."""

    tagged: int
    seen: int
    not_yet: int

    def text(self) -> str:
        """ "✓ 2 seen · ○ 1 not yet · 4 tagged": symbol and word together, never colour."""
        parts = []
        if self.seen:
            parts.append(
                ngettext("{symbol} {count} seen", "{symbol} {count} seen", self.seen).format(
                    symbol=SYMBOLS[SEEN], count=self.seen
                )
            )
        if self.not_yet:
            parts.append(
                ngettext(
                    "{symbol} {count} not yet", "{symbol} {count} not yet", self.not_yet
                ).format(symbol=SYMBOLS[NOT_YET], count=self.not_yet)
            )
        parts.append(
            ngettext("{count} tagged", "{count} tagged", self.tagged).format(count=self.tagged)
        )
        return " · ".join(parts)

    def spoken(self) -> str:
        """The same for a screen reader: words only, no symbols."""
        parts = (
            [ngettext("{count} seen", "{count} seen", self.seen).format(count=self.seen)]
            if self.seen
            else []
        )
        if self.not_yet:
            parts.append(
                ngettext("{count} not yet seen", "{count} not yet seen", self.not_yet).format(
                    count=self.not_yet
                )
            )
        parts.append(
            ngettext("{count} tagged", "{count} tagged", self.tagged).format(count=self.tagged)
        )
        return ", ".join(parts)


def visit_tallies(store: Store, visit_id: str) -> dict[str, MarkTally]:
    """Per look-for id, the visit's live items tagged with it and their marks."""
    with store.read() as s:
        rows = s.execute(
            select(
                evidence_lookfor.c.lookfor_id,
                func.count(),
                func.sum(marked(SEEN)),
                func.sum(marked(NOT_YET)),
            )
            .join(Evidence, Evidence.id == evidence_lookfor.c.evidence_id)
            .where(Evidence.visit_id == visit_id, Evidence.deleted.is_(False))
            .group_by(evidence_lookfor.c.lookfor_id)
        ).all()
    return {r[0]: MarkTally(int(r[1]), int(r[2] or 0), int(r[3] or 0)) for r in rows}
