"""The impact view's counts for a bulk page of new rows, as three set statements.

Desktop migration ``0014`` keeps ``impact_lookfor_count`` and ``impact_tally_count`` exact
with triggers that fire once per row. A first sync inserts hundreds of thousands of rows, and
per row the item trigger ran two upserts and a visit lookup (the tag and tally triggers one
each): a fifth of the bulk path's time. As it does for the search index, the bulk path drops
the three insert triggers inside its page's savepoint, inserts the page, adds what they would
have added with one grouped statement per table, and creates them again from their stored SQL
before the page commits; other connections never see them missing, and a failed page rolls the
whole of it back.

The sum is the triggers' own: every trigger adds the change of the one row it fires for,
reading the other tables as they are then, and in a bulk page every item is new (so it has no
tags before its own, which the page inserts after it) and its visit is written before it.
Counting the page's rows once they are all in gives what the triggers gave, row for row
(``tests/sync/test_first_pull.py`` compares the bulk and normal paths' counts). The
expressions are the migration's (a quarter hour of a stored UTC time; "seen" in an item's
marks; live = the item and its visit not deleted).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

EVIDENCE_TRIGGER = "impact_evidence_insert"
TAG_TRIGGER = "impact_tag_insert"
TALLY_TRIGGER = "impact_tally_insert"
ITEM_TRIGGERS = (EVIDENCE_TRIGGER, TAG_TRIGGER)

_BUCKET = "substr(e.observed_at, 1, 14) || (CAST(substr(e.observed_at, 15, 2) AS INTEGER) / 15)"
_LIVE = "e.deleted = 0 AND NOT EXISTS (SELECT 1 FROM visit WHERE id = e.visit_id AND deleted = 1)"
_SEEN = (
    "CASE WHEN NOT json_valid(e.lookfor_marks) THEN 0 "
    "WHEN json_extract(e.lookfor_marks, '$.\"' || l.lookfor_id || '\"') = 'seen' THEN 1 "
    "ELSE 0 END"
)
_LOOKFOR_UPSERT = (
    " ON CONFLICT (bucket, lookfor_id) DO UPDATE SET "
    "items = items + excluded.items, seen = seen + excluded.seen"
)
ITEMS = (
    "INSERT INTO impact_lookfor_count (bucket, lookfor_id, items, seen) "
    f"SELECT {_BUCKET}, '', count(*), 0 FROM json_each(?) j JOIN evidence e ON e.id = j.value "
    f"WHERE {_LIVE} GROUP BY 1" + _LOOKFOR_UPSERT
)
TAGS = (
    "INSERT INTO impact_lookfor_count (bucket, lookfor_id, items, seen) "
    f"SELECT {_BUCKET}, l.lookfor_id, count(*), sum({_SEEN}) FROM json_each(?) j "
    "JOIN evidence e ON e.id = j.value JOIN evidence_lookfor l ON l.evidence_id = e.id "
    f"WHERE {_LIVE} GROUP BY 1, 2" + _LOOKFOR_UPSERT
)
TALLIES = (
    "INSERT INTO impact_tally_count (visit_id, seat_id, tallies) "
    "SELECT p.visit_id, p.seat_id, count(*) FROM json_each(?) j "
    "JOIN participation_event p ON p.id = j.value WHERE p.deleted = 0 GROUP BY 1, 2 "
    "ON CONFLICT (visit_id, seat_id) DO UPDATE SET tallies = tallies + excluded.tallies"
)


def pause(conn: Connection, names: Iterable[str]) -> dict[str, str]:
    """Drops the named triggers that exist; returns each one's SQL, to count and re-create.

    A profile without them (none at all, before ``0014``) simply keeps none: what is not
    counted by a trigger is not counted here either."""
    stored: dict[str, str] = {}
    for name in names:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).scalar()
        if sql:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
            stored[name] = sql
    return stored


def count_page(conn: Connection, paused: dict[str, str], items: str, tallies: str) -> None:
    """Adds what the paused count triggers would have for the page's new rows (JSON arrays
    of ids: ``items`` its evidence, ``tallies`` its participation events), then re-creates
    every paused trigger (the search index's too, which the caller has done the work of)."""
    if EVIDENCE_TRIGGER in paused:
        conn.exec_driver_sql(ITEMS, (items,))
    if TAG_TRIGGER in paused:
        conn.exec_driver_sql(TAGS, (items,))
    if TALLY_TRIGGER in paused:
        conn.exec_driver_sql(TALLIES, (tallies,))
    for sql in paused.values():
        conn.exec_driver_sql(sql)
