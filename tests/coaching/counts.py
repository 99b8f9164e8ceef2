"""The impact view's trigger-kept counts (migration 0014) checked against a count made here,
in Python, from the records themselves."""

from __future__ import annotations

import json
from collections import Counter

from observe.store import Store


def recounted(store: Store) -> tuple[dict[tuple[str, str], tuple[int, int]], dict]:
    """(look-for counts, tally counts) as the tables should hold them, zeros left out."""
    items: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    tallies: Counter[tuple[str, str]] = Counter()
    with store.engine.connect() as conn:
        dead = {r[0] for r in conn.exec_driver_sql("SELECT id FROM visit WHERE deleted = 1")}
        live: dict[str, tuple[str, dict]] = {}
        for item_id, visit_id, observed, deleted, marks in conn.exec_driver_sql(
            "SELECT id, visit_id, observed_at, deleted, lookfor_marks FROM evidence"
        ):
            if deleted or visit_id in dead:
                continue
            bucket = f"{observed[:14]}{int(observed[14:16]) // 15}"
            live[item_id] = (bucket, json.loads(marks) if marks else {})
            items[bucket, ""] += 1
        for item_id, lookfor_id in conn.exec_driver_sql(
            "SELECT evidence_id, lookfor_id FROM evidence_lookfor"
        ):
            if item_id in live:
                bucket, marks = live[item_id]
                items[bucket, lookfor_id] += 1
                seen[bucket, lookfor_id] += (marks or {}).get(lookfor_id) == "seen"
        for visit_id, seat_id in conn.exec_driver_sql(
            "SELECT visit_id, seat_id FROM participation_event WHERE deleted = 0"
        ):
            tallies[visit_id, seat_id] += 1
    return {k: (n, seen[k]) for k, n in items.items() if n}, dict(tallies)


def stored(store: Store) -> tuple[dict[tuple[str, str], tuple[int, int]], dict]:
    with store.engine.connect() as conn:
        lookfors = {
            (b, lf): (n, s)
            for b, lf, n, s in conn.exec_driver_sql("SELECT * FROM impact_lookfor_count")
            if n or s
        }
        tallies = {
            (v, seat): n
            for v, seat, n in conn.exec_driver_sql("SELECT * FROM impact_tally_count")
            if n
        }
    return lookfors, tallies


def assert_counts_exact(store: Store) -> None:
    want_lookfors, want_tallies = recounted(store)
    got_lookfors, got_tallies = stored(store)
    assert got_lookfors == want_lookfors
    assert got_tallies == want_tallies
