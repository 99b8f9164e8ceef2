"""The teacher's reflection in the composer and the cycle window, and the composer's word on
sharing without the teacher's email."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from observe.errors import UsageError
from observe.feedback import draft_for, save_feedback
from observe.ids import new_id
from observe.protocol import ServerRecord
from observe.store.models import Classroom, CoachingCycle, Feedback, Teacher, Visibility, Visit
from observe.sync.apply import Applier
from observe.ui.coaching.cycles_window import CyclesWindow
from observe.ui.feedback.composer import ComposerDialog

from ...reports.helpers import build_visit

TEACHER_ACCOUNT = "01a24e7e-0000-7000-8000-00000000a11a"


def pull_reflection(store, target_kind: str, target_id: str, text: str) -> None:
    """Applies a teacher's reflection the way a pull page does (sync's own apply code)."""
    now = datetime(2026, 10, 7, 20, 30, tzinfo=UTC)
    rid = new_id()
    record = ServerRecord(
        kind="reflection",
        id=rid,
        owner_id=TEACHER_ACCOUNT,
        visibility="teacher",
        version=1,
        server_seq=1,
        deleted=False,
        updated_at=now,
        data={
            "id": rid,
            "author_id": TEACHER_ACCOUNT,
            "device_id": TEACHER_ACCOUNT,
            "created_at": now.isoformat(),
            "updated_at": now.isoformat(),
            "version": 1,
            "deleted": False,
            "visibility": "teacher",
            "target_kind": target_kind,
            "target_id": target_id,
            "text": text,
        },
    )
    with store.write_core() as conn:
        stats = Applier(conn, store.identity.author_id).apply([record])
    assert stats.unknown_kind == 0


def _open(qtbot, store, visit_id, errors_seen) -> ComposerDialog:
    dialog = ComposerDialog(store, visit_id, report_error=errors_seen)  # deletes itself on close
    dialog.show()
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    return dialog


def test_composer_shows_the_teachers_reflection_read_only(qtbot, store, errors_seen, idle):
    built = build_visit(store, email="anh@school.org")
    feedback_id = save_feedback(store, draft_for(store, built.visit_id), share=True)
    dialog = _open(qtbot, store, built.visit_id, errors_seen)
    assert dialog.reflections.isVisible()
    assert "hasn't written a reflection" in dialog.reflections.text.toPlainText()
    assert not dialog.share_note.isVisible()
    dialog.close()

    pull_reflection(store, "feedback", feedback_id, "I'll try cold-calling less. 🙂")
    dialog = _open(qtbot, store, built.visit_id, errors_seen)
    shown = dialog.reflections.text.toPlainText()
    assert "Nguyễn Thị Ánh, 7 October 2026 wrote:" in shown
    assert "I'll try cold-calling less. 🙂" in shown
    assert dialog.reflections.text.isReadOnly()
    assert dialog.reflections.text.focusPolicy() != 0  # reachable with the keyboard
    dialog.close()
    assert not errors_seen


def test_a_reflection_pulled_while_the_composer_is_open_appears(qtbot, store, errors_seen):
    from PySide6.QtWidgets import QWidget

    from observe.ui.context import VisitContext

    built = build_visit(store, email="anh@school.org")
    feedback_id = save_feedback(store, draft_for(store, built.visit_id), share=True)
    host = QWidget()
    qtbot.addWidget(host)
    host.context = VisitContext(store, host)  # type: ignore[attr-defined]
    dialog = ComposerDialog(store, built.visit_id, report_error=errors_seen, parent=host)
    dialog.show()
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    pull_reflection(store, "feedback", feedback_id, "Arrived during the conversation.")
    qtbot.waitUntil(
        lambda: "Arrived during the conversation." in dialog.reflections.text.toPlainText(),
        timeout=5_000,
    )
    dialog.close()
    assert not errors_seen


def test_composer_explains_sharing_needs_the_email_and_refuses(qtbot, store, errors_seen, idle):
    built = build_visit(store)  # the roster has no email for this teacher
    dialog = _open(qtbot, store, built.visit_id, errors_seen)
    assert dialog.share_note.isVisible()
    assert "Teachers tab" in dialog.share_note.text()
    assert "Teachers tab" in dialog.share_box.toolTip()
    dialog.share_box.setChecked(True)
    dialog.save()
    idle()
    assert len(errors_seen) == 1 and isinstance(errors_seen[0], UsageError)
    assert "has no email" in str(errors_seen[0])
    assert dialog.state.text() == "Not saved."
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Feedback)) == 0
    dialog.dirty = False
    dialog.close()


def test_cycle_window_shows_the_teachers_reflections(qtbot, store, errors_seen):
    built = build_visit(store, email="anh@school.org")
    with store.write() as s:
        visit = s.get_one(Visit, built.visit_id)
        teacher = s.get_one(Teacher, s.get_one(Classroom, visit.classroom_id).teacher_id)
        cycle = CoachingCycle(
            teacher_id=teacher.id,
            focus="Equity of voice",
            started_on=date(2026, 10, 1),
            visibility=Visibility.TEACHER,
        )
        s.add(cycle)
        s.flush()
        visit.cycle_id = cycle.id
    window = CyclesWindow(store, report_error=errors_seen, today=date(2026, 10, 20))
    qtbot.addWidget(window)
    window.show()
    assert not window.view.teacher_reflections.isVisible()  # none yet: nothing shown
    pull_reflection(store, "coaching_cycle", cycle.id, "Hearing more voices already.")
    window.reload()
    panel = window.view.teacher_reflections
    assert panel.isVisible()
    assert "Nguyễn Thị Ánh, 7 October 2026 wrote:\nHearing more voices already." in (
        panel.text.toPlainText()
    )
    assert not errors_seen


def test_a_reflection_pulled_while_the_cycle_window_is_open_appears(
    qtbot, store, window, errors_seen
):
    """Opened from the Coaching menu, the cycle window follows the store's change news: a
    reflection applied by a sync shows without reopening, and the rest stays as it was."""
    built = build_visit(store, email="anh@school.org")
    feedback_id = save_feedback(store, draft_for(store, built.visit_id), share=True)
    with store.write() as s:
        visit = s.get_one(Visit, built.visit_id)
        teacher = s.get_one(Teacher, s.get_one(Classroom, visit.classroom_id).teacher_id)
        cycle = CoachingCycle(
            teacher_id=teacher.id, focus="Equity of voice", started_on=date(2026, 10, 1)
        )
        s.add(cycle)
        s.flush()
        visit.cycle_id = cycle.id
    cycles_window = window.coaching_ui.open_cycles()
    assert isinstance(cycles_window, CyclesWindow)
    panel = cycles_window.view.teacher_reflections
    assert cycles_window.current_id() == cycle.id and not panel.isVisible()
    pull_reflection(store, "feedback", feedback_id, "Arrived while the cycle was open.")
    qtbot.waitUntil(
        lambda: "Arrived while the cycle was open." in panel.text.toPlainText(), timeout=5_000
    )
    assert panel.isVisible()
    assert "Nguyễn Thị Ánh, 7 October 2026, on the visit of " in panel.text.toPlainText()
    assert cycles_window.view.focus.text() == "Equity of voice"
    assert not errors_seen
