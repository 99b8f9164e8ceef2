"""``observe import``: a roster (teachers and classrooms), a cycle's student survey or its
assessment scores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from observe.errors import UsageError
from observe.i18n import _
from observe.roster.csv_import import import_roster, read_roster
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common], help=_("import data into the profile"))
    kinds = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    p = kinds.add_parser(
        "roster",
        parents=[common],
        help=_("teachers and classes from a CSV: teacher, subject, grade, period, room"),
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--school", help=_("school name for new teachers (default: the profile's school)")
    )
    p.add_argument(
        "--dry-run", action="store_true", help=_("check the file and show what would change")
    )
    p.set_defaults(handler=cmd_import_roster)
    p = kinds.add_parser(
        "survey",
        parents=[common],
        help=_(
            "a student survey (Google or Microsoft Forms CSV) for a coaching cycle: "
            "counts per answer only, names and emails dropped"
        ),
    )
    _cycle_args(p)
    p.set_defaults(handler=cmd_import_survey)
    p = kinds.add_parser(
        "scores",
        parents=[common],
        help=_(
            "assessment scores (CSV, a score column) for a coaching cycle: the distribution only"
        ),
    )
    _cycle_args(p)
    p.add_argument(
        "--meets",
        required=True,
        type=float,
        metavar="N",
        help=_("a score at or above N meets the goal"),
    )
    p.add_argument("--out-of", type=float, metavar="M", help=_("the task's maximum score"))
    p.set_defaults(handler=cmd_import_scores)


def _cycle_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cycle", required=True, metavar="ID|active", help=_("a cycle's id, or active"))
    p.add_argument("--phase", required=True, choices=("before", "after"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--dry-run", action="store_true", help=_("read the file and show what would be stored")
    )


def cmd_import_survey(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.coaching import cycle_ref, surveys

    store = open_profile(data_dir)
    try:
        cycle_id, focus = cycle_ref.resolve(store, args.cycle)
        preview = surveys.read_survey(args.file)
        for line in preview.sentences():
            print(line)
        if args.dry_run:
            print(_("Nothing was stored (--dry-run)."))
            return 0
        saved = surveys.save_survey(store, cycle_id, args.phase, preview)
        print(
            _("Stored as the {phase} survey of the cycle “{focus}”").format(
                phase=args.phase, focus=focus
            )
            + (f", replacing the earlier {args.phase} survey." if saved.replaced else ".")
        )
    finally:
        store.close()
    return 0


def cmd_import_scores(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.coaching import cycle_ref, scores

    store = open_profile(data_dir)
    try:
        cycle_id, focus = cycle_ref.resolve(store, args.cycle)
        scores.check_threshold(None, args.meets, args.out_of)
        preview = scores.read_scores(args.file)
        scores.check_threshold(preview, args.meets, args.out_of)
        for line in preview.sentences(args.meets, args.out_of):
            print(line)
        if args.dry_run:
            print(_("Nothing was stored (--dry-run)."))
            return 0
        saved = scores.save_scores(store, cycle_id, args.phase, preview, args.meets, args.out_of)
        print(
            _("Stored as the {phase} assessment results of the cycle “{focus}”").format(
                phase=args.phase, focus=focus
            )
            + (f", replacing the earlier {args.phase} results." if saved.replaced else ".")
        )
    finally:
        store.close()
    return 0


def cmd_import_roster(args: argparse.Namespace, data_dir: str | None) -> int:
    store = open_profile(data_dir)
    try:
        preview = read_roster(store, args.file)
        if not preview.ok:
            for sentence in preview.error_sentences():
                print(sentence, file=sys.stderr)
            raise UsageError(
                _("{file} has problems, so nothing was imported.").format(file=args.file)
            )
        new = preview.to_import
        if args.dry_run:
            print(
                _("{count} classes would be imported; {value} are already in this profile.").format(
                    count=len(new), value=len(preview.rows) - len(new)
                )
            )
            return 0
        result = import_roster(store, preview, args.school)
        print(
            _("Imported {classrooms_added} classes and {teachers_added} new teachers").format(
                classrooms_added=result.classrooms_added, teachers_added=result.teachers_added
            )
            + (f"; {result.skipped} were already there." if result.skipped else ".")
        )
    finally:
        store.close()
    return 0
