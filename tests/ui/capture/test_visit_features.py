"""Around the capture line: the visit timer, language hints, listening prompts, drafts, speed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from observe.clock import utcnow
from observe.store.models import Evidence, EvidenceKind, Visit, VisitType
from observe.ui.capture import CapturePane
from observe.ui.context import VisitContext
from tests.bulk import add_evidence

from .conftest import committed, shown_rows, type_line

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_timer_counts_from_the_visit_start_and_stops_at_the_end(
    pane, context, qtbot, store, visit
):
    with store.write() as s:
        s.get_one(Visit, visit[0]).started_at = utcnow() - timedelta(minutes=5)
    context.open_visit(visit[0])
    first = pane.timer_label.text()
    assert first in {"05:00", "05:01"}
    qtbot.waitUntil(lambda: pane.timer_label.text() != first, timeout=2500)

    qtbot.keyClick(pane.line, Qt.Key.Key_E, CTRL)
    assert pane.timer_label.text().startswith("Ended · 05:0")
    assert not pane.end_button.isEnabled()
    with store.read() as s:
        assert s.get_one(Visit, visit[0]).ended_at is not None
    ended = pane.timer_label.text()
    qtbot.wait(1200)
    assert pane.timer_label.text() == ended

    qtbot.keyClick(pane.line, Qt.Key.Key_Z, CTRL)  # ended by mistake: undo reopens
    with store.read() as s:
        assert s.get_one(Visit, visit[0]).ended_at is None
    assert pane.end_button.isEnabled()
    qtbot.waitUntil(lambda: not pane.timer_label.text().startswith("Ended"), timeout=1000)


def test_hints_are_quiet_never_block_and_can_be_turned_off(
    open_pane, qtbot, store, visit, make_pane, context
):
    qtbot.keyClicks(open_pane.line, "Teacher did a great job with the launch")
    hint = open_pane.hint_label.text()
    assert "did a great job" in hint and "judgment" in hint
    assert open_pane.hint_label.isVisible()
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)
    assert committed(store, visit[0])[0][0] == "Teacher did a great job with the launch"
    assert open_pane.hint_label.text() == ""

    qtbot.keyClicks(open_pane.line, "Great launch, but two students were lazy")
    hint = open_pane.hint_label.text()
    assert hint.startswith("“Great”") and "Also: “lazy”" in hint
    open_pane.line.setText("")

    qtbot.keyClicks(open_pane.line, '"That was a good job" says a student')
    assert open_pane.hint_label.text() == ""  # a student's own words are not judged

    open_pane.pane_actions.hints.trigger()
    open_pane.line.setText("")
    qtbot.keyClicks(open_pane.line, "Great discussion")
    assert open_pane.hint_label.text() == ""
    assert store.setting("hints_enabled") == "0"
    later = make_pane()
    context.open_visit(None)
    context.open_visit(visit[0])
    qtbot.keyClicks(later.line, "Great discussion")
    assert later.hint_label.text() == ""
    assert not later.pane_actions.hints.isChecked()


def test_listening_session_files_responses_under_prompts(pane, context, qtbot, store, visit):
    with store.write() as s:
        v = s.get_one(Visit, visit[0])
        v.visit_type = VisitType.STUDENT_LISTENING
        v.prompts = ["What helps you learn?", "When do you talk in class?"]
    context.open_visit(visit[0])
    assert pane.prompt_row.isVisible()
    assert pane.prompt_combo.currentText() == "1. What helps you learn?"
    type_line(qtbot, pane, "When we get to try it first")
    qtbot.keyClick(pane.line, Qt.Key.Key_Down, CTRL)
    assert pane.prompt_combo.currentText() == "2. When do you talk in class?"
    type_line(qtbot, pane, "Only in groups")

    rows = shown_rows(pane)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Student talk", "1. What helps you learn?", "When we get to try it first"),
        ("Student talk", "2. When do you talk in class?", "Only in groups"),
    ]
    with store.read() as s:
        saved = s.scalars(select(Evidence).order_by(Evidence.created_at)).all()
        assert [(e.evidence_kind, e.prompt_index) for e in saved] == [
            (EvidenceKind.STUDENT_TALK, 0),
            (EvidenceKind.STUDENT_TALK, 1),
        ]
    qtbot.keyClick(pane.line, Qt.Key.Key_Up, CTRL)
    assert pane.prompt_combo.currentIndex() == 0


def test_prompts_are_hidden_for_other_visits(open_pane):
    assert not open_pane.prompt_row.isVisible()
    assert open_pane.timeline.isColumnHidden(2)


def test_typing_is_kept_as_a_draft_and_restored_after_a_crash(
    open_pane, qtbot, store, visit, errors_seen
):
    from observe.capture.drafts import capture_key, load_draft

    qtbot.keyClicks(open_pane.line, '"I disagree because the')
    qtbot.keyClick(open_pane.line, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(
        lambda: (
            (d := load_draft(store, capture_key(visit[0]))) is not None
            and d.text == '"I disagree because the'
            and d.meta["lookfor_ids"] == [visit[1][0]]
        ),
        timeout=1500,
    )

    # The app "crashes": a fresh context and pane on the same profile open the visit.
    context2 = VisitContext(store)
    pane2 = CapturePane(context2, report_error=errors_seen)
    qtbot.addWidget(pane2)
    context2.open_visit(visit[0])
    assert pane2.line.text() == '"I disagree because the'
    assert "D1" in pane2.tags_label.text()
    assert pane2.notice_label.text().startswith("Restored unsaved text from")

    pane2.show()
    qtbot.waitExposed(pane2)
    pane2.line.setFocus()
    qtbot.keyClicks(pane2.line, ' answer is 4"')
    qtbot.keyClick(pane2.line, Qt.Key.Key_Return)
    assert committed(store, visit[0]) == [
        ('"I disagree because the answer is 4"', EvidenceKind.STUDENT_TALK, False, ["D1"])
    ]
    assert load_draft(store, capture_key(visit[0])) is None
    assert pane2.notice_label.text() == ""


def test_leaving_the_line_saves_the_draft_at_once(open_pane, qtbot, store, visit):
    from observe.capture.drafts import capture_key, load_draft

    open_pane.drafts.timer.setInterval(60_000)  # only focus loss can save it in time
    qtbot.keyClicks(open_pane.line, "Half a thought")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Tab)
    assert not open_pane.line.hasFocus()
    draft = load_draft(store, capture_key(visit[0]))
    assert draft is not None and draft.text == "Half a thought"


def test_switching_visits_keeps_each_visits_typing(pane, context, qtbot, store, visit):
    from tests.store.helpers import make_visit

    other, _ = make_visit(store)
    context.open_visit(visit[0])
    qtbot.keyClicks(pane.line, "typed in the first visit")
    context.open_visit(other)
    assert pane.line.text() == ""
    context.open_visit(visit[0])
    assert pane.line.text() == "typed in the first visit"


@pytest.mark.parametrize("count", [3000])
def test_a_long_visit_opens_with_every_item(pane, context, store, visit, count):
    # How fast it opens is measured in benchmarks/bench_open_visit.py, not asserted here.
    from sqlalchemy import insert

    from observe.store.models import evidence_lookfor

    rows = add_evidence(store, visit[0], count)
    with store.write_core() as conn:
        conn.execute(
            insert(evidence_lookfor),
            [{"evidence_id": r["id"], "lookfor_id": visit[1][0]} for r in rows[::3]],
        )
    context.open_visit(visit[0])
    assert pane.model.rowCount() == count
    assert shown_rows(pane)[3][-1] == "D1"
    assert (
        shown_rows(pane)[count - 1][2]
        == f"Students at table {(count - 1) % 8} compare answers, item {count - 1}"
    )
