"""Full-text search over evidence, with the filters a coach narrows by.

People type words, not FTS5 syntax: each word is quoted (so a stray quote, hyphen or ``OR`` in a
note can't become a syntax error or an operator) and the last one matches as a prefix, which is
what search-as-you-type needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from observe.clock import as_utc
from observe.store.models import EvidenceKind

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """FTS5 MATCH expression for what a person typed, or None when there is nothing to find."""
    words = _WORD.findall(user_text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class SearchFilters:
    teacher_id: str | None = None
    lookfor_id: str | None = None
    kind: EvidenceKind | None = None
    since: datetime | None = None
    until: datetime | None = None

    @property
    def empty(self) -> bool:
        return not any((self.teacher_id, self.lookfor_id, self.kind, self.since, self.until))


@dataclass(frozen=True)
class SearchHit:
    evidence_id: str
    visit_id: str
    observed_at: datetime
    kind: EvidenceKind
    teacher_name: str
    subject: str
    snippet: str


_SELECT = (
    "SELECT e.id, e.visit_id, e.observed_at, e.evidence_kind, t.display_name, c.subject, {snip} "
    "FROM {source} "
    "JOIN visit v ON v.id = e.visit_id "
    "JOIN classroom c ON c.id = v.classroom_id "
    "JOIN teacher t ON t.id = c.teacher_id "
)


def search_evidence(
    session: Session,
    user_text: str,
    filters: SearchFilters | None = None,
    limit: int = 200,
) -> list[SearchHit]:
    """Live evidence matching every word and the filters, most recently recorded first.

    Newest-first rather than by relevance: every match must contain every word anyway, a coach
    searching evidence usually wants the recent items, and it lets FTS5 walk its index
    backwards and stop at ``limit`` instead of ranking every match (a common word matches
    tens of thousands of items in a year; see benchmarks/). Nothing at all when there are
    neither words nor filters."""
    filters = filters or SearchFilters()
    query = fts_query(user_text)
    if query is None and filters.empty:
        return []
    params: dict[str, object] = {"limit": limit}
    where = ["e.deleted = 0"]
    if query is not None:
        source = (
            "evidence_fts JOIN evidence_search_key k ON k.rowid = evidence_fts.rowid "
            "JOIN evidence e ON e.id = k.evidence_id"
        )
        snip = "snippet(evidence_fts, 0, '[', ']', '…', 12)"
        where.append("evidence_fts MATCH :q")
        params["q"] = query
        order = "ORDER BY evidence_fts.rowid DESC"
    else:
        source = "evidence e"
        snip = "substr(e.text, 1, 200)"
        order = "ORDER BY e.observed_at DESC"
    if filters.teacher_id:
        where.append("t.id = :teacher")
        params["teacher"] = filters.teacher_id
    if filters.kind:
        where.append("e.evidence_kind = :kind")
        params["kind"] = filters.kind.value
    if filters.lookfor_id:
        where.append(
            "EXISTS (SELECT 1 FROM evidence_lookfor el "
            "WHERE el.evidence_id = e.id AND el.lookfor_id = :lookfor)"
        )
        params["lookfor"] = filters.lookfor_id
    if filters.since:
        where.append("e.observed_at >= :since")
        params["since"] = _db_time(filters.since)
    if filters.until:
        where.append("e.observed_at < :until")
        params["until"] = _db_time(filters.until)
    sql = _SELECT.format(snip=snip, source=source) + "WHERE " + " AND ".join(where)
    rows = session.execute(text(f"{sql} {order} LIMIT :limit"), params).all()
    return [
        SearchHit(
            evidence_id=r[0],
            visit_id=r[1],
            observed_at=as_utc(datetime.fromisoformat(r[2])),
            kind=EvidenceKind(r[3]),
            teacher_name=r[4],
            subject=r[5],
            snippet=r[6],
        )
        for r in rows
    ]


def _db_time(value: datetime) -> str:
    """The stored text form of a UTC time, for comparisons in raw SQL."""
    return as_utc(value).strftime("%Y-%m-%d %H:%M:%S.%f")
