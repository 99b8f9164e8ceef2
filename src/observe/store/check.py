"""``observe check``: is the database file sound? Answered in sentences, without writing to it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from observe.errors import explain_storage_error
from observe.i18n import _, ngettext
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
        report.problems.append(
            _("{path} is not a SQLite database, so it is not an Observe profile.").format(path=path)
        )
        return report
    except Damaged as exc:
        report.problems.append(
            _("{path} is damaged and can't be read ({exc}).").format(path=path, exc=exc)
        )
        return report
    except sqlite3.Error as exc:
        report.problems.append(f"{path} can't be read: {explain_storage_error(exc, path) or exc}")
        return report
    if not state.exists or state.is_empty:
        report.problems.append(
            _("There is no database at {path} yet; nothing to check.").format(path=path)
        )
        return report

    conn = readonly_connect(path)
    try:
        try:
            damage = integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            damage = [str(exc)]
        if damage:
            report.problems.append(
                _("SQLite's integrity check found damage: ") + "; ".join(damage[:5]) + "."
            )
        else:
            report.findings.append(_("SQLite's integrity check passed."))

        try:
            _links_and_index(conn, report)
            _images(conn, path.parent / "blobs", report)
        except sqlite3.DatabaseError as exc:
            if not damage:
                report.problems.append(_("Reading the records failed: {exc}.").format(exc=exc))
    finally:
        conn.close()
    return report


def _links_and_index(conn: sqlite3.Connection, report: CheckReport) -> None:
    broken = foreign_key_problems(conn, limit=100_000)
    if broken:
        for (table, parent), n in sorted(Counter((t, p) for t, _, p in broken).items()):
            report.problems.append(
                ngettext(
                    "{n} {noun} points at {parent} records that no longer exist.",
                    "{n} {noun} point at {parent} records that no longer exist.",
                    n,
                ).format(n=n, noun=noun(table, n), parent=noun(parent, 1))
            )
    else:
        report.findings.append(_("Every record's links to other records are intact."))

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if {"evidence", "evidence_fts"} <= tables:
        live = conn.execute("SELECT count(*) FROM evidence WHERE deleted = 0").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM evidence_fts").fetchone()[0]
        if live == indexed:
            report.findings.append(
                _("The search index covers all {live:,} evidence items.").format(live=live)
            )
        else:
            report.problems.append(
                _(
                    "The search index has {indexed:,} entries for {live:,} evidence items, "
                    "so search may miss or show stale text."
                ).format(indexed=indexed, live=live)
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
    pending = _synced_here(conn, [p.sha for p in problems if p.state == "missing"])
    if pending:
        n = len(pending)
        report.findings.append(
            ngettext(
                "{n} image of student work came with a record from another device and is not "
                "downloaded yet; it downloads from the sync server when it is shown, printed "
                "or exported.",
                "{n} images of student work came with records from another device and are not "
                "downloaded yet; they download from the sync server when they are shown, "
                "printed or exported.",
                n,
            ).format(n=n)
        )
        problems = [p for p in problems if p.sha not in pending]
    report.problems.extend(p.sentence(root) for p in problems)
    if not problems and not pending:
        n = len(names)
        report.findings.append(
            _("All {n:,} images of student work are present and intact.").format(n=n)
            if n != 1
            else _("The one image of student work is present and intact.")
        )


def _synced_here(conn: sqlite3.Connection, missing: list[str]) -> set[str]:
    """Of the missing images, those named only by records made on another device (pulled by
    sync): not lost, just not downloaded yet (``observe.sync.blobs``). An image one of this
    device's own records names was attached here, so its absence is a real loss."""
    if not missing:
        return set()
    try:
        row = conn.execute("SELECT value FROM profile_setting WHERE key = 'device_id'").fetchone()
    except sqlite3.DatabaseError:
        return set()
    here = row[0] if row else None
    if here is None:
        return set()
    pending = set()
    for sha in missing:
        own = conn.execute(
            "SELECT 1 FROM evidence WHERE image_sha256 = ? AND device_id = ? LIMIT 1", (sha, here)
        ).fetchone()
        if own is None:
            pending.add(sha)
    return pending
