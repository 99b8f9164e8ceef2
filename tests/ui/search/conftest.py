"""Search fixtures: a context on a real profile with evidence for two teachers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from observe.capture.evidence import save_evidence
from observe.store import Store
from observe.store.models import (
    Classroom,
    EvidenceKind,
    LookFor,
    LookForSet,
    School,
    Teacher,
    Visit,
    VisitType,
)
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.search import SearchDialog


@pytest.fixture
def settle(qtbot) -> Callable[[], None]:
    def wait() -> None:
        for _ in range(2):
            qtbot.wait(60)
            qtbot.waitUntil(lambda: not operations.running(), timeout=20_000)

    return wait


@pytest.fixture
def context(store: Store, settle) -> Iterator[VisitContext]:
    ctx = VisitContext(store)
    yield ctx
    settle()
    operations.shutdown()


@pytest.fixture
def evidence(store: Store) -> dict[str, str]:
    """Zoë's science visit (Oct 6) and Ben's history visit (Nov 3), with tagged evidence."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        zoe = Teacher(school=school, display_name="Zoë Okafor")
        ben = Teacher(school=school, display_name="Ben Ode")
        science = Classroom(teacher=zoe, subject="Science")
        history = Classroom(teacher=ben, subject="History")
        october = datetime(2026, 10, 6, 15, 0, tzinfo=UTC)
        november = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)
        v1 = Visit(classroom=science, visit_type=VisitType.COACHING_OBSERVATION, started_at=october)
        v2 = Visit(classroom=history, visit_type=VisitType.LEARNING_WALK, started_at=november)
        lset = LookForSet(name="Discourse")
        explain = LookFor(lookfor_set=lset, code="D1", title="Students explain", hotkey=1)
        s.add_all([school, zoe, ben, science, history, v1, v2, lset, explain])
    ids = {"zoe": zoe.id, "ben": ben.id, "v1": v1.id, "v2": v2.id, "explain": explain.id}
    ids["slope"] = save_evidence(
        store,
        v1.id,
        EvidenceKind.STUDENT_TALK,
        '"The slope is the rate of change, because it goes up 3."',
        lookfor_ids=[explain.id],
        observed_at=october.replace(minute=5),
    ).id
    ids["graph_science"] = save_evidence(
        store,
        v1.id,
        EvidenceKind.STUDENT_ACTION,
        "Students graph the rate table in pairs.",
        observed_at=october.replace(minute=9),
    ).id
    ids["graph_history"] = save_evidence(
        store,
        v2.id,
        EvidenceKind.TEACHER_MOVE,
        "Teacher asks students to graph population over time.",
        observed_at=november.replace(minute=2),
    ).id
    return ids


@pytest.fixture
def dialog(qtbot, evidence, context: VisitContext, settle) -> SearchDialog:
    d = SearchDialog(context, debounce_ms=20)
    qtbot.addWidget(d)
    d.show()
    settle()
    return d
