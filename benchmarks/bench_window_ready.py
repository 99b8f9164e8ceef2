"""Time from process start to a ready main window, against a bare Qt window in the same run.

"Painted" is the first paint of the window. "Ready" means: the window is shown and painted,
and the background work it starts (record counts, the navigator's first page of visits, the
teachers list, the look-for panel, the sync status) has finished, so the coach can press
Ctrl+N. The baseline is a bare QApplication + QMainWindow shown the same way. Each is a fresh
process (cold Python imports, warm disk cache and .pyc files), the two alternating, summarised
by the median. Each checkout starts as its app does: with the garbage collector paused until
the window is shown when it has ``observe.startup_gc``. Besides wall time, each child's CPU
time (user + system, from the kernel) is reported: on a machine shared with other work it
moves far less than wall time.

    .venv/bin/python benchmarks/bench_window_ready.py --data-dir DIR [--runs 7]
    .venv/bin/python benchmarks/bench_window_ready.py --data-dir DIR --src OTHER/src   # A/B

``--src`` adds another checkout's ``src`` (e.g. main before a change) as a third column,
measured in the same rounds (``--src-data-dir``: a copy of the profile at that checkout's schema).

This checkout is measured twice in each round: as the app starts (``observe.ui.app.start_early``:
a profile ready to use is painted from its first screen, read with ``sqlite3`` before SQLAlchemy
is imported, and its store opened right after the paint), and store first as before
(``MainWindow(store)``). For the early start, "painted" is the window's first paint, already
with the profile's real record counts, and "ready" is the same as always: the store open and
attached and the window's background work finished. A profile that doesn't qualify for the
early start (a migration due, an unclean close...) stops the bench instead of measuring the
other path under the early name.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

FIRST_PAINT = r"""
class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("PAINTED", flush=True)
        return False
"""
"""Prints PAINTED at the window's first paint: the same in both Observe children."""

CHILD_OBSERVE = r"""
import sys, time
try:  # start as the checkout's app starts (observe.cli._run_gui, observe.ui.app.run_gui)
    from observe import startup_gc
except ImportError:  # a checkout from before it: the collector ran all along
    startup_gc = None
if startup_gc is not None:
    startup_gc.pause()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from observe.store import open_profile
from observe.ui import operations
from observe.ui.main_window import MainWindow


{first_paint}

app = QApplication(sys.argv)
store = open_profile(sys.argv[1])
window = MainWindow(store)
painted = FirstPaint()
window.installEventFilter(painted)
window.show()
if startup_gc is not None:
    startup_gc.resume()

def poll():
    if painted.done and not operations.running():
        print("READY", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, poll)

QTimer.singleShot(0, poll)
app.exec()
operations.shutdown()
window.deleteLater()
store.close()  # as the app does on quitting: the next run must not see an unclean close
"""

CHILD_EARLY = r"""
import sys
from observe import startup_gc
startup_gc.pause()  # as observe.cli._run_gui
from PySide6.QtCore import QEvent, QObject, QTimer
from observe.ui import app as app_module
from observe.ui import operations


{first_paint}

app = app_module.application(sys.argv)
started = app_module._Started()
painted = FirstPaint()
if not app_module.start_early(started, app, sys.argv[1], lambda parent, error: print(error)):
    raise SystemExit("the profile does not qualify for the early start")
started.window.installEventFilter(painted)


def poll():
    if painted.done and started.window.is_ready and not operations.running():
        print("READY", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, poll)

QTimer.singleShot(0, poll)
app.exec()
operations.shutdown()
started.window.deleteLater()
started.store.close()  # as the app does on quitting: the next run must not see an unclean close
"""

CHILD_OBSERVE, CHILD_EARLY = (
    child.replace("{first_paint}", FIRST_PAINT) for child in (CHILD_OBSERVE, CHILD_EARLY)
)

CHILD_BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("PAINTED", flush=True)
            QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 700)
painted = FirstPaint()
window.installEventFilter(painted)
window.show()
app.exec()
"""


@dataclass
class Series:
    name: str
    painted: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def row(self) -> str:
        p, r, c = (
            statistics.median(v) if v else float("nan")
            for v in (self.painted, self.ready, self.cpu)
        )
        return (
            f"{self.name:<44} painted {p:6.3f} s  ready {r:6.3f} s "
            f"(min {min(self.ready):.3f}, max {max(self.ready):.3f})  CPU {c:6.3f} s"
        )


def time_child(code: str, args: list[str], src: str | None) -> tuple[float, float, float]:
    """(first paint, ready, CPU seconds) of one fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
    if src is not None:
        env["PYTHONPATH"] = src
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    painted = ready = float("nan")
    for line in proc.stdout:
        word = line.strip()
        if word == "PAINTED" and painted != painted:
            painted = time.perf_counter() - t0
        elif word == "READY":
            ready = time.perf_counter() - t0
            break
    else:
        raise SystemExit(f"child never became ready (exit {proc.wait()})")
    proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return painted, ready, usage.ru_utime + usage.ru_stime


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", help="another checkout's src folder, measured alongside")
    parser.add_argument(
        "--src-data-dir", type=Path, help="the profile for --src, if its schema is older"
    )
    args = parser.parse_args()
    profile = [str(args.data_dir)]
    ours = os.environ.get("PYTHONPATH")
    variants: list[tuple[Series, str, list[str], str | None]] = [
        (Series("Observe, this checkout, as it starts"), CHILD_EARLY, profile, ours),
        (Series("Observe, this checkout, store first"), CHILD_OBSERVE, profile, ours),
        (Series("bare QApplication + QMainWindow"), CHILD_BARE, [], ours),
    ]
    if args.src:
        other = [str(args.src_data_dir or args.data_dir)]
        variants.insert(2, (Series(f"Observe, {args.src}"), CHILD_OBSERVE, other, args.src))
    for _series, code, child_args, src in variants:  # warm the disk cache and .pyc files
        time_child(code, child_args, src)
    print(f"load average before: {load_average()}")
    for _ in range(args.runs):
        for series, code, child_args, src in variants:
            painted, ready, cpu = time_child(code, child_args, src)
            series.painted.append(painted)
            series.ready.append(ready)
            series.cpu.append(cpu)
    print(f"load average after:  {load_average()}")
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}")
    for series, *_ in variants:
        print(series.row())
    bare = variants[-1][0]
    med = statistics.median
    for series, *_ in variants[:-1]:
        painted = med(series.painted) / med(bare.painted)
        ready, cpu = med(series.ready) / med(bare.ready), med(series.cpu) / med(bare.cpu)
        print(
            f"{series.name}: painted {painted:.2f}x bare, ready {ready:.2f}x bare, "
            f"CPU {cpu:.2f}x bare"
        )


if __name__ == "__main__":
    main()
