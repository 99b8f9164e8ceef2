"""The server's web pages at district size: the teacher's list and sheet, the leader's figures.

    .venv/bin/python benchmarks/bench_web_pages.py [--coaches 8] [--visits 600] [--evidence 40]
        [--runs 200] [--postgresql]

Starts a real ``observe-server serve`` (SQLite file, or PostgreSQL from
/usr/lib/postgresql/*/bin with ``--postgresql``), fills one school through the server's own
push endpoint as coaches' apps would (teachers, classrooms, visits over 36 weeks, evidence
tagged with look-fors, participation, log entries, and one feedback sheet per visit shared
with its teacher, with its published copy), lets one teacher write reflections through the
web pages' own code, then times page loads over loopback with a signed-in browser's cookie.
Side by side, in the same run: a bare FastAPI "hello" app under the same uvicorn, and the
server's own ``/v1/health``. Goals (issue 16): teacher list and sheet p95 <= 50 ms, leader
dashboard p95 <= 300 ms.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serverfixtures import PgCluster, ServerProcess, free_port, postgres_bindir  # noqa: E402

from observe.ids import new_id  # noqa: E402

PHRASES = [
    "Student A: I think the answer is 12 because 3 groups of 4.",
    "Two students compare their drawings and point at the number line.",
    "Teacher asks: How do you know? Student B explains with the array.",
    "Students at table 3 write a question for their partner.",
]
TEACHERS_PER_COACH = 5
WEEKS = 36
BATCH = 500


def _op(kind: str, data: dict, visibility: str = "private") -> dict:
    return {
        "op_id": str(uuid.uuid4()),
        "kind": kind,
        "id": data["id"],
        "op": "upsert",
        "base_version": 0,
        "client_version": 0,
        "visibility": visibility,
        "data": {"version": 0, "deleted": False, "visibility": visibility, **data},
    }


def _published(email: str, name: str, day: str, strengths: list[str]) -> dict:
    return {
        "format": 1,
        "teacher_email": email,
        "teacher_name": name,
        "coach_name": "Bench Coach",
        "visit_date": day,
        "visit_type": "Coaching-cycle visit",
        "class_label": "Grade 5 Math, period 2",
        "strengths": [
            {"text": s, "evidence": [{"time": "09:14", "kind": "Student talk", "text": s}]}
            for s in strengths
        ],
        "wondering": "What might change if every table reported once before anyone spoke twice?",
        "reflection_prompt": "Which moment showed you the most about what students understood?",
        "voices": {"heard": 14, "of": 22, "turns": 41},
        "shared_at": f"{day}T15:02:11Z",
    }


def coach_ops(c: int, visits: int, evidence: int, lookfors: list[str]) -> list[dict]:
    """One coach's year: their teachers, rooms, seats, visits with evidence and participation,
    a log entry a week, and a shared feedback sheet per visit."""
    ops: list[dict] = []
    rooms = []
    for t in range(TEACHERS_PER_COACH):
        teacher, room = new_id(), new_id()
        email = f"teacher{c * TEACHERS_PER_COACH + t}@bench.example"
        seats = [new_id() for _ in range(22)]
        rooms.append((room, email, seats))
        ops.append(_op("teacher", {"id": teacher, "name": f"Teacher {c}-{t}"}))
        ops.append(_op("classroom", {"id": room, "teacher_id": teacher, "rows": 4, "cols": 6}))
        ops += [_op("seat", {"id": s, "classroom_id": room, "label": f"S{i}"})
                for i, s in enumerate(seats)]  # fmt: skip
    for v in range(visits):
        room, email, seats = rooms[v % len(rooms)]
        week = v * WEEKS // visits
        day = time.strftime("%Y-%m-%d", time.gmtime(1756684800 + week * 7 * 86400 + v % 5 * 86400))
        visit = new_id()
        ops.append(_op("visit", {
            "id": visit, "classroom_id": room, "visit_type": "coaching_observation",
            "started_at": f"{day}T09:00:00Z", "ended_at": f"{day}T09:40:00Z",
        }))  # fmt: skip
        for e in range(evidence):
            ops.append(_op("evidence", {
                "id": new_id(), "visit_id": visit, "observed_at": f"{day}T09:{e % 60:02d}:00Z",
                "evidence_kind": "student_talk", "text": PHRASES[e % len(PHRASES)],
                "lookfor_ids": [lookfors[e % len(lookfors)]],
            }))  # fmt: skip
        for p in range(5):
            ops.append(_op("participation_event", {
                "id": new_id(), "visit_id": visit, "seat_id": seats[(v + p) % len(seats)],
                "occurred_at": f"{day}T09:{p:02d}:30Z", "participation_kind": "volunteered",
            }))  # fmt: skip
        feedback = new_id()
        ops.append(_op("feedback", {
            "id": feedback, "visit_id": visit, "wondering": "private wording",
            "published": _published(email, "A teacher", day, PHRASES[:3]),
        }, visibility="teacher"))  # fmt: skip
        if v % 3 == 0:
            ops.append(_op("coaching_log_entry", {
                "id": new_id(), "occurred_on": day, "minutes": 45, "activity": "plc",
            }))  # fmt: skip
    return ops


def push_all(server: ServerProcess, token: str, ops: list[dict]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=300) as client:
        for offset in range(0, len(ops), BATCH):
            reply = client.post("/v1/sync/push", json={"ops": ops[offset : offset + BATCH]})
            reply.raise_for_status()
            bad = [r for r in reply.json()["results"] if r["status"] != "applied"]
            if bad:
                raise RuntimeError(f"not applied: {bad[0]}")


def fill(
    server: ServerProcess, school: str, coaches: int, visits: int, evidence: int
) -> tuple[int, str]:
    """(records pushed, the last coach's token)."""
    admin_coach = server.login(server.add_user(school=school, name="Framework owner"))
    lookfor_set = new_id()
    lookfors = [new_id() for _ in range(8)]
    push_all(server, admin_coach.token, [
        _op("lookfor_set", {"id": lookfor_set, "name": "Framework"}, "team"),
        *[_op("lookfor", {"id": lf, "set_id": lookfor_set, "code": f"L{i}", "title": f"Look {i}"},
              "team") for i, lf in enumerate(lookfors)],
    ])  # fmt: skip
    total = 0
    for c in range(coaches):
        coach = server.login(server.add_user(school=school, name=f"Coach {c}"))
        ops = coach_ops(c, visits, evidence, lookfors)
        push_all(server, coach.token, ops)
        total += len(ops)
        print(f"  coach {c + 1}/{coaches}: {total:,} records", flush=True)
    return total, coach.token


def web_client(server: ServerProcess, email: str, password: str) -> httpx.Client:
    """An HTTP client signed in to the web pages as a browser is (cookie and form token)."""
    client = httpx.Client(base_url=server.base_url, timeout=60)
    form = client.get("/")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf, "no sign-in form"
    reply = client.post("/", data={"email": email, "password": password, "csrf": csrf.group(1)})
    assert reply.status_code in (200, 303), reply.text
    return client


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(client: httpx.Client, path: str, runs: int) -> tuple[float, float, int]:
    """(p50, p95) in ms over ``runs`` loads after a few warm-ups, and the page's size."""
    times, size = [], 0
    warm = min(10, max(1, runs // 5))
    for i in range(runs + warm):
        start = time.perf_counter()
        reply = client.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        if reply.status_code != 200:
            raise RuntimeError(f"{path}: {reply.status_code} {reply.text[:300]}")
        size = len(reply.content)
        if i >= warm:
            times.append(elapsed)
    return percentile(times, 50), percentile(times, 95), size


HELLO = """
import sys, uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
app = FastAPI()
@app.get("/")
def hello() -> HTMLResponse:
    return HTMLResponse("<!doctype html><title>hello</title><p>hello</p>")
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


AGGREGATES = ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation", "cycles")


def timed_sequence(
    client: httpx.Client, paths: list[str], runs: int, before: Callable[[], None] | None = None
) -> tuple[float, float, int]:
    """(p50, p95) in ms of loading ``paths`` in a row, and their size. With ``before`` (a
    coach's push, run untimed before each sequence) nothing read for an earlier request can
    be reused: each sequence is a first load."""
    times, size = [], 0
    for i in range(runs + 1):
        if before is not None:
            before()
        start = time.perf_counter()
        size = 0
        for path in paths:
            reply = client.get(path)
            if reply.status_code != 200:
                raise RuntimeError(f"{path}: {reply.status_code} {reply.text[:300]}")
            size += len(reply.content)
        if i:  # the first sequence warms the connection
            times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50), percentile(times, 95), size


def coach_push(server: ServerProcess, coach_token: str) -> Callable[[], None]:
    def push_one() -> None:
        entry = {"id": new_id(), "occurred_on": "2025-09-02", "minutes": 5, "activity": "admin"}
        push_all(server, coach_token, [_op("coaching_log_entry", entry)])

    return push_one


def bare_hello(runs: int) -> tuple[float, float, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", HELLO, str(port)])
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for _ in range(200):
                try:
                    client.get("/")
                    break
                except httpx.HTTPError:
                    time.sleep(0.05)
            p50, p95, size = timed(client, "/", runs)
    finally:
        proc.terminate()
        proc.wait(10)
    return p50, p95, size


def bench(server: ServerProcess, args: argparse.Namespace) -> None:
    from observe.server import teacher_view
    from observe.server.accounts import principal_of

    school = "Bench District School"
    start = time.perf_counter()
    total, coach_token = fill(server, school, args.coaches, args.visits, args.evidence)
    print(f"filled: {total:,} records in {time.perf_counter() - start:.0f} s")
    teacher = server.add_user(role="teacher", school=school, email="teacher0@bench.example")
    leader = server.add_user(role="leader", school=school)
    with server.engine.connect() as conn:
        principal = principal_of(conn, teacher.id)
        shared = teacher_view.shared_with(conn, principal)
    for item in shared[: args.reflections]:
        teacher_view.write_reflection(
            server.engine, principal, "feedback", item.record_id, "I noticed the back table."
        )
    written = min(len(shared), args.reflections)
    print(f"teacher0 has {len(shared)} shared sheets and {written} reflections")

    with closing(web_client(server, teacher.email, teacher.password)) as t_client:
        rows = [("teacher list /teacher", *timed(t_client, "/teacher", args.runs))]
        sheet = f"/teacher/sheet/{shared[0].record_id}"
        rows.append(("teacher sheet /teacher/sheet/{id}", *timed(t_client, sheet, args.runs)))
        rows.append(("sheet PDF /teacher/sheet/{id}.pdf", *timed(t_client, sheet + ".pdf", 50)))
    pushed = coach_push(server, coach_token)
    with closing(web_client(server, leader.email, leader.password)) as l_client:
        rows.append(("leader dashboard /leader", *timed(l_client, "/leader", args.leader_runs)))
        first = timed_sequence(l_client, ["/leader"], args.leader_runs, pushed)
        rows.append(("leader dashboard /leader, first load after a push", *first))
    desktop = server.login(leader).client
    calls = [f"/v1/aggregates/{name}" for name in AGGREGATES]
    rows.append(
        ("desktop leader view: 5 x /v1/aggregates", *timed_sequence(desktop, calls, args.runs // 4))
    )
    first = timed_sequence(desktop, calls, args.leader_runs, pushed)
    rows.append(("desktop leader view: 5 x /v1/aggregates, first after a push", *first))
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        rows.append(("server GET /v1/health", *timed(client, "/v1/health", args.runs)))
    rows.append(("bare FastAPI hello (same uvicorn)", *bare_hello(args.runs)))
    print("| page | p50 ms | p95 ms | bytes |")
    print("|---|---|---|---|")
    for name, p50, p95, size in rows:
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {size:,} |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaches", type=int, default=8)
    parser.add_argument("--visits", type=int, default=600, help="visits per coach")
    parser.add_argument("--evidence", type=int, default=40, help="evidence items per visit")
    parser.add_argument("--reflections", type=int, default=30)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--leader-runs", type=int, default=10)
    parser.add_argument("--postgresql", action="store_true")
    parser.add_argument(
        "--keep", type=Path, help="fill the database in this (new) folder and keep it afterwards"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        base = Path(tmp)
        if args.keep is not None:
            args.keep.mkdir(parents=True)
            base = args.keep
        cluster = None
        if args.postgresql:
            bindir = postgres_bindir()
            if bindir is None:
                print("PostgreSQL binaries not found")
                return 1
            cluster = PgCluster(bindir, fsync=True).start()
            url = cluster.new_database()
        else:
            url = f"sqlite:///{base / 'web.sqlite3'}"
        server = ServerProcess(url, base / "server")
        server.start()
        try:
            bench(server, args)
        finally:
            server.close()
            if cluster is not None:
                cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
