"""The pull cursor: a position in each school's sequence, opaque to clients.

Seqs are numbered per school (``school_seq``), so "how far a device has pulled" is one number
per school it can see, like CouchDB's clustered ``since``. Clients store the text and send it
back (``cursor``); only this module reads it. Today a coach sees one school, so a cursor holds
one entry, but the form carries any number.

A bare integer is the old form (``since=N`` from clients made before per-school seqs, and the
cursors they stored): seqs were numbered for the whole server then, and the migration started
every school's counter at the server's head, so N is position N in every school.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from observe.server.errors import ApiError

PREFIX = "c1:"
MAX_SEQ = 2**63 - 1
MAX_SCHOOLS = 64
_ENTRY = re.compile(r"([0-9a-f-]{36})=(0|[1-9][0-9]{0,18})")

BAD_CURSOR = (
    "The sync position this device sent is not one this server made, so nothing was read. "
    "Nothing on your computer is lost; tell your server's administrator if this repeats."
)


@dataclass(frozen=True)
class Cursor:
    """Positions by school; ``default`` for a school not listed (an old integer cursor)."""

    by_school: dict[str, int] = field(default_factory=dict)
    default: int = 0

    def position(self, school_id: str) -> int:
        return self.by_school.get(school_id, self.default)

    def moved(self, school_id: str, seq: int) -> Cursor:
        return Cursor({**self.by_school, school_id: seq}, self.default)

    def text(self) -> str:
        """The opaque form (schools in a fixed order, so equal cursors are equal text)."""
        return PREFIX + ",".join(f"{s}={n}" for s, n in sorted(self.by_school.items()))


def legacy(since: int) -> Cursor:
    return Cursor(default=since)


def parse(text: str) -> Cursor:
    """A cursor this server made (or an old integer one); 422 for anything else."""
    if text.isdigit() and len(text) <= 19 and int(text) <= MAX_SEQ:
        return legacy(int(text))
    if not text.startswith(PREFIX) or len(text) > 64 * MAX_SCHOOLS:
        raise ApiError(422, "invalid", BAD_CURSOR)
    body = text[len(PREFIX) :]
    positions: dict[str, int] = {}
    for entry in body.split(",") if body else []:
        match = _ENTRY.fullmatch(entry)
        if match is None or match[1] in positions or int(match[2]) > MAX_SEQ:
            raise ApiError(422, "invalid", BAD_CURSOR)
        positions[match[1]] = int(match[2])
    if len(positions) > MAX_SCHOOLS:
        raise ApiError(422, "invalid", BAD_CURSOR)
    return Cursor(positions)
