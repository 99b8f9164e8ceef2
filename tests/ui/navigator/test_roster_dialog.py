"""Importing a roster: a preview that says what will happen, and all-or-nothing imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from observe.store.models import Classroom, OutboxOp, School, Teacher
from observe.ui.navigator import RosterImportDialog
from observe.ui.navigator.roster_dialog import RosterPreviewModel

GOOD = (
    "teacher,subject,grade,period,room\n"
    "Ana Ruiz,Math 7,7,1,B12\n"
    "Ana Ruiz,Math 8,8,2,B12\n"
    "Cy Pham,Science,6,2,C3\n"
    "Zoë Okafor,Science,6,2,B12\n"
)

BAD = (
    "teacher,subject,grade,period,room\n"
    "Ana Ruiz,Math 7,7,1,B12\n"
    ",Science,6,2,C3\n"
    "Ana Ruiz,Math 7,7,1,B12\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def statuses(dialog: RosterImportDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, RosterPreviewModel.STATUS).data() for r in range(model.rowCount())]


def counts(store) -> tuple[int, int]:
    with store.read() as s:
        teachers = s.scalar(select(func.count()).select_from(Teacher))
        rooms = s.scalar(select(func.count()).select_from(Classroom))
    return teachers, rooms


def open_dialog(qtbot, navigator, path: Path, settle) -> RosterImportDialog:
    dialog = navigator.import_roster(path)
    settle()
    assert dialog.isVisible()
    return dialog


def test_a_good_roster_is_previewed_then_imported(
    school, navigator, store, tmp_path, settle, qtbot
):
    dialog = open_dialog(qtbot, navigator, write(tmp_path, GOOD), settle)
    assert statuses(dialog) == [
        "New (new teacher)",
        "New (new teacher)",
        "New (new teacher)",
        "Already in profile",
    ]
    assert dialog.model.index(0, 1).data() == "Ana Ruiz"
    summary = dialog.summary_label.text()
    assert summary == "3 classes to import, 1 already there; 2 teachers are new."
    assert dialog.import_button.isEnabled()

    changed: list[str] = []
    navigator.context.records_changed.connect(changed.append)
    with qtbot.waitSignal(dialog.imported, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert (result.teachers_added, result.classrooms_added, result.skipped) == (2, 3, 1)
    assert dialog.summary_label.text() == (
        "Imported 3 classes and 2 new teachers; 1 class was already there."
    )
    assert not dialog.import_button.isEnabled()  # done; a second click would do nothing
    assert counts(store) == (4, 5)
    with store.read() as s:
        ana = s.scalars(select(Teacher).where(Teacher.display_name == "Ana Ruiz")).one()
        queued = s.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.record_id == ana.id)
        )
    assert queued == 1
    assert "teacher" in changed
    settle()
    # The Teachers tab lists the new teachers.
    names = [navigator.teacher_filter.index(r, 0).data() for r in range(3)]
    assert names == ["Ana Ruiz", "Ben Ode", "Cy Pham"]


def test_a_bad_row_shows_its_sentence_and_nothing_is_imported(
    navigator, store, tmp_path, settle, qtbot
):
    dialog = open_dialog(qtbot, navigator, write(tmp_path, BAD), settle)
    assert statuses(dialog) == [
        "New (new teacher)",
        "The teacher's name is missing.",
        "The same class is already on line 2.",
    ]
    assert dialog.summary_label.text() == (
        "2 rows have problems; fix the file and choose it again — nothing will be imported."
    )
    bad = dialog.model.index(1, RosterPreviewModel.STATUS)
    assert bad.data(Qt.ItemDataRole.DecorationRole) is not None  # a warning icon
    assert bad.data(Qt.ItemDataRole.FontRole).bold()
    assert dialog.table.currentIndex().row() == 1  # the first problem is selected
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.start_import() is None
    settle()
    assert counts(store) == (0, 0)


def test_a_file_without_the_columns_is_explained(navigator, tmp_path, settle, qtbot):
    dialog = open_dialog(qtbot, navigator, write(tmp_path, "who;what\nAna;Math\n"), settle)
    assert dialog.model.rowCount() == 0
    text = dialog.summary_label.text()
    assert text.startswith("The first line must name the columns")
    assert text.endswith("Fix the file and choose it again — nothing will be imported.")
    assert not dialog.import_button.isEnabled()


def test_a_missing_file_is_a_sentence_not_a_crash(navigator, tmp_path, settle, qtbot):
    dialog = open_dialog(qtbot, navigator, tmp_path / "nope.csv", settle)
    assert dialog.summary_label.text() == f"There is no file at {tmp_path / 'nope.csv'}."
    assert not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_a_roster_already_imported_has_nothing_to_import(
    school, navigator, tmp_path, settle, qtbot
):
    text = "teacher,subject,period\nZoë Okafor,Science,2\nBen Ode,History,3\n"
    dialog = open_dialog(qtbot, navigator, write(tmp_path, text), settle)
    assert statuses(dialog) == ["Already in profile", "Already in profile"]
    assert "already in the profile; there is nothing to import" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()


def test_choose_file_uses_the_file_dialog(navigator, tmp_path, settle, qtbot, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(
        "observe.ui.navigator.roster_dialog.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(path), "CSV files (*.csv *.txt)"),
    )
    navigator.import_roster_action.trigger()
    settle()
    dialog = navigator.findChild(RosterImportDialog)
    assert dialog.file_label.text() == str(path)
    assert dialog.model.rowCount() == 4


def test_in_a_district_new_teachers_join_the_chosen_school(
    school, navigator, store, tmp_path, settle, qtbot
):
    with store.write() as s:
        s.add(School(name="Washington High"))
    settle()
    dialog = open_dialog(qtbot, navigator, write(tmp_path, GOOD), settle)
    assert dialog.school_combo is not None
    dialog.school_combo.setCurrentText("Washington High")
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        homes = set(
            s.scalars(
                select(School.name)
                .join(Teacher, Teacher.school_id == School.id)
                .where(Teacher.display_name.in_(["Ana Ruiz", "Cy Pham"]))
            )
        )
    assert homes == {"Washington High"}


def test_the_preview_shows_each_rows_email(school, navigator, store, tmp_path, settle, qtbot):
    text = "teacher,subject,period,email\nAna Ruiz,Art,1,Ana.Ruiz@School.org\nLee Park,Music,2,\n"
    dialog = open_dialog(qtbot, navigator, write(tmp_path, text), settle)
    header = dialog.model.headerData(6, Qt.Orientation.Horizontal)
    assert header == "Email"
    assert [dialog.model.index(r, 6).data() for r in range(2)] == ["ana.ruiz@school.org", None]
    dialog.reject()
