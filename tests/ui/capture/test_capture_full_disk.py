"""The capture line on a full disk: the typed text stays, and the coach is told why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from observe.errors import StorageError, disk_full_sentence
from observe.ui.errors import sentence_for

from ...fsutil import fill_disk, tiny_folder
from .conftest import committed, shown_rows


@pytest.fixture
def profile_dir(tmp_path: Path) -> Iterator[Path]:
    """The profile on a real 3 MB tmpfs that the test fills up."""
    with tiny_folder(tmp_path / "disk", size="3m") as disk:
        yield disk / "profile"


def test_enter_on_a_full_disk_keeps_the_text_and_says_the_disk_is_full(
    open_pane, qtbot, store, visit, errors_seen, context, profile_dir: Path
):
    filler = fill_disk(profile_dir.parent)
    typed = "Students compared two strategies for 3/4 + 1/8. " * 200
    open_pane.line.setText(typed)  # as if pasted: more than the WAL's last free bytes
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)

    assert open_pane.line.text() == typed
    assert shown_rows(open_pane) == []
    [error] = errors_seen
    assert isinstance(error, StorageError)
    assert str(error) == (
        disk_full_sentence(store.paths.database) + " This evidence item was not saved; its text "
        "stays in the capture line, so press Enter again once the problem is fixed."
    )
    assert context.save_state.startswith("Not saved")

    filler.unlink()  # the coach frees some space and presses Enter again
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)
    assert open_pane.line.text() == ""
    assert [row[0] for row in committed(store, visit[0])] == [typed.strip()]


def test_a_draft_the_full_disk_refuses_is_said_once_and_the_typing_stays(
    open_pane, qtbot, errors_seen, profile_dir: Path
):
    fill_disk(profile_dir.parent)
    typed = "Students explained why 2/3 is bigger than 3/5. " * 200
    QApplication.clipboard().setText(typed)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # paste
    assert open_pane.line.text() == typed and open_pane.drafts.dirty

    open_pane.drafts.flush()  # as the one-second timer or leaving the line does
    open_pane.drafts.flush()  # nothing new typed: no second dialog

    [error] = errors_seen
    assert "full" in sentence_for(error)  # what the coach reads in the dialog
    assert open_pane.line.text() == typed
    assert not open_pane.drafts.dirty
