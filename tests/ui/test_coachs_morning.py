"""A coach's morning, by keyboard only, in the real main window (issue 14's "done when").

First run on a new profile, a roster imported from a CSV file, a starter look-for set, a
three-room learning walk with evidence typed in the capture line, look-fors marked seen and not
yet with the Ctrl+digit gesture, a private note, a participation tally on a seating chart drawn
for the room, the visit ended with Ctrl+E from the capture line, feedback composed and saved,
and the sheet saved as a PDF through the app's own Save as PDF. Every step is a key sent to the
widget that has the focus (or to the modal dialog a step opens); the app's objects are only
read, for the assertions. The PDFs are read back as a teacher would read them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from sqlalchemy import select

from observe.capture.marks import NOT_YET, SEEN
from observe.feedback import STEMS, WONDERING_STEMS, saved_feedback
from observe.reports.layout import DRAFT_MARK
from observe.store import Store
from observe.store.models import Evidence, EvidenceKind, LookFor, ParticipationEvent, Visit
from observe.ui.first_run import offer_welcome
from observe.ui.main_window import MainWindow

from ..reports.helpers import reader

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
CODE = re.compile(r"\[[A-Z]{1,4}\d")

ROSTER = (
    "teacher,subject,grade,period,room\n"
    "Zoë Okafor,Science,6,1,101\n"
    "Marcus Lee,Math,7,2,204\n"
    "Priya Nair,English,8,3,310\n"
)


# -- the keyboard ---------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:  # a dialog that has not given a child the focus yet
        widget = QApplication.activeModalWidget() or QApplication.activeWindow()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(focused(), k, modifiers)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def back_to(qtbot, window: QWidget) -> None:
    """What a window manager does when a dialog closes: the window under it is active again
    (the offscreen test platform has no window manager to do it)."""
    if not window.isActiveWindow():
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def when_modal(kind: type, answer: Callable[[QWidget], None]) -> None:
    """Answers a dialog that runs its own event loop (a file dialog, a question) by keyboard,
    once it is the active modal window with the focus inside it. A dialog the keys did not
    close is closed after a while, so a missing key path fails the test instead of hanging it.
    """
    started = time.monotonic()

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        ready = (
            focus is not None
            and modal is not None
            and (modal is focus or modal.isAncestorOf(focus))
        )
        if not (isinstance(modal, kind) and modal.isActiveWindow() and ready):
            if time.monotonic() - started < 15:
                QTimer.singleShot(20, poll)
            return
        try:
            answer(modal)
        finally:
            QTimer.singleShot(5_000, modal, lambda: modal.isVisible() and modal.close())

    QTimer.singleShot(0, poll)


def type_file_name(path: Path) -> Callable[[QWidget], None]:
    """Types a whole path into the file dialog's name field and presses Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = QApplication.focusWidget()
        assert isinstance(name, QLineEdit), "the file dialog opens with the cursor in its name"
        QTest.keyClick(name, Qt.Key.Key_A, CTRL)  # over the suggested name
        QTest.keyClicks(name, str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


# -- reading the outcome ------------------------------------------------------------------------


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in reader(path.read_bytes()).pages]


def words(text: str) -> str:
    return " ".join(text.split())


def marks_of(store: Store, text: str) -> dict[str, str]:
    with store.read() as s:
        item = s.scalars(select(Evidence).where(Evidence.text == text)).one()
        codes = {lf.id: lf.code for lf in item.lookfors}
        return {codes[k]: v for k, v in (item.lookfor_marks or {}).items()} | {
            code: "about" for lid, code in codes.items() if lid not in (item.lookfor_marks or {})
        }


