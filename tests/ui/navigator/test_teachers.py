"""The Teachers tab: the list, the filter, adding and editing teachers and classes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from observe.store.models import Classroom, OutboxOp, School, Teacher
from observe.ui.navigator import ClassroomDialog, Navigator, TeacherDialog
from observe.ui.navigator.teacher_model import ID_ROLE

from .conftest import Answer


def visible_rows(navigator: Navigator) -> list[str]:
    proxy = navigator.teacher_filter
    out = []
    for row in range(proxy.rowCount()):
        teacher = proxy.index(row, 0)
        out.append(teacher.data())
        if navigator.teachers_view.isExpanded(teacher):
            rooms = range(proxy.rowCount(teacher))
            out.extend(f"  {proxy.index(r, 0, teacher).data()}" for r in rooms)
    return out


def outbox_for(store, record_id: str) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(OutboxOp.op).where(OutboxOp.record_id == record_id)))


def select_row(navigator: Navigator, record_id: str) -> None:
    navigator.tabs.setCurrentIndex(Navigator.TEACHERS_TAB)
    kind = "teacher" if navigator.teacher_model.teacher(record_id) else "classroom"
    navigator.select_record(f"{kind}:{record_id}")
    navigator.teachers_view.setFocus()


def save(qtbot, dialog: QDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_actions_have_menu_texts_and_shortcuts(navigator):
    actions = navigator.actions_for_menu()
    assert [a.text() for a in actions] == [
        "New &teacher…",
        "New &classroom…",
        "&Edit…",
        "De&lete teacher or class…",
        "Edit &school…",
        "&Import roster…",
        "In&vite to read shared feedback…",
        "Refresh teachers' &account status",
    ]
    shortcuts = [a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in actions]
    assert shortcuts == ["Ctrl+Shift+T", "Ctrl+Shift+L", "F2", "Del", "", "Ctrl+Shift+I", "", ""]
    assert all(a.statusTip() for a in actions)


def test_teachers_are_listed_by_name_with_their_classes(school, navigator, settle):
    navigator.context.records_changed.emit("teacher")
    settle()
    assert visible_rows(navigator) == ["Ben Ode", "Zoë Okafor"]
    select_row(navigator, school["science"])
    assert "  Science · grade 6 · period 2 · room B12" in visible_rows(navigator)


def test_the_filter_ignores_accents_and_finds_classes(school, navigator, settle, qtbot):
    navigator.context.records_changed.emit("teacher")
    settle()
    navigator.tabs.setCurrentIndex(Navigator.TEACHERS_TAB)
    qtbot.keyClicks(navigator.filter_edit, "zoe")
    assert visible_rows(navigator) == ["Zoë Okafor", "  Science · grade 6 · period 2 · room B12"]
    navigator.filter_edit.clear()
    qtbot.keyClicks(navigator.filter_edit, "history")
    assert visible_rows(navigator) == ["Ben Ode", "  History · grade 8 · period 3"]
    # Down moves from the filter into the list, onto the first match.
    qtbot.keyClick(navigator.filter_edit, Qt.Key.Key_Down)
    assert navigator.teachers_view.currentIndex().data() == "Ben Ode"
    navigator.filter_edit.clear()
    assert visible_rows(navigator) == ["Ben Ode", "Zoë Okafor"]


def test_a_new_teacher_is_saved_with_its_outbox_row_and_shown(navigator, store, settle, qtbot):
    changed: list[str] = []
    navigator.context.records_changed.connect(changed.append)
    navigator.new_teacher_action.trigger()
    dialog = navigator.findChild(TeacherDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Ana Ruiz")
    qtbot.keyClicks(dialog.email, "ana@lincoln.org")
    save(qtbot, dialog)
    settle()

    with store.read() as s:
        teacher = s.scalars(select(Teacher)).one()
    assert (teacher.display_name, teacher.email) == ("Ana Ruiz", "ana@lincoln.org")
    assert outbox_for(store, teacher.id) == ["upsert"]
    assert "teacher" in changed
    # The coach sees the new teacher, selected, in the Teachers tab.
    assert navigator.tabs.currentIndex() == Navigator.TEACHERS_TAB
    assert navigator.teachers_view.currentIndex().data(ID_ROLE) == teacher.id


def test_teacher_problems_are_sentences_in_the_dialog(school, navigator, store, qtbot, settle):
    dialog = navigator.new_teacher()
    qtbot.keyClicks(dialog.email, "ana at school")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems["name"].isVisible()
    assert dialog.problems["name"].text.text() == "Type the teacher's name."
    assert "doesn't look complete" in dialog.problems["email"].text.text()
    assert dialog.name.hasFocus() or dialog.focusWidget() is dialog.name

    # A name already in the profile is refused by the store, and said the same way.
    dialog.email.clear()
    dialog.name.setText("zoë okafor")  # QTest.keyClicks aborts on characters beyond ASCII
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general.isVisible(), timeout=5000)
    assert "There is already a teacher named zoë okafor" in dialog.general.text.text()
    assert dialog.isVisible()
    with store.read() as s:
        assert len(s.scalars(select(Teacher)).all()) == 2
    dialog.reject()


def test_a_new_classroom_goes_to_the_selected_teacher(school, navigator, store, settle, qtbot):
    settle()
    select_row(navigator, school["ben"])
    navigator.new_classroom_action.trigger()
    dialog = navigator.findChild(ClassroomDialog)
    assert dialog.teacher.currentText() == "Ben Ode"
    qtbot.keyClicks(dialog.subject, "Civics")
    qtbot.keyClicks(dialog.period, "5")
    qtbot.keyClicks(dialog.room, "D4")
    save(qtbot, dialog)
    settle()

    with store.read() as s:
        room = s.scalars(select(Classroom).where(Classroom.subject == "Civics")).one()
    assert (room.teacher_id, room.period, room.room, room.grade) == (school["ben"], "5", "D4", None)
    assert outbox_for(store, room.id) == ["upsert"]
    assert navigator.teachers_view.currentIndex().data() == "Civics · period 5 · room D4"


def test_the_same_class_twice_is_refused(school, navigator, store, settle, qtbot):
    settle()
    select_row(navigator, school["zoe"])
    dialog = navigator.new_classroom()
    qtbot.keyClicks(dialog.subject, "science")
    qtbot.keyClicks(dialog.period, "2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general.isVisible(), timeout=5000)
    assert dialog.general.text.text().startswith("Zoë Okafor already has science in period 2.")
    with store.read() as s:
        assert len(s.scalars(select(Classroom)).all()) == 2
    dialog.reject()


def test_f2_edits_the_selected_teacher(school, navigator, store, settle, qtbot):
    settle()
    select_row(navigator, school["zoe"])
    assert navigator.edit_action.isEnabled()
    qtbot.keyClick(navigator.teachers_view, Qt.Key.Key_F2)
    dialog = navigator.findChild(TeacherDialog)
    assert dialog is not None and dialog.windowTitle() == "Edit teacher"
    assert dialog.name.text() == "Zoë Okafor"
    dialog.name.setText("Zoë Okafor-Smith")
    save(qtbot, dialog)
    settle()
    with store.read() as s:
        assert s.get_one(Teacher, school["zoe"]).display_name == "Zoë Okafor-Smith"
    assert outbox_for(store, school["zoe"]) == ["upsert", "upsert"]
    assert "Zoë Okafor-Smith" in visible_rows(navigator)


def test_edit_moves_a_class_to_another_teacher(school, navigator, store, settle, qtbot):
    settle()
    select_row(navigator, school["science"])
    dialog = navigator.edit_selected()
    assert isinstance(dialog, ClassroomDialog)
    assert dialog.subject.text() == "Science"
    dialog.teacher.setCurrentIndex(dialog.teacher.findData(school["ben"]))
    save(qtbot, dialog)
    settle()
    with store.read() as s:
        assert s.get_one(Classroom, school["science"]).teacher_id == school["ben"]


def test_edit_is_off_on_the_visits_tab_and_without_a_selection(school, navigator, settle):
    settle()
    assert not navigator.edit_action.isEnabled()
    navigator.tabs.setCurrentIndex(Navigator.TEACHERS_TAB)
    assert not navigator.edit_action.isEnabled()
    select_row(navigator, school["ben"])
    assert navigator.edit_action.isEnabled()
    navigator.tabs.setCurrentIndex(Navigator.VISITS_TAB)
    assert not navigator.edit_action.isEnabled()


def test_new_classroom_without_teachers_says_what_to_do(navigator, qtbot):
    assert not navigator.new_classroom_action.isEnabled()
    dialog = navigator.new_classroom()
    assert not dialog.save_button.isEnabled()
    assert "Add a teacher first" in dialog.general.text.text()
    dialog.reject()


def test_with_several_schools_the_coach_picks_the_teachers_school(
    school, navigator, store, settle, qtbot
):
    with store.write() as s:
        other = School(name="Washington High")
        s.add(other)
    settle()
    dialog = navigator.new_teacher()
    assert dialog.school is not None
    assert [dialog.school.itemText(i) for i in range(2)] == ["Lincoln Middle", "Washington High"]
    dialog.school.setCurrentIndex(1)
    qtbot.keyClicks(dialog.name, "Dee Park")
    save(qtbot, dialog)
    with store.read() as s:
        dee = s.scalars(select(Teacher).where(Teacher.display_name == "Dee Park")).one()
    assert dee.school_id == other.id


def test_with_one_school_there_is_nothing_to_pick(school, navigator):
    dialog = navigator.new_teacher()
    assert dialog.school is None
    dialog.reject()


def test_delete_removes_an_unused_teacher_after_asking(school, navigator, store, settle, qtbot):
    navigator.context.records_changed.emit("teacher")
    settle()
    select_row(navigator, school["ben"])
    navigator.ask_to_delete = answer = Answer(True)
    qtbot.keyClick(navigator.teachers_view, Qt.Key.Key_Delete)
    assert answer.asked == [
        "Delete Ben Ode and their class History, period 3? This can't be undone."
    ]
    settle()
    assert visible_rows(navigator) == ["Zoë Okafor"]
    assert outbox_for(store, school["ben"])  # the deletion syncs
    navigator.filter_edit.setFocus()
    navigator.filter_edit.setText("Zoë")
    qtbot.keyClick(navigator.filter_edit, Qt.Key.Key_Home)
    qtbot.keyClick(navigator.filter_edit, Qt.Key.Key_Delete)  # Del edits the filter text
    assert navigator.filter_edit.text() == "oë"


def test_a_class_with_visits_is_kept_and_the_coach_told_why(
    school, navigator, store, settle, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from observe.capture.visits import start_visit
    from observe.store.models import VisitType

    start_visit(store, school["science"], VisitType.COACHING_OBSERVATION)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    settle()
    select_row(navigator, school["science"])
    navigator.ask_to_delete = answer = Answer(True)
    assert navigator.delete_record_action.isEnabled()
    assert navigator.delete_selected_record() is False
    assert answer.asked == [] and "has 1 visit, so it stays" in told[0]
    with store.read() as s:
        assert not s.get_one(Classroom, school["science"]).deleted


def test_edit_school_renames_it_and_sets_its_time_zone(school, navigator, store, settle, qtbot):
    dialog = navigator.edit_school()
    assert dialog.name.text() == "Lincoln Middle" and dialog.timezone.currentText() == ""
    dialog.name.setText("")
    dialog.timezone.setCurrentText("Mars/Olympus_Mons")
    dialog.accept()
    assert "heads every feedback sheet" in dialog.problems["name"].text.text()
    assert "not a time zone this computer knows" in dialog.problems["timezone"].text.text()
    dialog.name.setText("Lincoln Middle School 🏫")
    dialog.timezone.setCurrentText("America/Chicago")
    save(qtbot, dialog)
    with store.read() as s:
        saved = s.get_one(School, school["school"])
        assert (saved.name, saved.timezone) == ("Lincoln Middle School 🏫", "America/Chicago")
    assert outbox_for(store, school["school"])  # the new name syncs


def test_with_no_school_yet_edit_school_says_how_one_is_made(navigator, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert navigator.edit_school() is None
    assert "made with the first teacher" in told[0]


def test_renaming_a_school_shows_in_the_teachers_list_without_a_restart(
    school, navigator, store, settle, qtbot
):
    """The list refreshes from the store's change news: the dialog announces nothing."""
    with store.write() as s:
        s.add(School(name="Washington High"))
    settle()
    zoe = navigator.teacher_model.key_index(f"teacher:{school['zoe']}")
    assert zoe.data(Qt.ItemDataRole.ToolTipRole).endswith(", Lincoln Middle")
    dialog = navigator.edit_school()
    dialog.name.setText("Lincoln Middle School")
    save(qtbot, dialog)
    settle()
    zoe = navigator.teacher_model.key_index(f"teacher:{school['zoe']}")
    assert zoe.data(Qt.ItemDataRole.ToolTipRole) == (
        "Zoë Okafor (zoe@lincoln.org), Lincoln Middle School"
    )
