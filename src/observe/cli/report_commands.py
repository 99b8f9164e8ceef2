"""``observe report``: feedback sheets, walk debriefs and cycle summaries as PDF files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from observe import settings
from observe.errors import UsageError
from observe.i18n import N_, _, ngettext
from observe.store import Store, open_profile

if TYPE_CHECKING:
    from observe.reports.layout import Pdf


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser(
        "report", parents=[common], help=_("make a feedback sheet, walk debrief or cycle summary")
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND")
    report.set_defaults(handler=_missing_kind)

    paper = argparse.ArgumentParser(add_help=False)
    paper.add_argument(
        "--paper",
        choices=["letter", "a4"],
        type=str.lower,
        help=_("paper size (default: the one in Settings, else from your locale)"),
    )
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))

    p = kinds.add_parser(
        "feedback", parents=[common, paper, out], help=_("the feedback sheet for a visit")
    )
    p.add_argument("--visit", required=True, metavar="ID|latest")
    p.add_argument(
        "--include-notes", action="store_true", help=_("also print your private notes (n: lines)")
    )
    p.add_argument(
        "--coach",
        metavar="NAME",
        help=_("your name in the sheet's header (default: from Settings)"),
    )
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help=_("refuse to print a DRAFT: only a visit whose feedback you have saved"),
    )
    p.set_defaults(handler=cmd_feedback)

    p = kinds.add_parser(
        "walk", parents=[common, paper, out], help=_("the debrief of a learning walk (no names)")
    )
    p.add_argument("--walk", required=True, metavar="ID|latest")
    p.set_defaults(handler=cmd_walk)

    p = kinds.add_parser("cycle", parents=[common, paper, out], help=_("a coaching-cycle summary"))
    p.add_argument(
        "--cycle",
        required=True,
        metavar="ID|latest",
        help=_("a cycle's id, or latest: the active cycle started most recently"),
    )
    p.set_defaults(handler=cmd_cycle)

    p = kinds.add_parser(
        "survey",
        parents=[common, paper, out],
        help=_("a one-page paper student survey with the cycle's questions (no names)"),
    )
    p.add_argument("--cycle", required=True, metavar="ID|active")
    p.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="TEXT",
        help=_("a question to add (Strongly agree … Strongly disagree); repeat for more"),
    )
    p.set_defaults(handler=cmd_survey)

    p = kinds.add_parser(
        "sheets", parents=[common, paper], help=_("a feedback sheet for every visit on a walk")
    )
    p.add_argument("--walk", required=True, metavar="ID|latest")
    p.add_argument("--out-dir", required=True, metavar="FOLDER")
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help=_("leave out visits with no saved feedback (their sheets would be DRAFTs)"),
    )
    p.set_defaults(handler=cmd_sheets)


def _missing_kind(args: argparse.Namespace, data_dir: str | None) -> int:
    raise UsageError(
        _(
            "Say which report to make: observe report feedback, walk, cycle, survey, sheets or "
            "impact."
        )
    )


def _out(path: str) -> Path:
    out = Path(path).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UsageError(
            _("{path} does not end in .pdf; give a file name like sheet.pdf.").format(path=out)
        )
    return out


def _pages(n: int) -> str:
    return ngettext("{count} page", "{count} pages", n).format(count=n)


NOT_REVIEWED = N_(
    "No feedback has been saved for this visit yet, so its sheet would be a DRAFT; nothing was "
    "written. Review and save the feedback in the app (Reports → Compose feedback), or leave "
    "out --reviewed-only to print it marked DRAFT."
)
PRINTED_DRAFT = N_(
    "No feedback has been saved for this visit yet, so the sheet shows Observe's proposed "
    "draft, marked DRAFT — not yet reviewed on every page. Edit and save it in the app "
    "(Reports → Compose feedback) to make it yours."
)


def cmd_feedback(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.feedback.service import reviewed_visits
    from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
    from observe.reports.select import resolve_visit

    out = _out(args.out)
    store = open_profile(data_dir, read_only_ok=True)
    try:
        visit_id = resolve_visit(store, args.visit)
        if args.reviewed_only and not reviewed_visits(store, [visit_id]):
            raise UsageError(_(NOT_REVIEWED))
        options = SheetOptions(settings.paper(store, args.paper), args.include_notes, args.coach)
        pdf = feedback_sheet_pdf(store, visit_id, options)
        pdf.save(out)
        if pdf.draft:
            print(_(PRINTED_DRAFT), file=sys.stderr)
    finally:
        store.close()
    print(
        _("Saved the feedback sheet ({pages}) to {path}.").format(pages=_pages(pdf.pages), path=out)
    )
    return 0


def cmd_walk(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.reports.select import resolve_walk
    from observe.reports.walk_debrief import walk_debrief_pdf

    return _save_report(
        args,
        data_dir,
        N_("Saved the learning walk debrief ({pages}) to {path}."),
        resolve_walk,
        args.walk,
        walk_debrief_pdf,
    )


def cmd_cycle(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.reports.cycle_summary import cycle_summary_pdf
    from observe.reports.select import resolve_cycle

    return _save_report(
        args,
        data_dir,
        N_("Saved the coaching cycle summary ({pages}) to {path}."),
        resolve_cycle,
        args.cycle,
        cycle_summary_pdf,
    )


def cmd_survey(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.coaching.cycle_ref import resolve
    from observe.reports.paper_survey import paper_survey_pdf

    return _save_report(
        args,
        data_dir,
        N_("Saved the paper survey ({pages}) to {path}."),
        lambda store, ref: resolve(store, ref)[0],
        args.cycle,
        lambda store, cycle_id, paper: paper_survey_pdf(store, cycle_id, paper, args.question),
    )


def _save_report(
    args: argparse.Namespace,
    data_dir: str | None,
    saved: str,
    resolve: Callable[[Store, str], str],
    which: str,
    render: Callable[[Store, str, str | None], Pdf],
) -> int:
    """Resolves the record (an id or ``latest``), renders its PDF and saves it to ``--out``;
    ``saved`` is the sentence said then (marked with N_, translated here)."""
    out = _out(args.out)
    store = open_profile(data_dir, read_only_ok=True)
    try:
        pdf = render(store, resolve(store, which), settings.paper(store, args.paper))
        pdf.save(out)
    finally:
        store.close()
    print(_(saved).format(pages=_pages(pdf.pages), path=out))
    return 0


def cmd_sheets(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.feedback.service import reviewed_visits
    from observe.reports.batch import export_sheets, unreviewed_sentence, walk_visit_ids
    from observe.reports.feedback_sheet import SheetOptions
    from observe.reports.select import resolve_walk

    store = open_profile(data_dir, read_only_ok=True)
    try:
        ids = walk_visit_ids(store, resolve_walk(store, args.walk))
        reviewed = reviewed_visits(store, ids)
        drafts = len(ids) - len([i for i in ids if i in reviewed])
        note = ""
        if args.reviewed_only and ids:
            if not reviewed:
                raise UsageError(
                    _(
                        "None of the {count} visits on this walk has saved feedback, so there "
                        "are no reviewed sheets to export; nothing was written. Review and save "
                        "feedback in the app (Reports → Compose feedback) first."
                    ).format(count=len(ids))
                )
            if drafts:
                note = ngettext(
                    "Left out {count} visit with no saved feedback (--reviewed-only).",
                    "Left out {count} visits with no saved feedback (--reviewed-only).",
                    drafts,
                ).format(count=drafts)
            ids = [i for i in ids if i in reviewed]
        elif drafts:
            note = (
                unreviewed_sentence(drafts, len(ids))
                + " "
                + _("Add --reviewed-only to export only the reviewed ones.")
            )
        result = export_sheets(
            store, ids, Path(args.out_dir), SheetOptions(settings.paper(store, args.paper))
        )
    finally:
        store.close()
    if note:
        print(note, file=sys.stderr)
    count = len(result.files)
    print(
        ngettext(
            "Saved {count} feedback sheet ({pages}) to {path}.",
            "Saved {count} feedback sheets ({pages}) to {path}.",
            count,
        ).format(count=count, pages=_pages(result.pages), path=result.folder)
    )
    return 0
