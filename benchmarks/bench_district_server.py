"""A district-size observe-server on PostgreSQL, measured beside bare PostgreSQL (issue 18, 3).

    .venv/bin/python benchmarks/bench_district_server.py [--records 10000000] [--workers 2]

Builds a throwaway PostgreSQL cluster (fsync on, ``synchronous_commit`` on) from
/usr/lib/postgresql/*/bin, sets it up with ``observe-server migrate``, makes 50 schools and 200
coaches (four a school) with the server's own ``add_user``, and then generates the records
directly in the database with one ``INSERT … SELECT … FROM generate_series`` per million:
each coach's school, 8 teachers, 8 classrooms, then visits of 50 evidence items each, shaped
like the desktop's snapshots and written with the demo's vocabulary (``observe.demo.phrases``).
Seqs run 1..n in every school, the fact columns are what ``observe.server.facts`` would
derive, and the record table's indexes and constraints are dropped for the load and made again
from their own definitions; then the per-visit counts the leader's figures read (``fact_count``)
are made by the server's own ``rollup.rebuild`` (as a restore does), ``VACUUM ANALYZE``, and
all of it is checked. 10 million records give every coach 50,000.

Then, against a real ``observe-server serve`` (``--workers``) on that database:

- no-op sync (a push of 0 ops bringing the pull's page from the head, one request) of one
  coach, p50/p99, beside the bare pull statement with the same parameters run with psycopg
  (one round trip);
- the coach's full pull over HTTP (pages of 1,000, gzip), records/s, beside the same pages
  read with psycopg, and the real desktop client (``SyncEngine``) pulling into an empty
  profile;
- the leader's figures for the measured coach's school over one school year (a leader
  account made with the server's ``add_user``): the web dashboard ``/leader`` and the
  desktop's leader view (``ServerImpactSource``: six ``/v1/aggregates/*``), each on a first
  load after a push (one evidence item pushed, untimed, before each) and on a reload, p50/p99,
  beside the same figures' SQL run bare with psycopg (whose totals the server's must equal);
- 200 clients (one per coach) syncing at once, each pushing 5 items (the push bringing the
  pull's first page) and pulling until done, about once a second: p50/p99 and errors
  (aiohttp, the ``bench`` extra), and the CPU each sync cost the server, PostgreSQL and the
  load generator, with how many of the machine's cores they kept busy (``--clients 100 150
  200`` runs fewer clients too, to find the machine's capacity);
- the database's size, and per million records.

A benchmark, not a test: it prints figures; benchmarks/README.md keeps them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from benchmarks.bench_server_push_pull import (  # noqa: E402
    _client_loop,
    evidence_op,
    health_latency,
    noop_sync_latency,
    percentile,
)
from benchmarks.cpu_use import CpuUse  # noqa: E402
from tests.serverfixtures import (  # noqa: E402
    DeviceSession,
    PgCluster,
    ServerProcess,
    UserAccount,
    postgres_bindir,
)

from observe.demo import phrases  # noqa: E402

COACHES = 200
SCHOOLS = 50
TEACHERS = 8  # per coach, each with one classroom
PER_VISIT = 50  # evidence items per visit
HEAD = 1 + 2 * TEACHERS  # the school, teachers and classrooms come first
CHUNK = 500_000
LOADERS = 2
PAGE = 1000
VISIT_MINUTES = 45  # a visit's length: its 50 items are 50 s apart


class DistrictCluster(PgCluster):
    """The fixture's cluster with settings a district server would have (fsync on)."""

    def start(self) -> DistrictCluster:
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "observe", "-A", "trust",
            "-E", "UTF8", "--locale=C",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c max_connections=300 -c shared_buffers=2GB -c maintenance_work_mem=1GB "
            "-c max_wal_size=8GB -c checkpoint_timeout=30min -c effective_cache_size=8GB "
            "-c random_page_cost=1.1"
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
            "-w", "-t", "120", "-o", options, "start",
        )  # fmt: skip
        return self


def _vocabulary() -> list[str]:
    """Evidence texts from the demo's phrases, slots filled."""
    texts: list[str] = []
    groups: list[Any] = [phrases.GENERAL_TALK, phrases.GENERAL_ACTION, phrases.TEACHER_MOVE]
    groups += list(phrases.STUDENT_TALK.values()) + list(phrases.STUDENT_ACTION.values())
    for i, (template, _codes) in enumerate(p for group in groups for p in group):
        texts.append(re.sub(r"\{\w+\}", str(2 + i % 9), template))
    return texts


