"""Many feedback sheets at once: every visit on a learning walk, each to its own PDF.

Runs headless with a progress callback and a cancel check, so the GUI can run it through
``ui.operations`` and the CLI can run it in a terminal. A batch is all or nothing: if it is
cancelled or fails part-way, the sheets it already wrote are removed again, so the folder never
holds half an export that looks complete.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from observe.errors import ObserveError, UsageError
from observe.feedback.facts import visit_facts
from observe.i18n import _, using_language
from observe.reports.common import coach_name
from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
from observe.reports.names import sheet_name
from observe.store import Store
from observe.store.models import Visit, Walk


class ExportCancelled(ObserveError):
    def __init__(self) -> None:
        super().__init__(_("Exporting the sheets was cancelled; no sheets were left behind."))


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    files: list[Path]
    pages: int


def walk_visit_ids(store: Store, walk_id: str) -> list[str]:
    with store.read() as s:
        walk = s.get(Walk, walk_id)
        if walk is None or walk.deleted:
            raise UsageError(
                _("That learning walk does not exist (or was deleted); choose another.")
            )
        return list(
            s.scalars(
                select(Visit.id)
                .where(Visit.walk_id == walk_id, Visit.deleted.is_(False))
                .order_by(Visit.started_at)
            )
        )


def unreviewed_sentence(drafts: int, total: int) -> str:
    """ "3 of the 5 visits on this walk have no saved feedback…": said before an export."""
    if drafts == 1:
        if total > 1:
            return _(
                "1 of the {total} visits on this walk has no saved feedback, so its sheet will "
                "be marked DRAFT — not yet reviewed."
            ).format(total=total)
        return _(
            "The visit on this walk has no saved feedback, so its sheet will be marked DRAFT — "
            "not yet reviewed."
        )
    if drafts == total:
        return _(
            "All {drafts} visits on this walk have no saved feedback, so their sheets will be "
            "marked DRAFT — not yet reviewed."
        ).format(drafts=drafts)
    return _(
        "{drafts} of the {total} visits on this walk have no saved feedback, so their sheets "
        "will be marked DRAFT — not yet reviewed."
    ).format(drafts=drafts, total=total)


def _free_path(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{stem} ({n}).pdf"
        n += 1
    return path


def export_sheets(
    store: Store,
    visit_ids: list[str],
    folder: Path,
    options: SheetOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BatchResult:
    if not visit_ids:
        raise UsageError(_("There are no visits to make sheets for."))
    folder = folder.expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    options = options or SheetOptions()
    if options.coach is None:
        options = dataclasses.replace(options, coach=coach_name(store) or "")
    written: list[Path] = []
    pages = 0
    total = len(visit_ids)
    try:
        for done, visit_id in enumerate(visit_ids):
            if should_cancel is not None and should_cancel():
                raise ExportCancelled
            facts = visit_facts(store, visit_id)
            pdf = feedback_sheet_pdf(store, visit_id, options)
            with using_language(options.language):
                name = sheet_name(facts, with_time=True)
            path = _free_path(folder, name)
            pdf.save(path)
            written.append(path)
            pages += pdf.pages
            if progress is not None:
                progress(done + 1, total)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return BatchResult(folder, written, pages)
