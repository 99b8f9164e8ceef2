"""One visit's evidence, participation and feedback rows, made while the demo is written.

They are most of the demo (over 100,000 evidence items at the district size), so they are made
visit by visit as the writer asks for them and never held in memory all at once; the plan only
counts them. They draw from the plan's random stream after all the planning, visit by visit in
time order, which keeps a seed's demo the same.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta
from typing import Any

from observe.capture.marks import NOT_YET, SEEN
from observe.demo import phrases as P
from observe.demo.writer import BatchWriter
from observe.demo.year_plan import PlannedVisit, YearPlan
from observe.feedback.publish import citation, compose
from observe.store.models import (
    Evidence,
    EvidenceKind,
    Feedback,
    MeasureKind,
    ParticipationEvent,
    ParticipationKind,
    Visibility,
    VisitType,
)

_KIND_WEIGHTS: dict[VisitType, tuple[int, int, int, int, int]] = {
    # student talk, student action, teacher move, artifact, note
    VisitType.LEARNING_WALK: (35, 30, 20, 10, 5),
    VisitType.COACHING_OBSERVATION: (35, 25, 25, 7, 8),
    VisitType.MODELING: (40, 30, 15, 5, 10),
    VisitType.CO_TEACHING: (38, 27, 20, 7, 8),
}
_KINDS = (
    EvidenceKind.STUDENT_TALK,
    EvidenceKind.STUDENT_ACTION,
    EvidenceKind.TEACHER_MOVE,
    EvidenceKind.ARTIFACT,
    EvidenceKind.NOTE,
)
_PARTICIPATION = (
    ParticipationKind.VOLUNTEERED,
    ParticipationKind.CALLED_ON,
    ParticipationKind.ASKED_QUESTION,
    ParticipationKind.PEER_TALK,
)
_PARTICIPATION_WEIGHTS = (40, 25, 15, 20)


def _phrase_pools() -> dict[tuple[EvidenceKind, str], list[P.Phrase]]:
    pools: dict[tuple[EvidenceKind, str], list[P.Phrase]] = {}
    for family in P.STUDENT_TALK:
        pools[EvidenceKind.STUDENT_TALK, family] = [*P.STUDENT_TALK[family], *P.GENERAL_TALK]
        pools[EvidenceKind.STUDENT_ACTION, family] = [
            *P.STUDENT_ACTION[family],
            *P.GENERAL_ACTION,
        ]
        pools[EvidenceKind.TEACHER_MOVE, family] = list(P.TEACHER_MOVE)
        pools[EvidenceKind.ARTIFACT, family] = list(P.ARTIFACT[family])
        pools[EvidenceKind.NOTE, family] = list(P.NOTE)
    return pools


class VisitDetails:
    """Writes a planned visit's detail rows (``write`` is the plan's ``details``)."""

    def __init__(self, plan: YearPlan) -> None:
        self.plan = plan
        self.rng = plan.rng
        self._pools = _phrase_pools()

    def _fill(self, template: str) -> str:
        if "{" not in template:
            return template
        rng = self.rng
        table = rng.randint(1, 6)
        n, k = rng.randint(2, 9), rng.randint(2, 6)
        whole = rng.randint(14, 30)
        return template.format(
            table=table,
            table2=(table + rng.randint(1, 5) - 1) % 6 + 1,
            n=n,
            k=k,
            prod=n * k,
            whole=whole,
            part=rng.randint(whole // 2, whole),
            secs=rng.randint(3, 12),
            mins=rng.randint(2, 4),
            page=rng.randint(12, 240),
            size=rng.randint(3, 5),
        )

    def write(self, v: PlannedVisit, writer: BatchWriter) -> None:
        """Evidence, participation and feedback for one visit, written as they're made."""
        listening = v.visit_type is VisitType.STUDENT_LISTENING
        made = self._listening_evidence(v) if listening else self._evidence(v)
        # (id, kind, codes) of what was seen, for feedback to point at.
        seen: list[tuple[str, EvidenceKind, tuple[str, ...]]] = []
        #: id → (time, kind, text), for the published copy of shared feedback.
        items: dict[str, tuple[datetime, EvidenceKind, str]] = {}
        for offset, kind, text, codes, prompt_index in made:
            at = v.start + timedelta(seconds=offset)
            text, codes, marks = _marked(kind, text, codes, offset, listening)
            row = self.plan.new_record(at, v.visibility)
            row.update(
                visit_id=v.id,
                observed_at=at,
                evidence_kind=kind,
                text=text,
                prompt_index=prompt_index,
                lookfor_marks={self.plan.lookfor_ids[c]: m for c, m in sorted(marks.items())}
                or None,
                image_sha256=None,
            )
            writer.add(Evidence, row, [self.plan.lookfor_ids[c] for c in codes])
            # Feedback picks from every tagged item, as it did before marks existed, so the
            # planner's random stream (and every figure after it) stays the same per seed.
            seen.append((row["id"], kind, codes))
            items[row["id"]] = (at, kind, text)
        voices = self._participation(v, writer)
        if v.feedback:
            self._feedback(v, seen, writer, items, voices)

    def _offsets(self, v: PlannedVisit, count: int) -> list[int]:
        duration = int((v.end - v.start).total_seconds())
        return sorted(self.rng.sample(range(15, max(duration - 10, count + 16)), count))

    def _evidence(
        self, v: PlannedVisit
    ) -> list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]]:
        rng = self.rng
        kinds = rng.choices(_KINDS, weights=_KIND_WEIGHTS[v.visit_type], k=v.n_evidence)
        bias_code = ""
        bias = 0.0
        if v.cycle is not None and v.cycle.measure is MeasureKind.LOOKFOR_FREQUENCY:
            bias_code, bias = v.cycle.measure_code, 0.1 + 0.5 * v.growth
        out: list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]] = []
        used: set[str] = set()
        for i, (offset, kind) in enumerate(zip(self._offsets(v, v.n_evidence), kinds, strict=True)):
            if i == 0 and v.featured is not None:
                fkind, text, codes = P.FEATURED[v.featured]
                out.append((offset, EvidenceKind(fkind), text, codes, None))
                continue
            pool = self._pools[kind, v.room.family]
            biased = False
            if bias_code and rng.random() < bias:
                matching = [p for p in pool if bias_code in p[1]]
                if matching:
                    pool, biased = matching, True
            # The same sentence twice in one visit reads as a copy-paste slip; redraw a little.
            for _attempt in range(4):
                template, codes = pool[rng.randrange(len(pool))]
                if template not in used:
                    break
            used.add(template)
            text = self._fill(template)
            keep = 0.5 if kind is EvidenceKind.NOTE else 0.85
            if not biased and rng.random() >= keep:
                codes = ()
            out.append((offset, kind, text, codes, None))
        return out

    def _listening_evidence(
        self, v: PlannedVisit
    ) -> list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]]:
        rng = self.rng
        notes = rng.sample(P.LISTENING_NOTES, v.listening_notes)
        items: list[tuple[EvidenceKind, str, int | None]] = [(EvidenceKind.NOTE, notes[0], None)]
        for index, (prompt_id, count) in enumerate(zip(v.prompt_ids, v.responses, strict=True)):
            for answer in rng.sample(P.LISTENING[prompt_id][1], count):
                items.append((EvidenceKind.STUDENT_TALK, answer, index))
        items += [(EvidenceKind.NOTE, note, None) for note in notes[1:]]
        offsets = self._offsets(v, len(items))
        return [
            (offset, kind, text, (), prompt_index)
            for offset, (kind, text, prompt_index) in zip(offsets, items, strict=True)
        ]

    def _participation(self, v: PlannedVisit, writer: BatchWriter) -> tuple[int, int, int] | None:
        """Writes the visit's tallies; returns (distinct voices, seats, contributions)."""
        if not v.n_participation:
            return None
        rng = self.rng
        room = v.room
        # Weighted sampling without replacement (Efraimidis–Spirakis): the usual voices first.
        keyed = sorted(
            range(len(room.seat_ids)),
            key=lambda i: rng.random() ** (1.0 / room.seat_weights[i]),
            reverse=True,
        )
        active = keyed[: v.voices]
        weights = [room.seat_weights[i] for i in active]
        picks = active + rng.choices(active, weights=weights, k=v.n_participation - len(active))
        rng.shuffle(picks)
        kinds = rng.choices(_PARTICIPATION, weights=_PARTICIPATION_WEIGHTS, k=len(picks))
        for offset, seat, kind in zip(self._offsets(v, len(picks)), picks, kinds, strict=True):
            at = v.start + timedelta(seconds=offset)
            row = self.plan.new_record(at, v.visibility)
            row.update(
                visit_id=v.id,
                seat_id=room.seat_ids[seat],
                occurred_at=at,
                participation_kind=kind,
            )
            writer.add(ParticipationEvent, row)
        return len(set(picks)), len(room.seat_ids), len(picks)

    def _feedback(
        self,
        v: PlannedVisit,
        seen: list[tuple[str, EvidenceKind, tuple[str, ...]]],
        writer: BatchWriter,
        items: dict[str, tuple[datetime, EvidenceKind, str]],
        voices: tuple[int, int, int] | None,
    ) -> None:
        rng = self.rng
        tagged = [s for s in seen if s[2] and s[1] is not EvidenceKind.NOTE]
        untagged = [s for s in seen if not s[2] and s[1] is not EvidenceKind.NOTE]
        wanted = rng.randint(2, 3)
        chosen = rng.sample(tagged, min(wanted, len(tagged)))
        chosen += rng.sample(untagged, min(wanted - len(chosen), len(untagged)))
        chosen.sort(key=lambda s: seen.index(s))
        glows: list[dict[str, Any]] = []
        used: set[str] = set()
        for evidence_id, kind, codes in chosen:
            options = [t for c in codes for t in P.GLOWS[c] if t not in used]
            text = rng.choice(options) if options else P.GLOW_BY_KIND[kind.value]
            if text in used:
                continue
            used.add(text)
            glows.append({"evidence_id": evidence_id, "text": text})
        shared = rng.random() < 0.7
        written = v.end + timedelta(minutes=rng.randint(20, 90))
        row = self.plan.new_record(written, Visibility.TEACHER if shared else Visibility.PRIVATE)
        row.update(
            visit_id=v.id,
            glows=glows,
            wondering=rng.choice(P.WONDERINGS),
            reflection_prompt=rng.choice(P.REFLECTION_PROMPTS),
            shared_at=min(written + timedelta(hours=rng.randint(1, 20)), self.plan.cap)
            if shared
            else None,
            published=None,
        )
        if shared:
            # What saving it shared in the app would publish (a test reads it back to check).
            row["published"] = compose(
                teacher_email=v.room.teacher_email,
                teacher_name=v.room.teacher_name,
                coach_name=None,
                visit_date=v.start.astimezone(self.plan.tz).date(),
                visit_type=v.visit_type,
                class_label=v.room.label,
                strengths=[
                    {"text": g["text"], "evidence": self._cited(items.get(g["evidence_id"]))}
                    for g in glows
                ],
                wondering=row["wondering"],
                prompt=row["reflection_prompt"],
                voices=voices,
                shared_at=row["shared_at"],
            )
        writer.add(Feedback, row)

    def _cited(self, item: tuple[datetime, EvidenceKind, str] | None) -> list[dict[str, str]]:
        if item is None or item[1] is EvidenceKind.NOTE:
            return []
        at, kind, text = item
        return [citation(at, self.plan.tz, kind, text)]


def _marked(
    kind: EvidenceKind, text: str, codes: tuple[str, ...], offset: int, listening: bool
) -> tuple[str, tuple[str, ...], dict[str, str]]:
    """What the coach marked on a demo item: most tagged talk, actions, artifacts and teacher
    moves show their look-for (seen), the rest and notes are only about it; about one untagged
    note in five records a look-for not yet there. Decided from the item itself, not the planner's
    random stream, so adding marks left every other demo figure as it was."""
    roll = zlib.crc32(f"{offset}|{text}".encode()) % 100
    if kind is EvidenceKind.NOTE and not codes and not listening and roll < 20:
        note, code = P.NOT_YET_NOTES[roll % len(P.NOT_YET_NOTES)]
        return note, (code,), {code: NOT_YET}
    if kind is EvidenceKind.NOTE:
        return text, codes, {}
    return text, codes, {c: SEEN for c in codes} if roll < 85 else {}
