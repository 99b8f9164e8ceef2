"""``observe import roster FILE.csv``: teachers and classrooms from a school's roster export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from observe.errors import UsageError
from observe.roster.csv_import import import_roster, read_roster
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common], help="import data into the profile")
    kinds = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    p = kinds.add_parser(
        "roster",
        parents=[common],
        help="teachers and classes from a CSV: teacher, subject, grade, period, room",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--school", help="school name for new teachers (default: the profile's school)")
    p.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would change"
    )
    p.set_defaults(handler=cmd_import_roster)


def cmd_import_roster(args: argparse.Namespace, data_dir: str | None) -> int:
    store = open_profile(data_dir)
    try:
        preview = read_roster(store, args.file)
        if not preview.ok:
            for sentence in preview.error_sentences():
                print(sentence, file=sys.stderr)
            raise UsageError(f"{args.file} has problems, so nothing was imported.")
        new = preview.to_import
        if args.dry_run:
            print(
                f"{len(new)} classes would be imported; "
                f"{len(preview.rows) - len(new)} are already in this profile."
            )
            return 0
        result = import_roster(store, preview, args.school)
        print(
            f"Imported {result.classrooms_added} classes and {result.teachers_added} new teachers"
            + (f"; {result.skipped} were already there." if result.skipped else ".")
        )
    finally:
        store.close()
    return 0
