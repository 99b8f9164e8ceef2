"""Which schema revisions this build of Observe knows.

Opening a profile compares the file's Alembic revision with these constants instead of loading
Alembic, which keeps start-up fast; a test checks they match the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

#: Tables made with raw SQL in migrations (FTS5 and its shadow tables, the impact view's
#: trigger-kept counts); not in the ORM models.
RAW_SQL_TABLE_PREFIXES: tuple[str, ...] = (
    "evidence_fts",
    "evidence_search_key",
    "impact_lookfor_count",
    "impact_tally_count",
)


def include_in_autogenerate(name: str | None, type_: str, parent_names: object) -> bool:
    """Keeps Alembic's model comparison away from the raw-SQL search tables."""
    return not (type_ == "table" and name and name.startswith(RAW_SQL_TABLE_PREFIXES))
