"""The look-for panel says what this visit's items show for each look-for, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from observe.capture.evidence import save_evidence
from observe.capture.marks import NOT_YET, SEEN
from observe.store.models import EvidenceKind
from observe.ui.capture.lookfors_panel import LookForsPanel, hotkey_text


def test_tallies_follow_the_visits_marks(qtbot, visit, errors_seen):
    panel = LookForsPanel(visit.context, report_error=errors_seen)
    qtbot.addWidget(panel)
    panel.show()
    d1, d2 = visit.lookfor_ids
    assert panel.item_for(d1).text(1) == "D1  Students explain"
    assert "✓ seen" in panel.marks_help.text() and "○ not yet" in panel.marks_help.text()

    for marks in ({d1: SEEN}, {d1: SEEN, d2: NOT_YET}, {}):
        save_evidence(
            visit.store,
            visit.visit_id,
            EvidenceKind.STUDENT_TALK,
            '"We could check it with a graph"',
            lookfor_ids=[d1, d2],
            lookfor_marks=marks,
        )

    assert panel.item_for(d1).text(1) == "D1  Students explain\n✓ 2 seen · 3 tagged"
    assert panel.item_for(d2).text(1) == "D2  Students question\n○ 1 not yet · 3 tagged"
    assert panel.item_for(d2).data(1, Qt.ItemDataRole.AccessibleTextRole) == (
        f"D2 Students question, {hotkey_text(2)}; this visit: 1 not yet seen, 3 tagged"
    )
