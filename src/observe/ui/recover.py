"""Recovering a damaged profile from the app: the start-up dialog and File › Recover records.

Both call the core's :func:`observe.store.recover.recover_profile`, which only reads the
damaged file and writes a new profile into a folder the coach chooses, then say in sentences
how many records of each kind were saved and how many could not be read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from observe import APP_NAME
from observe.errors import DamagedProfile
from observe.store.recover import Recovery, recover_profile

#: Shows a built box and returns the button pressed; tests pass one that answers for the coach.
Presenter = Callable[[QMessageBox], object]
#: Asks where the recovered profile goes; None when the coach cancels.
FolderChooser = Callable[[QWidget | None, Path], Path | None]


def _exec(box: QMessageBox) -> object:
    return box.exec()


def suggested_folder(source: Path) -> Path:
    """A new folder next to the damaged profile, never an existing one."""
    base = source.parent.parent / f"{source.parent.name} recovered"
    candidate, n = base, 2
    while candidate.exists():
        candidate = base.with_name(f"{base.name} {n}")
        n += 1
    return candidate


def choose_folder(parent: QWidget | None, source: Path) -> Path | None:
    """The folder for the recovered profile, picked in the system dialog (a new one is fine)."""
    start = suggested_folder(source)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Recover", "Recover records into a new profile folder"),
        str(start if start.parent.exists() else Path(docs or Path.home()) / start.name),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(chosen) if chosen else None


def summary_box(parent: QWidget | None, recovery: Recovery) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Information if recovery.complete else QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("\n\n".join(recovery.sentences()))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def damaged_box(parent: QWidget | None, error: DamagedProfile) -> QMessageBox:
    """The damaged sentence with a way out: recover the readable records, or close."""
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(error.sentence)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    recover = box.addButton(
        QCoreApplication.translate("Recover", "&Recover records…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    recover.setObjectName("recover")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(recover)
    return box


def offer_recovery(
    error: DamagedProfile,
    source: Path,
    *,
    parent: QWidget | None = None,
    present: Presenter | None = None,
    choose: FolderChooser = choose_folder,
) -> Path | None:
    """At start-up: explains the damage and, if asked, recovers into a new profile folder.

    Returns the recovered profile's folder (for the app to open instead), or None when the
    coach closed the dialog, cancelled the folder choice, or the recovery itself failed (said
    in a dialog too).
    """
    show = present or _exec
    box = damaged_box(parent, error)
    show(box)
    pressed = box.clickedButton()
    wanted = pressed is not None and pressed.objectName() == "recover"
    box.deleteLater()
    if not wanted:
        return None
    out = choose(parent, source)
    if out is None:
        return None
    from observe.ui.errors import error_box, record
    from observe.ui.ops import CoreOp

    def failed(parent: QWidget | None, exc: BaseException) -> None:
        record(exc)
        box = error_box(parent, exc)
        show(box)
        box.deleteLater()

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        recovered = CoreOp(parent, lambda: recover_profile(source, out), report=failed).run_now()
    finally:
        QGuiApplication.restoreOverrideCursor()
    recovery = recovered.value
    if recovery is None:
        return None
    done = summary_box(parent, recovery)
    done.setInformativeText(
        QCoreApplication.translate("Recover", "Observe now opens the recovered profile.")
    )
    show(done)
    done.deleteLater()
    return recovery.out
