"""Every dialog under the pseudo-locale (accented text, about 40% longer): nothing clips; and
in Spanish: nothing clips and each Alt+letter still belongs to one control.

A translation is usually longer than English (Spanish by a fifth or more); a button or label
sized for the English text would cut it off. The pseudo-locale makes every wrapped string
longer than any translation is likely to be, so a dialog that fits here fits in Spanish.
Screenshots go to /tmp/observe-qps-dialogs for a look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from observe import i18n
from observe.store import Store
from observe.ui import i18n as ui_i18n
from observe.ui import operations
from observe.ui.main_window import MainWindow

from .conftest import activate
from .dialogs import DIALOGS
from .test_every_dialog import mnemonics

SHOTS = Path("/tmp/observe-qps-dialogs")
SCREEN = (1366, 768)


def clipped(dialog: QDialog) -> list[str]:
    """Visible labels and buttons narrower (or, wrapped, shorter) than their text needs."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.window() is not dialog:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    found.append(f"label {widget.text()!r}: {widget.height()}px tall of {need}")
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(
                    f"label {widget.text()!r}: {widget.width()}px of {widget.sizeHint().width()}"
                )
        elif (
            isinstance(widget, QPushButton | QCheckBox | QRadioButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: "
                f"{widget.width()}px of {widget.sizeHint().width()}"
            )
    return found


def _window_in(
    language: str, qapp, store: Store, visit_id: str, errors_seen, qtbot, tmp_path: Path, idle
) -> Iterator[MainWindow]:
    assert ui_i18n.install(language, qapp) == language
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    activate(qtbot, window)
    window.context.open_visit(visit_id)
    idle()
    yield window
    window.close()
    operations.shutdown()
    ui_i18n.install("en", qapp)


@pytest.fixture
def pseudo_window(
    qapp, store: Store, visit_id: str, errors_seen, qtbot, tmp_path: Path, monkeypatch, idle
) -> Iterator[MainWindow]:
    monkeypatch.setattr(ui_i18n, "cache_dir", lambda: tmp_path / "cache")
    yield from _window_in(i18n.PSEUDO, qapp, store, visit_id, errors_seen, qtbot, tmp_path, idle)


@pytest.fixture
def spanish_window(
    qapp, store: Store, visit_id: str, errors_seen, qtbot, tmp_path: Path, monkeypatch, idle
) -> Iterator[MainWindow]:
    monkeypatch.setattr(ui_i18n, "cache_dir", lambda: tmp_path / "cache")
    yield from _window_in("es", qapp, store, visit_id, errors_seen, qtbot, tmp_path, idle)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_spanish_dialog_fits_and_keeps_one_control_per_mnemonic(
    spanish_window: MainWindow, name: str, qtbot, idle
):
    dialog = DIALOGS[name](spanish_window)
    try:
        idle()
        qtbot.waitExposed(dialog)
        dialog.resize(dialog.size().expandedTo(dialog.minimumSizeHint()))
        QApplication.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / ("es-" + re.sub(r"\W+", "-", name).lower() + ".png")))
        problems = clipped(dialog)
        assert not problems, f"{name}: " + "; ".join(problems)
        shared = {k: v for k, v in mnemonics(dialog).items() if len(v) > 1}
        assert not shared, f"{name}: {shared}"
    finally:
        dialog.setProperty("closing_for_test", True)
        dialog.hide()
        dialog.deleteLater()


def test_spanish_menu_bar_gives_each_menu_its_own_letter(spanish_window: MainWindow):
    letters = [
        re.search(r"&(\w)", a.text()).group(1).casefold()  # type: ignore[union-attr]
        for a in spanish_window.menuBar().actions()
    ]
    assert len(letters) == len(set(letters)), [a.text() for a in spanish_window.menuBar().actions()]
    for menu_action in spanish_window.menuBar().actions():
        menu = menu_action.menu()
        seen: dict[str, list[str]] = {}
        for action in menu.actions():
            found = re.search(r"&(\w)", action.text().replace("&&", ""))
            if action.isVisible() and found:
                seen.setdefault(found.group(1).casefold(), []).append(action.text())
        shared = {k: v for k, v in seen.items() if len(v) > 1}
        assert not shared, f"{menu_action.text()}: {shared}"


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_fits_its_pseudo_translated_text(pseudo_window: MainWindow, name: str, qtbot, idle):
    dialog = DIALOGS[name](pseudo_window)
    try:
        idle()
        qtbot.waitExposed(dialog)
        # The dialog's own text went through tr(): its title is pseudo-translated.
        assert dialog.windowTitle().startswith("["), f"{name}: title {dialog.windowTitle()!r}"
        dialog.resize(dialog.size().expandedTo(dialog.minimumSizeHint()))
        QApplication.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / (re.sub(r"\W+", "-", name).lower() + ".png")))
        assert dialog.minimumSizeHint().width() <= SCREEN[0], f"{name} is wider than the screen"
        assert dialog.minimumSizeHint().height() <= SCREEN[1], f"{name} is taller than the screen"
        problems = clipped(dialog)
        assert not problems, f"{name}: " + "; ".join(problems)
        untranslated = [
            w.text()
            for w in dialog.findChildren(QAbstractButton)
            if w.isVisibleTo(dialog) and re.search(r"[A-Za-z]{3}", w.text()) and "[" not in w.text()
        ]
        assert not untranslated, f"{name}: buttons not wrapped in tr(): {untranslated}"
    finally:
        dialog.setProperty("closing_for_test", True)
        dialog.hide()
        dialog.deleteLater()
