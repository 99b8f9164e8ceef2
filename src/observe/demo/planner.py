"""Plans a seeded school year: schools, rooms, walks, visits, cycles and their evidence.

The parts are planned in a fixed order from one random stream (``year_plan``): changing the
order, or drawing more or less in one part, changes every record after it for the same seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from observe.demo import phrases as P
from observe.demo.coaching_log import plan_log_entries
from observe.demo.cycles import plan_cycles
from observe.demo.scale import Scale
from observe.demo.schools import plan_lookfors, plan_schools_and_rooms
from observe.demo.visit_details import VisitDetails
from observe.demo.visit_schedule import plan_listening, plan_observation, plan_walks, visit_row
from observe.demo.writer import BatchWriter
from observe.demo.year_plan import PlannedVisit, YearPlan
from observe.errors import UsageError
from observe.store.models import SyncRecord, Visit, VisitType
from observe.store.outbox import Identity


@dataclass
class _Plan:
    rows: dict[type[SyncRecord], list[dict[str, Any]]]
    visits: list[PlannedVisit]
    total: int
    details: Callable[[PlannedVisit, BatchWriter], None]


class Planner:
    """Decides everything up front except the per-visit detail rows, so the total is exact."""

    def __init__(
        self, rng: random.Random, scale: Scale, identity: Identity, today: date, cap: datetime
    ) -> None:
        if scale.teachers > len(P.TEACHER_NAMES) or scale.schools > len(P.SCHOOLS):
            raise UsageError("That demo size needs more names than the demo knows.")
        if not 1 <= scale.schools <= scale.teachers:
            raise UsageError("A demo size needs at least one teacher in every school.")
        self.year_plan = YearPlan(rng, scale, identity, today, cap)

    def plan(self) -> _Plan:
        plan = self.year_plan
        plan_schools_and_rooms(plan)
        plan_lookfors(plan)
        plan_walks(plan)
        plan_cycles(plan)
        for _ in range(plan.scale.observations):
            plan_observation(plan)
        for _ in range(plan.scale.listening):
            plan_listening(plan)
        while sum(v.n_evidence for v in plan.visits) < plan.scale.min_evidence:
            plan_observation(plan)
        plan.visits.sort(key=lambda v: (v.start, v.id))
        featured = (v for v in plan.visits if v.visit_type is not VisitType.STUDENT_LISTENING)
        for index, visit in zip(range(len(P.FEATURED)), featured, strict=False):
            visit.featured = index
        for visit in plan.visits:
            plan.rows[Visit].append(visit_row(plan, visit))
        plan_log_entries(plan)
        details = sum(v.n_evidence + v.n_participation + v.feedback for v in plan.visits)
        total = sum(len(rows) for rows in plan.rows.values()) + details
        return _Plan(plan.rows, plan.visits, total, VisitDetails(plan).write)
