"""The Reports menu as a coach uses it: compose, preview, print, save, export a walk."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from observe.demo import load_demo
from observe.errors import UsageError
from observe.feedback import saved_feedback
from observe.reports.common import COACH_NAME_SETTING, PAPER_SETTING
from observe.store.models import Evidence, EvidenceKind, Visit, Walk
from observe.ui.main_window import MainWindow

from ...reports.helpers import build_visit, pdf_text


def _menu(window: MainWindow, title: str) -> list:
    for action in window.menuBar().actions():
        if action.text() == title:
            return [a for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(title)


def test_reports_menu_has_every_action_with_its_own_shortcut(window: MainWindow):
    items = _menu(window, "&Reports")
    assert [a.text() for a in items] == [
        "Compose &feedback…",
        "Feedback &sheet for this visit…",
        "&Walk debrief…",
        "&Cycle summary…",
        "&Export sheets for this walk…",
    ]
    assert [a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in items] == [
        "Ctrl+Shift+F",
        "Ctrl+P",
        "Ctrl+Shift+W",
        "Ctrl+Shift+M",
        "Ctrl+Shift+E",
    ]
    everything = [
        a.shortcut().toString()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if not a.shortcut().isEmpty()
    ]
    # None of them is taken by another action (F2 is shared on purpose elsewhere).
    assert [everything.count(a.shortcut().toString()) for a in items] == [1] * 5, everything
    # Feedback is for one visit: without an open visit those two wait.
    assert not items[0].isEnabled() and not items[1].isEnabled()


@pytest.fixture
def demo_window(window: MainWindow, store, idle):
    load_demo(store, "small")
    with store.read() as s:
        visit_id = s.scalars(
            select(Visit.id)
            .join(Evidence, Evidence.visit_id == Visit.id)
            .where(Visit.walk_id.is_not(None))
            .order_by(Visit.started_at.desc())
        ).first()
    window.context.open_visit(visit_id)
    idle()
    return window


def test_compose_edit_and_save_feedback(demo_window: MainWindow, store, qtbot, idle, errors_seen):
    store.set_setting(COACH_NAME_SETTING, "Sam Rivera")
    visit_id = demo_window.context.visit_id
    demo_window.reports.compose_action.trigger()
    dialog = demo_window.reports.last_composer
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    assert dialog.glow_list.count() >= 1  # never a blank page
    assert dialog.wondering.toPlainText()
    assert dialog.coach_edit.text() == "Sam Rivera"
    demo_window.reports.compose_action.trigger()  # again: the same composer comes forward
    assert demo_window.reports.last_composer is dialog
    # Pick a student quote as a strength and word it with a stem.
    quotes = [
        i
        for i in range(dialog.evidence_list.count())
        if "Student talk" in dialog.evidence_list.item(i).text()
    ]
    dialog.evidence_list.setCurrentRow(quotes[0])
    dialog.add_action.trigger()
    dialog.stem_box.activated.emit(1)  # "Students were able to…"
    qtbot.keyClicks(dialog.glow_text, "back each other's claims with page numbers.")
    dialog.wondering.setPlainText("What might shift if table 3 shared first?")
    dialog.share_box.setChecked(True)
    assert dialog.dirty
    dialog.save_action.trigger()
    idle()
    assert not errors_seen
    saved = saved_feedback(store, visit_id)
    assert saved is not None
    texts = [g.text for g in saved.glows]
    assert "Students were able to back each other's claims with page numbers." in texts
    assert saved.wondering == "What might shift if table 3 shared first?"
    linked = saved.glows[texts.index(texts[-1])].evidence_id
    assert linked == dialog.evidence_list.item(quotes[0]).data(Qt.ItemDataRole.UserRole)
    assert not dialog.dirty
    dialog.close()


def test_composer_refuses_feedback_without_strengths(demo_window, store, qtbot, idle, errors_seen):
    demo_window.reports.compose_action.trigger()
    dialog = demo_window.reports.last_composer
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    while dialog.glow_list.count():
        dialog.glow_list.setCurrentRow(0)
        dialog.remove_glow()
    dialog.save()
    idle()
    assert isinstance(errors_seen[-1], UsageError)
    assert "at least one strength" in errors_seen[-1].sentence
    assert dialog.state.text() == "Not saved."
    dialog.dirty = False
    dialog.close()


def test_preview_paper_save_and_print(demo_window: MainWindow, store, qtbot, idle, tmp_path):
    store.set_setting(PAPER_SETTING, "letter")
    demo_window.reports.sheet_action.trigger()
    preview = demo_window.reports.last_preview
    idle()
    assert preview._file_stem.startswith("Feedback ")  # whose sheet, which day
    assert preview.source.pages >= 1
    assert round(preview.source.document.pagePointSize(0).width()) == 612
    preview.paper_box.setCurrentIndex(1)  # A4, re-rendered in the background
    idle()
    assert round(preview.source.document.pagePointSize(0).width()) == 595
    assert store.setting(PAPER_SETTING) == "a4"
    assert "A4" in preview.state.text()

    preview.save_to(tmp_path / "sheet.pdf")
    idle()
    text = pdf_text(tmp_path / "sheet.pdf")
    assert "What students were doing and saying" in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    preview.print_to(printer)
    idle()
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == preview.pdf.pages
    assert "Sent" in preview.state.text()
    preview.close()


def test_walk_debrief_cycle_summary_and_export(demo_window, store, qtbot, idle, tmp_path):
    demo_window.reports.walk_action.trigger()
    idle()
    walk_preview = demo_window.reports.last_preview
    assert walk_preview.pdf is not None
    assert "Learning walk debrief" in pdf_text(walk_preview.pdf.data)
    demo_window.reports.cycle_action.trigger()
    idle()
    assert "Coaching cycle summary" in pdf_text(demo_window.reports.last_preview.pdf.data)

    with store.read() as s:
        visit = s.get_one(Visit, demo_window.context.visit_id)
        on_walk = len(
            s.scalars(
                select(Visit.id).where(Visit.walk_id == visit.walk_id, Visit.deleted.is_(False))
            ).all()
        )
    demo_window.reports._choose_folder = lambda _: tmp_path / "sheets"
    demo_window.reports.export_action.trigger()
    assert demo_window.reports.progress_dialog is not None
    idle()
    assert len(list((tmp_path / "sheets").glob("*.pdf"))) == on_walk
    assert "Saved" in demo_window.statusBar().currentMessage()


def test_cancelled_export_leaves_no_sheets(demo_window, store, idle, tmp_path):
    with store.read() as s:
        walk_id = s.scalars(select(Walk.id)).first()
        visit_id = s.scalars(select(Visit.id).where(Visit.walk_id == walk_id)).first()
    demo_window.context.open_visit(visit_id)
    op = demo_window.reports.export_walk(tmp_path / "out")
    op.cancel()
    idle()
    assert not list((tmp_path / "out").glob("*.pdf"))
    assert "cancelled" in demo_window.statusBar().currentMessage()


def test_walk_debrief_without_walks_says_so(window: MainWindow, store, idle, errors_seen):
    build_visit(store, items=[(EvidenceKind.STUDENT_TALK, '"Hello"')])
    window.reports.walk_action.trigger()
    idle()
    assert "no learning walks yet" in errors_seen[-1].sentence
