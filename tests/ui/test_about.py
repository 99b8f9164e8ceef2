"""The About dialog: version, license (with its full text) and the data folder, copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from observe import __version__
from observe.store import Store
from observe.ui.about import AboutDialog
from observe.ui.errors import log_folder
from observe.ui.main_window import MainWindow


def _label(dialog: AboutDialog, name: str) -> QLabel:
    [label] = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == name]
    return label


def test_about_names_version_license_and_the_profile_folder(
    qtbot, window: MainWindow, store: Store
):
    dialog = window.about_dialog()
    qtbot.addWidget(dialog)
    assert _label(dialog, "Version").text() == __version__
    assert _label(dialog, "License").text() == "MIT"
    folder = _label(dialog, "Data folder")
    assert folder.text() == str(store.paths.data_dir)
    assert folder.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert _label(dialog, "Log folder").text() == str(log_folder())
    assert "LGPL" in _label(dialog, "Copyright and licenses").text()
    assert not _label(dialog, "Observe icon").pixmap().isNull()


def test_show_license_opens_the_full_mit_text(qtbot, window: MainWindow):
    dialog = window.about_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.license_button.isEnabled()
    qtbot.mouseClick(dialog.license_button, Qt.MouseButton.LeftButton)
    shown = dialog.license_dialog
    assert shown is not None and shown.isVisible()
    text = shown.text.toPlainText()
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_about_is_in_the_help_menu(window: MainWindow):
    assert window.about_action in window.menuBar().actions()[-1].menu().actions()
