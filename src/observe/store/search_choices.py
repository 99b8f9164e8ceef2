"""What the search dialog's filters offer, and a search over the whole store, for screens.

``search_evidence`` takes a session so reports and tests can search inside their own read; a
screen has only the ``Store``, so it searches through here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from observe.store import Store
from observe.store.models import LookFor, LookForSet, Teacher
from observe.store.search import SearchFilters, SearchHit, search_evidence


@dataclass(frozen=True)
class FilterChoices:
    """(id, label) pairs: teachers by name, look-fors as "D1 · Students explain (Discourse)"."""

    teachers: tuple[tuple[str, str], ...]
    lookfors: tuple[tuple[str, str], ...]


def filter_choices(store: Store) -> FilterChoices:
    with store.read() as s:
        teacher_rows = s.execute(
            select(Teacher.id, Teacher.display_name).where(Teacher.deleted.is_(False))
        ).all()
        lookfor_rows = s.execute(
            select(LookFor.id, LookFor.code, LookFor.title, LookForSet.name)
            .join(LookForSet, LookForSet.id == LookFor.set_id)
            .where(LookFor.deleted.is_(False), LookForSet.deleted.is_(False))
            .order_by(LookForSet.name, LookFor.position, LookFor.code)
        ).all()
    teachers = sorted(((tid, name) for tid, name in teacher_rows), key=lambda t: t[1].casefold())
    lookfors = [
        (lid, f"{code} · {title}" + (f" ({set_name})" if set_name else ""))
        for lid, code, title, set_name in lookfor_rows
    ]
    return FilterChoices(tuple(teachers), tuple(lookfors))


def search(
    store: Store, typed: str, filters: SearchFilters | None = None, limit: int = 200
) -> list[SearchHit]:
    """``search_evidence`` in a read of its own."""
    with store.read() as s:
        return search_evidence(s, typed, filters, limit)
