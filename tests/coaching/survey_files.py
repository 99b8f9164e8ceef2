"""Real-looking survey and score exports (as Google Forms, Microsoft Forms and Excel write them)
and a cycle to attach them to."""

from __future__ import annotations

import csv
import io
from datetime import date

from observe.coaching import cycles
from observe.coaching.cycles import CycleDraft
from observe.store import Store
from observe.store.models import MeasureKind
from tests.coaching.helpers import make_room

Q1 = "I get to share my thinking in this class."
Q2 = "How often do you talk about your ideas with a partner?"
Q3 = "How much do you enjoy math? (1-5)"
Q4 = "Do you feel your classmates listen to you?"
FREE = "Is there anything else you want your teacher to know?"

NAMES = ["Maya Lopez", "Jonah Kim", "Aisha Bello", "Liam O'Brien", "Sofía Núñez"]
AGREE = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
OFTEN = ["Always", "Often", "Sometimes", "Rarely", "Never"]


def _rows(n: int, shift: int) -> list[tuple[str, str, str, str, str]]:
    """n students' answers; ``shift`` moves answers towards agreeing."""
    out = []
    for i in range(n):
        out.append(
            (
                AGREE[max(0, (i + 2 - shift)) % 5],
                OFTEN[max(0, (i + 1 - shift)) % 5],
                str(5 - max(0, (i + 1 - shift)) % 5),
                "Yes" if (i + shift) % 3 else "No",
                f"My name is {NAMES[i % 5]}" if i % 4 == 0 else "",
            )
        )
    return out


def google_forms_csv(n: int = 20, shift: int = 0) -> bytes:
    """A Google Forms "Download responses (.csv)": UTF-8, no BOM, comma-separated."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["Timestamp", "Email Address", "Name", Q1, Q2, Q3, Q4, FREE])
    for i, answers in enumerate(_rows(n, shift)):
        name = NAMES[i % 5]
        email = name.split()[0].casefold() + f"{i}@students.lincoln.org"
        w.writerow([f"2026/09/1{i % 9} 10:{i % 60:02d}:00 AM GMT-4", email, name, *answers])
    return buf.getvalue().encode("utf-8")


def microsoft_forms_csv(n: int = 20, shift: int = 0, *, excel: str = "utf-8-sig") -> bytes:
    """A Microsoft Forms export opened in Excel and saved as CSV: a BOM (or UTF-16, or
    cp1252 with semicolons from a European Excel)."""
    sep = ";" if excel == "cp1252" else ("\t" if excel == "utf-16" else ",")
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(
        ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", Q1, Q2, Q4]
    )
    for i, answers in enumerate(_rows(n, shift)):
        name = (
            NAMES[i % 5].replace("í", "i").replace("ú", "u") if excel == "cp1252" else NAMES[i % 5]
        )
        w.writerow(
            [
                i + 1,
                f"9/1{i % 9}/26 10:00:00",
                f"9/1{i % 9}/26 10:04:31",
                "anonymous",
                name,
                "",
                answers[0],
                answers[1],
                answers[3],
            ]
        )
    return buf.getvalue().encode(excel)


def scores_csv(scores: list[str], *, sep: str = ",") -> bytes:
    lines = [sep.join(["Student number", "Student name", "Score"])]
    # Student numbers no uuid, timestamp or number in the database could contain by chance.
    lines += [sep.join([f"SN-{1000 + i}", NAMES[i % 5], s]) for i, s in enumerate(scores)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def make_cycle(store: Store) -> str:
    teacher_id, _room, _seats = make_room(store)
    return cycles.save_cycle(
        store,
        CycleDraft(
            teacher_id=teacher_id,
            focus="Widen participation in discussion",
            measure_kind=MeasureKind.DISTINCT_VOICES,
            baseline=9.0,
            started_on=date(2026, 9, 14),
        ),
    )
