"""Pull: the records this user may read that changed after a seq, oldest first, in pages.

Who may read what is decided here, in the query, so no code path can hand out a record the
caller may not see: a coach reads their own records, their school's ``team`` records, and the
reflections teachers wrote on what the coach shared with them (``addressee_id``). A record its
owner un-shares reaches the school's other coaches once more, as a tombstone with no data, so
their copies are removed.
Leaders, admins and teachers never reach this (the endpoint refuses them; teachers read on the
server's web pages, through ``teacher_view``).

Seqs are numbered per school, and a coach's three scans all read their own school (their
records, their school's team records, reflections from teachers of their school), so one
position in the caller's school decides the page; the reply's cursor (``observe.server.cursor``)
carries it with whatever positions in other schools the client sent.

Snapshots are stored as JSON text and spliced into the reply as they are: decoding and
re-encoding a 1,000-record page would cost more than the query.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, and_, bindparam, cast, select, union_all

from observe.server.accounts import Principal
from observe.server.cursor import Cursor
from observe.server.schema import record
from observe.server.state import read_state

_META = (
    record.c.kind,
    record.c.id,
    record.c.owner_id,
    record.c.visibility,
    record.c.version,
    record.c.server_seq,
    record.c.deleted,
    record.c.updated_at,
    record.c.addressee_id,
)


def _page_query() -> Any:
    """The read rule as three index range scans, each already in seq order (one school's).

    One query with ``owner = me OR (school = mine AND team) OR addressee = me`` makes databases
    scan the whole school and sort it for every page; three ordered, limited scans (one
    statement, UNION ALL) stay proportional to the page, however big the district gets.
    Built once, with bind parameters: building it per request cost more than running it.
    """
    columns = (*_META, cast(record.c.data, Text).label("data"))
    # Each scan stays in the caller's school: seqs of different schools don't compare.
    in_school = record.c.school_id == bindparam("school")
    own = and_(record.c.owner_id == bindparam("me"), in_school)
    team = and_(
        in_school,
        record.c.audience == "team",
        record.c.owner_id != bindparam("me"),
    )
    # Reflections on what this coach shared; never team records (a reflection's visibility is
    # "teacher"), so no record comes twice.
    addressed = and_(
        record.c.addressee_id == bindparam("me"),
        in_school,
        record.c.owner_id != bindparam("me"),
        record.c.audience.is_(None),
    )
    parts = [
        select(*columns)
        .where(condition, record.c.server_seq > bindparam("since"))
        .order_by(record.c.server_seq)
        .limit(bindparam("fetch"))
        .subquery()
        for condition in (own, team, addressed)
    ]
    every = union_all(*(select(part) for part in parts)).subquery()
    return select(every).order_by(every.c.server_seq).limit(bindparam("fetch"))


PAGE_QUERY = _page_query()


def _stamp(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def pull_body(conn: Connection, principal: Principal, cursor: Cursor, limit: int) -> bytes:
    """The PullReply for this caller as JSON bytes."""
    school_id = principal.school_id
    since = cursor.position(school_id)
    params = {
        "me": principal.user_id,
        "school": school_id,
        "since": since,
        "fetch": limit + 1,
    }
    rows = conn.execute(PAGE_QUERY, params).all()
    # Read after the records, so head_seq is never below a seq in this page: a push of this
    # school holds the school's counter row until it commits, so once seq N is visible every
    # seq below N of the school is too, and a later page never finds one behind the cursor.
    state = read_state(conn, school_id)
    more = len(rows) > limit
    rows = rows[:limit]
    changes = []
    for r in rows:
        # Shared once, private now: those who may have pulled it get a tombstone, no data.
        withdrawn = (
            r.owner_id != principal.user_id
            and r.visibility != "team"
            and r.addressee_id != principal.user_id
        )
        meta = json.dumps(
            {
                "kind": r.kind,
                "id": r.id,
                "owner_id": r.owner_id,
                "visibility": r.visibility,
                "version": int(r.version),
                "server_seq": int(r.server_seq),
                "deleted": bool(r.deleted) or withdrawn,
                "updated_at": _stamp(r.updated_at),
            },
            separators=(",", ":"),
        )
        data = "null" if withdrawn or r.data is None else r.data
        changes.append(f'{meta[:-1]},"data":{data}}}')
    next_since = int(rows[-1].server_seq) if rows else since
    head = json.dumps(
        {
            **state,
            "next_since": next_since,
            "next_cursor": cursor.moved(school_id, next_since).text(),
            "more": more,
        },
        separators=(",", ":"),
    )
    return f'{head[:-1]},"changes":[{",".join(changes)}]}}'.encode()
