"""Every dialog starts in its first field and gives each mnemonic to one control only."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

import observe.ui
from observe.ui.main_window import MainWindow

from .conftest import activate
from .dialogs import DIALOGS

#: Standard buttons as Linux desktops (GNOME, KDE) label them: they carry mnemonics there.
LINUX_BUTTONS = {"OK": "&OK", "Save": "&Save", "Cancel": "&Cancel", "Close": "&Close"}
#: Dialogs with nothing to type or choose: a button may have the first focus.
#: No field to type in: About, and the "Keep all" preview, whose read-only text is there to be
#: read and whose confirm button takes Enter.
#: Invite a teacher: nothing to type before the server answers; Enter makes the invitation.
NO_INPUTS = {"About", "Keep all mine", "Invite a teacher"}


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def mnemonics(dialog: QDialog) -> dict[str, list[str]]:
    """Letter -> the visible controls whose Alt+letter it is."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        if (letter := mnemonic(text)) is not None:
            found.setdefault(letter, []).append(text)

    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.window() is not dialog:
            continue
        if isinstance(widget, QAbstractButton):
            box = widget.parentWidget()
            text = widget.text()
            if isinstance(box, QDialogButtonBox) and "&" not in text:
                text = LINUX_BUTTONS.get(text, text)
            add(text)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i))
    return found


@pytest.fixture
def opened(visit_id: str, window: MainWindow, qtbot, idle):
    activate(qtbot, window)
    window.context.open_visit(visit_id)
    shown: list[QDialog] = []

    def open_one(name: str) -> QDialog:
        dialog = DIALOGS[name](window)
        shown.append(dialog)
        idle()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return dialog

    yield open_one
    for dialog in shown:
        dialog.setProperty("closing_for_test", True)
        dialog.hide()
        dialog.deleteLater()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_opens_in_an_input_with_unique_mnemonics(opened, name: str):
    dialog = opened(name)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is dialog, name
    if name not in NO_INPUTS:
        assert not isinstance(focus, QAbstractButton), f"{name}: focus on “{focus.text()}”"
    shared = {k: v for k, v in mnemonics(dialog).items() if len(v) > 1}
    assert not shared, f"{name}: {shared}"


def test_every_dialog_class_is_in_the_registry():
    """Walks observe.ui for QDialog subclasses; each must be opened by some registry entry."""
    import importlib
    import pkgutil

    classes: set[type] = set()
    for info in pkgutil.walk_packages(observe.ui.__path__, "observe.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
            ):
                classes.add(value)
    names = {c.__name__ for c in classes}
    assert "RecordDialog" in names and "QuickVisitDialog" in names
    covered = {
        "RecordDialog",  # the base of the teacher, classroom and school dialogs
        "TeacherDialog", "ClassroomDialog", "SchoolDialog", "RosterImportDialog",
        "QuickVisitDialog", "ComposerDialog", "SearchDialog", "CyclesWindow", "CycleEditor",
        "LinkVisitsDialog", "CloseCycleDialog", "LogEntryDialog", "WeeklyLogWindow",
        "FrameworksWindow", "ImpactWindow", "LeaderSignInDialog", "SeatingEditorDialog",
        "SignInDialog", "ConflictsDialog", "WelcomeDialog", "AboutDialog", "LicenseDialog",
        "KeyboardHelpDialog", "SettingsDialog", "BulkConfirmDialog", "RedactionDialog",
        "InviteDialog", "_ImportDialog",  # the base of the survey and scores imports
        "ImportSurveyDialog", "ImportScoresDialog", "PaperTalliesDialog", "ScoreSamplesDialog",
        # Opens only with a camera attached (the test machine has none; the no-camera path is
        # in tests/ui/capture/test_take_photo.py).
        "CameraDialog",
    }  # fmt: skip
    assert names <= covered, sorted(names - covered)
