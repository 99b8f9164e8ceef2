"""Views refresh because the store says what changed, not because a writer remembered to."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from sqlalchemy import select, update

from observe.store.models import School, Teacher
from observe.ui.context import VisitContext


def _add_teacher(store, name: str = "Ms. Ortiz") -> None:
    with store.write() as s:
        s.add(Teacher(school=School(name="Lincoln Middle"), display_name=name))


def _recorder(context: VisitContext) -> tuple[list[str], list[str], list[bool]]:
    views: list[str] = []
    local: list[str] = []
    on_gui_thread: list[bool] = []

    def heard(kind: str) -> None:
        views.append(kind)
        on_gui_thread.append(QThread.currentThread() is context.thread())

    context.records_changed.connect(heard)
    context.local_records_changed.connect(local.append)
    return views, local, on_gui_thread


def test_a_write_nobody_announced_still_reaches_the_views(qtbot, store):
    context = VisitContext(store)
    views, local, _ = _recorder(context)
    _add_teacher(store)
    qtbot.waitUntil(lambda: "teacher" in views)
    assert views.index("school") < views.index("teacher")  # parents first
    assert "teacher" in local  # a local change: the sync controller hears it


def test_a_write_on_the_gui_thread_reaches_the_views_before_the_writer_goes_on(qtbot, store):
    # Undo relies on this: the timeline must show the row an undo changed before the next key.
    context = VisitContext(store)
    views, local, on_gui_thread = _recorder(context)
    ids: list[frozenset[str]] = []
    context.store_changed.connect(lambda news: ids.append(news.ids.get("teacher", frozenset())))
    _add_teacher(store)
    assert views == ["school", "teacher"]  # no event loop turn needed
    assert local == ["school", "teacher"]
    with store.read() as s:
        assert ids == [frozenset(s.scalars(select(Teacher.id)))]
    _add_teacher(store, "Mr. Chen")  # each write is news of its own, once
    assert views == ["school", "teacher"] * 2
    qtbot.wait(50)
    assert views == ["school", "teacher"] * 2 and all(on_gui_thread)


def test_a_commit_on_a_worker_thread_reaches_the_views_on_the_gui_thread(qtbot, store):
    context = VisitContext(store)
    views, _, on_gui_thread = _recorder(context)
    worker = threading.Thread(target=_add_teacher, args=(store,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "teacher" in views)
    assert all(on_gui_thread)


def test_changes_from_the_server_refresh_views_but_are_not_sent_back(qtbot, store):
    context = VisitContext(store)
    _add_teacher(store)
    qtbot.wait(20)
    views, local, _ = _recorder(context)
    with store.write_core(remote=True) as conn:
        conn.execute(update(School.__table__).values(name="Renamed on the tablet"))
    qtbot.waitUntil(lambda: "school" in views)
    assert local == []


def test_a_closed_window_stops_listening(qtbot, store):
    context = VisitContext(store)
    context.deleteLater()
    qtbot.waitUntil(lambda: not store.changes._subscribers)
    _add_teacher(store)  # nobody left to tell, and no error on the way
