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
    from observe.ui.reports.actions import DraftAnswer

    demo_window.reports._choose_folder = lambda _: tmp_path / "sheets"
    demo_window.reports._ask_about_drafts = lambda *_: DraftAnswer.ALL
    demo_window.reports.export_action.trigger()
    assert demo_window.reports.progress_dialog is not None
    idle()
    assert len(list((tmp_path / "sheets").glob("*.pdf"))) == on_walk
    assert "Saved" in demo_window.statusBar().currentMessage()


def test_cancelled_export_leaves_no_sheets(demo_window, store, idle, tmp_path):
    with store.read() as s:
        walk_id = s.scalars(select(Walk.id)).first()
        visit_id = s.scalars(select(Visit.id).where(Visit.walk_id == walk_id)).first()
    from observe.ui.reports.actions import DraftAnswer

    demo_window.context.open_visit(visit_id)
    demo_window.reports._ask_about_drafts = lambda *_: DraftAnswer.ALL
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


def _walk_rows(window: MainWindow) -> list[tuple[object, str]]:
    """(index, walk id) of every walk row the navigator shows."""
    from observe.ui.navigator.visit_model import KEY_ROLE, KIND_ROLE, WALK

    model = window.workspace.navigator.visit_model
    found = []
    for day in range(model.rowCount()):
        day_index = model.index(day, 0)
        for row in range(model.rowCount(day_index)):
            index = model.index(row, 0, day_index)
            if index.data(KIND_ROLE) == WALK:
                found.append((index, str(index.data(KEY_ROLE)).split(":")[1]))
    return found


def _unreviewed_visit(store) -> str:
    from observe.store.models import Feedback

    with store.read() as s:
        reviewed = set(s.scalars(select(Feedback.visit_id)))
        return next(
            v
            for v in s.scalars(
                select(Visit.id)
                .join(Evidence, Evidence.visit_id == Visit.id)
                .order_by(Visit.started_at.desc())
            )
            if v not in reviewed
        )


def test_unsaved_sheet_preview_says_draft_and_saved_one_does_not(
    window: MainWindow, store, idle, qtbot
):
    from observe.feedback import draft_for, save_feedback
    from observe.reports.layout import DRAFT_MARK

    load_demo(store, "small")
    visit_id = _unreviewed_visit(store)
    window.context.open_visit(visit_id)
    idle()
    window.reports.sheet_action.trigger()
    idle()
    preview = window.reports.last_preview
    assert preview.windowTitle() == "Feedback sheet — DRAFT, not yet reviewed"
    assert DRAFT_MARK in pdf_text(preview.pdf.data)
    assert preview._file_stem.startswith("Feedback sheet 20")
    preview.close()
    save_feedback(store, draft_for(store, visit_id))
    window.reports.sheet_action.trigger()
    idle()
    preview = window.reports.last_preview
    assert preview.windowTitle() == "Feedback sheet"
    assert "DRAFT" not in pdf_text(preview.pdf.data)
    preview.close()


def test_export_asks_about_unreviewed_visits_and_can_export_only_reviewed(
    window: MainWindow, store, idle, qtbot, tmp_path
):
    from PySide6.QtCore import QTimer

    from observe.feedback import draft_for, save_feedback
    from observe.reports.batch import walk_visit_ids

    load_demo(store, "small")
    with store.read() as s:
        walk_id = s.scalars(select(Walk.id).order_by(Walk.started_at)).first()
    ids = walk_visit_ids(store, walk_id)
    assert len(ids) >= 3
    save_feedback(store, draft_for(store, ids[0]))
    with store.read() as s:
        window.context.open_visit(ids[0])
    idle()
    seen: dict[str, object] = {}

    def answer(label: str) -> None:
        box = window.reports.draft_question
        if box is None or not box.isVisible():
            QTimer.singleShot(20, lambda: answer(label))
            return
        seen["text"] = box.text()
        # Button texts as read aloud: the mnemonic's & is not part of them.
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        next(b for b in box.buttons() if b.text().replace("&", "") == label).click()

    QTimer.singleShot(0, lambda: answer("Export only the reviewed one"))
    window.reports.export_walk(tmp_path / "reviewed")
    idle()
    drafts = len(ids) - 1
    assert seen["text"] == (
        f"{drafts} of the {len(ids)} visits on this walk have no saved feedback, so their "
        "sheets will be marked DRAFT — not yet reviewed."
    )
    assert f"Export all {len(ids)} sheets" in seen["buttons"]
    files = list((tmp_path / "reviewed").glob("*.pdf"))
    assert len(files) == 1 and "DRAFT" not in pdf_text(files[0])
    assert window.statusBar().currentMessage().startswith("Saved 1 feedback sheet to ")

    QTimer.singleShot(0, lambda: answer(f"Export all {len(ids)} sheets"))
    window.reports.export_walk(tmp_path / "all")
    idle()
    files = list((tmp_path / "all").glob("*.pdf"))
    assert len(files) == len(ids)
    assert sum("DRAFT — not yet reviewed" in pdf_text(f) for f in files) == drafts

    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert window.reports.export_walk(tmp_path / "none") is None
    assert not (tmp_path / "none").exists()


