"""What a teacher reads on the server's web pages, and their reflections, written through push.

A teacher reads only what a coach shared with them: feedback and coaching cycles of their
school whose published copy names their email (``record.reader``, see readers.py) and whose
visibility is still "teacher". Only the published copy (``data.published``, what the sheet or
cycle says) leaves this module, never the rest of the coach's snapshot. Reflections are written
by building the same op the desktop client would and handing it to ``observe.server.push`` with
the teacher's principal, so one set of rules decides what a teacher may write, wherever it comes
from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from observe.ids import new_id
from observe.protocol import Op
from observe.server import push
from observe.server.accounts import Principal
from observe.server.errors import ApiError, forbidden
from observe.server.readers import (
    MAX_REFLECTION_CHARS,
    REFLECTION,
    REFLECTION_TARGET_KINDS,
    TEACHER_READABLE_KINDS,
    reflection_target,
)
from observe.server.schema import account, record, utcnow


@dataclass(frozen=True)
class SharedItem:
    """One thing shared with the teacher: the published copy of a sheet or a cycle, as the
    coach wrote it."""

    record_id: str
    kind: str
    """"feedback" (a sheet) or "coaching_cycle" (a cycle), which tells the pages apart."""
    version: int
    updated_at: datetime
    published: dict[str, Any]
    coach_name: str
    """The sharing coach's account name (``published`` may also carry the name they print)."""


@dataclass(frozen=True)
class ReflectionView:
    id: str
    version: int
    author_id: str
    author_name: str
    target_kind: str
    target_id: str
    text: str
    created_at: str | None
    updated_at: datetime


def _teacher(principal: Principal) -> None:
    if principal.role != "teacher":
        raise forbidden("These pages are for teachers; coaches read their records in the app.")


def _shared_query(principal: Principal) -> Any:
    return (
        select(
            record.c.id,
            record.c.kind,
            record.c.version,
            record.c.updated_at,
            record.c.data,
            account.c.name.label("coach_name"),
        )
        .join(account, account.c.id == record.c.owner_id)
        .where(
            record.c.school_id == principal.school_id,
            record.c.reader == principal.email.lower(),
            record.c.kind.in_(TEACHER_READABLE_KINDS),
            record.c.visibility == "teacher",
            record.c.deleted.is_(False),
            record.c.owner_id != principal.user_id,
        )
    )


def _item(row: Any) -> SharedItem | None:
    published = row.data.get("published") if isinstance(row.data, dict) else None
    if not isinstance(published, dict):
        return None
    return SharedItem(
        record_id=row.id,
        kind=row.kind,
        version=int(row.version),
        updated_at=row.updated_at,
        published=published,
        coach_name=row.coach_name,
    )


def shared_with(conn: Connection, principal: Principal) -> list[SharedItem]:
    """Everything shared with this teacher, newest first."""
    _teacher(principal)
    rows = conn.execute(
        _shared_query(principal).order_by(record.c.updated_at.desc(), record.c.server_seq.desc())
    )
    return [item for row in rows if (item := _item(row)) is not None]


LISTED_FIELDS = (
    "coach_name",
    "visit_date",
    "visit_type",
    "class_label",
    "shared_at",
    "focus",
    "status",
    "started_on",
)
"""The published fields a teacher's list shows (the rest is read when the sheet or cycle is
opened): a sheet's visit fields, a cycle's focus, status and start (a kind has no others')."""


@dataclass(frozen=True)
class SharedSummary:
    """One line of the teacher's list: a few published fields, read in the database."""

    record_id: str
    updated_at: datetime
    coach_name: str
    listed: dict[str, Any]
    """``LISTED_FIELDS`` of the published copy, as text (None when absent)."""
    kind: str = "feedback"
    """"feedback" or "coaching_cycle", as in :class:`SharedItem`."""


def shared_summaries(conn: Connection, principal: Principal) -> list[SharedSummary]:
    """What ``shared_with`` lists, newest first, without decoding every whole snapshot: a
    teacher with a year of sheets gets their list in one indexed query."""
    _teacher(principal)
    fields = [record.c.data[("published", f)].as_string().label(f) for f in LISTED_FIELDS]
    query = (
        _shared_query(principal)
        .with_only_columns(record.c.id, record.c.updated_at, account.c.name, record.c.kind, *fields)
        .order_by(record.c.updated_at.desc(), record.c.server_seq.desc())
    )
    return [
        SharedSummary(
            row[0], row[1], row[2], dict(zip(LISTED_FIELDS, row[4:], strict=True)), kind=row[3]
        )
        for row in conn.execute(query)
    ]


