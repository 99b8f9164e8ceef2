"""Full-text search over evidence.

People type words, not FTS5 syntax: each word is quoted (so a stray quote, hyphen or ``OR`` in a
note can't become a syntax error or an operator) and the last one matches as a prefix, which is
what search-as-you-type needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

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
class SearchHit:
    evidence_id: str
    snippet: str


def search_evidence(session: Session, user_text: str, limit: int = 200) -> list[SearchHit]:
    """Live evidence matching every word, best matches first."""
    query = fts_query(user_text)
    if query is None:
        return []
    rows = session.execute(
        text(
            "SELECT k.evidence_id, snippet(evidence_fts, 0, '[', ']', '…', 12) "
            "FROM evidence_fts JOIN evidence_search_key k ON k.rowid = evidence_fts.rowid "
            "WHERE evidence_fts MATCH :q ORDER BY rank LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    ).all()
    return [SearchHit(evidence_id=r[0], snippet=r[1]) for r in rows]
