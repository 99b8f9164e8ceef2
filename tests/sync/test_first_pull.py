"""A first sync into an empty profile (issue 18): the bulk path stores exactly what the normal
path stores, and a first pull killed half-way is finished by the next sync.

Real profiles, a real observe-server; the "normal" profile pulls the same server with the bulk
path switched off (``BULK_MIN`` above any page), so the two stores can be compared row by row.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from observe.demo import load_demo
from observe.protocol import ServerRecord
from observe.store import Store, open_profile
from observe.store.changes import Changes
from observe.store.models import (
    SYNC_MODELS,
    Evidence,
    EvidenceKind,
    LookFor,
    School,
    SyncParked,
    Visit,
)
from observe.store.search import SearchFilters, search_evidence
from observe.sync import bulk_apply, state
from observe.sync.apply import Applier
from observe.sync.engine import SyncEngine
from observe.sync.records import table
from tests.bulk import add_evidence
from tests.coaching.counts import assert_counts_exact
from tests.serverfixtures import ServerProcess, UserAccount
from tests.sync.devices import Device, Devices
from tests.sync.netfaults import Proxy

WORDS = ["table", "answer", "Zoë", "drawings", "number", "question", "item 17", "students"]


def _coach_year(store: Store, extra: int) -> None:
    """The demo's school year plus ``extra`` long-visit items, then the edits a year brings:
    renamed schools and refocused visits (so a parent's newest version comes after its
    children on the server), deleted and retagged evidence."""
    load_demo(store, "small", today=date(2026, 11, 20))
    with store.read() as s:
        visit_ids = list(s.scalars(select(Visit.id).order_by(Visit.id)))
        lookfors = list(s.scalars(select(LookFor.id).order_by(LookFor.id)).all())
        items = list(s.scalars(select(Evidence.id).order_by(Evidence.id)))
    add_evidence(
        store,
        visit_ids[0],
        extra,
        text=lambda i: f"Zoë's students {i}: a question about the number line, item {i}",
        kind=EvidenceKind.STUDENT_TALK,
        outbox=True,
    )
    from observe.capture.evidence import delete_evidence, update_evidence

    for i, item in enumerate(items[:40]):
        if i % 2:
            delete_evidence(store, item)
        else:
            update_evidence(store, item, text=f"Edited: students explain drawings {i}",
                            lookfor_ids=lookfors[i % 3 : i % 3 + 2])  # fmt: skip
    with store.write() as s:
        for school in s.scalars(select(School)):
            school.name += " (renamed)"
        for visit_id in visit_ids[::3]:
            s.get_one(Visit, visit_id).focus = "Refocused on student talk"


def _dump(store: Store) -> dict[str, Any]:
    """Everything a pull writes, as stored (raw SQL: no type processing hides a difference)."""
    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        for model in SYNC_MODELS:
            name = table(model).name
            out[name] = conn.exec_driver_sql(f"SELECT * FROM {name} ORDER BY id").all()
        for sql in (
            "SELECT * FROM evidence_lookfor ORDER BY evidence_id, lookfor_id",
            "SELECT rowid, evidence_id FROM evidence_search_key ORDER BY rowid",
            "SELECT rowid, text FROM evidence_fts ORDER BY rowid",
            "SELECT record_kind, record_id, record, waiting_kind, waiting_id, partial "
            "FROM sync_parked ORDER BY record_kind, record_id",
            "SELECT record_kind, record_id, status FROM sync_conflict ORDER BY record_id",
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
            "SELECT * FROM impact_lookfor_count WHERE items OR seen ORDER BY 1, 2",
            "SELECT * FROM impact_tally_count WHERE tallies ORDER BY 1, 2",
            "SELECT count(*) FROM outbox",
        ):
            out[sql] = conn.exec_driver_sql(sql).all()
        conn.exec_driver_sql("INSERT INTO evidence_fts (evidence_fts) VALUES ('integrity-check')")
        out["cursor"] = state.read(conn).cursor
    with store.read() as s:
        for word in WORDS:
            out[f"search {word}"] = search_evidence(s, word, limit=10_000)
        out["search filter"] = search_evidence(
            s, "students", SearchFilters(kind=EvidenceKind.STUDENT_TALK), limit=10_000
        )
    return out


def test_first_pull_bulk_equals_normal_path(
    module_server: ServerProcess, devices: Devices, monkeypatch: pytest.MonkeyPatch
) -> None:
    coach = module_server.add_user()
    laptop = devices.new("laptop")
    laptop.login(module_server, coach)
    _coach_year(laptop.store, 2_500)
    laptop.sync()

    taken: list[int] = []
    real_try = bulk_apply.try_bulk

    def counting(conn: Any, user_id: Any, records: Any) -> Any:
        stats = real_try(conn, user_id, records)
        taken.append(stats is not None)
        return stats

    monkeypatch.setattr(bulk_apply, "try_bulk", counting)
    fast = devices.new("fast")
    fast.login(module_server, coach)
    fast_news: list[Changes] = []
    fast.store.changes.subscribe(fast_news.append)
    parked_seen: list[int] = []

    def progress(done: int, _total: int) -> None:
        with fast.store.engine.connect() as conn:
            parked_seen.append(conn.scalar(select(func.count()).select_from(SyncParked)) or 0)

    fast_result = SyncEngine(fast.store, pull_limit=300).sync(progress=progress)
    # Every page went the bulk way, parking children that arrived before their renamed
    # school or refocused visit, and applying them when it came.
    assert taken and all(taken), taken
    assert max(parked_seen) > 100, parked_seen

    monkeypatch.setattr(bulk_apply, "BULK_MIN", 10**9)
    normal = devices.new("normal")
    normal.login(module_server, coach)
    normal_news: list[Changes] = []
    normal.store.changes.subscribe(normal_news.append)
    normal_result = SyncEngine(normal.store, pull_limit=300).sync()

    assert fast_result.pulled == normal_result.pulled > 3_000
    assert fast_result.applied == normal_result.applied
    assert fast_result.parked == normal_result.parked == 0
    fast_dump, normal_dump = _dump(fast.store), _dump(normal.store)
    assert fast_dump.keys() == normal_dump.keys()
    for key in fast_dump:
        assert fast_dump[key] == normal_dump[key], key
    # And both hold what the laptop has (the same check the other sync tests use).
    assert fast.live() == laptop.live()
    assert_counts_exact(fast.store)  # the impact view's counts, kept by triggers
    # The open views hear of the bulk path's driver-level inserts as they do of the normal
    # path's: the same kinds, every pulled evidence id named, flagged as from the server.
    assert {k for n in fast_news for k in n.kinds} == {k for n in normal_news for k in n.kinds}
    assert all(n.remote for n in fast_news)
    heard = {i for n in fast_news for i in (n.ids.get("evidence") or ())}
    assert heard == {i for n in normal_news for i in (n.ids.get("evidence") or ())}
    assert len(heard) >= 2_500
    assert len(fast_dump["search item 17"]) >= 1
    assert all(not hit.snippet.startswith("Edited") or "[students]" in hit.snippet
               for hit in fast_dump["search students"])  # fmt: skip


def test_bulk_page_with_a_missing_parent_parks_like_the_normal_path(
    module_server: ServerProcess, devices: Devices
) -> None:
    """A page whose evidence points at a visit not pulled yet goes the normal way (parked),
    and the bulk page that brings the visit applies it."""
    coach = module_server.add_user()
    laptop = devices.new("laptop")
    laptop.login(module_server, coach)
    visit = laptop.visit()
    add_evidence(laptop.store, visit, 400, outbox=True)
    laptop.sync()
    with laptop.store.write() as s:  # the visit's newest version now follows its evidence
        s.get_one(Visit, visit).focus = "Later focus"
    laptop.sync()

    tablet = devices.new("tablet")
    tablet.login(module_server, coach)
    seen: list[int] = []

    def progress(done: int, _total: int) -> None:
        with tablet.store.engine.connect() as conn:
            seen.append(conn.scalar(select(SyncParked.record_id).limit(1)) is not None)

    SyncEngine(tablet.store, pull_limit=200).sync(progress=progress)
    assert any(seen), "some evidence waited for its visit"
    with tablet.store.engine.connect() as conn:  # (other coaches' shared records may wait)
        assert not conn.scalar(select(func.count()).where(SyncParked.waiting_id == visit))
    assert tablet.live() == laptop.live()
    with tablet.store.read() as s:
        assert len(search_evidence(s, "compare answers", limit=1000)) == 400


def _observe(*args: str, data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "observe", *args, "--data-dir", str(data_dir)]


def test_first_pull_killed_midway_is_finished_by_the_next_sync(
    module_server: ServerProcess, devices: Devices, tmp_path: Path
) -> None:
    """SIGKILL the `observe sync` process during a long first pull: the profile opens, keeps
    every page it committed (search included), and the next sync ends where a clean one does."""
    coach = module_server.add_user()
    laptop = devices.new("laptop")
    laptop.login(module_server, coach)
    visit = laptop.visit()
    add_evidence(laptop.store, visit, 6_000, outbox=True)
    laptop.sync()

    # Through a proxy that holds each page a moment: on a fast machine the whole pull could
    # otherwise end between two looks at the cursor.
    proxy = Proxy(module_server.base_url)

    def slow_pages(_method: str, path: str, _n: int) -> str:
        if path.endswith("/sync/pull"):
            time.sleep(0.3)
        return "forward"

    proxy.plan = slow_pages
    try:
        _kill_first_pull(proxy.url, coach, tmp_path / "new-laptop")
        _finish_and_compare(module_server, devices, laptop, coach, tmp_path / "new-laptop")
    finally:
        proxy.close()


def _kill_first_pull(url: str, coach: UserAccount, data: Path) -> None:
    env = dict(os.environ)
    login = subprocess.run(
        _observe("login", "--server", url, "--email", coach.email, "--password-stdin",
                 data_dir=data),
        env=env, capture_output=True, text=True, timeout=60, input=coach.password + "\n",
    )  # fmt: skip
    assert login.returncode == 0, login.stderr
    store = open_profile(data)  # made by the login; the pull is watched through it
    proc = subprocess.Popen(
        _observe("sync", data_dir=data),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if state.load(store).cursor > 0:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the pull ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        store.close()


def _finish_and_compare(
    server: ServerProcess, devices: Devices, laptop: Device, coach: UserAccount, data: Path
) -> None:
    env = dict(os.environ)
    store = open_profile(data)
    try:
        kept = store.counts()["evidence"]
        cursor = state.load(store).cursor
        assert cursor > 0 and kept < 6_000, (cursor, kept)
        with store.read() as s:  # what was committed is searchable, nothing half-built
            assert len(search_evidence(s, "compare answers", limit=20_000)) == kept
    finally:
        store.close()

    again = subprocess.run(
        _observe("sync", data_dir=data), env=env, capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    killed = Device("killed", open_profile(data))
    try:
        clean = devices.new("clean")
        clean.login(server, coach)
        clean.sync()
        assert killed.live() == laptop.live() == clean.live()
        a, b = _dump(killed.store), _dump(clean.store)
        for key in a:
            assert a[key] == b[key], key
    finally:
        killed.store.close()


def _record(kind: str, rid: str, seq: int, data: dict[str, Any], **over: Any) -> ServerRecord:
    base = {
        "kind": kind,
        "id": rid,
        "owner_id": OWNER,
        "visibility": "private",
        "version": 1,
        "server_seq": seq,
        "deleted": False,
        "updated_at": "2026-12-01T10:00:00Z",
        "data": data,
    }
    return ServerRecord.model_validate({**base, **over})


OWNER = "0193a0f0-0000-7000-8000-000000000001"


def _odd_page() -> list[ServerRecord]:
    """Values that are not in the form Observe writes, and some it must refuse."""

    def uid(n: int) -> str:
        return f"0193a0f0-0000-7000-8000-{n:012d}"

    common = {"device_id": uid(999), "created_at": "2026-12-01T10:00:00Z"}
    recs = [
        _record("school", uid(1), 1, {**common, "name": "Lincoln", "updated_at": None}),
        _record(
            "teacher",
            uid(2),
            2,
            {
                **common,
                "school_id": uid(1),
                "display_name": "Zoë",
                "updated_at": "2026-12-01T12:00:00+02:00",
            },
        ),
        _record(
            "classroom",
            uid(3),
            3,
            {
                **common,
                "teacher_id": uid(2),
                "subject": "Math",
                "updated_at": "2026-12-01T10:00:00",
            },
        ),  # no rows/cols
        _record(
            "visit",
            uid(4),
            4,
            {
                **common,
                "classroom_id": uid(3),
                "visit_type": "coaching_observation",
                "started_at": "2026-12-01T09:00:00.5Z",
                "prompts": ["What helps you learn?"],
            },
        ),
        _record(
            "visit", uid(5), 5, {**common, "classroom_id": uid(3), "visit_type": "no_such_type"}
        ),  # refused: invalid
        _record(
            "visit",
            uid(6),
            6,
            {
                **common,
                "classroom_id": uid(3),
                "visit_type": "walk",
                "started_at": "2026-02-30T09:00:00.000000Z",
            },
        ),  # no Feb 30
        _record(
            "visit",
            uid(7),
            7,
            {**common, "classroom_id": uid(404), "visit_type": "coaching_observation"},
        ),  # parked
        _record("teacher", uid(8), 8, {}, deleted=True),  # never seen here: skipped
    ]
    for i in range(120):
        recs.append(_record("evidence", uid(100 + i), 100 + i, {
            **common, "visit_id": uid(4), "observed_at": f"2026-12-01T09:{i % 60:02d}:00.000001Z",
            "evidence_kind": "note" if i % 7 else 5, "text": f"café note {i}" if i % 11 else 7,
            "updated_at": "2026-12-01T10:00:00.000000Z",
        }))  # fmt: skip
    return recs


def test_bulk_page_of_odd_values_stores_what_the_normal_path_stores(devices: Devices) -> None:
    """Conversions and refusals match value for value (no server: pages built by hand)."""
    page = _odd_page()
    fast, normal = devices.new("fast"), devices.new("normal")
    with fast.store.write_core() as conn:
        fast_stats = bulk_apply.try_bulk(conn, OWNER, page)
    with normal.store.write_core() as conn:
        normal_stats = Applier(conn, OWNER).apply(page)
    assert fast_stats is None  # invalid records: the whole page went the normal way
    with fast.store.write_core() as conn:
        fast_stats = bulk_apply.apply_page(conn, OWNER, page)
    assert (fast_stats.applied, fast_stats.parked, fast_stats.invalid) == (
        normal_stats.applied, normal_stats.parked, normal_stats.invalid) == (97, 1, 29)  # fmt: skip
    assert _dump(fast.store) == _dump(normal.store)

    valid = [r for r in page if r.id not in {r.id for r in page if _refused(r)}]
    fast2, normal2 = devices.new("fast2"), devices.new("normal2")
    with fast2.store.write_core() as conn:
        stats = bulk_apply.try_bulk(conn, OWNER, valid)
    assert stats is not None and stats.parked == 1  # parked in bulk, like the normal path
    with normal2.store.write_core() as conn:
        Applier(conn, OWNER).apply(valid)
    assert _dump(fast2.store) == _dump(normal2.store)


def _refused(rec: ServerRecord) -> bool:
    data = rec.data or {}
    return (
        data.get("visit_type") == "no_such_type"
        or str(data.get("started_at", "")).startswith("2026-02-30")
        or isinstance(data.get("evidence_kind"), int)
        or isinstance(data.get("text"), int)
    )


def test_bulk_pages_count_for_the_impact_view_as_the_triggers_do(
    module_server: ServerProcess, devices: Devices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first pull's pages of tagged and marked items, tallies and a deleted visit's items go
    the bulk way with the impact view's count triggers paused and counted per page
    (``bulk_counts``): the counts come out as the normal path's triggers give them."""
    from observe.capture.visit_removal import delete_visit
    from observe.sync import bulk_counts

    coach = module_server.add_user()
    laptop = devices.new("laptop")
    laptop.login(module_server, coach)
    load_demo(laptop.store, "small", today=date(2026, 11, 20))
    with laptop.store.read() as s:
        visit_ids = list(s.scalars(select(Visit.id).order_by(Visit.id)))
    delete_visit(laptop.store, visit_ids[1])  # its items keep their own flag, and don't count
    laptop.sync()

    paused: list[set[str]] = []
    real_count = bulk_counts.count_page

    def count_page(conn: Any, names: dict[str, str], items: str, tallies: str) -> None:
        paused.append(set(names))
        real_count(conn, names, items, tallies)

    monkeypatch.setattr(bulk_counts, "count_page", count_page)
    fast = devices.new("fast")
    fast.login(module_server, coach)
    SyncEngine(fast.store, pull_limit=300).sync()
    counted = {bulk_counts.EVIDENCE_TRIGGER, bulk_counts.TAG_TRIGGER, bulk_counts.TALLY_TRIGGER}
    assert any(counted <= names for names in paused), paused

    monkeypatch.setattr(bulk_apply, "BULK_MIN", 10**9)
    normal = devices.new("normal")
    normal.login(module_server, coach)
    SyncEngine(normal.store, pull_limit=300).sync()

    fast_dump, normal_dump = _dump(fast.store), _dump(normal.store)
    for key in fast_dump:
        assert fast_dump[key] == normal_dump[key], key
    seen = "SELECT * FROM impact_lookfor_count WHERE items OR seen ORDER BY 1, 2"
    assert any(row[1] and row[3] for row in fast_dump[seen])  # look-fors marked seen
    assert fast_dump["SELECT * FROM impact_tally_count WHERE tallies ORDER BY 1, 2"]
    assert_counts_exact(fast.store)
