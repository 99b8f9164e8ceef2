"""UI fixtures: a main window on a real profile, errors captured instead of shown in dialogs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from observe import logsetup
from observe.store import Store
from observe.ui import operations
from observe.ui.main_window import MainWindow


class ErrorsSeen(list[BaseException]):
    """Stands in for the error dialog: remembers what would have been shown."""

    def __call__(self, parent: object, error: BaseException) -> None:
        self.append(error)


@pytest.fixture
def errors_seen() -> ErrorsSeen:
    return ErrorsSeen()


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A real rotating log file in the test's folder, as the app sets it up, undone afterwards.

    ``observe.logsetup`` configures once per process, so its memory of that is reset here.
    """
    root = logging.getLogger()
    level = root.level
    monkeypatch.setattr(logsetup, "_configured", None)
    path = logsetup.setup_logging(tmp_path / "logs")
    assert path is not None
    yield path
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def idle(qtbot) -> Callable[[], None]:
    """Waits until no background operation is left and their results have been shown."""

    def wait() -> None:
        qtbot.waitUntil(lambda: not operations.running(), timeout=20_000)

    return wait


@pytest.fixture
def window(qtbot, store: Store, errors_seen: ErrorsSeen, idle) -> Iterator[MainWindow]:
    w = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(w)
    w.show()
    idle()
    yield w
    w.close()
    operations.shutdown()
