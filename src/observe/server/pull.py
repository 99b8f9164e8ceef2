"""Pull: the records this user may read that changed after a seq, oldest first, in pages.

Who may read what is decided here, in the query, so no code path can hand out a record the
caller may not see: a coach reads their own records and their school's ``team`` records.
Leaders and admins never reach this (the endpoint refuses them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, or_, select

from observe.server.accounts import Principal
from observe.server.push import server_record
from observe.server.schema import record
from observe.server.state import read_state


def readable_by(principal: Principal) -> Any:
    return or_(
        record.c.owner_id == principal.user_id,
        and_(record.c.school_id == principal.school_id, record.c.visibility == "team"),
    )


def pull(engine: Engine, principal: Principal, since: int, limit: int) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(record)
            .where(record.c.server_seq > since, readable_by(principal))
            .order_by(record.c.server_seq)
            .limit(limit + 1)
        ).all()
        # Read after the records, so head_seq is never below a seq in this page.
        state = read_state(conn)
    more = len(rows) > limit
    changes = [server_record(r._mapping) for r in rows[:limit]]
    next_since = changes[-1]["server_seq"] if changes else since
    return {**state, "changes": changes, "next_since": next_since, "more": more}
