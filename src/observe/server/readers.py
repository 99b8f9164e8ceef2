"""Who besides its owner a record is for: the teacher who may read it, the coach a reflection
is addressed to.

A coach shares feedback (or a coaching cycle) with a teacher by publishing what the sheet (or
the cycle's page) says in the record (``data.published``, with the teacher's email). The server
reads only that: the record's ``reader`` column holds the lowercased email, so a teacher's reads
are one indexed lookup and never a join into the coach's private records. A teacher's
``reflection`` names the record it reflects on; its ``addressee_id`` is that record's owner,
who receives it in pull.
Both columns are derived from snapshots, so a restore recomputes them (``recompute``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from observe.server.schema import record

TEACHER_READABLE_KINDS = ("feedback", "coaching_cycle")
"""Kinds a coach can share with one teacher: feedback sheets and coaching cycles, each with
its published copy naming the teacher's email."""
REFLECTION = "reflection"
REFLECTION_TARGET_KINDS = ("feedback", "coaching_cycle")
MAX_REFLECTION_CHARS = 10_000


def reader_of(kind: str, visibility: str, data: dict[str, Any] | None, deleted: bool) -> str | None:
    """The lowercased email of the teacher who may read this record, or None."""
    if deleted or visibility != "teacher" or kind not in TEACHER_READABLE_KINDS:
        return None
    published = data.get("published") if isinstance(data, dict) else None
    email = published.get("teacher_email") if isinstance(published, dict) else None
    if not isinstance(email, str) or "@" not in email:
        return None
    email = email.strip().lower()
    return email if 0 < len(email) <= 254 else None


def reflection_target(data: dict[str, Any] | None) -> tuple[str, str] | None:
    """(target kind, target id) a reflection snapshot names, or None when it names none."""
    if not isinstance(data, dict):
        return None
    kind, target = data.get("target_kind"), data.get("target_id")
    if kind in REFLECTION_TARGET_KINDS and isinstance(target, str) and 0 < len(target) <= 64:
        return kind, target
    return None


def recompute(conn: Connection) -> None:
    """Sets ``reader`` and ``addressee_id`` of every record from the snapshots (after a restore,
    whose backup may predate the columns). A reflection keeps the addressee it had when its
    target is gone (the backup then holds no copy to derive it from)."""
    rows = conn.execute(
        select(
            record.c.id,
            record.c.kind,
            record.c.visibility,
            record.c.deleted,
            record.c.data,
            record.c.reader,
            record.c.addressee_id,
        ).where(record.c.kind.in_((*TEACHER_READABLE_KINDS, REFLECTION)))
    ).all()
    owners = dict(
        conn.execute(
            select(record.c.id, record.c.owner_id).where(record.c.kind.in_(REFLECTION_TARGET_KINDS))
        ).all()
    )
    changes = []
    for r in rows:
        reader, addressee = r.reader, r.addressee_id
        if r.kind == REFLECTION:
            reader = None
            target = reflection_target(r.data)
            if target is not None and target[1] in owners:
                addressee = owners[target[1]]
        else:
            reader, addressee = reader_of(r.kind, r.visibility, r.data, bool(r.deleted)), None
        if (reader, addressee) != (r.reader, r.addressee_id):
            changes.append({"b_id": r.id, "b_reader": reader, "b_addressee": addressee})
    if changes:
        conn.execute(
            update(record)
            .where(record.c.id == bindparam("b_id"))
            .values(reader=bindparam("b_reader"), addressee_id=bindparam("b_addressee")),
            changes,
        )


def may_read(user_id: str, role: str, email: str, school_id: str, row: dict[str, Any]) -> bool:
    """The read rule for one stored record (pull and the teacher's pages apply the same rule
    in SQL): owners read their own; a coach reads the team records of their school and the
    reflections addressed to them; a teacher reads what was shared with them."""
    if row["owner_id"] == user_id:
        return True
    if role == "coach":
        team = row["school_id"] == school_id and row["visibility"] == "team"
        return team or row.get("addressee_id") == user_id
    if role == "teacher":
        return (
            row["school_id"] == school_id
            and row["visibility"] == "teacher"
            and not row["deleted"]
            and row.get("reader") == email.lower()
        )
    return False
