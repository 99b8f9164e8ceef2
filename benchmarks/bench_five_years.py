"""The desktop at five years of data (issue 18): one run of every figure, each beside its floor.

Makes (once) a profile with five school years of one busy coach, ``observe demo --size district
--years 5`` (~500,000 evidence items), timing it and reporting its size, then runs on it, one
after another in the same session:

* window ready (``bench_window_ready.py``) beside a bare Qt window, goal ≤ 1.0 s;
* evidence search (``bench_search.py``) beside bare FTS5, goal p95 ≤ 30 ms;
* opening any visit (``bench_open_visit.py --data-dir``) beside a bare Qt table, goal ≤ 50 ms;
* the impact view (``bench_impact.py``) beside bare sqlite3 reads, goal ≤ 2 s.

    .venv/bin/python benchmarks/bench_five_years.py --data-dir /tmp/five-years [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def run(title: str, *command: str) -> None:
    print(f"\n== {title} (load average {load_average()})", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if "propagateSizeHints" not in line]
    print("\n".join(lines), flush=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(result.returncode)


def make_profile(folder: Path, years: int) -> None:
    command = [sys.executable, "-m", "observe", "demo", "--size", "district"]
    command += ["--years", str(years), "--data-dir", str(folder)]
    print(f"making the profile: {' '.join(command[1:])} (load average {load_average()})")
    t0 = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(result.returncode)
    print(result.stdout.strip())
    print(f"generated in {time.perf_counter() - t0:.0f} s wall (load average {load_average()})")


def describe(folder: Path) -> None:
    files = list(folder.glob("observe.sqlite3*"))
    size = sum(p.stat().st_size for p in files)
    conn = sqlite3.connect(folder / "observe.sqlite3")
    try:
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("visit", "evidence", "participation_event", "feedback", "outbox")
        }
        first, last = conn.execute("SELECT min(started_at), max(started_at) FROM visit").fetchone()
    finally:
        conn.close()
    print(
        f"profile {folder}: {size / 1e6:,.0f} MB on disk; "
        + ", ".join(f"{n:,} {table}" for table, n in counts.items())
        + f"; visits from {first[:10]} to {last[:10]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5, help="window and impact runs")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--visits", type=int, default=200)
    args = parser.parse_args()
    folder: Path = args.data_dir
    if not (folder / "observe.sqlite3").exists():
        make_profile(folder, args.years)
    describe(folder)
    py = sys.executable
    where = ["--data-dir", str(folder)]
    runs = str(args.runs)
    run("window ready", py, str(HERE / "bench_window_ready.py"), *where, "--runs", runs)
    run("search", py, str(HERE / "bench_search.py"), *where, "--queries", str(args.queries))
    run(
        "open any visit",
        py,
        str(HERE / "bench_open_visit.py"),
        *where,
        "--visits",
        str(args.visits),
    )
    run("impact view", py, str(HERE / "bench_impact.py"), *where, "--runs", runs)


if __name__ == "__main__":
    main()
