"""Enter-to-committed latency in the real capture window on a district-size profile.

Each round types a line into the capture line and presses Enter (QTest key events on the real
widgets); the time runs until the key event has been handled, by which point the item is
committed (save_evidence returns only after COMMIT with synchronous=FULL) and shown in the
timeline. Every round also checks the item reached the database.

    .venv/bin/python benchmarks/bench_capture_enter.py --data-dir DIR [--rounds 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from observe.capture.visits import start_visit
from observe.store import open_profile
from observe.store.models import Classroom, Evidence, VisitType
from observe.ui.main_window import MainWindow


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()

    app = QApplication([])
    store = open_profile(args.data_dir)
    with store.read() as s:
        classroom_id = s.scalars(select(Classroom.id).limit(1)).one()
        before = s.scalar(select(func.count()).select_from(Evidence))
    window = MainWindow(store, report_error=lambda parent, error: print("ERROR", error))
    window.show()
    visit = start_visit(store, classroom_id, VisitType.COACHING_OBSERVATION)
    window.context.open_visit(visit.id)
    line = window.workspace.capture.line
    for _ in range(20):
        app.processEvents()

    timings: list[float] = []
    for i in range(args.rounds):
        line.setText(f'"Round {i}: I think the pattern grows by three each time"')
        t0 = time.perf_counter()
        QTest.keyClick(line, Qt.Key.Key_Return)
        timings.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
    with store.read() as s:
        after = s.scalar(select(func.count()).select_from(Evidence))
    assert after - before == args.rounds, (before, after)
    assert window.workspace.capture.model.rowCount() == args.rounds

    print(f"{args.rounds} lines typed and saved with Enter, profile with {before:,} evidence items")
    print(
        f"Enter to committed and shown: p50 {percentile(timings, 50):.2f} ms, "
        f"p99 {percentile(timings, 99):.2f} ms, max {max(timings):.2f} ms, "
        f"mean {statistics.fmean(timings):.2f} ms"
    )
    window.close()
    store.close()


if __name__ == "__main__":
    main()
