"""Which cycle a command means: its id, or ``active`` (the active cycle started most recently)."""

from __future__ import annotations

from sqlalchemy import select

from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import CoachingCycle, CycleStatus

ACTIVE = "active"


def resolve(store: Store, ref: str) -> tuple[str, str]:
    """(id, focus) of the cycle ``ref`` names, or a sentence saying how to name one."""
    ref = ref.strip()
    with store.read() as s:
        if ref.casefold() in (ACTIVE, "latest"):
            found = s.scalars(
                select(CoachingCycle)
                .where(
                    CoachingCycle.deleted.is_(False),
                    CoachingCycle.status == CycleStatus.ACTIVE,
                )
                .order_by(
                    CoachingCycle.started_on.desc().nulls_last(), CoachingCycle.created_at.desc()
                )
                .limit(1)
            ).first()
            if found is None:
                raise UsageError(
                    _(
                        "There is no active coaching cycle; give the cycle's id (`observe "
                        "export` lists them) or make one active in the app."
                    )
                )
            return found.id, found.focus
        cycle = s.get(CoachingCycle, ref)
        if cycle is None or cycle.deleted:
            raise UsageError(
                _(
                    'No coaching cycle has the id "{ref}". Use "active", or copy the id from '
                    "`observe export`."
                ).format(ref=ref[:60])
            )
        return cycle.id, cycle.focus
