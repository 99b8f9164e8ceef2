"""``observe report impact --out DIR``: the impact view's tables as CSV files.

The ``report`` group belongs to ``report_commands`` (PDF reports); this module only adds the
``impact`` kind to it. :func:`register` finds the group if it exists and creates a minimal one
if it doesn't, so the two modules can be registered in either order.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from observe.errors import UsageError
from observe.i18n import _, ngettext
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``impact`` under ``observe report`` (making ``report`` if nobody has yet)."""
    report = sub.choices.get("report")
    if report is None:
        report = sub.add_parser("report", parents=[common], help=_("make reports"))
        kinds = report.add_subparsers(dest="report_kind", metavar="KIND")
    else:
        kinds = next(
            action for action in report._actions if isinstance(action, argparse._SubParsersAction)
        )
    add_impact(kinds, common)


def add_impact(kinds: Any, common: argparse.ArgumentParser) -> None:
    """Adds the ``impact`` parser to the ``report`` group's sub-parsers."""
    p = kinds.add_parser(
        "impact",
        parents=[common],
        help=_("impact tables as CSV: visits, time by activity, cycles, look-fors, participation"),
        description=_(
            "Writes the impact view's tables as CSV files (UTF-8) into a folder: "
            "visits_per_week, time_by_activity, time_by_week, cycles, "
            "cycle_evidence, lookfors, lookfor_trends and participation. The period "
            "is this school year so far unless --from/--to say otherwise."
        ),
    )
    p.add_argument("--out", required=True, metavar="DIR", help=_("folder for the CSV files"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day (included)"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day (included)"))
    p.set_defaults(handler=cmd_impact)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("{option} {text} is not a date; write it as YYYY-MM-DD.").format(
                option=option, text=text
            )
        ) from None


def cmd_impact(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.coaching.impact import local_report, school_year_start
    from observe.coaching.impact_tables import write_report

    today = date.today()
    start = _day(args.start, "--from") or school_year_start(today)
    end = _day(args.end, "--to") or today
    if start > end:
        raise UsageError(
            _("--from {start} is after --to {end}; swap them.").format(start=start, end=end)
        )
    out = Path(args.out).expanduser()
    store = open_profile(data_dir, read_only_ok=True)
    try:
        report = local_report(store, start, end)
    finally:
        store.close()
    paths = write_report(report, out)
    print(
        _("Impact tables for {start} to {end} written to {out}:").format(
            start=start, end=end, out=out
        )
    )
    for path in paths:
        rows = len(report.tables[path.stem].rows)
        print(
            ngettext("  {name} ({rows} row)", "  {name} ({rows} rows)", rows).format(
                name=path.name, rows=rows
            )
        )
    return 0
