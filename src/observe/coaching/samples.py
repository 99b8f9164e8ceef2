"""Work samples of a coaching cycle scored against its success criteria, before → after.

A sample is a photo or scan of student work: an image artifact on one of the cycle's visits.
The coach scores it (Meets / Approaching / Not yet) with a short note and says whether it is
from before or after the cycle; the measure is the share of scored samples that meet the
criteria, before against after. A score counts only while its sample's visit is still in the
cycle and the sample still exists, so unlinking a visit or deleting a photo takes its score
out of the measure without rewriting anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.clock import utcnow
from observe.coaching.surveys import check_phase
from observe.cyclemeasure import share_change
from observe.errors import StorageError, UsageError, read_only_sentence
from observe.i18n import N_, _, ngettext
from observe.safetext import clean_text
from observe.store import Store
from observe.store.models import CoachingCycle, Evidence, EvidenceKind, SampleScore, Visit

#: A note is a sentence or two beside the score, not an essay.
NOTE_MAX = 500


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    meets: bool

    @property
    def display(self) -> str:
        return _(self.label)


#: The criteria levels, best first (what a cycle uses unless it defines its own).
LEVELS: tuple[Level, ...] = (
    Level("meets", N_("Meets"), True),
    Level("approaching", N_("Approaching"), False),
    Level("not_yet", N_("Not yet"), False),
)
_BY_KEY = {level.key: level for level in LEVELS}


def level_label(key: str) -> str:
    """A stored level in words (a level this build does not know reads as it was stored)."""
    found = _BY_KEY.get(key)
    return found.display if found else key


def check_level(text: str) -> Level:
    """The level ``text`` names ("meets", "Not yet", "not-yet"…), or a sentence listing them."""
    folded = (text or "").strip().casefold().replace("-", "_").replace(" ", "_")
    for level in LEVELS:
        if folded in (
            level.key,
            level.label.casefold().replace(" ", "_"),
            level.display.casefold().replace(" ", "_"),
        ):
            return level
    raise UsageError(
        _("“{level}” is not a level of the success criteria; use one of: {levels}.").format(
            level=(text or "").strip()[:40],
            levels=", ".join(level.display for level in LEVELS),
        )
    )


@dataclass(frozen=True)
class Sample:
    """One image artifact of the cycle, with its score when it has one."""

    id: str
    visit_id: str
    visit_started_at: datetime
    caption: str
    image_sha256: str
    #: The phase proposed for it: "before" on the cycle's first visit with samples, else "after".
    default_phase: str
    level: str | None = None
    meets: bool | None = None
    phase: str | None = None
    note: str | None = None

    @property
    def scored(self) -> bool:
        return self.level is not None

    @property
    def score_text(self) -> str:
        """ "Meets (before)", or "Not scored"."""
        if self.level is None:
            return _("Not scored")
        phase = _("before") if self.phase == "before" else _("after")
        return _("{level} ({phase})").format(level=level_label(self.level), phase=phase)


def _samples(s: Session, cycle_id: str) -> list[Sample]:
    rows = s.execute(
        select(Evidence, Visit.started_at)
        .join(Visit, Visit.id == Evidence.visit_id)
        .where(
            Visit.cycle_id == cycle_id,
            Visit.deleted.is_(False),
            Evidence.deleted.is_(False),
            Evidence.evidence_kind == EvidenceKind.ARTIFACT,
            Evidence.image_sha256.is_not(None),
        )
        .order_by(Visit.started_at, Evidence.observed_at, Evidence.id)
    ).all()
    scores = {
        sc.evidence_id: sc
        for sc in s.scalars(
            select(SampleScore)
            .where(SampleScore.cycle_id == cycle_id, SampleScore.deleted.is_(False))
            .order_by(SampleScore.updated_at)
        )
    }
    first_visit = rows[0][0].visit_id if rows else None
    out = []
    for item, started in rows:
        score = scores.get(item.id)
        out.append(
            Sample(
                id=item.id,
                visit_id=item.visit_id,
                visit_started_at=started,
                caption=item.text,
                image_sha256=item.image_sha256 or "",
                default_phase="before" if item.visit_id == first_visit else "after",
                level=score.level if score else None,
                meets=score.meets if score else None,
                phase=score.phase if score else None,
                note=score.note if score else None,
            )
        )
    return out


def cycle_samples(store: Store, cycle_id: str) -> list[Sample]:
    """The cycle's work samples in visit order, scored or not."""
    with store.read() as s:
        return _samples(s, cycle_id)