def test_a_coachs_morning_by_keyboard(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, idle, errors_seen
):
    # -- first run: the welcome of a new profile, as the app opens it ----------------------
    window.activateWindow()
    back_to(qtbot, window)
    welcome = offer_welcome(window)
    assert welcome is not None
    qtbot.waitUntil(lambda: focused() is welcome.name_edit)
    type_text("Sam Rivera")
    key(Qt.Key.Key_Tab)
    assert focused() is welcome.school_edit
    type_text("Riverside Middle School")
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: welcome.outcome == "completed")
    idle()

    # -- roster: Classes → Import roster…, the file chosen in the app's file dialog --------
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    back_to(qtbot, window)
    key(Qt.Key.Key_I, CTRL | SHIFT)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.windowTitle() == "Import roster"
    when_modal(QFileDialog, type_file_name(roster))
    key(Qt.Key.Key_F, ALT)  # Choose &file…
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.summary_label.text() == "3 classes to import; 3 teachers are new."
    key(Qt.Key.Key_Return)  # Import is the default once the file reads cleanly
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.summary_label.text() == "Imported 3 classes and 3 new teachers."
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # -- a starter look-for set: Coaching → Look-for frameworks… → Add a starter set ------
    back_to(qtbot, window)
    assert "Ctrl+Alt+F" in window.workspace.lookfors.set_label.text()  # says where sets come from
    key(Qt.Key.Key_F, CTRL | ALT)
    qtbot.waitUntil(lambda: focused().window().windowTitle() == "Look-for frameworks")
    frameworks = focused().window()

    def pick_first_starter() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, pick_first_starter)
            return
        QTest.keyClick(menu, Qt.Key.Key_Down)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick_first_starter)
    key(Qt.Key.Key_T, ALT)  # Add a s&tarter set
    qtbot.waitUntil(lambda: frameworks.list.count() == 1)
    assert "in use" in frameworks.list.item(0).text()
    back_to(qtbot, frameworks)  # the starter menu was a window of its own on this platform
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not frameworks.isVisible())
    assert "Ctrl+Alt+F" not in window.workspace.lookfors.set_label.text()
    with store.read() as s:
        hotkeyed = {
            lf.hotkey: lf.code for lf in s.scalars(select(LookFor)) if lf.hotkey is not None
        }
        codes = sorted(set(s.scalars(select(LookFor.code))))
    assert {1, 2} <= set(hotkeyed)

    # -- room 1: Ctrl+N, Learning walk, Enter ----------------------------------------------
    back_to(qtbot, window)
    key(Qt.Key.Key_N, CTRL)
    start = QApplication.activeModalWidget()
    assert start is not None and start.windowTitle() == "Start a visit"
    qtbot.waitUntil(lambda: focused() is start.search)
    type_text("Okafor")
    key(Qt.Key.Key_Y, ALT)  # Visit t&ype
    assert focused() is start.type_combo
    type_text("L")  # Learning walk
    assert start.type_combo.currentText() == "Learning walk"
    assert start.walk_combo.currentText() == "New learning walk…"
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.context.visit_id is not None)
    first_visit = window.context.visit_id
    pane = window.workspace.capture
    qtbot.waitUntil(lambda: focused() is pane.line)

    seen_text = 'S4: "the shadow is longer because the sun is lower"'
    type_text(seen_text)
    key(Qt.Key.Key_1, CTRL)
    key(Qt.Key.Key_1, CTRL)  # again: seen
    key(Qt.Key.Key_Return)
    not_yet_text = "Three of five groups wait for the teacher before starting"
    type_text(not_yet_text)
    for _ in range(3):  # about, seen, not yet
        key(Qt.Key.Key_2, CTRL)
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_5, ALT)  # a note: the coach's own
    note_text = "Ask about the sub plan for Friday"
    type_text(note_text)
    key(Qt.Key.Key_Return)
    assert marks_of(store, seen_text) == {hotkeyed[1]: SEEN}
    assert marks_of(store, not_yet_text) == {hotkeyed[2]: NOT_YET}
    rows = [pane.model.item(r) for r in range(pane.model.rowCount())]
    assert [r.kind for r in rows if r.text == note_text] == [EvidenceKind.NOTE]

    # -- a participation tally: draw the chart (Ctrl+Shift+G, Ctrl+S), then Space ------------
    key(Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.workspace.tally.editor is not None)
    editor = window.workspace.tally.editor
    qtbot.waitUntil(lambda: editor.isAncestorOf(focused()))
    key(Qt.Key.Key_S, CTRL)  # a new chart starts full: save it as it is
    qtbot.waitUntil(lambda: window.workspace.tally.editor is None)
    back_to(qtbot, window)
    key(Qt.Key.Key_P, CTRL | SHIFT)  # go to the seats
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Space)
    with store.read() as s:
        taps = s.scalars(
            select(ParticipationEvent.seat_id).where(ParticipationEvent.visit_id == first_visit)
        ).all()
    assert len(taps) == 3 and len(set(taps)) == 2
    key(Qt.Key.Key_L, CTRL)  # back to the capture line
    assert focused() is pane.line

    # -- rooms 2 and 3: Next classroom on the walk ------------------------------------------
    room_texts = {
        2: 'S2: "can we check it with a ruler?"',
        3: "Pairs explain their graphs to each other before sharing",
    }
    for room in (2, 3):
        before = window.context.visit_id
        key(Qt.Key.Key_N, CTRL | SHIFT)
        start = QApplication.activeModalWidget()
        assert start is not None and start.windowTitle() == "Start a visit"
        qtbot.waitUntil(lambda start=start: focused() is start.search)
        assert "— visited" not in start.choices.currentItem().text()
        key(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda before=before: window.context.visit_id != before)
        qtbot.waitUntil(lambda: focused() is pane.line)
        type_text(room_texts[room])
        key(Qt.Key.Key_1, CTRL)
        key(Qt.Key.Key_1, CTRL)
        key(Qt.Key.Key_Return)
    last_visit = window.context.visit_id
    with store.read() as s:
        walk_visits = s.scalars(
            select(Visit).where(Visit.walk_id.is_not(None)).order_by(Visit.started_at)
        ).all()
        assert len(walk_visits) == 3 and len({v.walk_id for v in walk_visits}) == 1
        assert len({v.classroom_id for v in walk_visits}) == 3
        assert [v.ended_at is not None for v in walk_visits] == [True, True, False]

    # -- Ctrl+E from the capture line ends the visit --------------------------------------
    assert focused() is pane.line
    key(Qt.Key.Key_E, CTRL)
    with store.read() as s:
        assert s.get_one(Visit, last_visit).ended_at is not None

    # -- compose feedback: the proposal, a wondering of my own, Ctrl+S ----------------------
    key(Qt.Key.Key_F, CTRL | SHIFT)
    composer = window.reports.last_composer
    assert composer is not None
    qtbot.waitUntil(composer.isEnabled, timeout=10_000)
    assert composer.glow_list.count() >= 1  # proposed from the item marked seen
    key(Qt.Key.Key_X, ALT)  # One wondering or ne&xt step
    assert focused() is composer.wondering
    key(Qt.Key.Key_A, CTRL)
    wondering = "What might change if every pair shared one graph with another pair first?"
    type_text(wondering)
    key(Qt.Key.Key_S, CTRL)
    idle()
    assert not errors_seen, errors_seen
    saved = saved_feedback(store, last_visit)
    assert saved is not None and saved.wondering == wondering
    strengths = [g.text for g in saved.glows]
    assert strengths
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not composer.isVisible())

    # -- the sheet: Ctrl+P, then Save as PDF through the app's own file dialog --------------
    back_to(qtbot, window)
    key(Qt.Key.Key_P, CTRL)
    preview = window.reports.last_preview
    assert preview is not None
    idle()
    back_to(qtbot, preview)
    sheet = tmp_path / "sheet.pdf"
    when_modal(QFileDialog, type_file_name(sheet))
    key(Qt.Key.Key_S, CTRL)
    idle()
    qtbot.waitUntil(sheet.exists)
    assert preview.state.text() == f"Saved to {sheet}."
    pages = page_texts(sheet)
    first = words(pages[0])
    assert "Strengths" in first and words(strengths[0]) in first
    assert words(wondering) in first
    everything = words("\n".join(pages))
    assert not CODE.search(everything)
    assert not [c for c in codes if re.search(rf"\b{re.escape(c)}\b", everything)]
    assert "…" not in everything and "..." not in everything
    assert not [s for s in (*STEMS, *WONDERING_STEMS) if words(s) in everything]
    assert not [p for p in pages if "DRAFT" in p]
    assert note_text not in everything  # the note was the coach's own, and in another room
    back_to(qtbot, preview)
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())

    # -- the walk's other sheets are drafts: Reports → Export sheets for this walk ---------
    back_to(qtbot, window)
    folder = tmp_path / "walk"
    folder.mkdir()

    def export_all(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "2 of the 3" in box.text() or "2 of 3" in box.text(), box.text()
        when_modal(QFileDialog, type_file_name(folder))
        QTest.keyClick(box, Qt.Key.Key_A, ALT)  # Export &all 3 sheets

    when_modal(QMessageBox, export_all)
    key(Qt.Key.Key_E, CTRL | SHIFT)
    idle()
    exported = sorted(folder.glob("*.pdf"))
    assert len(exported) == 3
    drafts = [p for p in exported if any(DRAFT_MARK in t for t in page_texts(p))]
    assert len(drafts) == 2
    for path in drafts:
        assert all(DRAFT_MARK in t for t in page_texts(path)), path.name
    (reviewed,) = set(exported) - set(drafts)
    assert "Priya Nair" in reviewed.name
    first_room = next(p for p in drafts if "Okafor" in p.name)
    assert words(seen_text) in words("\n".join(page_texts(first_room)))
    assert not errors_seen, errors_seen
