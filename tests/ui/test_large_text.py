"""A coach who reads at 200%: with the system font doubled on a 1366×768 laptop, every window
and dialog the menus open still fits on the screen (its smallest size, so nothing is cut off
or pushed past the taskbar) and is shown no bigger than the screen."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from observe.capture.visit_pages import load_visit_page
from observe.demo.generator import load_demo
from observe.store import Store
from observe.ui.main_window import MainWindow
from tests.ui.a11y_walk import DialogCloser, Findings
from tests.ui.test_accessibility_walk import NOT_WALKED, menu_actions_of

SCREEN = (1366, 768)
#: A title bar and a taskbar take about this much of the height.
CHROME = 60


class TooBig(Findings):
    def __init__(self) -> None:
        super().__init__()
        self.too_big: dict[str, str] = {}

    def check(self, top: QWidget, where: str) -> None:
        super().check(top, where)
        if not shiboken6.isValid(top):
            return
        smallest, shown = top.minimumSizeHint(), top.size()
        width, height = SCREEN[0], SCREEN[1] - CHROME
        if smallest.width() > width or smallest.height() > height:
            self.too_big[where] = f"needs at least {smallest.width()}×{smallest.height()}"
        elif shown.width() > SCREEN[0] or shown.height() > SCREEN[1]:
            self.too_big[where] = f"opens at {shown.width()}×{shown.height()}"


@pytest.fixture
def doubled_font(qapp: QApplication):
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def test_every_window_fits_a_laptop_screen_at_200_percent_text(
    qtbot, store: Store, errors_seen, idle, doubled_font
):
    load_demo(store, "small")
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    idle()
    visit = next(v for v in load_visit_page(store).visits if v.walk_id is None)
    window.context.open_visit(visit.id)
    idle()
    findings = TooBig()
    findings.check(window, "main window")
    closer = DialogCloser(findings, window)
    for label, action in menu_actions_of(window):
        if any(word in label for word in NOT_WALKED) or not action.isEnabled():
            continue
        closer.run(label, action.trigger)
        idle()
    window.close()
    assert len(findings.seen) > 10
    assert not findings.too_big, "\n".join(f"{w}: {s}" for w, s in findings.too_big.items())
