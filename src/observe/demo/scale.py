"""How much demo data each size makes."""

from __future__ import annotations

from dataclasses import dataclass

SIZES: tuple[str, ...] = ("small", "district")


@dataclass(frozen=True)
class Scale:
    """How much of everything to make. Tests use reduced scales to exercise the district path."""

    schools: int
    teachers: int
    classrooms_per_teacher: tuple[int, int]
    walks: int
    visits_per_walk: tuple[int, int]
    walk_evidence: tuple[int, int]
    observations: int
    observation_evidence: tuple[int, int]
    listening: int
    cycles: int
    #: Extra observations are added until planned evidence reaches this.
    min_evidence: int = 0
    timezone: str = "America/Chicago"


SCALES: dict[str, Scale] = {
    "small": Scale(
        schools=1,
        teachers=12,
        classrooms_per_teacher=(1, 3),
        walks=6,
        visits_per_walk=(3, 6),
        walk_evidence=(4, 9),
        observations=14,
        observation_evidence=(12, 24),
        listening=2,
        cycles=3,
    ),
    "district": Scale(
        schools=4,
        teachers=40,
        classrooms_per_teacher=(1, 3),
        walks=600,
        visits_per_walk=(3, 6),
        walk_evidence=(6, 14),
        observations=2300,
        observation_evidence=(20, 45),
        listening=60,
        cycles=12,
        min_evidence=100_000,
    ),
}
