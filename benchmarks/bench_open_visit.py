"""Opening a long visit in the real capture pane, beside a bare Qt table of the same rows.

A 3,000-item visit (a long coaching day) is written to a fresh profile; the pane's
``open_visit`` (query, model reset, layout) is timed over several rounds. The raw limit is a
bare QTableView over a QStandardItemModel filled with the same strings, which is what any Qt
table showing these rows costs at least. Goal: under 50 ms on the GUI thread.

    .venv/bin/python benchmarks/bench_open_visit.py [--items 3000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import gc
import os
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app = QApplication([])
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
