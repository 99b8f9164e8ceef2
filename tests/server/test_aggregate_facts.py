"""The figures' fact columns (``record.day``, ``visit_ref``, ``seat_ref``, ``facet``): filled by
the push, by migration 0007 on an existing database, and by a restore, with the same figures
either way."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import select, text

from observe.ids import new_id
from observe.server import migrate
from observe.server.accounts import principal_of
from observe.server.aggregates import NAMES, aggregates
from observe.server.facts import FACT_COLUMNS
from observe.server.rollup import rebuild
from observe.server.schema import fact_count, record
from observe.server.scope import forget
from tests.server.helpers import op, push
from tests.server.test_aggregates import _school_with_data, _two_more_teachers, cycle_school


def _figures(server, user_ids):
    """Every aggregate for each user, over all dates and over one week."""
    out = {}
    with server.engine.connect() as conn:
        principals = [principal_of(conn, u) for u in user_ids]
    for principal in principals:
        for span in ((None, None), (date(2026, 3, 2), date(2026, 3, 8))):
            replies = aggregates(server.engine, principal, NAMES, *span)
            out[(principal.user_id, span)] = {
                n: (r["rows"], r["suppressed"]) for n, r in replies.items()
            }
    return out


def _facts(server):
    with server.engine.connect() as conn:
        rows = conn.execute(select(record.c.id, *(record.c[c] for c in FACT_COLUMNS))).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def _odd_records(coach):
    """Records whose facts are edge cases: an unreadable date, a tombstone, duplicate tags, an
    unknown participation kind, a visit named by a number."""
    visit, odd, dup, gone, event = new_id(), new_id(), new_id(), new_id(), new_id()
    lookfor = new_id()
    push(
        coach,
        op(visit, kind="visit", data={"id": visit, "started_at": "2026-03-05T08:00:00Z"}),
        op(odd, data={"id": odd, "visit_id": visit, "observed_at": "2026-02-30T09:00:00Z",
           "lookfor_ids": [lookfor]}),
        op(dup, data={"id": dup, "visit_id": visit, "observed_at": "2026-03-05T09:00:00Z",
           "lookfor_ids": [lookfor, lookfor, 7], "lookfor_marks": {lookfor: "seen"}}),
        op(gone, data={"id": gone, "visit_id": visit, "observed_at": "2026-03-05T09:02:00Z",
           "lookfor_ids": [lookfor]}),
        op(event, kind="participation_event", data={"id": event, "visit_id": 12,
           "seat_id": None, "occurred_at": "2026-03-05T09:01:00Z", "participation_kind": "sang"}),
    )  # fmt: skip
    push(coach, op(gone, base_version=1, delete=True))
    return odd, gone


def test_upgrading_an_existing_database_fills_the_facts_and_keeps_every_figure(observe_server):
    """A server whose records predate the fact columns (migrated down to 0006, which drops
    them) gets them back from the snapshots on ``migrate`` to 0007, and every figure for a
    leader and a coach, all dates or one week, is the one the push-filled columns gave."""
    leader, coach_a = _school_with_data(observe_server)
    _two_more_teachers(leader, coach_a)
    odd, gone = _odd_records(coach_a)
    school, cycle_coach, _, _ = cycle_school(observe_server)
    cycle_leader = observe_server.login(observe_server.add_user(role="leader", school=school))
    users = [leader.user.id, coach_a.user.id, cycle_leader.user.id, cycle_coach.user.id]
    before, facts = _figures(observe_server, users), _facts(observe_server)
    # The push filled them: dated records have a day, the unreadable date and tombstone none.
    assert sum(1 for f in facts.values() if f[0]) > 20
    assert facts[odd][0] is None and facts[odd][1] is not None
    assert facts[gone] == (None,) * len(FACT_COLUMNS)
    assert before[(leader.user.id, (None, None))]["lookfor-frequencies"][0][0]["evidence"] == 2

    observe_server.stop()
    engine = observe_server.engine
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with engine.connect() as conn:
        columns = conn.execute(text("SELECT * FROM record")).keys()
    assert "day" not in columns and "facet" not in columns
    engine.dispose()

    assert migrate.upgrade(engine) == migrate.head_revision()
    forget()  # the records' head_seq did not move: the figures must be read again
    assert _facts(observe_server) == facts
    assert _figures(observe_server, users) == before


def test_a_push_shows_in_the_next_figures_at_once(shared_server):
    """Figures read for one request are kept for the next only while the school's records
    stand still: a coach's push, then the leader's next request counts it."""
    leader, coach_a = _school_with_data(shared_server)
    _two_more_teachers(leader, coach_a)
    get = leader.client.get
    first = get("/v1/aggregates/visits-per-week").json()
    assert get("/v1/aggregates/visits-per-week").json() == first
    assert first["rows"][0]["visits"] == 1
    visit = new_id()
    push(coach_a, op(visit, kind="visit", data={"id": visit, "classroom_id": leader.room,
         "visit_type": "learning_walk", "started_at": "2026-03-05T09:00:00Z",
         "ended_at": "2026-03-05T09:10:00Z"}))  # fmt: skip
    then = get("/v1/aggregates/visits-per-week").json()
    assert then["head_seq"] == first["head_seq"] + 1
    assert then["rows"][0] == {
        "week_start": "2026-03-02", "visit_type": "learning_walk", "visits": 2, "minutes": 30
    }  # fmt: skip
    # A delete counts at once too.
    push(coach_a, op(visit, kind="visit", base_version=1, delete=True))
    assert get("/v1/aggregates/visits-per-week").json()["rows"] == first["rows"]


def test_long_look_for_lists_and_references_count_as_short_ones(shared_server):
    """An item tagged with many look-fors (its facet too long for an index entry, kept
    hashed) still counts each look-for and each seen mark; events naming a long visit
    reference count as one visit with its distinct seats."""
    school = f"Facts {new_id()[:6]}"
    coach = shared_server.login(shared_server.add_user(school=school))
    tags = [new_id() for _ in range(12)]
    long_visit = "v" * 150
    ops = []
    marks = {tags[0]: "seen", tags[5]: "seen"}
    for _ in range(2):
        item = new_id()
        data = {"id": item, "observed_at": "2026-03-04T09:00:00Z", "lookfor_ids": tags}
        ops.append(op(item, data={**data, "lookfor_marks": marks}))
    for seat in ("s" * 100, "s" * 100, "t" * 100):
        event = new_id()
        ops.append(op(event, kind="participation_event", data={"id": event,
                   "visit_id": long_visit, "seat_id": seat, "occurred_at": "2026-03-04T09:01:00Z",
                   "participation_kind": "peer_talk"}))  # fmt: skip
    push(coach, *ops)
    with shared_server.engine.connect() as conn:
        facets = conn.execute(select(record.c.facet).where(record.c.kind == "evidence")).scalars()
        assert any(f and f.startswith("#") for f in facets)
    rows = coach.client.get("/v1/aggregates/lookfor-frequencies").json()["rows"]
    assert len(rows) == 13 and all(r["evidence"] == 2 for r in rows[:12])
    assert sorted(r["seen"] for r in rows[:12]) == [0] * 10 + [2, 2]
    assert rows[12] == {"code": None, "title": None, "evidence": 2, "seen": 4, "share": 1.0}
    talk = coach.client.get("/v1/aggregates/participation").json()["rows"]
    assert [
        (r["visits"], r["events"], r["peer_talk"], r["distinct_voices_mean"]) for r in talk
    ] == [(1, 3, 3, 2.0)]


def test_a_restore_derives_the_facts_again(observe_server, tmp_path):
    """A backup whose records carry no facts (made before 0007) restores with every fact and
    every figure as the push gave them."""
    leader, coach_a = _school_with_data(observe_server)
    _two_more_teachers(leader, coach_a)
    users = [leader.user.id, coach_a.user.id]
    before, facts = _figures(observe_server, users), _facts(observe_server)
    with observe_server.engine.begin() as conn:
        conn.execute(record.update().values(day=None, visit_ref=None, seat_ref=None, facet=None))
    backup = tmp_path / "old.backup"
    made = observe_server.cli("backup", str(backup))
    assert made.returncode == 0, made.stderr
    restored = observe_server.cli("restore", str(backup), "--replace")
    assert restored.returncode == 0, restored.stderr
    assert _facts(observe_server) == facts
    assert _figures(observe_server, users) == before


def _counts(server, owner_id):
    with server.engine.connect() as conn:
        rows = conn.execute(select(fact_count).where(fact_count.c.owner_id == owner_id)).all()
    return sorted(tuple(r._mapping.items()) for r in rows)


def test_the_push_keeps_the_counts_per_visit_as_a_rebuild_makes_them(shared_server):
    """Every change the push applies moves the per-visit counts (``fact_count``) exactly as
    counting all records again would: an item moved to another visit and re-tagged, an
    event whose kind changed, a delete, the same record twice in one push, a record
    re-pushed unchanged; and the figures read from them count the change at once."""
    school = f"Counts {new_id()[:6]}"
    coach = shared_server.login(shared_server.add_user(school=school))
    visit_a, visit_b, item, other, event = new_id(), new_id(), new_id(), new_id(), new_id()
    tag = new_id()

    def item_data(visit, tags, day="2026-03-04"):
        return {"id": item, "visit_id": visit, "observed_at": f"{day}T09:00:00Z",
                "lookfor_ids": tags}  # fmt: skip

    def event_data(kind):
        return {"id": event, "visit_id": visit_a, "seat_id": "seat-1",
                "occurred_at": "2026-03-04T09:01:00Z", "participation_kind": kind}  # fmt: skip

    push(
        coach,
        op(item, data=item_data(visit_a, [])),
        op(other, data={**item_data(visit_a, [tag]), "id": other}),
        op(event, kind="participation_event", data=event_data("volunteered")),
    )
    push(
        coach,
        op(item, base_version=1, data=item_data(visit_b, [tag], "2026-03-05")),
        op(item, base_version=2, data=item_data(visit_b, [tag, new_id()], "2026-03-05")),
        op(event, kind="participation_event", base_version=1, data=event_data("peer_talk")),
        op(other, base_version=1, delete=True),
    )
    push(coach, op(event, kind="participation_event", base_version=2, data=event_data("peer_talk")))
    kept = _counts(shared_server, coach.user.id)
    assert all(dict(r)["n"] > 0 for r in kept)
    assert sum(dict(r)["n"] for r in kept if dict(r)["kind"] == "evidence") == 1
    with shared_server.engine.begin() as conn:
        rebuild(conn)
    assert _counts(shared_server, coach.user.id) == kept
    rows = coach.client.get("/v1/aggregates/lookfor-frequencies").json()["rows"]
    assert rows[-1]["evidence"] == 1 and rows[0]["evidence"] == 1
    talk = coach.client.get("/v1/aggregates/participation").json()["rows"]
    assert [(r["visits"], r["events"], r["peer_talk"], r["volunteered"]) for r in talk] == [
        (1, 1, 1, 0)
    ]