def _ref(c: str, k: str) -> str:
    """SQL for the id of coach ``c``'s ``k``-th record: a UUID made from both (inline: a SQL
    function for it was not inlined and cost twice as much)."""
    return f"md5('district:' || ({c}) || ':' || ({k}))::uuid::text"


# Fields every snapshot has; then each kind's own (json_build_object straight to the JSON
# column: building jsonb and merging cost more than the rest of the row).
_COMMON = """'id', rid, 'author_id', m.owner_id, 'device_id', m.device_id, 'created_at', stamp,
             'updated_at', stamp, 'version', 1, 'deleted', false, 'visibility', vis"""
_VISIT_OF_EVIDENCE = _ref("c", "%(head)s + ((k - %(head)s) / %(v)s) * %(v)s")

GENERATE = f"""
INSERT INTO record (id, kind, owner_id, school_id, visibility, version, server_seq, deleted,
                    updated_at, data, audience, reader, addressee_id, day, visit_ref, seat_ref,
                    facet, room_ref, cycle_ref, label, minutes)
SELECT rid, kind, m.owner_id, m.school_id, vis, 1, g / %(schools)s + 1 + %(seq_offset)s,
       false, now(),
       CASE kind
       WHEN 'school' THEN json_build_object({_COMMON},
            'name', (%(school_names)s::text[])[1 + c %% %(schools)s],
            'timezone', 'America/Chicago')
       WHEN 'teacher' THEN json_build_object({_COMMON}, 'school_id', {_ref("c", "0")},
            'display_name', (%(teachers)s::text[])[1 + (c * 8 + k) %% %(n_teachers)s],
            'email', 'teacher' || c || '-' || k || '@district.example.org')
       WHEN 'classroom' THEN json_build_object({_COMMON},
            'teacher_id', {_ref("c", "k - %(t)s")},
            'subject', 'Math 8', 'grade', '8', 'period', (k %% 7 + 1)::text,
            'room', 'Room ' || (100 + k), 'rows', 4, 'cols', 8)
       WHEN 'visit' THEN json_build_object({_COMMON},
            'classroom_id', room,
            'walk_id', NULL, 'cycle_id', NULL, 'visit_type', 'coaching_observation',
            'started_at', stamp, 'ended_at', ended,
            'focus', 'Partner talk during the main task', 'prompts', NULL)
       ELSE json_build_object({_COMMON}, 'visit_id', parent,
            'observed_at', stamp, 'evidence_kind', 'student_talk',
            'text', (%(texts)s::text[])[1 + g %% %(n_texts)s], 'prompt_index', NULL,
            'lookfor_marks', NULL, 'image_sha256', NULL, 'lookfor_ids', '[]'::json)
       END,
       CASE WHEN vis = 'team' THEN 'team' END, NULL, NULL,
       CASE WHEN kind IN ('visit', 'evidence') THEN left(stamp, 10) END,
       parent,
       NULL,
       CASE WHEN kind = 'evidence' THEN %(facet)s END,
       CASE WHEN kind = 'visit' THEN room END,
       NULL,
       CASE WHEN kind = 'visit' THEN 'coaching_observation' END,
       CASE WHEN kind = 'visit' THEN %(minutes)s END
FROM (
    SELECT g, c, k,
           CASE WHEN k = 0 THEN 'school' WHEN k <= %(t)s THEN 'teacher'
                WHEN k < %(head)s THEN 'classroom'
                WHEN (k - %(head)s) %% %(v)s = 0 THEN 'visit' ELSE 'evidence' END AS kind,
           {_ref("c", "k")} AS rid,
           CASE WHEN k >= %(head)s AND (k - %(head)s) %% %(v)s <> 0
                THEN {_VISIT_OF_EVIDENCE} END AS parent,
           CASE WHEN k <= %(t)s THEN 'team' ELSE 'private' END AS vis,
           to_char(timestamptz '2021-08-16 13:00Z'
                   + ((k - %(head)s) / %(v)s) * interval '1 day 37 minutes'
                   + ((k - %(head)s) %% %(v)s) * interval '50 seconds',
                   'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS stamp,
           CASE WHEN k >= %(head)s AND (k - %(head)s) %% %(v)s = 0
                THEN to_char(timestamptz '2021-08-16 13:00Z'
                             + ((k - %(head)s) / %(v)s) * interval '1 day 37 minutes'
                             + %(minutes)s * interval '1 minute',
                             'YYYY-MM-DD"T"HH24:MI:SS"Z"') END AS ended,
           CASE WHEN k >= %(head)s AND (k - %(head)s) %% %(v)s = 0
                THEN {_ref("c", "1 + %(t)s + ((k - %(head)s) / %(v)s) %% %(t)s")} END AS room
    FROM (SELECT g, g %% %(coaches)s AS c, g / %(coaches)s AS k
          FROM generate_series(%(lo)s::bigint, %(hi)s::bigint) AS g) AS numbered
) AS s
JOIN coach_map m ON m.n = s.c
"""


