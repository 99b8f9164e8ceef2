"""``observe check``: is the database file sound? Answered in sentences, without writing to it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from observe.errors import explain_storage_error
from observe.store.blobs import verify_blobs
from observe.store.sqlite_file import (
    Damaged,
    NotSQLite,
    foreign_key_problems,
    inspect_file,
    integrity_problems,
    readonly_connect,
)

_NOUNS = {
    "school": "school",
    "teacher": "teacher",
    "classroom": "classroom",
    "seat": "seat",
    "lookfor_set": "look-for set",
    "lookfor": "look-for",
    "walk": "learning walk",
    "coaching_cycle": "coaching cycle",
    "visit": "visit",
    "evidence": "evidence item",
    "evidence_lookfor": "look-for tag",
    "participation_event": "participation event",
    "feedback": "feedback sheet",
    "reflection": "teacher's reflection",
    "cycle_step": "cycle step",
    "coaching_log_entry": "coaching-log entry",
    "cycle_survey": "student survey",
    "cycle_assessment": "set of assessment results",
    "sample_score": "work sample's score",
}


def noun(table: str, n: int) -> str:
    word = _NOUNS.get(table, table.replace("_", " "))
    if n == 1:
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith("ch") else "s")


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path) -> CheckReport:
    report = CheckReport()
    try:
        state = inspect_file(path)
    except NotSQLite:
        report.problems.append(f"{path} is not a SQLite database, so it is not an Observe profile.")
        return report
    except Damaged as exc:
        report.problems.append(f"{path} is damaged and can't be read ({exc}).")
        return report
    except sqlite3.Error as exc:
        report.problems.append(f"{path} can't be read: {explain_storage_error(exc, path) or exc}")
        return report
    if not state.exists or state.is_empty:
        report.problems.append(f"There is no database at {path} yet; nothing to check.")
        return report

    conn = readonly_connect(path)
    try:
        try:
            damage = integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            damage = [str(exc)]
        if damage:
            report.problems.append(
                "SQLite's integrity check found damage: " + "; ".join(damage[:5]) + "."
            )
        else:
            report.findings.append("SQLite's integrity check passed.")

        try:
            _links_and_index(conn, report)
            _images(conn, path.parent / "blobs", report)
        except sqlite3.DatabaseError as exc:
            if not damage:
                report.problems.append(f"Reading the records failed: {exc}.")
    finally:
        conn.close()
    return report


def _links_and_index(conn: sqlite3.Connection, report: CheckReport) -> None:
    broken = foreign_key_problems(conn, limit=100_000)
    if broken:
        for (table, parent), n in sorted(Counter((t, p) for t, _, p in broken).items()):
            report.problems.append(
                f"{n} {noun(table, n)} {'points' if n == 1 else 'point'} at "
                f"{noun(parent, 1)} records that no longer exist."
            )
    else:
        report.findings.append("Every record's links to other records are intact.")

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if {"evidence", "evidence_fts"} <= tables:
        live = conn.execute("SELECT count(*) FROM evidence WHERE deleted = 0").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM evidence_fts").fetchone()[0]
        if live == indexed:
            report.findings.append(f"The search index covers all {live:,} evidence items.")
        else:
            report.problems.append(
                f"The search index has {indexed:,} entries for {live:,} evidence items, so "
                "search may miss or show stale text."
            )


def _images(conn: sqlite3.Connection, root: Path, report: CheckReport) -> None:
    """Every image an evidence item names is in the blobs folder with the bytes its name says
    (deleted items too: undo brings them back)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(evidence)")}
    if "image_sha256" not in columns:
        return
    names = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT image_sha256 FROM evidence WHERE image_sha256 IS NOT NULL"
        )
    ]
    if not names:
        return
    problems = list(verify_blobs(root, names))
    report.problems.extend(p.sentence(root) for p in problems)
    if not problems:
        n = len(names)
        report.findings.append(
            f"All {n:,} image{'s' if n != 1 else ''} of student work are present and intact."
            if n != 1
            else "The one image of student work is present and intact."
        )
