"""Assessment results of a coaching cycle: a common task's scores before and after.

Only the distribution is kept (how many students got each score), never a row, a name or a
student number. The coach sets the threshold ("meets at or above 3 of 4"); before and after are
judged against the same one, so the share meeting it compares like with like.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from observe.coaching.csv_table import Table, looks_identifying, parse, read_file
from observe.coaching.surveys import TITLE_MAX, check_phase
from observe.cyclemeasure import share_change
from observe.errors import UsageError
from observe.i18n import _, ngettext
from observe.store import Store
from observe.store.models import CoachingCycle, CycleAssessment

_SCORE_WORDS = (
    "score",
    "points",
    "mark",
    "total",
    "result",
    "grade",
    "level",
    "rubric",
    "note",
    "nota",
    "punkte",
    "puntaje",
)
#: A student's number in other words (kept out of the store like a name).
_NUMBER_WORDS = ("number", "n°", "nº", "#", "élève", "alumno", "schüler", "pupil", "learner")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")
_QUIZ = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*\d+(?:[.,]\d+)?$")
MAX_SCORE = 1_000_000.0


@dataclass(frozen=True)
class ScoresPreview:
    title: str
    column: str
    #: (score, students) by score, lowest first.
    distribution: tuple[tuple[float, int], ...]
    dropped: tuple[str, ...] = ()

    @property
    def students(self) -> int:
        return sum(n for _, n in self.distribution)

    def meeting(self, meets: float) -> int:
        return sum(n for score, n in self.distribution if score >= meets)

    def sentences(self, meets: float, out_of: float | None) -> list[str]:
        share = self.meeting(meets) / self.students if self.students else 0.0
        out = [
            ngettext(
                "{students} score from the column “{column}”; {meeting} meet {threshold} "
                "({percent}%).",
                "{students} scores from the column “{column}”; {meeting} meet {threshold} "
                "({percent}%).",
                self.students,
            ).format(
                students=self.students,
                column=self.column,
                meeting=self.meeting(meets),
                threshold=threshold_text(meets, out_of),
                percent=round(share * 100),
            ),
            _("Scores: {scores}.").format(
                scores=", ".join(f"{number_text(s)}: {n}" for s, n in self.distribution)
            ),
        ]
        if self.dropped:
            out.append(
                _("Not stored, so no student can be identified: ") + ", ".join(self.dropped) + "."
            )
        return out


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def threshold_text(meets: float, out_of: float | None) -> str:
    whole = f" of {number_text(out_of)}" if out_of is not None else ""
    return f"“at or above {number_text(meets)}{whole}”"


def _number(cell: str) -> float | None:
    quiz = _QUIZ.match(cell)  # a Google Forms quiz's "7 / 10": the points
    if quiz:
        cell = quiz.group(1)
    if not _NUMBER.match(cell):
        return None
    value = float(cell.replace(",", "."))
    return value if math.isfinite(value) else None


def _score_column(table: Table, kept: list[int]) -> int:
    named = [i for i in kept if any(w in table.header[i].casefold() for w in _SCORE_WORDS)]
    if len(named) == 1:
        return named[0]
    numeric = [
        i
        for i in kept
        if (cells := [c for c in table.column(i) if c])
        and sum(_number(c) is not None for c in cells) * 2 > len(cells)
    ]
    if len(numeric) == 1:
        return numeric[0]
    if not numeric and not named:
        raise UsageError(
            _(
                "{name} has no column of scores; it needs one column of numbers, for "
                "example headed “Score”."
            ).format(name=table.name)
        )
    raise UsageError(
        _("{name} has several columns that could be the scores (").format(name=table.name)
        + ", ".join(table.header[i] for i in (named or numeric))
        + "); keep only the one to import, or head it “Score”."
    )


def scores_from_table(table: Table) -> ScoresPreview:
    """The distribution of the file's score column, or a sentence saying what to fix."""
    if all(_number(c) is not None for c in table.header):
        # No header: the first line is already a student's score.
        table = Table(
            table.name,
            tuple(f"Column {n}" for n in range(1, len(table.header) + 1)),
            [list(table.header), *table.rows],
        )
        first_line = 1
    else:
        first_line = 2
    dropped = []
    kept = []
    for i, title in enumerate(table.header):
        folded = title.casefold()
        scorelike = any(w in folded for w in _SCORE_WORDS)
        if not scorelike and (
            looks_identifying(title, table.column(i)) or any(w in folded for w in _NUMBER_WORDS)
        ):
            dropped.append(title)
        elif any(table.column(i)):
            kept.append(i)
    if not kept:
        raise UsageError(
            _("{name} has no column of scores; nothing was imported.").format(name=table.name)
        )
    column = _score_column(table, kept)
    counts: Counter[float] = Counter()
    for line, cell in enumerate(table.column(column), start=first_line):
        if not cell:
            continue  # absent: not a score
        value = _number(cell)
        if value is None:
            raise UsageError(
                _(
                    "Row {line} of {name} has “{cell}” as a score, which is not a number; "
                    "correct it or leave the cell empty, then import again."
                ).format(line=line, name=table.name, cell=cell[:40])
            )
        if value < 0 or value > MAX_SCORE:
            raise UsageError(
                _("Row {line} of {name} has the score {cell}; scores must be 0 or more.").format(
                    line=line, name=table.name, cell=cell[:20]
                )
            )
        counts[value] += 1
    if not counts:
        raise UsageError(
            _("The column “{header}” of {name} has no scores.").format(
                header=table.header[column], name=table.name
            )
        )
    others = [table.header[i] for i in kept if i != column]
    return ScoresPreview(
        title=Path(table.name).stem[:TITLE_MAX] or "Assessment",
        column=table.header[column],
        distribution=tuple(sorted(counts.items())),
        dropped=tuple(dropped + others),
    )


