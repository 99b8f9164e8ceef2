"""The server's push transaction alone, in-process: no HTTP, no JSON, no client.

Separates what ``observe-server`` spends applying a push (checks, fact columns, the school's
rollup, inserts, commit) from the web stack around it, so a change to ``server/push.py`` can be
measured without the noise of two processes on loopback. Ops shaped like the desktop's evidence
snapshots (``bench_server_push_pull.evidence_op``), pushed 500 at a time into a new SQLite file.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_push_inprocess.py [--ops 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import text

from bench_server_push_pull import evidence_op
from observe.ids import new_id
from observe.protocol.models import Op
from observe.server.accounts import Principal, add_user
from observe.server.db import make_engine
from observe.server.migrate import upgrade
from observe.server.push import push


def one_run(n: int) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-push-") as folder:
        engine = make_engine(f"sqlite:///{folder}/server.sqlite3")
        upgrade(engine)
        user = add_user(
            engine,
            email="coach@example.org",
            name="Coach",
            role="coach",
            school_name="North",
            password="correct horse battery",
        )
        with engine.connect() as conn:
            school_id = conn.execute(text("SELECT school_id FROM account")).scalar_one()
        principal = Principal(
            user_id=user["id"],
            email=user["email"],
            name=user["name"],
            role="coach",
            school_id=school_id,
            school="North",
            device_id="bench-device",
        )
        visit_id = new_id()
        ops = [Op.model_validate(evidence_op(i, visit_id)) for i in range(n)]
        started = time.perf_counter()
        for offset in range(0, n, 500):
            push(engine, principal, ops[offset : offset + 500])
        rate = n / (time.perf_counter() - started)
        engine.dispose()
        return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rates = [one_run(args.ops) for _ in range(args.runs)]
    shown = ", ".join(f"{r:,.0f}" for r in rates)
    print(f"push {args.ops:,} ops in batches of 500, in-process, SQLite: {shown} ops/s")
    print(f"median {statistics.median(rates):,.0f} ops/s")


if __name__ == "__main__":
    main()
