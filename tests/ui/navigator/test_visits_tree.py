"""The Visits tab as a coach uses it: days newest first, walks holding their visits, Enter opens."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt

from observe.errors import ObserveError
from observe.store.models import Classroom, School, Teacher, Visit, VisitType
from observe.ui.navigator import Navigator, VisitTreeModel
from observe.ui.navigator.visit_model import KEY_ROLE, VISIT_ID_ROLE

from .conftest import add_visit, add_walk, at


def texts(model, index: QModelIndex) -> tuple[str, str]:
    return tuple(model.index(index.row(), c, index.parent()).data() for c in range(2))


def test_walks_and_visits_are_grouped_by_day_newest_first(navigator, store, school, settle):
    today = date.today()
    earlier = today - timedelta(days=3)
    walk = add_walk(store, "Talk moves", at(today, 9, 55))
    first_stop = add_visit(store, school["science"], at(today, 10), VisitType.LEARNING_WALK, walk)
    second_stop = add_visit(
        store, school["history"], at(today, 10, 20), VisitType.LEARNING_WALK, walk
    )
    afternoon = add_visit(store, school["science"], at(today, 14, 5))
    old = add_visit(store, school["history"], at(earlier, 9, 30), VisitType.MODELING)
    gone = add_visit(store, school["history"], at(earlier, 11))
    with store.write() as s:
        s.get_one(Visit, gone).deleted = True
    settle()

    model = navigator.visit_model
    assert model.rowCount() == 2
    newest, oldest = model.index(0, 0), model.index(1, 0)
    assert newest.data(KEY_ROLE) == f"day:{today.isoformat()}"
    assert newest.data().startswith("Today")
    assert oldest.data(KEY_ROLE) == f"day:{earlier.isoformat()}"

    # Within a day the latest comes first; the walk starts at 09:55 so it is second.
    assert model.rowCount(newest) == 2
    latest = model.index(0, 0, newest)
    # Not ended: marked as still running (a visit left running is easy to miss otherwise).
    assert texts(model, latest) == ("14:05  Zoë Okafor · Science · running", "Observation")
    assert model.index(0, 0, newest).data(VISIT_ID_ROLE) == afternoon
    walk_row = model.index(1, 0, newest)
    assert texts(model, walk_row) == ("09:55  Walk: Talk moves", "2 visits")
    # A walk's stops read in the order they were made.
    stops = [model.index(r, 0, walk_row).data(VISIT_ID_ROLE) for r in range(2)]
    assert stops == [first_stop, second_stop]
    # The walk row says they are walk visits; each stop shows its time and class.
    assert texts(model, model.index(1, 0, walk_row)) == ("10:20  Ben Ode · History · running", "")

    # The deleted visit is not listed.
    assert model.rowCount(oldest) == 1
    assert model.index(0, 0, oldest).data(VISIT_ID_ROLE) == old
    assert "Modeling" in model.index(0, 0, oldest).data(Qt.ItemDataRole.ToolTipRole)
    # Days start expanded so visits are visible without clicking.
    assert navigator.visits_view.isExpanded(newest)
    assert navigator.visits_stack.currentWidget() is navigator.visits_view


def test_enter_on_a_visit_opens_it_and_marks_it(navigator, store, school, settle, qtbot):
    visit_id = add_visit(store, school["science"], at(date.today(), 11))
    settle()
    view = navigator.visits_view
    index = navigator.visit_model.visit_index(visit_id)
    view.setFocus()
    view.setCurrentIndex(index)
    with qtbot.waitSignal(navigator.context.visit_changed, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [visit_id]
    assert navigator.context.visit_id == visit_id
    assert index.data(Qt.ItemDataRole.FontRole).bold()


def test_enter_on_a_walk_expands_it_without_opening_anything(
    navigator, store, school, settle, qtbot
):
    walk = add_walk(store, "Questioning", at(date.today(), 9))
    add_visit(store, school["science"], at(date.today(), 9, 5), VisitType.LEARNING_WALK, walk)
    settle()
    view = navigator.visits_view
    walk_row = navigator.visit_model.index(0, 0, navigator.visit_model.index(0, 0))
    assert not view.isExpanded(walk_row)
    view.setFocus()
    view.setCurrentIndex(walk_row)
    opened: list[object] = []
    navigator.context.visit_changed.connect(opened.append)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.isExpanded(walk_row)
    assert opened == []


def test_an_empty_profile_says_so(navigator):
    assert navigator.visits_stack.currentWidget() is navigator.empty_label
    assert "No visits yet" in navigator.empty_label.text()


def test_a_new_visit_appears_without_anyone_announcing_it(navigator, store, school, settle):
    visit_id = add_visit(store, school["history"], at(date.today(), 8))
    assert not navigator.visit_model.visit_index(visit_id).isValid()
    settle()
    assert navigator.visit_model.visit_index(visit_id).isValid()
    assert navigator.visits_stack.currentWidget() is navigator.visits_view


def make_visits_per_day(store, days: int) -> list[str]:
    """One visit a day at noon for ``days`` days up to today: ids newest first."""
    today = date.today()
    with store.write() as s:
        school = School(name="Big school")
        teacher = Teacher(school=school, display_name="Ana Ruiz")
        room = Classroom(teacher=teacher, subject="Math 7")
        visits = [
            Visit(
                classroom=room,
                visit_type=VisitType.COACHING_OBSERVATION,
                started_at=at(today - timedelta(days=d), 12),
            )
            for d in range(days)
        ]
        s.add_all([school, teacher, room, *visits])
    return [v.id for v in visits]


def test_a_big_profile_loads_page_by_page(qtbot, context, store, settle):
    ids = make_visits_per_day(store, 300)
    model = VisitTreeModel(store)
    model.fetchMore()
    settle()
    first_page = model.visit_count()
    assert 0 < first_page < 300
    assert model.canFetchMore()
    # The newest visits come first; the page ends on a whole day.
    assert model.visit_index(ids[0]).isValid()
    assert not model.visit_index(ids[-1]).isValid()

    model.fetchMore()
    settle()
    assert first_page < model.visit_count() < 300
    while model.canFetchMore():
        model.fetchMore()
        settle()
    assert model.visit_count() == 300
    assert model.rowCount() == 300
    assert model.visit_index(ids[-1]).isValid()


def test_scrolling_to_the_bottom_loads_older_visits(qtbot, context, store, settle):
    make_visits_per_day(store, 300)
    navigator = Navigator(context)
    qtbot.addWidget(navigator)
    navigator.resize(400, 500)
    navigator.show()
    settle()
    shown = navigator.visit_model.visit_count()
    assert shown < 300  # the view didn't pull everything in by itself
    navigator.visits_view.scrollToBottom()
    qtbot.waitUntil(lambda: navigator.visit_model.visit_count() > shown, timeout=5000)
    settle()

    # A refresh keeps every day already loaded instead of falling back to the first page.
    loaded = navigator.visit_model.visit_count()
    context.records_changed.emit("visit")
    settle()
    assert navigator.visit_model.visit_count() == loaded


def test_the_open_visit_is_selected_when_opened_elsewhere(navigator, store, school, settle):
    one = add_visit(store, school["science"], at(date.today(), 9))
    two = add_visit(store, school["history"], at(date.today(), 10))
    settle()
    navigator.context.open_visit(one)
    current = navigator.visits_view.currentIndex()
    assert current.data(VISIT_ID_ROLE) == one
    assert current.data(Qt.ItemDataRole.FontRole).bold()
    two_index = navigator.visit_model.visit_index(two)
    assert two_index.data(Qt.ItemDataRole.FontRole) is None


def test_a_failed_load_is_explained_instead_of_showing_an_empty_list(
    qtbot, context, settle, monkeypatch
):
    def broken(*args, **kwargs):
        raise ObserveError("Observe couldn't read the visits (the disk is unavailable).")

    monkeypatch.setattr("observe.ui.navigator.visit_model.load_visit_page", broken)
    navigator = Navigator(context)
    qtbot.addWidget(navigator)
    navigator.show()
    settle()
    assert navigator.visits_stack.currentWidget() is navigator.empty_label
    assert navigator.empty_label.text().startswith("Observe couldn't read the visits")
    assert "No visits yet" not in navigator.empty_label.text()


def test_a_refresh_keeps_what_the_coach_opened_and_closed(navigator, store, school, settle):
    today, earlier = date.today(), date.today() - timedelta(days=2)
    walk = add_walk(store, "Questioning", at(today, 9))
    stop = add_visit(store, school["science"], at(today, 9, 5), VisitType.LEARNING_WALK, walk)
    add_visit(store, school["history"], at(earlier, 13))
    settle()
    view, model = navigator.visits_view, navigator.visit_model
    view.expand(model.index(0, 0, model.index(0, 0)))  # the walk
    view.collapse(model.index(1, 0))  # the earlier day
    view.setCurrentIndex(model.visit_index(stop))

    add_visit(store, school["history"], at(today, 15))
    settle()
    assert model.rowCount(model.index(0, 0)) == 2  # the new visit is in
    walk_row = model.index(1, 0, model.index(0, 0))
    assert walk_row.data() == "09:00  Walk: Questioning"
    assert view.isExpanded(walk_row)
    assert not view.isExpanded(model.index(1, 0))
    assert view.currentIndex().data(VISIT_ID_ROLE) == stop


def test_the_visit_already_open_is_selected_on_start(qtbot, context, store, school, settle):
    visit_id = add_visit(store, school["science"], at(date.today(), 9))
    context.open_visit(visit_id)
    navigator = Navigator(context)
    qtbot.addWidget(navigator)
    navigator.show()
    settle()
    assert navigator.visits_view.currentIndex().data(VISIT_ID_ROLE) == visit_id
