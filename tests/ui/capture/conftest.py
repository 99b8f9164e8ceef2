"""Capture fixtures: a context on a real profile and a shown, active capture pane."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from observe.store import Store, open_profile
from observe.store.models import Classroom, Evidence, EvidenceKind, OutboxOp, School, Teacher
from observe.ui.capture import CapturePane
from observe.ui.capture.timeline_model import TEXT
from observe.ui.context import VisitContext

from ...store.helpers import make_visit
from ..conftest import ErrorsSeen


@pytest.fixture
def context(store: Store) -> Iterator[VisitContext]:
    ctx = VisitContext(store)
    yield ctx
    ctx.undo_stack.clear()


@pytest.fixture
def visit(store: Store) -> tuple[str, list[str]]:
    """(visit id, [look-for D1 on Ctrl+1, D2 on Ctrl+2]) in Zoë Okafor's Science class."""
    return make_visit(store)


@pytest.fixture
def classrooms(store: Store) -> dict[str, str]:
    """A few more classrooms to type ahead over: teacher name -> classroom id."""
    with store.write() as s:
        school = School(name="Jefferson High")
        rooms = {
            name: Classroom(teacher=Teacher(school=school, display_name=name), **fields)
            for name, fields in {
                "Marcus Bell": {"subject": "English", "grade": "9", "period": "1"},
                "Maria Lopez": {"subject": "History", "grade": "10", "period": "4"},
                "Nguyễn Thị Ánh": {"subject": "Math 7", "grade": "7", "period": "3"},
            }.items()
        }
        s.add_all([school, *rooms.values()])
    return {name: room.id for name, room in rooms.items()}


def activate(qtbot, widget: QWidget) -> None:
    """Shortcuts only fire in the active window, as for a coach using the real app."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def make_pane(qtbot, context: VisitContext, errors_seen: ErrorsSeen) -> Callable[[], CapturePane]:
    def make() -> CapturePane:
        pane = CapturePane(context, report_error=errors_seen)
        qtbot.addWidget(pane)
        pane.resize(1000, 640)
        activate(qtbot, pane)
        return pane

    return make


@pytest.fixture
def pane(make_pane: Callable[[], CapturePane]) -> CapturePane:
    return make_pane()


@pytest.fixture
def open_pane(pane: CapturePane, context: VisitContext, visit, qtbot) -> CapturePane:
    """The pane showing the ``visit`` fixture's visit, cursor in the capture line."""
    context.open_visit(visit[0])
    qtbot.waitUntil(pane.line.hasFocus)
    return pane


def type_line(qtbot, pane: CapturePane, text: str, *, enter: bool = True) -> None:
    qtbot.keyClicks(pane.line, text)
    if enter:
        qtbot.keyClick(pane.line, Qt.Key.Key_Return)


def shown_rows(pane: CapturePane) -> list[tuple[str, ...]]:
    """The timeline as a coach reads it: every visible column's text, row by row."""
    model = pane.timeline.model()
    cols = [c for c in range(model.columnCount()) if not pane.timeline.isColumnHidden(c)]
    return [
        tuple(str(model.index(r, c).data() or "") for c in cols) for r in range(model.rowCount())
    ]


def committed(store: Store, visit_id: str) -> list[tuple[str, EvidenceKind, bool, list[str]]]:
    """What another connection sees on disk: (text, kind, deleted, look-for codes)."""
    other = open_profile(store.paths.data_dir)
    try:
        with other.read() as s:
            rows = s.scalars(
                select(Evidence).where(Evidence.visit_id == visit_id).order_by(Evidence.created_at)
            ).all()
            return [
                (e.text, e.evidence_kind, e.deleted, sorted(lf.code for lf in e.lookfors))
                for e in rows
            ]
    finally:
        other.close()


def outbox_ops(store: Store, record_id: str) -> list[str]:
    with store.read() as s:
        return list(
            s.scalars(
                select(OutboxOp.op).where(OutboxOp.record_id == record_id).order_by(OutboxOp.seq)
            )
        )


def select_row(qtbot, pane: CapturePane, row: int) -> None:
    """Click the item, as a coach would, which also moves focus into the timeline."""
    view = pane.timeline
    rect = view.visualRect(view.model().index(row, TEXT))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.hasFocus()
