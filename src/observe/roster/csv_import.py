"""Importing teachers and classrooms from a roster CSV (teacher, subject, grade, period, room,
email).

Reading and importing are separate steps so the app can show a preview with every problem,
row by row, in sentences; the import itself is one transaction and refuses a file with any
problem, so a roster is never half-imported. Rows that match a classroom already in the
profile are skipped, which makes importing the same file twice harmless. An email (what a
teacher signs in with to read shared feedback) fills in a teacher that has none; one the coach
already typed is never overwritten.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from observe.errors import UsageError
from observe.i18n import _
from observe.roster.teachers import teacher_problems
from observe.store import Store
from observe.store.models import Classroom, School, Teacher

COLUMNS = ("teacher", "subject", "grade", "period", "room", "email")
ALIASES = {
    "teacher name": "teacher",
    "name": "teacher",
    "course": "subject",
    "class": "subject",
    "grade level": "grade",
    "block": "period",
    "room number": "room",
    "e-mail": "email",
    "email address": "email",
    "teacher email": "email",
}
LIMITS = {"teacher": 200, "subject": 120, "grade": 20, "period": 20, "room": 40}
MAX_BYTES = 5_000_000


@dataclass
class RosterRow:
    line: int
    teacher: str
    subject: str
    grade: str | None
    period: str | None
    room: str | None
    errors: list[str] = field(default_factory=list)
    email: str | None = None
    exists: bool = False
    new_teacher: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.teacher.casefold(), self.subject.casefold(), (self.period or "").casefold())


@dataclass
class RosterPreview:
    rows: list[RosterRow]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not any(r.errors for r in self.rows)

    @property
    def to_import(self) -> list[RosterRow]:
        return [r for r in self.rows if not r.errors and not r.exists]

    def error_sentences(self) -> list[str]:
        out = list(self.problems)
        for row in self.rows:
            out.extend(f"Line {row.line}: {error}" for error in row.errors)
        return out


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(_("The roster file's text encoding isn't recognised; save it as UTF-8 CSV."))


def read_roster(store: Store, path: Path) -> RosterPreview:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(_("There is no file at {path}.").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise UsageError(_("{path} is a folder; choose a CSV file.").format(path=path)) from exc
    if len(data) > MAX_BYTES:
        raise UsageError(
            _("{path} is larger than 5 MB, which is too big for a roster.").format(path=path)
        )
    return parse_roster(store, _decode(data))


def parse_roster(store: Store, text: str) -> RosterPreview:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return RosterPreview([], [_("The file is empty.")])
    except csv.Error as exc:
        return RosterPreview([], [_("The file isn't readable as CSV ({exc}).").format(exc=exc)])
    names = [ALIASES.get(h.strip().casefold(), h.strip().casefold()) for h in header]
    missing = [c for c in ("teacher", "subject") if c not in names]
    if missing:
        return RosterPreview(
            [],
            [
                _(
                    "The first line must name the columns: teacher, subject, grade, period, "
                    "room, email (teacher and subject are required; this file has no {value} "
                    "column)."
                ).format(value=" or ".join(missing))
            ],
        )
    index = {name: names.index(name) for name in COLUMNS if name in names}

    with store.read() as s:
        existing_teachers = {
            t.casefold() for t in s.scalars(select(Teacher.display_name).where(~Teacher.deleted))
        }
        existing_rooms = {
            (t.casefold(), subj.casefold(), (period or "").casefold())
            for t, subj, period in s.execute(
                select(Teacher.display_name, Classroom.subject, Classroom.period)
                .join(Classroom.teacher)
                .where(~Classroom.deleted, ~Teacher.deleted)
            )
        }

    rows: list[RosterRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    emails: dict[str, tuple[str, int]] = {}  # teacher (casefolded) → (email, first line)
    try:
        for line_no, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            values = {
                name: (cells[i].strip() if i < len(cells) else "") for name, i in index.items()
            }
            row = RosterRow(
                line=line_no,
                teacher=values.get("teacher", ""),
                subject=values.get("subject", ""),
                grade=values.get("grade") or None,
                period=values.get("period") or None,
                room=values.get("room") or None,
                email=(values.get("email") or "").lower() or None,
            )
            if not row.teacher:
                row.errors.append("the teacher's name is missing.")
            if not row.subject:
                row.errors.append("the subject is missing.")
            for name, limit in LIMITS.items():
                if len(values.get(name, "")) > limit:
                    row.errors.append(f"the {name} is longer than {limit} characters.")
            if row.email and "email" in teacher_problems("x", row.email):
                row.errors.append(
                    f"the email {row.email!r} doesn't look complete (like name@school.org)."
                )
            elif row.email and row.teacher:
                first = emails.setdefault(row.teacher.casefold(), (row.email, line_no))
                if first[0] != row.email:
                    row.errors.append(
                        _("{teacher} has another email ({first}) on line {first2}.").format(
                            teacher=row.teacher, first=first[0], first2=first[1]
                        )
                    )
            if not row.errors:
                if row.key in seen:
                    row.errors.append(f"the same class is already on line {seen[row.key]}.")
                else:
                    seen[row.key] = line_no
                row.exists = row.key in existing_rooms
                row.new_teacher = row.teacher.casefold() not in existing_teachers
            rows.append(row)
    except csv.Error as exc:
        return RosterPreview(rows, [_("The file isn't readable as CSV ({exc}).").format(exc=exc)])
    if not rows:
        return RosterPreview([], [_("The file has a header line but no classes.")])
    return RosterPreview(rows)


@dataclass(frozen=True)
class RosterResult:
    teachers_added: int
    classrooms_added: int
    skipped: int


def import_roster(
    store: Store, preview: RosterPreview, school_name: str | None = None
) -> RosterResult:
    """Imports every row or none."""
    if not preview.ok:
        raise UsageError(
            _("The roster has problems, so nothing was imported: ")
            + " ".join(preview.error_sentences()[:5])
        )
    store.ensure_sound()  # a batch of writes never goes into a damaged file
    teachers_added = classrooms_added = 0
    with store.write() as s:
        school = s.scalars(
            select(School).where(~School.deleted).order_by(School.created_at)
        ).first()
        if school is None or (school_name and school.name != school_name):
            named = (
                s.scalars(select(School).where(School.name == school_name, ~School.deleted)).first()
                if school_name
                else None
            )
            school = named or School(name=school_name or "My school")
            s.add(school)
        teachers = {
            t.display_name.casefold(): t for t in s.scalars(select(Teacher).where(~Teacher.deleted))
        }
        for row in preview.to_import:
            teacher = teachers.get(row.teacher.casefold())
            if teacher is None:
                teacher = Teacher(school=school, display_name=row.teacher)
                teachers[row.teacher.casefold()] = teacher
                s.add(teacher)
                teachers_added += 1
            s.add(
                Classroom(
                    teacher=teacher,
                    subject=row.subject,
                    grade=row.grade,
                    period=row.period,
                    room=row.room,
                )
            )
            classrooms_added += 1
        for row in preview.rows:
            teacher = teachers.get(row.teacher.casefold())
            if row.email and teacher is not None and not teacher.email:
                teacher.email = row.email
    return RosterResult(teachers_added, classrooms_added, len(preview.rows) - classrooms_added)
