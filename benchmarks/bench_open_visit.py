"""Opening a long visit in the real capture pane, beside a bare Qt table of the same rows.

A 3,000-item visit (a long coaching day) is written to a fresh profile; the pane's
``open_visit`` (query, model reset, layout) is timed over several rounds. The raw limit is a
bare QTableView over a QStandardItemModel filled with the same strings, which is what any Qt
table showing these rows costs at least. Goal: under 50 ms on the GUI thread.

    .venv/bin/python benchmarks/bench_open_visit.py [--items 3000] [--rounds 15]

With ``--data-dir`` it opens visits of an existing profile instead ("opening any visit" on a
five-year profile, issue 18): ``--visits`` of them drawn at random plus the one with the most
evidence, each timed in the pane and, in the same round, as a bare table of its own rows.

    .venv/bin/python benchmarks/bench_open_visit.py --data-dir DIR [--visits 200]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import select
from tests.bulk import add_evidence

from observe.capture.visits import start_visit
from observe.store import open_profile
from observe.store.models import Classroom, School, Teacher, VisitType
from observe.ui.main_window import MainWindow


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def bare_table(view: QTableView, rows: list[tuple[str, str, str]]) -> float:
    """Seconds to show ``rows`` (time, kind, text) in a bare Qt table: the floor."""
    gc.collect()
    t0 = time.perf_counter()
    model = QStandardItemModel(0, 4)
    for at, kind, text in rows:
        model.appendRow(
            [QStandardItem(at), QStandardItem(kind), QStandardItem(text), QStandardItem("")]
        )
    view.setModel(model)
    return time.perf_counter() - t0


def existing_profile(app: QApplication, folder: Path, visits: int) -> None:
    raw = sqlite3.connect(folder / "observe.sqlite3")
    sizes = raw.execute(
        "SELECT v.id, count(e.id) FROM visit v LEFT JOIN evidence e"
        " ON e.visit_id = v.id AND e.deleted = 0 WHERE v.deleted = 0 GROUP BY v.id"
    ).fetchall()
    biggest = max(sizes, key=lambda r: r[1])
    chosen = [*random.Random(18).sample(sizes, min(visits, len(sizes))), biggest]
    store = open_profile(folder)
    window = MainWindow(store, report_error=lambda parent, error: print("ERROR", error))
    window.resize(1366, 768)
    window.show()
    settle(app)
    bare = QTableView()
    bare.resize(900, 500)
    bare.show()
    pane_ms: list[float] = []
    bare_ms: list[float] = []
    try:
        for visit_id, count in chosen:
            window.context.open_visit(None)  # away, so every open reloads
            settle(app)
            gc.collect()
            t0 = time.perf_counter()
            window.context.open_visit(visit_id)
            pane_ms.append((time.perf_counter() - t0) * 1000)
            settle(app)
            shown = window.workspace.capture.model.rowCount()
            assert shown == count, f"the pane shows {shown} of {count} items"
            rows = raw.execute(
                "SELECT observed_at, evidence_kind, text FROM evidence"
                " WHERE visit_id = ? AND deleted = 0 ORDER BY observed_at",
                (visit_id,),
            ).fetchall()
            bare_ms.append(bare_table(bare, rows) * 1000)
            settle(app)
        window.context.open_visit(None)
        settle(app)
    finally:
        window.close()
        store.close()
        raw.close()
    items = [c for _v, c in chosen]
    print(
        f"{len(chosen)} visits of {len(sizes):,} ({min(items)}-{max(items)} items, "
        f"median {statistics.median(items):.0f}); the biggest last"
    )
    for name, values in (
        ("capture pane open_visit", pane_ms),
        ("bare QTableView, same rows", bare_ms),
    ):
        print(
            f"{name:<27} p50 {percentile(values, 50):6.1f} ms  p95 {percentile(values, 95):6.1f} ms"
            f"  max {max(values):6.1f} ms  biggest visit {values[-1]:6.1f} ms"
        )
    ratio = percentile(pane_ms, 95) / percentile(bare_ms, 95)
    print(f"ratio p95 pane/bare: {ratio:.2f}x; goal: every visit under 50 ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--data-dir", type=Path, help="open visits of this existing profile")
    parser.add_argument("--visits", type=int, default=200)
    args = parser.parse_args()
    app = QApplication([])
    if args.data_dir is not None:
        existing_profile(app, args.data_dir, args.visits)
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = open_profile(tmp)
        with store.write() as s:
            school = School(name="Bench School")
            teacher = Teacher(school=school, display_name="Ana Ruiz")
            s.add(Classroom(teacher=teacher, subject="Math 7"))
        with store.read() as s:
            classroom_id = s.scalars(select(Classroom.id)).one()
        visit = start_visit(store, classroom_id, VisitType.COACHING_OBSERVATION)
        other = start_visit(store, classroom_id, VisitType.COACHING_OBSERVATION)
        texts = [row["text"] for row in add_evidence(store, visit.id, args.items)]

        window = MainWindow(store, report_error=lambda parent, error: print("ERROR", error))
        window.resize(1366, 768)
        window.show()
        settle(app)
        pane_times: list[float] = []
        for _ in range(args.rounds):
            window.context.open_visit(other.id)  # away and back, so every round reloads
            settle(app)
            gc.collect()
            t0 = time.perf_counter()
            window.context.open_visit(visit.id)
            pane_times.append(time.perf_counter() - t0)
            settle(app)
        shown = window.workspace.capture.model.rowCount()
        assert shown == args.items, f"the pane shows {shown} of {args.items} items"

        bare = QTableView()
        bare.resize(900, 500)
        bare.show()
        bare_times: list[float] = []
        for _ in range(args.rounds):
            gc.collect()
            t0 = time.perf_counter()
            model = QStandardItemModel(0, 4)
            for i, text in enumerate(texts):
                model.appendRow(
                    [
                        QStandardItem(f"{i // 60:02d}:{i % 60:02d}"),
                        QStandardItem("Note"),
                        QStandardItem(text),
                        QStandardItem(""),
                    ]
                )
            bare.setModel(model)
            bare_times.append(time.perf_counter() - t0)
            settle(app)
        window.close()
        store.close()

    pane = statistics.median(pane_times) * 1000
    raw = statistics.median(bare_times) * 1000
    print(
        f"open a {args.items}-item visit: median {pane:.1f} ms, max {max(pane_times) * 1000:.1f} ms"
    )
    print(f"bare QTableView + QStandardItemModel, same rows: median {raw:.1f} ms")
    print(f"ratio: {pane / raw:.2f}x bare Qt; goal: under 50 ms")


if __name__ == "__main__":
    main()
