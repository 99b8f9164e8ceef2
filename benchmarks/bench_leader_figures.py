"""The leader's figures in-process, first loads and kept reads, on a database filled by
``bench_web_pages.py --keep DIR`` (issue 16).

    .venv/bin/python benchmarks/bench_leader_figures.py sqlite:///DIR/web.sqlite3 [--runs 5]

A first load is one after a push (nothing read for an earlier request is kept: the scope cache
is emptied before each); a kept read is the next load while nothing was pushed. To compare two
commits on the same records, run this with each commit's ``src`` first on ``PYTHONPATH``, each
on its own copy of the database migrated by that commit, alternating, as the VM's load moves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from sqlalchemy import create_engine, select

from observe.server import scope
from observe.server.accounts import principal_of
from observe.server.schema import account
from observe.server.web.figures import school_figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    engine = create_engine(args.database_url)
    with engine.connect() as conn:
        leader = conn.execute(select(account.c.id).where(account.c.role == "leader")).scalar()
        if leader is None:
            print("no leader account in this database")
            return 1
        principal = principal_of(conn, leader)
    first, kept = [], []
    for _ in range(args.runs):
        scope.forget()
        start = time.perf_counter()
        school_figures(engine, principal, None, None)
        first.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        school_figures(engine, principal, None, None)
        kept.append((time.perf_counter() - start) * 1000)
    print(f"first load: median {statistics.median(first):.0f} ms, min {min(first):.0f} ms")
    print(f"kept read:  median {statistics.median(kept):.0f} ms, min {min(kept):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