def _facet() -> str:
    from observe.server.facts import facts_of

    facet = facts_of("evidence", {"observed_at": "2021-08-16T13:00:00Z", "lookfor_ids": []}, False)
    return str(facet["facet"])


def _table_ddl(conn: psycopg.Connection[Any]) -> tuple[list[str], list[str], list[str]]:
    """The record table's constraints and indexes: (drop, make indexes, make constraints)."""
    constraints = conn.execute(
        "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
        "WHERE conrelid = 'record'::regclass ORDER BY contype DESC"
    ).fetchall()
    backed = {name for name, _, kind in constraints if kind in ("p", "u")}
    indexes = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'record'"
    ).fetchall()
    drop = [f'ALTER TABLE record DROP CONSTRAINT "{name}"' for name, _, _ in constraints]
    drop += [f'DROP INDEX "{name}"' for name, _ in indexes if name not in backed]
    make_indexes = [sql for name, sql in indexes if name not in backed]
    make_constraints = [
        f'ALTER TABLE record ADD CONSTRAINT "{name}" {sql}' for name, sql, _ in constraints
    ]
    return drop, make_indexes, make_constraints


def build(
    cluster: DistrictCluster, records: int, busy: int, work: Path
) -> tuple[str, list[UserAccount]]:
    url = cluster.new_database("district")
    done = subprocess.run(
        [sys.executable, "-m", "observe.server.cli", "migrate", "--database-url", url],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    helper = ServerProcess(url, work / "helper")
    coaches = [
        helper.add_user(school=f"District School {c % SCHOOLS:02d}", name=f"Coach {c:03d}")
        for c in range(COACHES)
    ]
    helper.close()
    conninfo = url.replace("postgresql+psycopg", "postgresql")
    started = time.perf_counter()
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("CREATE TABLE coach_map (n int PRIMARY KEY, owner_id text, school_id text,"
                     " device_id text)")  # fmt: skip
        for c, coach in enumerate(coaches):
            conn.execute(
                "INSERT INTO coach_map SELECT %s, a.id, a.school_id, md5('device' || a.id)::uuid"
                "::text FROM account a WHERE a.id = %s",
                (c, coach.id),
            )
        drop, make_indexes, make_constraints = _table_ddl(conn)
        for sql in drop:
            conn.execute(sql)
        params = {
            "schools": SCHOOLS, "coaches": COACHES, "t": TEACHERS, "head": HEAD,
            "v": PER_VISIT + 1, "facet": _facet(), "minutes": VISIT_MINUTES,
            "school_names": [f"{phrases.SCHOOLS[s % 4][0]} ({s:02d})" for s in range(SCHOOLS)],
            "teachers": list(phrases.TEACHER_NAMES), "n_teachers": len(phrases.TEACHER_NAMES),
            "texts": _vocabulary(), "n_texts": len(_vocabulary()), "seq_offset": 0,
        }  # fmt: skip
        chunks = [(lo, min(records, lo + CHUNK) - 1) for lo in range(0, records, CHUNK)]
        made = [0]

        def insert(part: list[tuple[int, int]]) -> None:
            with psycopg.connect(conninfo, autocommit=True) as mine:
                for lo, hi in part:
                    mine.execute(GENERATE, {**params, "lo": lo, "hi": hi})  # type: ignore[arg-type]
                    made[0] += hi + 1 - lo
                    rate = made[0] / (time.perf_counter() - started)
                    print(f"  generated {made[0]:,} records ({rate:,.0f}/s)", flush=True)

        # Two connections (the VM's cores), each a share of the chunks.
        with ThreadPoolExecutor(LOADERS) as pool:
            list(pool.map(insert, [chunks[i::LOADERS] for i in range(LOADERS)]))
        # The busy coach (coach 0) gets more, continuing its visits and its school's seqs.
        per_coach = records // COACHES
        if busy > per_coach:
            busy_params = {**params, "coaches": 1, "schools": 1, "lo": per_coach, "hi": busy - 1}
            busy_params["seq_offset"] = records // SCHOOLS - per_coach
            conn.execute(GENERATE, busy_params)  # type: ignore[arg-type]
            print(f"  the busy coach now has {busy:,} records", flush=True)
        loaded = time.perf_counter()
        for sql in make_indexes + make_constraints:
            conn.execute(sql)
        indexed = time.perf_counter()
        conn.execute(
            "INSERT INTO school_seq (school_id, head_seq) SELECT school_id, max(server_seq) "
            "FROM record GROUP BY school_id ON CONFLICT (school_id) "
            "DO UPDATE SET head_seq = excluded.head_seq"
        )
        conn.execute("DROP TABLE coach_map")
        fill_rollup(url)
        rolled = time.perf_counter()
        conn.execute("VACUUM (ANALYZE) record")
        conn.execute("VACUUM (ANALYZE) fact_count")
        # The build's dirty pages written out now, not by a checkpoint in the middle of the
        # figures below (as a server that has been running a while would be).
        conn.execute("CHECKPOINT")
        print(
            f"built {records + max(0, busy - records // COACHES):,} records in "
            f"{time.perf_counter() - started:.0f} s "
            f"(insert {loaded - started:.0f} s, indexes and constraints "
            f"{indexed - loaded:.0f} s, fact_count rollup {rolled - indexed:.0f} s, "
            f"vacuum and checkpoint {time.perf_counter() - rolled:.0f} s)",
            flush=True,
        )
        _check(conn, records + max(0, busy - records // COACHES))
    return url, coaches


def fill_rollup(url: str) -> None:
    """The per-visit counts the leader's figures read (``fact_count``), made from the
    generated records by the server's own ``rollup.rebuild``: what a restore and migration
    ``0008`` run, and what the push keeps equal in its transaction record by record."""
    from sqlalchemy import text

    from observe.server.db import make_engine
    from observe.server.rollup import rebuild

    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL work_mem = '256MB'"))
            rebuild(conn)
    finally:
        engine.dispose()


def _check(conn: psycopg.Connection[Any], records: int) -> None:
    """The generated rows are what the server would have stored: gap-free seqs per school,
    fact columns equal to ``facts_of`` of the snapshot, and ``fact_count`` holding every
    counted record once, under the key and id the push would give it."""
    from observe.server.facts import FACT_COLUMNS, facts_of
    from observe.server.rollup import COUNTED_KINDS, KEY_COLUMNS, _id

    rows = conn.execute(
        "SELECT count(*), min(server_seq), max(server_seq) FROM record GROUP BY school_id"
    ).fetchall()
    assert len(rows) == SCHOOLS and sum(n for n, _, _ in rows) == records, rows
    assert all(low == 1 and high == n for n, low, high in rows), rows
    columns = f"kind, data::text, {', '.join(FACT_COLUMNS)}"
    sample = conn.execute(
        f"SELECT {columns} FROM record TABLESAMPLE SYSTEM (0.1) LIMIT 500"
    ).fetchall()
    # and visits for sure (one record in 51: a small sample may have none)
    sample += conn.execute(
        f"SELECT {columns} FROM record WHERE kind = 'visit' LIMIT 100"
    ).fetchall()
    import json

    kinds = {kind for kind, *_ in sample}
    assert "visit" in kinds, kinds
    for kind, data, *facts in sample:
        expected = facts_of(kind, json.loads(data), False)
        assert [expected[c] for c in FACT_COLUMNS] == facts, (kind, expected, facts)
    counted = (
        "kind IN (" + ", ".join(f"'{k}'" for k in COUNTED_KINDS) + ") "
        "AND (day IS NOT NULL OR visit_ref IS NOT NULL)"
    )
    per_school = conn.execute(
        f"SELECT school_id, kind, count(*) FROM record WHERE {counted} GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    rolled = conn.execute(
        "SELECT school_id, kind, sum(n)::bigint FROM fact_count GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    assert len(rolled) == SCHOOLS and rolled == per_school, (rolled[:3], per_school[:3])
    rows = conn.execute(
        f"SELECT id, n, {', '.join(KEY_COLUMNS)} FROM fact_count ORDER BY random() LIMIT 200"
    ).fetchall()
    assert rows
    for row_id, n, *key in rows:
        assert row_id == _id(tuple(key)), (row_id, key)
        # ``=`` where a value is set (IS NOT DISTINCT FROM would not use the facts index).
        pairs = zip(KEY_COLUMNS, key, strict=True)
        same = [f"{c} = %s" if v is not None else f"{c} IS NULL" for c, v in pairs]
        found = conn.execute(
            f"SELECT count(*) FROM record WHERE {' AND '.join(same)}",
            [v for v in key if v is not None],
        ).fetchone()
        assert found is not None and found[0] == n, (key, n, found)


def _pull_params(conn: psycopg.Connection[Any], user: UserAccount) -> dict[str, Any]:
    school = conn.execute("SELECT school_id FROM account WHERE id = %s", (user.id,)).fetchone()
    assert school is not None
    return {"me": user.id, "school": school[0]}


def _bare_page_sql() -> tuple[str, dict[str, Any]]:
    """The server's pull statement, compiled for PostgreSQL with psycopg's placeholders, and
    the constants it binds."""
    from sqlalchemy.dialects import postgresql

    from observe.server.pull import PAGE_QUERY

    compiled = PAGE_QUERY.compile(dialect=postgresql.dialect(paramstyle="pyformat"))
    constants = {k: v for k, v in compiled.params.items() if v is not None}
    return str(compiled), constants


def bare_pull(conninfo: str, params: dict[str, Any]) -> tuple[int, float, tuple[float, float]]:
    """The same pages straight from PostgreSQL: (rows, rows/s, no-op (p50, p99) ms)."""
    sql, constants = _bare_page_sql()
    params = {**constants, **params}
    with psycopg.connect(conninfo, autocommit=True) as conn:
        since, got = 0, 0
        start = time.perf_counter()
        while True:
            rows = conn.execute(sql, {**params, "since": since, "fetch": PAGE + 1}).fetchall()
            page = rows[:PAGE]
            got += len(page)
            if page:
                since = page[-1][5]  # server_seq
            if len(rows) <= PAGE:
                break
        rate = got / (time.perf_counter() - start)
        times = []
        for i in range(520):
            t0 = time.perf_counter()
            conn.execute(sql, {**params, "since": since, "fetch": PAGE + 1}).fetchall()
            if i >= 20:
                times.append((time.perf_counter() - t0) * 1000)
    return got, rate, (percentile(times, 50), percentile(times, 99))


def http_pull(base_url: str, token: str) -> tuple[int, float, str]:
    import httpx

    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    got, cursor = 0, None
    with httpx.Client(base_url=base_url, headers=headers, timeout=120) as client:
        start = time.perf_counter()
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if cursor:
                params["cursor"] = cursor
            reply = client.get("/v1/sync/pull", params=params)
            reply.raise_for_status()
            body = reply.json()
            got += len(body["changes"])
            cursor = body["next_cursor"]
            if not body["more"]:
                break
        return got, got / (time.perf_counter() - start), cursor


def desktop_pull(base_url: str, user: UserAccount, work: Path) -> tuple[int, float]:
    """``observe sync`` into an empty profile, as a coach's new laptop: (records, records/s)."""
    from observe.store import open_profile
    from observe.sync.account import login
    from observe.sync.engine import SyncEngine

    store = open_profile(work / "laptop")
    try:
        login(store, base_url, user.email, user.password, device_name="new laptop")
        start = time.perf_counter()
        result = SyncEngine(store).sync()
        wall = time.perf_counter() - start
    finally:
        store.close()
    return result.applied, result.applied / wall


YEAR = (date(2021, 8, 1), date(2022, 7, 31))
"""The generated visits' first school year (they start 2021-08-16, one a coach a day): at 10
million records a school has ~1,400 visits and ~70,000 evidence items in it."""
LEADER_RUNS = 50
_MONDAY = "to_char(date_trunc('week', {day}::date), 'YYYY-MM-DD')"
_ROOMS = """rooms AS MATERIALIZED (SELECT id, data ->> 'teacher_id' AS teacher FROM record
        WHERE school_id = %(school)s AND kind = 'classroom' AND NOT deleted)"""
# (Each classroom's teacher read once, materialized: joined straight to the visits, the
# planner guessed one row and scanned the school's records per visit, ~0.6 s.)
BARE_FIGURES = {
    # visits per week and type, with minutes
    "visits": f"""SELECT {_MONDAY.format(day="day")}, label, count(*), sum(minutes) FROM record
        WHERE school_id = %(school)s AND kind = 'visit' AND NOT deleted
        AND day BETWEEN %(start)s AND %(end)s GROUP BY 1, 2""",
    # the teachers visited each week (small-group suppression)
    "visit teachers": f"""WITH {_ROOMS}
        SELECT {_MONDAY.format(day="v.day")}, count(DISTINCT r.teacher)
        FROM record v JOIN rooms r ON r.id = v.room_ref
        WHERE v.school_id = %(school)s AND v.kind = 'visit' AND NOT v.deleted
        AND v.day BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    # coaching time
    "log": """SELECT label, count(*), sum(minutes) FROM record
        WHERE school_id = %(school)s AND kind = 'coaching_log_entry' AND minutes IS NOT NULL
        AND day BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    # evidence by look-fors and marks
    "evidence": """SELECT facet, sum(n) FROM fact_count
        WHERE school_id = %(school)s AND kind = 'evidence'
        AND day BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    # the teachers behind that evidence
    "evidence teachers": f"""WITH {_ROOMS}, seen AS MATERIALIZED (SELECT DISTINCT visit_ref
        FROM fact_count WHERE school_id = %(school)s AND kind = 'evidence'
        AND day BETWEEN %(start)s AND %(end)s)
        SELECT count(DISTINCT r.teacher) FROM seen e
        JOIN record v ON v.id = e.visit_ref AND v.school_id = %(school)s AND v.kind = 'visit'
        JOIN rooms r ON r.id = v.room_ref""",
    # participation per visit: distinct seats, events, events of each kind
    "talk": """SELECT visit_ref, min(day), count(DISTINCT seat_ref), sum(n),
        sum(n) FILTER (WHERE facet = 'volunteered'), sum(n) FILTER (WHERE facet = 'called_on'),
        sum(n) FILTER (WHERE facet = 'asked_question'), sum(n) FILTER (WHERE facet = 'peer_talk')
        FROM fact_count WHERE school_id = %(school)s AND kind = 'participation_event'
        AND visit_ref IS NOT NULL AND day BETWEEN %(start)s AND %(end)s GROUP BY 1""",
}


def bare_figures(conn: psycopg.Connection[Any], school: str) -> Callable[[], tuple[int, int]]:
    """The figures' own SQL over the same rows straight from PostgreSQL on one connection, the
    statements one after another; each call says (visits, evidence items) of the year."""
    params = {"school": school, "start": YEAR[0].isoformat(), "end": YEAR[1].isoformat()}

    def run() -> tuple[int, int]:
        found = {name: conn.execute(sql, params).fetchall() for name, sql in BARE_FIGURES.items()}
        visits = sum(int(n) for _, _, n, _ in found["visits"])
        return visits, sum(int(n) for _, n in found["evidence"])

    return run


def _record_id(coach: int, k: int) -> str:
    """The id the generator gives coach ``coach``'s ``k``-th record (``_ref``)."""
    return str(uuid.UUID(hashlib.md5(f"district:{coach}:{k}".encode()).hexdigest()))


def year_push(client: httpx.Client) -> Callable[[], None]:
    """One evidence item pushed by the measured coach into its first visit, untimed, before
    each first load: the school's head moves (nothing an earlier request read is reused) and
    the push's own transaction changes the counts the figures read."""
    pushed = itertools.count()
    visit_id = _record_id(0, HEAD)

    def push() -> None:
        i = next(pushed)
        op = evidence_op(i, visit_id)
        op["data"]["observed_at"] = f"2021-08-16T13:{i // 60 % 60:02d}:{i % 60:02d}Z"
        reply = client.post("/v1/sync/push", json={"ops": [op]})
        reply.raise_for_status()
        assert reply.json()["results"][0]["status"] == "applied", reply.text

    return push


def timed_loads(
    load: Callable[[], Any],
    runs: int,
    before: Callable[[], None] | None = None,
    beside: Callable[[], Any] | None = None,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(p50, p99) ms of ``load`` after one warm-up, ``before`` run untimed before each, and of
    ``beside`` timed right after each (the bare query at the same moment, the VM's load
    being what it is then)."""
    times: list[float] = []
    besides: list[float] = []
    for i in range(runs + 1):
        if before is not None:
            before()
        t0 = time.perf_counter()
        load()
        t1 = time.perf_counter()
        if beside is not None:
            beside()
        if i:
            times.append((t1 - t0) * 1000)
            besides.append((time.perf_counter() - t1) * 1000)
    pair = (percentile(besides, 50), percentile(besides, 99)) if beside else (0.0, 0.0)
    return (percentile(times, 50), percentile(times, 99)), pair


def leader_figures(
    server: ServerProcess, conninfo: str, coach: DeviceSession, school: str, runs: int
) -> dict[str, Any]:
    """A leader of the measured coach's school, made with the server's ``add_user``, asks
    for the school's figures over ``YEAR`` as the web dashboard (``/leader``) and the
    desktop's leader view (``ServerImpactSource`` over ``LeaderSession``: six
    ``/v1/aggregates/*``) do, on a first load after a push and on a reload, beside the same
    figures' SQL run bare."""
    from benchmarks.bench_web_pages import web_client

    from observe.coaching.leader_source import ServerImpactSource
    from observe.sync.leader import LeaderSession

    leader = server.add_user(role="leader", school=coach.user.school, name="District leader")
    push = year_push(coach.client)
    start, end = YEAR
    dates = {"from": start.isoformat(), "to": end.isoformat()}
    out: dict[str, Any] = {}
    with (
        psycopg.connect(conninfo, autocommit=True) as conn,
        contextlib.closing(web_client(server, leader.email, leader.password)) as browser,
    ):
        bare = bare_figures(conn, school)

        def page() -> None:
            reply = browser.get("/leader", params=dates)
            assert reply.status_code == 200 and "/leader/visits-per-week.csv" in reply.text, (
                reply.status_code,
                reply.text[:300],
            )

        out["web first"], out["bare"] = timed_loads(page, runs, push, bare)
        out["web reload"], _ = timed_loads(page, runs)
        session = LeaderSession.sign_in(server.base_url, leader.email, leader.password)
        try:
            source = ServerImpactSource(session)
            out["desktop first"], _ = timed_loads(lambda: source.load(start, end), runs, push)
            out["desktop reload"], _ = timed_loads(lambda: source.load(start, end), runs)
            # The same rows: the server's totals equal the bare SQL's (nothing pushed between).
            visits, evidence = bare()
            weekly = session.aggregate("visits-per-week", start, end)
            lookfors = session.aggregate("lookfor-frequencies", start, end)
        finally:
            session.close()
    assert weekly.suppressed is None and lookfors.suppressed is None
    assert sum(int(r["visits"]) for r in weekly.rows) == visits, (weekly.rows[:3], visits)
    total = [r for r in lookfors.rows if r["code"] is None and r["title"] is None]
    assert total and int(total[0]["evidence"]) == evidence, (total, evidence)
    out["visits"], out["evidence"] = visits, evidence
    return out


def many_clients(base_url: str, tokens: list[str], syncs: int) -> tuple[float, float, int, int]:
    import aiohttp

    latencies: list[float] = []
    errors: list[str] = []

    async def run() -> None:
        sessions = [
            aiohttp.ClientSession(
                base_url=base_url,
                headers={"Authorization": f"Bearer {t}"},
                timeout=aiohttp.ClientTimeout(total=30),
            )
            for t in tokens
        ]
        await asyncio.gather(*(_client_loop(s, syncs, latencies, errors) for s in sessions))

    asyncio.run(run())
    if errors:
        print(f"  errors: {sorted(set(errors))}")
    return percentile(latencies, 50), percentile(latencies, 99), len(latencies), len(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument(
        "--busy", type=int, default=50_000, help="records of the coach measured (coach 0)"
    )
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--syncs", type=int, default=10, help="syncs per client in the 200")
    parser.add_argument(
        "--client-rounds", type=int, default=1, help="runs of the 200 clients, one after another"
    )
    parser.add_argument(
        "--clients",
        type=int,
        nargs="+",
        default=[COACHES],
        help="how many clients sync at once (one per coach); several numbers run in turn",
    )
    parser.add_argument(
        "--leader-runs", type=int, default=LEADER_RUNS, help="loads of the leader's figures"
    )
    parser.add_argument("--keep", action="store_true", help="leave the cluster running")
    args = parser.parse_args()
    if args.records % COACHES or args.records // COACHES <= HEAD:
        parser.error(f"--records must be a multiple of {COACHES} and above {COACHES * HEAD}")
    if not all(1 <= n <= COACHES for n in args.clients):
        parser.error(f"--clients must be between 1 and {COACHES} (one client per coach)")
    bindir = postgres_bindir()
    if bindir is None:
        print("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
        return 1
    cluster = DistrictCluster(bindir, fsync=True).start()
    work = Path(tempfile.mkdtemp(prefix="bench-district-"))
    print(f"cluster in {cluster.root}, port {cluster.port}", flush=True)
    try:
        url, coaches = build(cluster, args.records, args.busy, work)
        conninfo = url.replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(conninfo) as conn:
            size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
            table = conn.execute("SELECT pg_total_relation_size('record')").fetchone()
            rollup = conn.execute(
                "SELECT count(*), pg_total_relation_size('fact_count') FROM fact_count"
            ).fetchone()
            params = _pull_params(conn, coaches[0])
        assert size is not None and table is not None and rollup is not None
        millions = args.records / 1e6
        print(
            f"database {size[0] / 1e9:.2f} GB ({size[0] / 1e9 / millions:.2f} GB per million "
            f"records); record table with indexes {table[0] / 1e9:.2f} GB; fact_count "
            f"{rollup[0]:,} rows, {rollup[1] / 1e6:.0f} MB",
            flush=True,
        )
        server = ServerProcess(url, work / "server", workers=args.workers)
        server.start()
        try:
            coach = coaches[0]
            session = server.login(coach)
            got, rate, (b50, b99) = bare_pull(conninfo, params)
            print(f"bare PostgreSQL: pull {got:,} records in pages of {PAGE}: {rate:,.0f}/s")
            got_http, http_rate, cursor = http_pull(server.base_url, session.token)
            print(
                f"observe-server: pull {got_http:,} records (HTTP, gzip): {http_rate:,.0f}/s "
                f"({http_rate / rate:.2f}x bare)"
            )
            p50, p99 = noop_sync_latency(server.base_url, token=session.token, cursor=cursor)
            print(
                f"no-op sync (push 0 + then_pull from head, one request), coach with "
                f"{got_http:,} records: "
                f"p50 {p50:.1f} ms, p99 {p99:.1f} ms; bare pull statement p50 {b50:.2f} ms, "
                f"p99 {b99:.2f} ms",
                flush=True,
            )
            h50, h99 = health_latency(server.base_url)
            print(
                f"floor, one GET /v1/health (no database) in this run: p50 {h50:.1f} ms, "
                f"p99 {h99:.1f} ms",
                flush=True,
            )
            applied, desktop_rate = desktop_pull(server.base_url, coach, work)
            print(
                f"desktop client: first sync into an empty profile: {applied:,} records, "
                f"{desktop_rate:,.0f}/s ({desktop_rate / rate:.2f}x bare)",
                flush=True,
            )
            figures = leader_figures(server, conninfo, session, params["school"], args.leader_runs)
            b50, b99 = figures["bare"]
            print(
                f"leader figures, one school over {YEAR[0]}..{YEAR[1]} ({figures['visits']:,} "
                f"visits, {figures['evidence']:,} evidence items; {args.leader_runs} loads "
                f"each): bare PostgreSQL, the figures' SQL (after each first load) p50 "
                f"{b50:.1f} ms, p99 {b99:.1f} ms",
                flush=True,
            )
            for label, key in (
                ("web dashboard /leader", "web"),
                ("desktop leader view (6 x /v1/aggregates)", "desktop"),
            ):
                f50, f99 = figures[f"{key} first"]
                r50, r99 = figures[f"{key} reload"]
                print(
                    f"{label}: first load after a push p50 {f50:.1f} ms, p99 {f99:.1f} ms "
                    f"({f50 / b50:.1f}x bare); reload p50 {r50:.1f} ms, p99 {r99:.1f} ms "
                    f"({r50 / b50:.1f}x bare)",
                    flush=True,
                )
            assert server.proc is not None
            use = CpuUse(server.proc.pid, cluster.data)
            for clients in args.clients:
                tokens = [server.login(c).token for c in coaches[:clients]]
                for _ in range(args.client_rounds):
                    before, start = use.sample(), time.perf_counter()
                    m50, m99, n, errors = many_clients(server.base_url, tokens, args.syncs)
                    wall = time.perf_counter() - start
                    cpu = use.since(before)
                    print(
                        f"{len(tokens)} clients x {args.syncs} syncs (push 5 + then_pull, "
                        f"1 s +- 0.5 s apart), {args.workers} workers: p50 {m50:.1f} ms, "
                        f"p99 {m99:.1f} ms, "
                        f"{n} syncs, {errors} errors; CPU per sync: server "
                        f"{cpu[0] * 1000 / n:.1f} ms, PostgreSQL {cpu[1] * 1000 / n:.1f} ms, "
                        f"load generator {cpu[2] * 1000 / n:.1f} ms: {sum(cpu) / wall:.2f} of "
                        f"the machine's {os.cpu_count()} cores busy over {wall:.1f} s",
                        flush=True,
                    )
        finally:
            server.close()
    finally:
        if not args.keep:
            cluster.stop()  # and its folder: ~1.2 GB per million records
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
