"""Time from process start to a ready main window, against a bare Qt window in the same run.

"Ready" means: the window is shown and painted, and the background work it starts (record
counts, the navigator's first page of visits, the look-for panel) has finished, so the coach
can press Ctrl+N. The baseline is a bare QApplication + QMainWindow shown the same way. Each is
a fresh process (cold Python imports, warm disk cache), repeated and summarised by the median.

    .venv/bin/python benchmarks/bench_window_ready.py --data-dir DIR [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD_OBSERVE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from observe.store import open_profile
from observe.ui import operations
from observe.ui.main_window import MainWindow

app = QApplication(sys.argv)
store = open_profile(sys.argv[1])
window = MainWindow(store)
window.show()

def poll():
    if window.isVisible() and not operations.running():
        print("READY", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, poll)

QTimer.singleShot(0, poll)
app.exec()
"""

CHILD_BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 700)
window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def time_child(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "READY":
            elapsed = time.perf_counter() - t0
            break
    else:
        raise SystemExit(f"child never became ready (exit {proc.wait()})")
    proc.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    time_child(CHILD_OBSERVE, str(args.data_dir))  # warm the disk cache and .pyc files
    time_child(CHILD_BARE)
    observe_s, bare_s = [], []
    for _ in range(args.runs):
        observe_s.append(time_child(CHILD_OBSERVE, str(args.data_dir)))
        bare_s.append(time_child(CHILD_BARE))
    o, b = statistics.median(observe_s), statistics.median(bare_s)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}")
    print(
        f"Observe main window ready: median {o:.3f} s (min {min(observe_s):.3f}, "
        f"max {max(observe_s):.3f})"
    )
    print(f"bare QApplication + QMainWindow: median {b:.3f} s")
    print(f"ratio: {o / b:.2f}x")


if __name__ == "__main__":
    main()
