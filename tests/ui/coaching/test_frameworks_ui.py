"""Look-for frameworks in the GUI: starter sets, the set in use, import (bad and good), editing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from observe.coaching import frameworks
from observe.coaching.framework_schema import FrameworkError
from observe.store.models import LookFor, LookForSet, OutboxOp
from observe.ui.coaching.frameworks_window import FrameworksWindow
from observe.ui.main_window import MainWindow


def _counts(store) -> tuple[int, int, int]:
    with store.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) for m in (LookForSet, LookFor, OutboxOp)
        )


class Answers:
    """Stands in for the file dialogs and the update-or-copy question."""

    def __init__(self) -> None:
        self.open: Path | None = None
        self.save: Path | None = None
        self.update: str | None = "update"
        self.asked: list[str] = []

    def open_file(self, _parent) -> Path | None:
        return self.open

    def save_file(self, _parent, _suggested) -> Path | None:
        return self.save

    def ask(self, _parent, name: str) -> str | None:
        self.asked.append(name)
        return self.update


def _window(qtbot, store, errors_seen, answers: Answers, parent=None) -> FrameworksWindow:
    w = FrameworksWindow(
        store,
        parent,
        report_error=errors_seen,
        choose_open_file=answers.open_file,
        choose_save_file=answers.save_file,
        ask_update_or_copy=answers.ask,
    )
    if parent is None:
        qtbot.addWidget(w)
    w.show()
    return w


def test_a_starter_set_becomes_the_set_in_use_in_the_capture_window(
    window: MainWindow, qtbot, store, errors_seen
):
    answers = Answers()
    w = _window(qtbot, store, errors_seen, answers, parent=window)
    assert w.list.count() == 0 and "No look-for sets yet" in w.owner_note.text()
    names = [a.text() for a in w.starter_actions]
    assert names == ["Engagement and Agency", "Equity of Voice", "Student Discourse"]
    w.starter_actions[0].trigger()
    w.starter_actions[1].trigger()
    assert w.list.count() == 2
    # The first set added is in use until the coach picks another.
    assert window.workspace.lookfors.set_name == "Engagement and Agency"
    texts = [w.list.item(i).text() for i in range(w.list.count())]
    w.list.setCurrentRow(next(i for i, t in enumerate(texts) if t.startswith("Equity")))
    w.use_current()
    assert window.workspace.lookfors.set_name == "Equity of Voice"
    assert window.workspace.lookfors.lookfor_for_hotkey(1) is not None
    assert "in use" in w.list.currentItem().text()
    assert errors_seen == []
    w.close()


def test_a_malformed_file_shows_a_sentence_and_changes_nothing(qtbot, store, errors_seen, tmp_path):
    answers = Answers()
    w = _window(qtbot, store, errors_seen, answers)
    w.starter_actions[2].trigger()
    before = _counts(store)
    bad = tmp_path / "district.json"
    bad.write_text(
        json.dumps(
            {
                "format": "observe.lookfor-framework",
                "format_version": 1,
                "name": "District",
                "lookfors": [
                    {"code": "D1", "title": "Students explain", "hotkey": 1},
                    {"code": "D2", "title": "Students listen", "hotkey": 1},
                    {"code": "D3", "titel": "Students ask"},
                ],
            }
        ),
        encoding="utf-8",
    )
    answers.open = bad
    assert w.import_file() is None
    [error] = errors_seen
    assert isinstance(error, FrameworkError)
    assert error.sentence.startswith("district.json has problems, so nothing was imported:")
    assert '"titel"' in error.sentence
    assert _counts(store) == before and w.list.count() == 1

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "observe.lookfor-framework", ', encoding="utf-8")
    answers.open = broken
    w.import_file()
    assert "isn't valid JSON" in errors_seen[-1].sentence
    assert _counts(store) == before


def test_import_export_and_update_an_existing_set(qtbot, store, errors_seen, tmp_path):
    answers = Answers()
    w = _window(qtbot, store, errors_seen, answers)
    w.starter_actions[2].trigger()
    set_id = w.current_id()
    answers.save = tmp_path / "discourse"
    exported = w.export_current()
    assert exported == tmp_path / "discourse.json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["name"] == "Student Discourse" and len(data["lookfors"]) == 7

    data["lookfors"][0]["title"] = "Students explain their thinking, in their own words"
    data["lookfors"] = data["lookfors"][:5]
    exported.write_text(json.dumps(data), encoding="utf-8")
    answers.open = exported
    assert w.import_file() == set_id
    assert answers.asked == ["Student Discourse"]
    fw = frameworks.load_framework(store, set_id)
    assert len(fw.lookfors) == 5 and fw.lookfors[0].title.endswith("in their own words")
    assert "Updated" in w.message.text()

    answers.update = "copy"
    copy = w.import_file()
    assert copy not in (None, set_id) and w.list.count() == 2
    assert errors_seen == []


def test_editing_a_set_refuses_a_duplicate_hotkey_then_saves(qtbot, store, errors_seen):
    w = _window(qtbot, store, errors_seen, Answers())
    w.starter_actions[1].trigger()
    set_id = w.current_id()
    editor = w.editor
    assert editor.table.rowCount() == 7 and not w.save_button.isEnabled()
    editor.table.item(0, 1).setText("Many different students contribute ideas")
    editor.table.cellWidget(1, 3).setValue(1)  # the same key as look-for 1
    assert w.save_button.isEnabled()
    before = _counts(store)
    assert w.save() is None
    assert "uses hotkey 1, as look-for 1 does" in w.message.text()
    assert _counts(store) == before

    editor.table.cellWidget(1, 3).setValue(9)
    editor.table.setCurrentCell(6, 1)
    editor.remove_row()
    row = editor.add_row()
    editor.table.item(row, 0).setText("EV8")
    editor.table.item(row, 1).setText("Students build on a quiet peer's idea")
    assert w.save() == set_id
    fw = frameworks.load_framework(store, set_id)
    assert fw.lookfors[0].title == "Many different students contribute ideas"
    assert fw.lookfors[1].hotkey == 9
    assert [i.code for i in fw.lookfors][-1] == "EV8"
    assert len(fw.lookfors) == 7 and errors_seen == []


def test_another_coachs_shared_set_is_read_only_but_can_be_duplicated(qtbot, store, errors_seen):
    set_id = frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    with store.write() as s:
        lset = s.get(LookForSet, set_id)
        lset.author_id = "01900000-0000-7000-8000-000000000002"
    w = _window(qtbot, store, errors_seen, Answers())
    assert "only they can change it" in w.owner_note.text()
    assert w.editor.name.isReadOnly() and not w.delete_button.isEnabled()
    copy = w.duplicate_current()
    assert copy and not w.editor.name.isReadOnly()
    w.share_box.click()
    shared = {r.id: r.shared for r in frameworks.list_sets(store)}
    assert shared == {set_id: False, copy: True}
    assert "team gets this set" in w.message.text()


def test_a_new_set_typed_from_scratch(qtbot, store, errors_seen):
    w = _window(qtbot, store, errors_seen, Answers())
    w.new_set()
    editor = w.editor
    assert editor.table.rowCount() == 1 and w.save_button.isEnabled()
    assert w.save() is None  # an empty code and title are refused with a sentence
    assert 'look-for 1: "code" is empty' in w.message.text()
    assert frameworks.list_sets(store) == []
    editor.name.setText("Science talk")
    editor.table.item(0, 0).setText("SC1")
    editor.table.item(0, 1).setText("Students argue from evidence")
    editor.table.item(0, 2).setText("Argument")
    set_id = w.save()
    assert set_id is not None
    fw = frameworks.load_framework(store, set_id)
    assert (fw.name, fw.lookfors[0].code, fw.lookfors[0].hotkey) == ("Science talk", "SC1", 1)
    assert frameworks.set_in_use_id(store) == set_id  # the only set is the one in use
