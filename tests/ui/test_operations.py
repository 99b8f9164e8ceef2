"""The background-work helper: results, failures and progress on the GUI thread; cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from observe.ui import operations
from observe.ui.operations import Cancelled, Progress


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_result_arrives_on_the_gui_thread(qtbot):
    work_thread: list[threading.Thread] = []
    seen: list[tuple[object, bool]] = []

    def work(_: Progress) -> int:
        work_thread.append(threading.current_thread())
        return 42

    op = operations.run(work, on_success=lambda r: seen.append((r, _on_gui_thread())))
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert seen == [(42, True)]
    assert work_thread[0] is not threading.main_thread()
    assert not op.is_running


def test_failure_arrives_on_the_gui_thread_with_its_traceback(qtbot):
    seen: list[tuple[BaseException, bool]] = []

    def work(_: Progress) -> None:
        raise ValueError("bad value")

    op = operations.run(work, on_failure=lambda e: seen.append((e, _on_gui_thread())))
    succeeded: list[object] = []
    op.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    [(error, on_gui)] = seen
    assert isinstance(error, ValueError) and str(error) == "bad value"
    assert error.__traceback__ is not None
    assert on_gui and succeeded == []


def test_progress_is_delivered_and_the_last_step_always_arrives(qtbot):
    steps: list[tuple[int, int, bool]] = []

    def work(progress: Progress) -> None:
        for i in range(1, 1001):
            progress.report(i, 1000)

    op = operations.run(work, on_progress=lambda d, t: steps.append((d, t, _on_gui_thread())))
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert steps[-1] == (1000, 1000, True)
    assert len(steps) < 1000  # throttled, so a tight loop can't flood the GUI


def test_cancel_stops_cooperating_work_and_reports_cancelled_not_failed(qtbot):
    started = threading.Event()
    outcomes: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress.check()
            time.sleep(0.005)
        raise AssertionError("cancel never arrived")

    op = operations.run(
        work,
        on_success=lambda _: outcomes.append("succeeded"),
        on_failure=lambda _: outcomes.append("failed"),
        on_cancel=lambda: outcomes.append("cancelled"),
    )
    assert started.wait(5)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.cancel()
    assert outcomes == ["cancelled"]


def test_cancel_after_the_work_finished_still_reports_success(qtbot):
    results: list[object] = []
    op = operations.run(lambda _: "done", on_success=results.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    op.cancel()
    assert results == ["done"]


def test_nothing_is_delivered_to_a_destroyed_widget(qtbot):
    gate = threading.Event()
    widget = QWidget()
    delivered: list[object] = []
    op = operations.run(lambda _: gate.wait(5), context=widget, on_success=delivered.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=2000)
    gate.set()
    qtbot.waitUntil(lambda: not op.is_running, timeout=5000)
    assert delivered == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_shutdown_cancels_running_work_and_waits_for_it():
    stopped = threading.Event()

    def work(progress: Progress) -> None:
        while not progress.should_cancel():
            time.sleep(0.005)
        stopped.set()
        raise Cancelled

    operations.run(work)
    assert operations.shutdown(timeout_ms=5000)
    assert stopped.is_set()


def test_progress_check_raises_only_after_cancel():
    progress = Progress()
    progress.check()
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.check()
