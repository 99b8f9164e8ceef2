"""Every window and dialog of the app, walked offscreen as a screen-reader user meets them:
no interactive control without an accessible name, and no dialog that opens with the focus
anywhere but on an input when it has one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from observe.capture.visit_pages import load_visit_page
from observe.demo.generator import load_demo
from observe.store import Store
from observe.ui.main_window import MainWindow
from tests.ui.a11y_walk import DialogCloser, Findings, menu_actions

#: Actions that leave the app or hand over to the desktop (a file manager, quitting).
NOT_WALKED = ("Quit", "Open profile folder", "Open log folder", "Open the log folder")


@pytest.fixture
def demo_store(store: Store) -> Store:
    load_demo(store, "small")
    return store


@pytest.fixture
def walked(qtbot, demo_store, errors_seen, idle) -> Findings:
    window = MainWindow(demo_store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    idle()
    # With a classroom visit open, so the feedback composer and the sheet are reachable too.
    visit = next(v for v in load_visit_page(demo_store).visits if v.walk_id is None)
    window.context.open_visit(visit.id)
    idle()
    findings = Findings()
    findings.check(window, "main window")
    closer = DialogCloser(findings, window)
    closer.open_its_dialogs(window, "main window")
    for label, action in menu_actions_of(window):
        if any(word in label for word in NOT_WALKED) or not action.isEnabled():
            continue
        closer.run(label, action.trigger)
        idle()
        QApplication.processEvents()
    findings.check(window, "main window after the walk")
    window.close()
    return findings


def menu_actions_of(window: MainWindow):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            yield from menu_actions(menu, menu_action.text().replace("&", ""))


def test_every_control_has_an_accessible_name(walked: Findings):
    assert len(walked.seen) > 10, walked.seen
    assert not walked.unnamed, "\n".join(
        f"{where}:\n    " + "\n    ".join(names) for where, names in walked.unnamed.items()
    )


def test_every_dialog_opens_with_the_focus_on_an_input(walked: Findings):
    assert not walked.first_focus, "\n".join(f"{w}: {f}" for w, f in walked.first_focus.items())
