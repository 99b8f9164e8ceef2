"""Logging time and reading the week: quick entry, weekly shares, edit, delete and undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from observe.coaching import log
from observe.coaching.log import LogEntryDraft
from observe.store.models import LogActivity
from observe.ui.coaching.log_entry import LogEntryDialog
from observe.ui.coaching.weekly_log import WeeklyLogWindow

TODAY = date(2026, 9, 18)  # a Friday
MONDAY = date(2026, 9, 14)


def _choose(box, activity: LogActivity) -> None:
    box.setCurrentIndex(box.findData(activity.value))


def test_quick_entry_saves_and_can_keep_going(qtbot, store, errors_seen):
    dialog = LogEntryDialog(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.day.date().toPython() == TODAY and dialog.minutes.value() == 30
    dialog.minutes.setValue(50)
    _choose(dialog.activity, LogActivity.PLC)
    dialog.note.setText("Grade 7 PLC: exit tickets")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_and_continue()
    assert dialog.isVisible() and dialog.note.text() == ""
    assert "Saved 50 minutes (PLC facilitation)" in dialog.message.text()

    dialog.day.setDate(QDate(2026, 9, 16))
    dialog.minutes.setValue(45)
    _choose(dialog.activity, LogActivity.OTHER_DUTY)
    dialog.note.setText("Covered a class")
    dialog.save_and_close()
    assert not dialog.isVisible()
    rows = log.entries(store)
    assert [(r.occurred_on, r.minutes, r.activity, r.note) for r in rows] == [
        (date(2026, 9, 16), 45, LogActivity.OTHER_DUTY, "Covered a class"),
        (TODAY, 50, LogActivity.PLC, "Grade 7 PLC: exit tickets"),
    ]
    # The next quick entry starts on the last activity used.
    again = LogEntryDialog(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(again)
    assert again.activity.currentData() == LogActivity.OTHER_DUTY.value
    assert errors_seen == []


def test_the_week_shows_its_coaching_share_and_entries_can_be_changed(qtbot, store, errors_seen):
    for day, minutes, activity in [
        (MONDAY, 90, LogActivity.COACHING_CYCLE),
        (date(2026, 9, 15), 30, LogActivity.LEARNING_WALK),
        (date(2026, 9, 16), 40, LogActivity.ADMIN),
        (date(2026, 9, 8), 120, LogActivity.OTHER_DUTY),  # the week before
    ]:
        log.add_entry(store, LogEntryDraft(day, minutes, activity), today=TODAY)
    w = WeeklyLogWindow(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    assert w.heading.text() == "Week of 14 September 2026"
    assert w.share.text().startswith("2 h 40 min logged: 75% coaching (2 h 00 min)")
    assert w.table.rowCount() == 3 and not w.next_button.isEnabled()
    assert w.chart.series_count() == 1  # one stacked series: coaching and other duties
    bars = w.chart.chart().series()[0].barSets()
    assert [b.label() for b in bars] == ["Coaching", "Other duties"]
    assert (bars[0].at(7), bars[1].at(7), bars[1].at(6)) == (120, 40, 120)

    w.previous_button.click()
    assert w.heading.text() == "Week of 7 September 2026"
    assert "0% coaching" in w.share.text()
    w.this_week_button.click()

    w.table.selectRow(2)  # the admin entry
    editor = w.edit_selected()
    assert editor is not None and editor.minutes.value() == 40
    editor.minutes.setValue(25)
    editor.save_and_close()
    assert "2 h 25 min logged" in w.share.text()

    w.table.selectRow(0)
    w.delete_selected()
    assert w.table.rowCount() == 2 and w.undo_button.isEnabled()
    w.undo_delete()
    assert w.table.rowCount() == 3
    assert errors_seen == []


def test_an_empty_week_says_how_to_log(qtbot, store, errors_seen):
    w = WeeklyLogWindow(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(w)
    assert "Nothing logged this week yet" in w.share.text()
    assert not w.edit_button.isEnabled() and not w.delete_button.isEnabled()
