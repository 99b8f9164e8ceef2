"""The impact view's data: named tables, and the interface every source of them implements.

Two sources fill the same tables: the coach's own store (:mod:`observe.coaching.impact`) and,
for a leader, the school server's aggregate endpoints (:mod:`observe.coaching.leader_source`),
which return figures only. A table a source can't provide is simply absent, with a sentence
in :attr:`ImpactReport.missing` saying why, so the view never shows invented zeros.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from observe.coaching.log import is_coaching
from observe.errors import ObserveError
from observe.i18n import N_, _
from observe.safetext import csv_cell
from observe.store.models import LogActivity
from observe.vocabulary import VISIT_TYPE_LABELS

Cell = str | int | float | date | None

#: Every table the view knows, in the order it shows them, with its file name.
TABLE_ORDER: tuple[str, ...] = (
    "visits_per_week",
    "time_by_activity",
    "time_by_week",
    "cycles",
    "cycle_evidence",
    "school_cycles",
    "lookfors",
    "lookfor_trends",
    "participation",
)


@dataclass(frozen=True)
class Table:
    """Rows of figures; ``columns`` are the CSV header, ``headers`` what people read."""

    key: str
    title: str
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None

    def __post_init__(self) -> None:
        """The title and headers are written in the source language (marked with N_ where the
        tables are made) and read in the current one; ``columns`` (the CSV header a
        spreadsheet or a script reads) never change with the language."""
        object.__setattr__(self, "title", _(self.title))
        object.__setattr__(self, "headers", tuple(_(h) for h in self.headers))

    def column(self, name: str) -> list[Cell]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def dicts(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class ImpactReport:
    scope: str
    start: date | None
    end: date | None
    tables: dict[str, Table]
    #: Table key → why this source has no such table.
    missing: dict[str, str] = field(default_factory=dict)
    leader: bool = False

    def ordered(self) -> list[Table]:
        return [self.tables[k] for k in TABLE_ORDER if k in self.tables]


class ImpactSource(Protocol):
    """Where the impact figures come from; ``load`` runs off the GUI thread."""

    @property
    def description(self) -> str: ...

    def load(self, start: date | None, end: date | None) -> ImpactReport: ...


# -- CSV --------------------------------------------------------------------------------------


def cell_text(value: Cell) -> str:
    """How a cell is written to CSV: ISO dates, shares to 4 places, blanks for unknown."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.4f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
    return str(value)


def write_csv(table: Table, path: Path) -> Path:
    """Writes one table as UTF-8 CSV (with a BOM, so spreadsheets read accents right);
    the file appears whole or not at all."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(table.columns)
            for row in table.rows:
                writer.writerow([csv_cell(v) if isinstance(v, str) else cell_text(v) for v in row])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ObserveError(
            _(
                "Observe couldn't write {path} ({value}). Check that the folder exists, "
                "that you can write to it and that the disk has space."
            ).format(path=path, value=exc.strerror or exc),
            detail=repr(exc),
        ) from exc
    return path


def write_report(
    report: ImpactReport, folder: Path, keys: Sequence[str] | None = None
) -> list[Path]:
    """Writes each table (or those in ``keys``) as ``<key>.csv`` in ``folder``."""
    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise ObserveError(
            _("{folder} is a file; give a folder for the CSV files.").format(folder=folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ObserveError(
            _("Observe couldn't create the folder {folder} ({value}).").format(
                folder=folder, value=exc.strerror or exc
            ),
            detail=repr(exc),
        ) from exc
    wanted = keys or [t.key for t in report.ordered()]
    return [write_csv(report.tables[k], folder / f"{k}.csv") for k in wanted if k in report.tables]


#: The look-fors table, the same for the coach's own figures and the school's (leader) ones.
LOOKFOR_COLUMNS = (
    "code",
    "title",
    "set",
    "seen_evidence",
    "tagged_evidence",
    "share_of_evidence",
)
LOOKFOR_HEADERS = (
    N_("Code"),
    N_("Look-for"),
    N_("Set"),
    N_("Evidence marked seen"),
    N_("Evidence tagged"),
    N_("Share of evidence"),
)

#: The participation table's shape, shared by the coach's and the leader's sources.
PARTICIPATION_COLUMNS = (
    "week_start",
    "visits_tallied",
    "contributions",
    "distinct_voices_mean",
    "voice_share_mean",
    "top_quarter_share_mean",
    "group_gap_mean",
)
PARTICIPATION_HEADERS = (
    N_("Week of"),
    N_("Visits tallied"),
    N_("Contributions"),
    N_("Distinct voices (mean)"),
    N_("Share of class heard (mean)"),
    N_("Talk from most-heard quarter (mean)"),
    N_("Largest group gap (mean)"),
)


def visits_per_week(rows: Sequence[tuple[Cell, ...]]) -> Table:
    """The visits-per-week table: week, visits, minutes, then visits of each type in the
    vocabulary's order. Rows come from the coach's store or the school's figures; the shape
    and its words live here so the two never drift apart."""
    types = tuple(VISIT_TYPE_LABELS)
    return Table(
        key="visits_per_week",
        title=N_("Visits per week"),
        columns=("week_start", "visits", "minutes", *(t.value for t in types)),
        headers=(
            N_("Week of"),
            N_("Visits"),
            N_("Minutes"),
            *(VISIT_TYPE_LABELS[t] for t in types),
        ),
        rows=tuple(rows),
    )


def activity_row(
    activity: LogActivity, label: str, entries: int, minutes: int, share: float
) -> tuple[Cell, ...]:
    """One row of the time-by-activity table; whether an activity counts as coaching is
    ``observe.coaching.log``'s rule, said here in the table's words."""
    counts_as = "coaching" if is_coaching(activity) else "other duties"
    return (activity.value, label, counts_as, entries, minutes, share)


def time_by_activity(rows: Iterable[tuple[Cell, ...]]) -> Table:
    """Minutes per log activity, for the coach's own log or the school's figures: one shape
    and one set of words for both (see :func:`activity_row`)."""
    return Table(
        key="time_by_activity",
        title=N_("Time by activity"),
        columns=("activity", "label", "counts_as", "entries", "minutes", "share_of_time"),
        headers=(
            N_("Code"),
            N_("Activity"),
            N_("Counts as"),
            N_("Entries"),
            N_("Minutes"),
            N_("Share of time"),
        ),
        rows=tuple(rows),
    )