@dataclass(frozen=True)
class PhaseSamples:
    samples: int
    meeting: int

    @property
    def share(self) -> float | None:
        return self.meeting / self.samples if self.samples else None


@dataclass(frozen=True)
class SamplesMeasure:
    """Share of scored samples meeting the criteria, before and after."""

    before: PhaseSamples | None
    after: PhaseSamples | None
    unscored: int

    @property
    def change(self) -> float | None:
        return share_change(self.before, self.after)


def _phase_words(p: PhaseSamples) -> str:
    return ngettext(
        "{meeting} of {count} sample", "{meeting} of {count} samples", p.samples
    ).format(meeting=p.meeting, count=p.samples)


def measure_sentence(measure: SamplesMeasure) -> str:
    """ "Work samples meeting the criteria: 33% → 100% (+67 points; before 1 of 3 samples,
    after 2 of 2 samples)." """
    from observe.reports.cycle_evidence import before_after

    before = measure.before.share if measure.before else None
    after = measure.after.share if measure.after else None
    counts = "; ".join(
        _("{phase} {counts}").format(phase=phase, counts=_phase_words(p))
        for phase, p in ((_("before"), measure.before), (_("after"), measure.after))
        if p is not None
    )
    text = _("Work samples meeting the criteria: {change} ({counts}).").format(
        change=before_after(before, after), counts=counts
    )
    if measure.unscored:
        text += " " + ngettext(
            "{count} sample is not scored yet.",
            "{count} samples are not scored yet.",
            measure.unscored,
        ).format(count=measure.unscored)
    return text


def measure_of(samples: list[Sample]) -> SamplesMeasure | None:
    """The measure over ``samples``; None when none is scored."""
    phases: dict[str, list[bool]] = {"before": [], "after": []}
    for sample in samples:
        if sample.scored and sample.phase in phases:
            phases[sample.phase].append(bool(sample.meets))
    if not phases["before"] and not phases["after"]:
        return None

    def phase(found: list[bool]) -> PhaseSamples | None:
        return PhaseSamples(len(found), sum(found)) if found else None

    return SamplesMeasure(
        phase(phases["before"]),
        phase(phases["after"]),
        sum(1 for sample in samples if not sample.scored),
    )


def cycle_samples_measure(store: Store, cycle_id: str) -> SamplesMeasure | None:
    return measure_of(cycle_samples(store, cycle_id))


def measures_by_cycle(s: Session) -> dict[str, SamplesMeasure]:
    """Every cycle's samples measure in one pass (Impact → Cycles)."""
    cycle_ids = set(s.scalars(select(SampleScore.cycle_id).where(SampleScore.deleted.is_(False))))
    out = {}
    for cycle_id in sorted(cycle_ids):
        found = measure_of(_samples(s, cycle_id))
        if found is not None:
            out[cycle_id] = found
    return out


@dataclass(frozen=True)
class ScoredSample:
    sample_id: str
    caption: str
    cycle_id: str
    level: str
    meets: bool
    phase: str
    note: str | None
    replaced: bool

    def sentence(self) -> str:
        phase = _("before") if self.phase == "before" else _("after")
        return _("Scored the sample “{caption}”: {level}, {phase} the cycle.").format(
            caption=self.caption, level=level_label(self.level), phase=phase
        )


def _check_note(note: str | None) -> str | None:
    if note is None:
        return None
    cleaned = clean_text(note).strip()
    if len(cleaned) > NOTE_MAX:
        raise UsageError(
            _(
                "The note is {count:,} characters long; a score's note can have up to "
                "{limit:,}. Shorten it; nothing was saved."
            ).format(count=len(cleaned), limit=NOTE_MAX)
        )
    return cleaned or None


