"""Choosing an evidence kind from how the coach starts the line.

Typing speed matters more than menus during a visit: a line that opens with a quotation mark is
verbatim student talk (the quotes stay, they mark it as verbatim), and a short prefix such as
``t:`` picks another kind and is removed. Anything else keeps the kind already selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from observe.i18n import N_, Words
from observe.store.models import EvidenceKind

QUOTES = ('"', "“", "„", "«", "‘", "'", "「")

PREFIXES: dict[str, EvidenceKind] = {
    "s:": EvidenceKind.STUDENT_ACTION,
    "sa:": EvidenceKind.STUDENT_ACTION,
    "t:": EvidenceKind.TEACHER_MOVE,
    "tm:": EvidenceKind.TEACHER_MOVE,
    "a:": EvidenceKind.ARTIFACT,
    "n:": EvidenceKind.NOTE,
    "q:": EvidenceKind.STUDENT_TALK,
}

LABELS: Words[EvidenceKind] = Words(
    {
        EvidenceKind.STUDENT_TALK: N_("Student talk"),
        EvidenceKind.STUDENT_ACTION: N_("Student action"),
        EvidenceKind.TEACHER_MOVE: N_("Teacher move"),
        EvidenceKind.ARTIFACT: N_("Artifact"),
        EvidenceKind.NOTE: N_("Note"),
    }
)

#: The order kinds appear in menus and on Alt+1…5.
ORDER: tuple[EvidenceKind, ...] = tuple(LABELS)


def kind_label(kind: EvidenceKind | str) -> str:
    """An evidence kind's name in the current language (an unknown value as stored)."""
    try:
        return LABELS[EvidenceKind(kind)]
    except ValueError:
        return str(kind)


@dataclass(frozen=True)
class ParsedLine:
    kind: EvidenceKind
    text: str


def parse_line(line: str, selected: EvidenceKind) -> ParsedLine:
    stripped = line.strip()
    if stripped.startswith(QUOTES):
        return ParsedLine(EvidenceKind.STUDENT_TALK, stripped)
    lowered = stripped.lower()
    for prefix, kind in PREFIXES.items():
        if lowered.startswith(prefix):
            return ParsedLine(kind, stripped[len(prefix) :].strip())
    return ParsedLine(selected, stripped)


#: Shown instead of a time into the visit for an item noted after the visit had ended (added
#: from memory, or a photo filed days later): "2407:44:40" would read as a real moment.
AFTER_VISIT = "after"

#: How long after a visit's end an item still counts as noted during it (the coach finishes
#: typing a quote as they walk out).
AFTER_GRACE_S = 5 * 60


def visit_offset(
    observed_at: datetime, started_at: datetime, ended_at: datetime | None = None
) -> str:
    """The time into the visit shown beside an item, or ``AFTER_VISIT`` for one noted after the
    visit ended; the one rule for the timeline, the composer and every printed sheet."""
    if ended_at is not None and (observed_at - ended_at).total_seconds() > AFTER_GRACE_S:
        return AFTER_VISIT
    return format_offset((observed_at - started_at).total_seconds())


def format_offset(seconds: float) -> str:
    """Minutes:seconds into the visit, as shown beside each item (hours only when needed)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
