"""GUI sync tests: the Sync menu, label, sign-in and conflicts against a real observe-server."""

from __future__ import annotations

import os

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from observe.ui import operations
from observe.ui.sync.menu import SyncUi
from tests.sync.devices import Devices


class Answers(list[str]):
    """Stands in for the yes/no question box: records each question, answers ``reply``."""

    reply = False

    def __call__(self, parent: object, question: str) -> bool:
        self.append(question)
        return self.reply


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Devices]:
    made = Devices(tmp_path)
    try:
        yield made
    finally:
        operations.shutdown()
        made.close()


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def sync_window(qtbot, errors_seen, answers, idle) -> Iterator[Callable[..., SyncUi]]:
    """Builds a window with the sync UI on a device's store (after the test set it up)."""
    made: list[tuple[QMainWindow, SyncUi]] = []

    def make(device, **kwargs) -> SyncUi:
        window = QMainWindow()
        qtbot.addWidget(window)
        ui = SyncUi(window, device.store, report_error=errors_seen, ask=answers, **kwargs)
        window.menuBar().addMenu(ui.menu)
        window.show()
        made.append((window, ui))
        return ui

    yield make
    for _window, ui in made:
        ui.close()
    operations.shutdown()