def shared_item(
    conn: Connection, principal: Principal, record_id: str, kind: str | None = None
) -> SharedItem | None:
    """One shared sheet or cycle (only of ``kind`` when given); None when there is none, or it
    is not this teacher's to read."""
    _teacher(principal)
    if not isinstance(record_id, str) or len(record_id) > 64:
        return None
    query = _shared_query(principal).where(record.c.id == record_id.lower())
    if kind is not None:
        query = query.where(record.c.kind == kind)
    row = conn.execute(query).first()
    return _item(row) if row is not None else None


def reflections_on(conn: Connection, principal: Principal, target_id: str) -> list[ReflectionView]:
    """The reflections on one shared sheet or cycle the caller may read, oldest first: a
    teacher's own (while the target is still shared with them), or those addressed to the
    coach who shared it. Nobody else gets any."""
    if principal.role == "teacher":
        if shared_item(conn, principal, target_id) is None:
            return []
        whose = record.c.owner_id == principal.user_id
    elif principal.role == "coach":
        whose = record.c.addressee_id == principal.user_id
    else:
        raise forbidden("Teachers' reflections are for them and their coach only.")
    rows = conn.execute(
        select(
            record.c.id,
            record.c.version,
            record.c.owner_id,
            record.c.updated_at,
            record.c.data,
            account.c.name,
        )
        .join(account, account.c.id == record.c.owner_id)
        .where(whose, record.c.kind == REFLECTION, record.c.deleted.is_(False))
    )
    found = []
    for r in rows:
        target = reflection_target(r.data)
        if target is None or target[1] != target_id.lower():
            continue
        found.append(
            ReflectionView(
                id=r.id,
                version=int(r.version),
                author_id=r.owner_id,
                author_name=r.name,
                target_kind=target[0],
                target_id=target[1],
                text=str(r.data.get("text") or ""),
                created_at=r.data.get("created_at"),
                updated_at=r.updated_at,
            )
        )
    return sorted(found, key=lambda v: (v.created_at or "", v.id))


def reflected_on(conn: Connection, principal: Principal) -> set[str]:
    """Ids of the targets this teacher has written a (live) reflection on, for their list."""
    _teacher(principal)
    rows = conn.execute(
        select(record.c.data).where(
            record.c.owner_id == principal.user_id,
            record.c.kind == REFLECTION,
            record.c.deleted.is_(False),
        )
    )
    return {target[1] for (data,) in rows if (target := reflection_target(data)) is not None}


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def write_reflection(
    engine: Engine,
    principal: Principal,
    target_kind: str,
    target_id: str,
    text: str,
    reflection_id: str | None = None,
) -> str:
    """Saves a teacher's reflection (new, or an edit of ``reflection_id``) through the push
    path; returns its id. Refusals are ApiErrors with the push's own sentence."""
    _teacher(principal)
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        raise ApiError(422, "invalid", "Write your reflection before saving it.")
    if len(text) > MAX_REFLECTION_CHARS:
        raise ApiError(
            422,
            "invalid",
            f"A reflection can have at most {MAX_REFLECTION_CHARS:,} characters; "
            f"this one has {len(text):,}.",
        )
    if target_kind not in REFLECTION_TARGET_KINDS:
        raise ApiError(422, "invalid", "A reflection is written on a feedback sheet or a cycle.")
    now = _stamp(utcnow())
    base_version, created_at = 0, now
    if reflection_id is not None:
        with engine.connect() as conn:
            current = conn.execute(
                select(record.c.version, record.c.owner_id, record.c.data).where(
                    record.c.id == reflection_id, record.c.kind == REFLECTION
                )
            ).first()
        if current is None or current.owner_id != principal.user_id:
            raise ApiError(404, "not_found", "There is no reflection of yours to change here.")
        base_version = int(current.version)
        created_at = (current.data or {}).get("created_at") or now
    record_id = reflection_id or new_id()
    data = {
        "id": record_id,
        "author_id": principal.user_id,
        "target_kind": target_kind,
        "target_id": target_id,
        "text": text,
        "created_at": created_at,
        "updated_at": now,
        "deleted": False,
        "version": base_version,
        "device_id": principal.device_id,
        "visibility": "teacher",
    }
    op = Op.model_validate(
        {
            "op_id": new_id(),
            "kind": REFLECTION,
            "id": record_id,
            "op": "upsert",
            "base_version": base_version,
            "client_version": base_version,
            "data": data,
            "visibility": "teacher",
        }
    )
    result = push.push(engine, principal, [op])["results"][0]
    if result["status"] in ("applied", "duplicate"):
        return record_id
    if result["status"] == "conflict":
        raise ApiError(
            409,
            "conflict",
            "Your reflection changed somewhere else meanwhile; reload the page and try again "
            "(what you wrote was kept on the server).",
        )
    raise forbidden(result["reason"] or "The server did not keep this reflection.")