def test_reports_follow_the_walk_chosen_in_the_navigator(window: MainWindow, store, idle):
    from observe.reports.select import walk_label

    load_demo(store, "small")
    navigator = window.workspace.navigator
    navigator.refresh()
    idle()
    # Nothing chosen: the latest walk, and the title says so.
    navigator.visits_view.setCurrentIndex(navigator.visits_view.rootIndex())
    window.reports.walk_action.trigger()
    idle()
    latest = window.reports.last_preview
    assert latest.windowTitle().endswith("(the latest walk: none was chosen)")
    latest.close()
    rows = _walk_rows(window)
    assert len(rows) >= 2
    index, walk_id = rows[-1]  # the oldest walk shown, not the latest
    navigator.visits_view.setCurrentIndex(index)
    window.reports.walk_action.trigger()
    idle()
    preview = window.reports.last_preview
    title, day = walk_label(store, walk_id)
    assert preview.windowTitle() == f"Learning walk debrief — {title}, {day}"
    assert preview._file_stem == f"Learning walk debrief {day} {title}".replace("/", "-")
    assert title in pdf_text(preview.pdf.data)
    preview.close()


def test_cycle_summary_follows_the_cycles_window_and_it_prints_summary(
    window: MainWindow, store, idle
):
    from observe.reports.select import cycle_label, resolve_cycle
    from observe.store.models import CoachingCycle, CycleStatus

    load_demo(store, "small")
    with store.read() as s:
        cycles = s.execute(select(CoachingCycle.id, CoachingCycle.status)).all()
    active = resolve_cycle(store, "latest")
    assert dict(cycles)[active] is CycleStatus.ACTIVE
    # Nothing chosen: the active cycle, named in the title.
    window.reports.cycle_action.trigger()
    idle()
    preview = window.reports.last_preview
    assert preview.windowTitle().endswith("(the active cycle: none was chosen)")
    assert cycle_label(store, active)[0] in preview.windowTitle()
    preview.close()
    other = next(c for c, _ in cycles if c != active)
    cycles_window = window.coaching_ui.open_cycles()
    cycles_window.select(other)
    idle()
    window.reports.cycle_action.trigger()
    idle()
    preview = window.reports.last_preview
    label, day = cycle_label(store, other)
    assert preview.windowTitle() == f"Coaching cycle summary — {label}"
    assert preview._file_stem.startswith(f"Coaching cycle summary {day} ")
    assert ":" not in preview._file_stem and "/" not in preview._file_stem
    preview.close()
    cycles_window.print_button.click()
    idle()
    printed = cycles_window.preview
    assert printed.windowTitle() == f"Coaching cycle summary — {label}"
    assert "Coaching cycle summary" in pdf_text(printed.pdf.data)
    printed.close()
    cycles_window.close()


def test_composer_preview_is_a_draft_until_saved_and_again_while_edited(
    window: MainWindow, store, idle, qtbot
):
    load_demo(store, "small")
    window.context.open_visit(_unreviewed_visit(store))
    idle()
    window.reports.compose_action.trigger()
    dialog = window.reports.last_composer
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    dialog.preview()
    idle()
    assert window.reports.last_preview.windowTitle().endswith("DRAFT, not yet reviewed")
    window.reports.last_preview.close()
    dialog.save_action.trigger()
    idle()
    assert not dialog.dirty
    dialog.preview()
    idle()
    preview = window.reports.last_preview
    assert preview.windowTitle() == "Feedback sheet"
    assert "DRAFT" not in pdf_text(preview.pdf.data)
    preview.close()
    dialog.wondering.setPlainText("What might shift if table 3 shared first?")
    assert dialog.dirty
    dialog.preview()
    idle()
    preview = window.reports.last_preview
    assert preview.windowTitle().endswith("DRAFT, not yet reviewed")
    assert "DRAFT — not yet reviewed" in pdf_text(preview.pdf.data)
    preview.close()
    dialog.dirty = False
    dialog.close()


def test_default_file_names_carry_date_and_title_and_suit_every_file_system():
    from observe.reports.names import report_name

    assert (
        report_name("Learning walk debrief", "2026-11-20", "Science practices walk")
        == "Learning walk debrief 2026-11-20 Science practices walk"
    )
    nasty = report_name("Learning walk debrief", "2026-11-20", 'Sci/Math: "week 3"?\t<A|B>*. ')
    assert nasty.startswith("Learning walk debrief 2026-11-20 Sci-Math- -week 3")
    assert not set(nasty) & set('/\\:*?"<>|\t') and not nasty.endswith((".", " "))
