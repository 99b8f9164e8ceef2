"""Student surveys of a coaching cycle: imported from a form's CSV export, or tallied by hand.

Anonymous by construction: the import keeps, per question, only how many students chose each
option. Columns that could identify a student (names, emails, ids, timestamps) are dropped
before anything else is read, and the coach is told which; free-text answers are never kept.
A cycle has at most one survey per phase: importing the same phase again replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from observe.coaching.csv_table import Table, looks_identifying, parse, read_file
from observe.coaching.survey_scales import Scale, detect, scale_by_key
from observe.cyclemeasure import share_change
from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import CoachingCycle, CycleSurvey

PHASES = ("before", "after")
QUESTION_MAX = 300
TITLE_MAX = 200
MAX_QUESTIONS = 60
MAX_TALLY = 100_000
#: Columns a quiz-style form adds that are not the students' answers.
_NOT_QUESTIONS = {"score", "total score", "points", "total points", "feedback", "language"}


@dataclass(frozen=True)
class SurveyQuestion:
    text: str
    scale: str
    options: tuple[str, ...]
    counts: tuple[int, ...]
    agree: tuple[int, ...]

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def agreeing(self) -> int:
        return sum(self.counts[i] for i in self.agree)

    @property
    def share(self) -> float | None:
        """Share of the students who answered that agree (0–1); None when nobody answered."""
        return self.agreeing / self.answered if self.answered else None


@dataclass(frozen=True)
class SurveyPreview:
    """What an import would store, and what it left out (for the coach to read first)."""

    title: str
    source: str
    respondents: int
    questions: tuple[SurveyQuestion, ...]
    #: Columns dropped because they could identify a student.
    dropped: tuple[str, ...] = ()
    #: Columns left out because their answers fit no scale (free text, several choices).
    left_out: tuple[str, ...] = ()

    def sentences(self) -> list[str]:
        out = [
            f"{len(self.questions)} question{'s' if len(self.questions) != 1 else ''} "
            f"from {self.respondents} student{'s' if self.respondents != 1 else ''}."
        ]
        for q in self.questions:
            share = "no answers" if q.share is None else f"{round(q.share * 100)}% agree"
            out.append(f"  {q.text} [{scale_by_key(q.scale).label}]: {share}")
        if self.dropped:
            out.append(
                _("Dropped so no student can be identified (not stored): ") + _listing(self.dropped)
            )
        if self.left_out:
            out.append(
                _("Left out, the answers are not on a scale (free text or several choices): ")
                + _listing(self.left_out)
            )
        return out


def _listing(titles: Sequence[str]) -> str:
    text = ", ".join(f"“{t}”" for t in titles)
    return text + "."


@dataclass(frozen=True)
class SavedSurvey:
    id: str
    replaced: bool


def _source(header: Sequence[str]) -> str:
    titles = {h.casefold() for h in header}
    if {"start time", "completion time"} <= titles:
        return "microsoft_forms"
    if "timestamp" in titles:
        return "google_forms"
    return "csv"


def survey_from_table(table: Table) -> SurveyPreview:
    """The questions of a form export: identifying columns dropped, each other column kept
    when its answers fit a scale."""
    dropped: list[str] = []
    left_out: list[str] = []
    kept: list[tuple[int, Scale, list[int]]] = []
    columns = [table.column(i) for i in range(len(table.header))]
    for index, title in enumerate(table.header):
        cells = columns[index]
        if looks_identifying(title, cells):
            dropped.append(title)
            continue
        if not any(cells):
            continue
        if title.casefold() in _NOT_QUESTIONS:
            left_out.append(title)
            continue
        found = detect(cells)
        if found is None:
            left_out.append(title)
        else:
            kept.append((index, *found))
    if not kept:
        raise UsageError(
            _(
                "{name} has no question whose answers are on a scale (Strongly agree … "
                "Strongly disagree, Always … Never, 1–5, Yes/No); nothing was imported."
            ).format(name=table.name)
        )
    if len(kept) > MAX_QUESTIONS:
        raise UsageError(
            _(
                "{name} has {count} scale questions; a cycle survey can have at most "
                "{MAX_QUESTIONS}. Remove the columns you don't need and import it again."
            ).format(name=table.name, count=len(kept), MAX_QUESTIONS=MAX_QUESTIONS)
        )
    indexes = [index for index, _, _ in kept]
    respondents = sum(1 for row in table.rows if any(row[i] for i in indexes))
    questions = tuple(
        SurveyQuestion(
            text=table.header[index][:QUESTION_MAX],
            scale=scale.key,
            options=scale.options,
            counts=tuple(counts),
            agree=scale.agree,
        )
        for index, scale, counts in kept
    )
    return SurveyPreview(
        title=Path(table.name).stem[:TITLE_MAX] or "Student survey",
        source=_source(table.header),
        respondents=respondents,
        questions=questions,
        dropped=tuple(dropped),
        left_out=tuple(left_out),
    )


def read_survey_bytes(data: bytes, name: str) -> SurveyPreview:
    return survey_from_table(parse(data, name))


def read_survey(path: Path) -> SurveyPreview:
    """The survey in a Google Forms or Microsoft Forms CSV export, or a sentence about the file."""
    return read_survey_bytes(read_file(path), path.name)


def paper_survey(title: str, questions: Sequence[tuple[str, str, Sequence[int]]]) -> SurveyPreview:
    """A survey given on paper, from the coach's tallies: (question, scale key, count per
    option in the scale's order) for each question."""
    name = " ".join((title or "").split())[:TITLE_MAX] or "Paper survey"
    out: list[SurveyQuestion] = []
    seen: set[str] = set()
    for n, (text, key, counts) in enumerate(questions, start=1):
        text = " ".join((text or "").split())
        if not text:
            raise UsageError(
                _("Question {n} needs its wording, as the students read it.").format(n=n)
            )
        if len(text) > QUESTION_MAX:
            raise UsageError(
                _("Question {n} is longer than {QUESTION_MAX} characters; shorten it.").format(
                    n=n, QUESTION_MAX=QUESTION_MAX
                )
            )
        if text.casefold() in seen:
            raise UsageError(
                _("Question {n} is the same as an earlier one; remove one of them.").format(n=n)
            )
        seen.add(text.casefold())
        try:
            scale = scale_by_key(key)
        except KeyError:
            raise UsageError(_("Choose the answer scale of question {n}.").format(n=n)) from None
        tallies = tuple(int(c) for c in counts)
        if len(tallies) != len(scale.options):
            raise UsageError(
                _("Question {n} needs a tally for each of its {count} options.").format(
                    n=n, count=len(scale.options)
                )
            )
        if any(c < 0 or c > MAX_TALLY for c in tallies):
            raise UsageError(
                _(
                    "The tallies of question {n} must be whole numbers from 0 to {MAX_TALLY}."
                ).format(n=n, MAX_TALLY=MAX_TALLY)
            )
        out.append(SurveyQuestion(text, scale.key, scale.options, tallies, scale.agree))
    if not out:
        raise UsageError(_("Add at least one question and its tallies."))
    if len(out) > MAX_QUESTIONS:
        raise UsageError(
            _("A cycle survey can have at most {MAX_QUESTIONS} questions.").format(
                MAX_QUESTIONS=MAX_QUESTIONS
            )
        )
    if all(q.answered == 0 for q in out):
        raise UsageError(_("Every tally is 0; enter how many students chose each answer."))
    return SurveyPreview(name, "paper", max(q.answered for q in out), tuple(out))


