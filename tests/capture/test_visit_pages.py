"""The visit list read a page at a time: whole days, no gaps, nothing twice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from observe.capture.visit_pages import load_visit_page, load_visit_span, visit_is_running
from observe.capture.visit_removal import delete_visit
from observe.capture.visits import end_visit, start_visit
from observe.roster.teachers import save_classroom, save_teacher
from observe.store.models import VisitType


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _classroom(store, teacher: str) -> str:
    return save_classroom(
        store, None, save_teacher(store, None, teacher, None), "Math", *[None] * 3
    )


def test_pages_are_whole_days_and_tile_every_visit_once(store):
    room = save_classroom(
        store, None, save_teacher(store, None, "Zoë Okafor", None), "Math", None, None, None
    )
    today = date.today()
    made = []
    for days_ago in range(5):
        for hour in (9, 10):  # two visits a day
            visit = start_visit(
                store,
                room,
                VisitType.LEARNING_WALK,
                started_at=_at(today - timedelta(days_ago), hour),
            )
            made.append(visit.id)

    first = load_visit_page(store, page_visits=3)  # 3 visits reach into the second day
    assert len(first.visits) == 4
    assert first.more and first.oldest is not None
    seen = [v.id for v in first.visits]
    page = first
    while page.more:
        page = load_visit_page(store, page.oldest, page_visits=3)
        seen.extend(v.id for v in page.visits)
    assert sorted(seen) == sorted(made) and len(seen) == len(set(seen))
    assert [v.id for v in load_visit_span(store, first.oldest).visits] == [
        v.id for v in first.visits
    ]


def test_running_means_live_and_not_ended(store):
    room = save_classroom(
        store, None, save_teacher(store, None, "Ben Ode", None), "Art", None, None, None
    )
    running = start_visit(store, room, VisitType.COACHING_OBSERVATION).id
    ended = start_visit(store, room, VisitType.COACHING_OBSERVATION).id
    end_visit(store, ended)
    gone = start_visit(store, room, VisitType.COACHING_OBSERVATION).id
    delete_visit(store, gone)
    assert visit_is_running(store, running)
    assert not visit_is_running(store, ended)
    assert not visit_is_running(store, gone)
    assert not visit_is_running(store, "no-such-visit")
    assert load_visit_page(store).visits[0].running is (
        load_visit_page(store).visits[0].id == running
    )
