"""Seeded demo data: a coach's school year, for trying Observe and for stress-testing it.

Two sizes share one code path, parameterised by :class:`Scale`: ``small`` (one school, a dozen
teachers, a few hundred evidence items) is what a coach explores; ``district`` (four schools,
forty teachers, over 100,000 evidence items) is what benchmarks, search and sync are measured
against. Sharing the path means the small demo exercises exactly the rows the big one writes.

Why it is built the way it is:

* **Core bulk inserts, one transaction.** ORM flushes cost far too much per row for 100,000
  items, so rows are plain dicts inserted with ``executemany`` in batches inside a single
  ``store.write()`` transaction. The outbox rows the ORM hooks would have written are written
  alongside with :func:`~observe.store.outbox.bulk_outbox_rows`, so sync sees every demo record
  exactly as if it had been captured by hand (DESIGN.md sync rule 1). One transaction also
  makes cancelling trivial and total: raising rolls everything back.
* **Parents before children.** Rows are produced parents-first and each batch is inserted in
  ``SYNC_MODELS`` order, so foreign keys hold at every statement and the outbox pushes parents
  first.
* **Deterministic content, fresh ids.** All text, times and structure come from
  ``random.Random(seed)`` (and the date), so the same seed gives the same data on the same day.
  Ids are ordinary UUIDv7s from :func:`observe.ids.new_id`, not derived from the seed: two
  people loading the same demo and syncing to one server must not collide on record ids.
* **The past only.** Visits and evidence fall on school days of the current school year
  (mid-August to mid-June) *before today*, in school hours of the school's time zone, stored as
  UTC. A capture tool showing evidence from next March would look broken. When fewer than four
  weeks of the year have passed (or it is July), the previous school year is used instead.
  Planned cycle steps, naturally, may be due in the future.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as dtime

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.clock import utcnow
from observe.demo.planner import Planner
from observe.demo.scale import MAX_YEARS, SCALES, SIZES, Scale, over_years
from observe.demo.writer import BatchWriter, CancelFn, ProgressFn
from observe.errors import UsageError
from observe.i18n import _
from observe.store.db import Store
from observe.store.models import (
    SYNC_MODELS,
    Visit,
)

log = logging.getLogger(__name__)


@dataclass
class DemoSummary:
    """What was created (records per kind plus ``outbox``) and how long it took."""

    counts: dict[str, int]
    seconds: float


# --- public entry points ---------------------------------------------------------------------


def load_demo(
    store: Store,
    size: str = "small",
    *,
    seed: int = 2026,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    today: date | None = None,
    years: int = 1,
) -> DemoSummary:
    """Fills an empty profile with a school year of demo data, all or nothing.

    ``progress(done, total)`` counts records written; ``should_cancel`` is polled between
    batches and, when it returns True, everything is rolled back and :class:`DemoCancelled` is
    raised. ``today`` pins the school-year window (tests; reproducing a demo from another day).
    ``years`` repeats the size's yearly amount over that many school years up to this one.
    """
    scale = SCALES.get(size)
    if scale is None:
        raise UsageError(f'"{size}" is not a demo size. Choose one of: {", ".join(SIZES)}.')
    if not 1 <= years <= MAX_YEARS:
        raise UsageError(
            _("Demo data covers 1 to {most} school years, not {years}.").format(
                most=MAX_YEARS, years=years
            )
        )
    scale = over_years(scale, years)
    store.ensure_sound()  # a batch of writes never goes into a damaged file
    return load_scale(
        store, scale, seed=seed, progress=progress, should_cancel=should_cancel, today=today
    )


def load_scale(
    store: Store,
    scale: Scale,
    *,
    seed: int = 2026,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    today: date | None = None,
) -> DemoSummary:
    """:func:`load_demo` for an explicit :class:`Scale`, so tests can run a reduced district."""
    started = time.perf_counter()
    if not store.is_empty():
        raise _refusal()
    now = utcnow()
    today = today or now.date()
    cap = min(now, datetime.combine(today, dtime.max, UTC))
    plan = Planner(random.Random(seed), scale, store.identity, today, cap).plan()

    with store.write() as session:
        # Checked again under the write lock: another window may have added records meanwhile.
        if _has_records(session):
            raise _refusal()
        writer = BatchWriter(session, plan.total, progress, should_cancel)
        writer.report()
        for model in SYNC_MODELS:
            for row in plan.rows.get(model, ()):
                writer.add(model, row)
            if model is Visit:
                # Evidence, participation and feedback are made visit by visit while writing,
                # so the district set never sits in memory all at once.
                for visit in plan.visits:
                    plan.details(visit, writer)
        writer.flush()
        counts = dict(writer.counts)
    _checkpoint(store)
    counts["outbox"] = sum(counts[m.kind] for m in SYNC_MODELS)
    summary = DemoSummary(counts=counts, seconds=time.perf_counter() - started)
    log.info("demo data loaded (%s records) in %.1f s", counts["outbox"], summary.seconds)
    return summary


def _refusal() -> UsageError:
    return UsageError(
        "This profile already has records, so demo data was not added. "
        "Use an empty folder with --data-dir to try the demo."
    )


def _has_records(session: Session) -> bool:
    return any(session.scalar(select(m.id).limit(1)) is not None for m in SYNC_MODELS)


def _checkpoint(store: Store) -> None:
    """Folds the big transaction's WAL back into the database so the folder isn't twice the size.

    Best effort: a reader elsewhere (the GUI) can keep the WAL alive, which is harmless.
    """
    try:
        raw = store.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    except Exception as exc:  # the data is committed; never fail the load over this
        log.info("WAL checkpoint after demo load skipped: %s", exc)
