"""Impact tables on a district-size profile: how long the impact view (and the CLI) takes.

"Ours" is ``observe.coaching.impact.local_report`` for the whole period: every table of the
impact view (visits, time, cycles with their measures, look-fors and weekly trends, equity of
voice). "Bare" is plain sqlite3 fetching the rows those tables are computed from (visit times,
evidence times and tags, tallies per seat, log minutes) with no grouping at all: the floor any
implementation pays to read the data. Also: writing every table as CSV.

    .venv/bin/python benchmarks/bench_impact.py [--data-dir DIR] [--runs 5]

Without ``--data-dir`` a district demo profile is generated first (about a minute).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from observe.coaching.impact import local_report
from observe.coaching.impact_tables import write_report
from observe.demo import load_demo
from observe.paths import ProfilePaths
from observe.store import open_profile


def bare(database: Path) -> int:
    conn = sqlite3.connect(database)
    try:
        rows = 0
        for sql in (
            "SELECT started_at, ended_at, visit_type FROM visit WHERE deleted = 0",
            "SELECT e.observed_at FROM evidence e JOIN visit v ON v.id = e.visit_id "
            "WHERE e.deleted = 0 AND v.deleted = 0",
            "SELECT e.observed_at, l.lookfor_id FROM evidence e "
            "JOIN evidence_lookfor l ON l.evidence_id = e.id WHERE e.deleted = 0",
            "SELECT visit_id, seat_id, count(*) FROM participation_event WHERE deleted = 0 "
            "GROUP BY visit_id, seat_id",
            "SELECT occurred_on, minutes, activity FROM coaching_log_entry WHERE deleted = 0",
        ):
            rows += len(conn.execute(sql).fetchall())
        return rows
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = args.data_dir
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="observe-impact-bench-"))
        store = open_profile(folder)
        started = time.perf_counter()
        load_demo(store, "district")
        print(f"district demo generated in {time.perf_counter() - started:.1f} s")
    else:
        store = open_profile(folder)
    counts = store.counts()
    print(
        f"profile: {counts['visit']:,} visits, {counts['evidence']:,} evidence, "
        f"{counts['participation_event']:,} tallies, {counts['coaching_log_entry']:,} log entries"
    )
    ours, floor = [], []
    report = None
    for _ in range(args.runs):
        t = time.perf_counter()
        report = local_report(store, None, None)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        bare(ProfilePaths.at(folder).database)
        floor.append(time.perf_counter() - t)
    assert report is not None
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        paths = write_report(report, Path(out))
        csv_s = time.perf_counter() - t
    rows = sum(len(t.rows) for t in report.ordered())
    o, b = statistics.median(ours), statistics.median(floor)
    print(f"impact report (all tables): median {o * 1000:.0f} ms over {args.runs} runs")
    print(f"bare sqlite3 reads of the same rows: median {b * 1000:.0f} ms")
    print(f"ratio ours / bare: {o / b:.1f}x")
    print(f"CSV: {len(paths)} files, {rows:,} rows written in {csv_s * 1000:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