def read_scores_bytes(data: bytes, name: str) -> ScoresPreview:
    return scores_from_table(parse(data, name))


def read_scores(path: Path) -> ScoresPreview:
    return read_scores_bytes(read_file(path), path.name)


def check_threshold(
    preview: ScoresPreview | None, meets: float, out_of: float | None
) -> tuple[float, float | None]:
    if not math.isfinite(meets) or meets <= 0:
        raise UsageError(_("The score that meets the goal must be a number above 0, e.g. 3."))
    if out_of is not None:
        if not math.isfinite(out_of) or out_of < meets:
            raise UsageError(
                _(
                    "The task can't be out of {number_text} when {number_text2} meets the "
                    "goal; check the two numbers."
                ).format(number_text=number_text(out_of), number_text2=number_text(meets))
            )
        if preview is not None:
            top = preview.distribution[-1][0]
            if top > out_of:
                raise UsageError(
                    _(
                        "A score of {number_text} is above the {number_text2} the task is out "
                        "of; check the file or the number, then import again."
                    ).format(number_text=number_text(top), number_text2=number_text(out_of))
                )
    return meets, out_of


@dataclass(frozen=True)
class SavedScores:
    id: str
    replaced: bool


def save_scores(
    store: Store,
    cycle_id: str,
    phase: str,
    preview: ScoresPreview,
    meets: float,
    out_of: float | None = None,
) -> SavedScores:
    """Stores the distribution as the cycle's ``phase`` results, replacing earlier ones.

    Refused when the other phase was judged against another threshold: before and after must
    be compared against the same bar."""
    phase = check_phase(phase)
    meets, out_of = check_threshold(preview, meets, out_of)
    with store.write() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted; nothing was imported."))
        live = list(
            s.scalars(
                select(CycleAssessment).where(
                    CycleAssessment.cycle_id == cycle_id, CycleAssessment.deleted.is_(False)
                )
            )
        )
        for other in live:
            if other.phase != phase and (other.meets, other.out_of) != (meets, out_of):
                raise UsageError(
                    _(
                        "The {phase} scores were judged against {threshold_text}; use the same "
                        "threshold for these so before and after compare. Nothing was imported."
                    ).format(
                        phase=other.phase, threshold_text=threshold_text(other.meets, other.out_of)
                    )
                )
        replaced = [row for row in live if row.phase == phase]
        for row in replaced:
            row.deleted = True
        record = CycleAssessment(
            cycle_id=cycle_id,
            phase=phase,
            title=preview.title[:TITLE_MAX],
            meets=meets,
            out_of=out_of,
            students=preview.students,
            scores=[[score, n] for score, n in preview.distribution],
        )
        s.add(record)
        s.flush()
        return SavedScores(record.id, bool(replaced))


@dataclass(frozen=True)
class PhaseScores:
    students: int
    meeting: int
    distribution: tuple[tuple[float, int], ...]

    @property
    def share(self) -> float | None:
        return self.meeting / self.students if self.students else None


@dataclass(frozen=True)
class AssessmentMeasure:
    title: str
    meets: float
    out_of: float | None
    before: PhaseScores | None
    after: PhaseScores | None

    @property
    def threshold(self) -> str:
        return threshold_text(self.meets, self.out_of)

    @property
    def change(self) -> float | None:
        return share_change(self.before, self.after)


def _distribution(raw: object) -> tuple[tuple[float, int], ...]:
    out = []
    for pair in raw if isinstance(raw, list) else []:
        try:
            out.append((float(pair[0]), int(pair[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return tuple(sorted(out))


def cycle_assessment(store: Store, cycle_id: str) -> AssessmentMeasure | None:
    """The cycle's assessment measure, or None when it has no results."""
    with store.read() as s:
        rows = list(
            s.scalars(
                select(CycleAssessment)
                .where(CycleAssessment.cycle_id == cycle_id, CycleAssessment.deleted.is_(False))
                .order_by(CycleAssessment.created_at)
            )
        )
        data = [(r.phase, r.title, r.meets, r.out_of, _distribution(r.scores)) for r in rows]
    return assessment_from_rows(data)


def assessment_from_rows(
    rows: list[tuple[str, str, float, float | None, tuple[tuple[float, int], ...]]],
) -> AssessmentMeasure | None:
    if not rows:
        return None
    latest = rows[-1]
    meets, out_of = latest[2], latest[3]
    phases: dict[str, PhaseScores] = {}
    for phase, _title, _meets, _out_of, dist in rows:
        # Judged against the latest threshold: the distribution allows it, and the import
        # refuses two different ones, so this only matters for records synced from elsewhere.
        phases[phase] = PhaseScores(
            sum(n for _, n in dist), sum(n for s, n in dist if s >= meets), dist
        )
    return AssessmentMeasure(latest[1], meets, out_of, phases.get("before"), phases.get("after"))