def check_phase(phase: str) -> str:
    clean = (phase or "").strip().casefold()
    if clean not in PHASES:
        raise UsageError(
            _('Say whether this is from before or after the cycle: "before" or "after".')
        )
    return clean


def save_survey(store: Store, cycle_id: str, phase: str, preview: SurveyPreview) -> SavedSurvey:
    """Stores the survey's counts as the cycle's ``phase`` survey, replacing an earlier one."""
    phase = check_phase(phase)
    questions: list[dict[str, Any]] = [
        {
            "text": q.text,
            "scale": q.scale,
            "options": list(q.options),
            "counts": list(q.counts),
            "agree": list(q.agree),
        }
        for q in preview.questions
    ]
    with store.write() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted; nothing was imported."))
        old = list(
            s.scalars(
                select(CycleSurvey).where(
                    CycleSurvey.cycle_id == cycle_id,
                    CycleSurvey.phase == phase,
                    CycleSurvey.deleted.is_(False),
                )
            )
        )
        for row in old:
            row.deleted = True
        survey = CycleSurvey(
            cycle_id=cycle_id,
            phase=phase,
            title=preview.title[:TITLE_MAX],
            source=preview.source,
            respondents=preview.respondents,
            questions=questions,
        )
        s.add(survey)
        s.flush()
        return SavedSurvey(survey.id, bool(old))


def delete_survey(store: Store, cycle_id: str, phase: str) -> bool:
    """Removes the cycle's ``phase`` survey; False when it had none."""
    phase = check_phase(phase)
    with store.write() as s:
        rows = list(
            s.scalars(
                select(CycleSurvey).where(
                    CycleSurvey.cycle_id == cycle_id,
                    CycleSurvey.phase == phase,
                    CycleSurvey.deleted.is_(False),
                )
            )
        )
        for row in rows:
            row.deleted = True
        return bool(rows)


def _questions(raw: Any) -> list[SurveyQuestion]:
    out = []
    for q in raw or []:
        try:
            out.append(
                SurveyQuestion(
                    str(q["text"]),
                    str(q["scale"]),
                    tuple(str(o) for o in q["options"]),
                    tuple(int(c) for c in q["counts"]),
                    tuple(int(i) for i in q["agree"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue  # a record from a newer version we can't read: shown without it
    return out


@dataclass(frozen=True)
class SurveyMeasure:
    """One question's share agreeing, before → after (None where that phase lacks it)."""

    question: str
    before: SurveyQuestion | None
    after: SurveyQuestion | None

    @property
    def change(self) -> float | None:
        return share_change(self.before, self.after)


@dataclass(frozen=True)
class CycleSurveys:
    before_respondents: int | None
    after_respondents: int | None
    measures: tuple[SurveyMeasure, ...]


def cycle_surveys(store: Store, cycle_id: str) -> CycleSurveys:
    """The cycle's survey questions matched by wording across phases, in the order asked."""
    with store.read() as s:
        rows = {
            r.phase: (r.respondents, _questions(r.questions))
            for r in s.scalars(
                select(CycleSurvey)
                .where(CycleSurvey.cycle_id == cycle_id, CycleSurvey.deleted.is_(False))
                .order_by(CycleSurvey.created_at)
            )
        }
    return surveys_from_phases(rows)


def surveys_from_phases(rows: dict[str, tuple[int, list[SurveyQuestion]]]) -> CycleSurveys:
    before = {_key(q.text): q for q in rows.get("before", (0, []))[1]}
    after = {_key(q.text): q for q in rows.get("after", (0, []))[1]}
    order = list(before) + [k for k in after if k not in before]
    measures = tuple(
        SurveyMeasure(
            (before.get(k) or after[k]).text,
            before.get(k),
            after.get(k),
        )
        for k in order
    )
    return CycleSurveys(
        rows["before"][0] if "before" in rows else None,
        rows["after"][0] if "after" in rows else None,
        measures,
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" ?.!")
