"""A shared coaching cycle as the teacher's pages show it, read from ``published`` only.

``published`` is what the coach's app wrote when it shared the cycle
(``observe.coaching.cycle_share``, format 1): the focus, the student-learning goal, the dates,
the action steps, and the measure before → after with the app's own sentence. It arrives over
the network, so each field is checked for its shape here: a missing or odd field is left out,
never shown as "None" and never an error page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from observe.server.teacher_view import SharedItem, SharedSummary
from observe.server.web.i18n import _
from observe.server.web.sheet import _text, long_date


@dataclass(frozen=True)
class Step:
    title: str
    kind: str
    status: str
    done_on: str


@dataclass(frozen=True)
class Bar:
    """One end of the measure, drawn as a bar on the same scale as the other end."""

    label: str
    value: str
    percent: int

    @property
    def spoken(self) -> str:
        return _("{label}: {value}").format(label=self.label, value=self.value)


@dataclass(frozen=True)
class Measure:
    label: str
    sentence: str
    bars: list[Bar]


@dataclass(frozen=True)
class Cycle:
    record_id: str
    coach_name: str
    focus: str
    student_goal: str
    status: str
    started_on: str
    ended_on: str
    shared_on: str
    steps: list[Step]
    measure: Measure | None

    @property
    def dates(self) -> str:
        if self.started_on and self.ended_on:
            return _("{start} to {end}").format(start=self.started_on, end=self.ended_on)
        return _("since {start}").format(start=self.started_on) if self.started_on else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value < 1_000_000 else None


def _shown(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def _steps(value: Any) -> list[Step]:
    found = []
    for s in value if isinstance(value, list) else []:
        if isinstance(s, dict) and _text(s.get("title"), 300):
            found.append(
                Step(
                    _text(s["title"], 300),
                    _text(s.get("kind"), 100),
                    _text(s.get("status"), 100),
                    long_date(s.get("done_on")) if s.get("done") is True else "",
                )
            )
    return found


def _measure(value: Any) -> Measure | None:
    if not isinstance(value, dict):
        return None
    label = _text(value.get("label"), 300)
    sentence = _text(value.get("sentence"), 1000)
    if not (label or sentence):
        return None
    unit = _text(value.get("unit"), 100)
    before, after = _number(value.get("before")), _number(value.get("after"))
    target, out_of = _number(value.get("target")), _number(value.get("out_of"))
    top = max(v for v in (before, after, target, out_of, 0.0) if v is not None)
    started = _("Baseline") if value.get("before_from") == "baseline" else _("Before")
    ends = [(started, before, True), (_("Latest"), after, True), (_("Target"), target, False)]
    bars = []
    for name, number, counted in ends:
        if number is None:
            continue
        words = (
            _("{value} of {whole}").format(value=_shown(number), whole=_shown(out_of))
            if out_of and counted
            else _shown(number)
        )
        words += f" {unit}" if unit else ""
        percent = max(0, min(100, round(100 * number / top))) if top else 0
        bars.append(Bar(name, words, percent))
    return Measure(label or _("Measure"), sentence, bars)


def cycle_of(item: SharedItem) -> Cycle:
    p = item.published
    return Cycle(
        record_id=item.record_id,
        coach_name=_text(p.get("coach_name"), 200) or item.coach_name,
        focus=_text(p.get("focus"), 500) or _("Coaching cycle"),
        student_goal=_text(p.get("student_goal"), 4000),
        status=_text(p.get("status"), 100),
        started_on=long_date(p.get("started_on")),
        ended_on=long_date(p.get("ended_on")),
        shared_on=long_date(p.get("shared_at")) or long_date(item.updated_at.isoformat()),
        steps=_steps(p.get("steps")),
        measure=_measure(p.get("measure")),
    )


@dataclass(frozen=True)
class ListedCycle:
    """A cycle's line in the teacher's list."""

    record_id: str
    coach_name: str
    focus: str
    status: str
    started_on: str
    shared_on: str


def listed_cycle(summary: SharedSummary) -> ListedCycle:
    f = summary.listed
    return ListedCycle(
        record_id=summary.record_id,
        coach_name=_text(f.get("coach_name"), 200) or summary.coach_name,
        focus=_text(f.get("focus"), 500) or _("Coaching cycle"),
        status=_text(f.get("status"), 100),
        started_on=long_date(f.get("started_on")),
        shared_on=long_date(f.get("shared_at")) or long_date(summary.updated_at.isoformat()),
    )
