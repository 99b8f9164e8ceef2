"""How much demo data each size makes."""

from __future__ import annotations

from dataclasses import dataclass, replace

SIZES: tuple[str, ...] = ("small", "district")
#: ``observe demo --years``: one coach's history, up to a decade.
MAX_YEARS = 10


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
    #: Consecutive school years ending with the current one (see :func:`over_years`).
    years: int = 1


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


def over_years(scale: Scale, years: int) -> Scale:
    """``scale`` as a yearly rate, over ``years`` school years ending with the current one.

    Same schools, teachers and rooms (one coach in one district for years); the visits, walks,
    listening sessions, cycles and the evidence floor are per year, so five years of the
    district size is about 500,000 evidence items, what a busy coach's laptop holds by then.
    """
    if years == 1:
        return scale
    return replace(
        scale,
        years=years,
        walks=scale.walks * years,
        observations=scale.observations * years,
        listening=scale.listening * years,
        cycles=scale.cycles * years,
        min_evidence=scale.min_evidence * years,
    )
