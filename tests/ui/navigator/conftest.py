"""Navigator fixtures: a context on a real profile and helpers to build visits at known times."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time

import pytest

from observe.store import Store
from observe.store.models import Classroom, School, Teacher, Visit, VisitType, Walk
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.navigator import Navigator


class Answer:
    """Stands in for the "Delete?" question box: records each question, answers ``reply``."""

    def __init__(self, reply: bool) -> None:
        self.reply = reply
        self.asked: list[str] = []

    def __call__(self, parent: object, question: str) -> bool:
        self.asked.append(question)
        return self.reply


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall-clock time, as an aware datetime (the store turns it into UTC)."""
    return datetime.combine(day, time(hour, minute)).astimezone()


@pytest.fixture
def settle(qtbot) -> Callable[[], None]:
    """Waits until no background work is left and its results have been applied.

    Twice, with a pause longer than the navigator's 50 ms refresh delay, so work started by a
    refresh timer (or by a result that asks for more) is waited for too.
    """

    def wait() -> None:
        for _ in range(2):
            qtbot.wait(80)
            qtbot.waitUntil(lambda: not operations.running(), timeout=20_000)

    return wait


@pytest.fixture
def context(store: Store, settle) -> Iterator[VisitContext]:
    ctx = VisitContext(store)
    yield ctx
    settle()
    operations.shutdown()


@pytest.fixture
def navigator(qtbot, context: VisitContext, settle) -> Navigator:
    nav = Navigator(context)
    qtbot.addWidget(nav)
    nav.resize(420, 640)
    nav.show()
    settle()
    return nav


@pytest.fixture
def school(store: Store) -> dict[str, str]:
    """Two teachers with one classroom each: ids by name."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        zoe = Teacher(school=school, display_name="Zoë Okafor", email="zoe@lincoln.org")
        ben = Teacher(school=school, display_name="Ben Ode")
        science = Classroom(teacher=zoe, subject="Science", grade="6", period="2", room="B12")
        history = Classroom(teacher=ben, subject="History", grade="8", period="3")
        s.add_all([school, zoe, ben, science, history])
    return {
        "school": school.id,
        "zoe": zoe.id,
        "ben": ben.id,
        "science": science.id,
        "history": history.id,
    }


def add_visit(
    store: Store,
    classroom_id: str,
    started: datetime,
    visit_type: VisitType = VisitType.COACHING_OBSERVATION,
    walk_id: str | None = None,
) -> str:
    with store.write() as s:
        visit = Visit(
            classroom_id=classroom_id, visit_type=visit_type, started_at=started, walk_id=walk_id
        )
        s.add(visit)
    return visit.id


def add_walk(store: Store, title: str, started: datetime) -> str:
    with store.write() as s:
        walk = Walk(title=title, started_at=started)
        s.add(walk)
    return walk.id