def _sample_in_cycle(s: Session, sample_id: str) -> tuple[Evidence, Visit]:
    item = s.get(Evidence, sample_id)
    if (
        item is None
        or item.deleted
        or item.evidence_kind != EvidenceKind.ARTIFACT
        or not item.image_sha256
    ):
        raise UsageError(
            _(
                'No work sample has the id "{id}" (a sample is a photo or scan attached to a '
                "visit). Nothing was saved."
            ).format(id=sample_id[:60])
        )
    visit = s.get_one(Visit, item.visit_id)
    cycle = s.get(CoachingCycle, visit.cycle_id) if visit.cycle_id else None
    if visit.deleted or cycle is None or cycle.deleted:
        raise UsageError(
            _(
                "That sample's visit is not part of a coaching cycle, so there are no success "
                "criteria to score it against. Link the visit to a cycle first; nothing was saved."
            )
        )
    return item, visit


def score_sample(
    store: Store,
    sample_id: str,
    level: str,
    *,
    phase: str | None = None,
    note: str | None = None,
) -> ScoredSample:
    """Scores the sample (or changes its score). ``phase`` None keeps the sample's earlier
    phase, or proposes one (its visit is the cycle's first with samples: before)."""
    if store.read_only:
        raise StorageError(read_only_sentence(store.paths.database) + " " + _("Nothing was saved."))
    chosen = check_level(level)
    text = _check_note(note)
    with store.write() as s:
        item, visit = _sample_in_cycle(s, sample_id)
        assert visit.cycle_id is not None
        live = list(
            s.scalars(
                select(SampleScore).where(
                    SampleScore.evidence_id == item.id, SampleScore.deleted.is_(False)
                )
            )
        )
        if phase is not None:
            when = check_phase(phase)
        else:
            earlier = next((sc.phase for sc in live if sc.cycle_id == visit.cycle_id), None)
            when = earlier or next(
                (x.default_phase for x in _samples(s, visit.cycle_id) if x.id == item.id),
                "before",
            )
        current = next((sc for sc in live if sc.cycle_id == visit.cycle_id), None)
        for other in live:
            if other is not current:
                other.deleted = True  # a score left from an earlier cycle of this visit
        if current is None:
            current = SampleScore(evidence_id=item.id, cycle_id=visit.cycle_id)
            s.add(current)
        current.level = chosen.key
        current.meets = chosen.meets
        current.phase = when
        current.note = text
        current.updated_at = utcnow()
        s.flush()
        return ScoredSample(
            item.id, item.text, visit.cycle_id, chosen.key, chosen.meets, when, text, bool(live)
        )


def clear_score(store: Store, sample_id: str) -> bool:
    """Takes the sample's score away (it no longer counts); False when it had none."""
    if store.read_only:
        raise StorageError(read_only_sentence(store.paths.database) + " " + _("Nothing was saved."))
    with store.write() as s:
        found = False
        for score in s.scalars(
            select(SampleScore).where(
                SampleScore.evidence_id == sample_id, SampleScore.deleted.is_(False)
            )
        ):
            score.deleted = True
            found = True
        return found


def resolve_sample(store: Store, ref: str) -> str:
    """The sample ``ref`` names: its id, the start of its id (6 characters or more, as
    ``observe score-sample --list`` prints them), or "latest" (the newest photo attached)."""
    ref = (ref or "").strip()
    with store.read() as s:
        base = select(Evidence.id).where(
            Evidence.deleted.is_(False),
            Evidence.evidence_kind == EvidenceKind.ARTIFACT,
            Evidence.image_sha256.is_not(None),
        )
        if ref.casefold() == "latest":
            found = s.scalars(base.order_by(Evidence.created_at.desc()).limit(1)).first()
            if found is None:
                raise UsageError(
                    _("No photo or scan of student work is attached yet; attach one first.")
                )
            return found
        if len(ref) >= 6:
            matches = list(
                s.scalars(base.where(Evidence.id.startswith(ref, autoescape=True)).limit(2))
            )
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise UsageError(
                    _('Several samples have ids starting "{ref}"; give more of the id.').format(
                        ref=ref[:60]
                    )
                )
    raise UsageError(
        _(
            'No work sample has the id "{ref}". List the cycle\'s samples with '
            "`observe score-sample --cycle active --list`."
        ).format(ref=ref[:60])
    )
