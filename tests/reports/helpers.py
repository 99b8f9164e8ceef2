"""A hand-built visit whose every detail a test can look for in the PDF, and PDF readers."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from observe.capture.evidence import save_evidence
from observe.capture.marks import SEEN
from observe.capture.participation import tally
from observe.store import Store
from observe.store.models import (
    Classroom,
    EvidenceKind,
    LookFor,
    LookForSet,
    ParticipationKind,
    School,
    Seat,
    Teacher,
    Visit,
    VisitType,
    Walk,
)

T0 = datetime(2026, 10, 6, 14, 0, 0, tzinfo=UTC)

#: Seat labels no sentence would contain, so finding one in a PDF means it leaked.
SEAT_LABELS = [f"Sq{n}x" for n in range(1, 9)]
ARABIC = "أعتقد أن الجواب صحيح"


@dataclass
class Built:
    visit_id: str
    lookfor_ids: list[str]
    evidence: list[tuple[EvidenceKind, str]] = field(default_factory=list)
    evidence_ids: list[str] = field(default_factory=list)
    walk_id: str | None = None


def build_visit(
    store: Store,
    *,
    teacher: str = "Nguyễn Thị Ánh",
    email: str | None = None,
    items: list[tuple[EvidenceKind, str]] | None = None,
    walk_id: str | None = None,
    tallies: int = 6,
    start: datetime = T0,
) -> Built:
    """A visit in a classroom with 8 seats in two groups, look-fors, evidence and tallies."""
    with store.write() as s:
        school = School(name="Lincoln Middle", timezone="America/Chicago")
        t = Teacher(school=school, display_name=teacher, email=email)
        room = Classroom(teacher=t, subject="Science", grade="6", period="2", rows=2, cols=4)
        seats = [
            Seat(
                classroom=room,
                label=label,
                row=i // 4,
                col=i % 4,
                group_label="Table 1" if i < 4 else "Table 2",
            )
            for i, label in enumerate(SEAT_LABELS)
        ]
        lset = LookForSet(name="Discourse")
        lookfors = [
            LookFor(
                lookfor_set=lset, code="D1", title="Students explain their thinking", position=0
            ),
            LookFor(lookfor_set=lset, code="D2", title="Students question each other", position=1),
        ]
        visit = Visit(
            classroom=room,
            walk_id=walk_id,
            visit_type=VisitType.COACHING_OBSERVATION,
            started_at=start,
            ended_at=start + timedelta(minutes=30),
            focus="Student talk",
        )
        s.add_all([school, t, room, *seats, lset, *lookfors, visit])
    seat_ids = [seat.id for seat in seats]
    lookfor_ids = [lf.id for lf in lookfors]
    if items is None:
        items = [
            (EvidenceKind.STUDENT_TALK, '"I think it\'s 3 because the pattern doubles."'),
            (EvidenceKind.STUDENT_ACTION, "Students at table 2 compare their drawings."),
            (EvidenceKind.TEACHER_MOVE, "Teacher asks, 'Who can add on to that?'"),
            (EvidenceKind.STUDENT_TALK, f"«{ARABIC}»"),
            (EvidenceKind.STUDENT_TALK, '"Zoë said it first, Ólafur agreed 🙂 🦄"'),
            (EvidenceKind.ARTIFACT, "Anchor chart: <b>claim</b> & evidence & reasoning"),
            (EvidenceKind.NOTE, "Private: ask about the seating plan."),
        ]
    built = Built(visit.id, lookfor_ids, items)
    for i, (kind, text) in enumerate(items):
        tags = [lookfor_ids[i % 2]] if kind is not EvidenceKind.NOTE else []
        # What students said or did the coach marked seen; the rest is only about a look-for.
        shows = kind in (EvidenceKind.STUDENT_TALK, EvidenceKind.STUDENT_ACTION)
        item = save_evidence(
            store,
            visit.id,
            kind,
            text,
            lookfor_ids=tags,
            lookfor_marks={t: SEEN for t in tags} if shows else None,
            observed_at=start + timedelta(seconds=30 + i * 7),
        )
        built.evidence_ids.append(item.id)
    for n in range(tallies):
        tally(
            store,
            visit.id,
            seat_ids[n % len(seat_ids)],
            ParticipationKind.VOLUNTEERED,
            occurred_at=start + timedelta(minutes=1, seconds=n),
        )
    return built


def make_walk(store: Store, title: str = "Week 6 walk") -> str:
    with store.write() as s:
        walk = Walk(title=title, focus="Who is talking?", started_at=T0)
        s.add(walk)
    return walk.id


def pdf_text(data: bytes | Path) -> str:
    reader = PdfReader(data if isinstance(data, Path) else _bytes_io(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def body_text(data: bytes) -> str:
    """Page text without the running footer, so text that flows across a page break reads on."""
    pages = []
    for page in reader(data).pages:
        lines = (page.extract_text() or "").splitlines()
        pages.append("\n".join(line for line in lines if not FOOTER.search(line)))
    return "\n".join(pages)


FOOTER = re.compile(r"^(Page \d+ of \d+|Feedback for .* · .*|DRAFT — not yet reviewed)$")


def flat(text: str) -> str:
    """Whitespace-insensitive form (line wrapping moves spaces and newlines around)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def reader(data: bytes) -> PdfReader:
    return PdfReader(_bytes_io(data))


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)


def fonts_in(data: bytes) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in reader(data).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        fonts = resources.get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = False
            if descriptor is not None:
                d = descriptor.get_object()
                embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = embedded
    return found
