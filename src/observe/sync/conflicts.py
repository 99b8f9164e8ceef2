"""The coach's conflicts list: changes the server did not take as they were, and resolving them.

Both versions are kept until the coach chooses (DESIGN.md sync rule 8): keep mine (pushed again
on top of the server's version), keep theirs (the server's copy replaces mine here, nothing is
pushed), or merge (mine with the text edited, pushed like keep mine).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from observe.clock import as_utc, utcnow
from observe.errors import UsageError
from observe.i18n import _
from observe.protocol import ServerRecord, same_content
from observe.store import Store
from observe.store.models import MODEL_BY_KIND, OutboxOp, SyncConflict
from observe.sync import state
from observe.sync.apply import ORPHANED
from observe.sync.orphans import Orphans, from_conflict, noun
from observe.sync.records import local_snapshot

_conflict = SyncConflict.__table__
_outbox = OutboxOp.__table__

#: Bookkeeping that differs between any two copies and means nothing to a coach.
HIDDEN_FIELDS = frozenset(
    {"id", "author_id", "device_id", "created_at", "updated_at", "version", "deleted"}
)

#: The free-text field a coach can merge by hand, per kind.
TEXT_FIELD: dict[str, str] = {
    "school": "name",
    "teacher": "display_name",
    "classroom": "subject",
    "seat": "label",
    "lookfor_set": "name",
    "lookfor": "title",
    "walk": "title",
    "coaching_cycle": "focus",
    "visit": "focus",
    "evidence": "text",
    "feedback": "wondering",
    "reflection": "text",
    "cycle_step": "title",
    "coaching_log_entry": "note",
    "cycle_survey": "title",
    "cycle_assessment": "title",
    "sample_score": "note",
}

KIND_LABEL: dict[str, str] = {
    "school": "School",
    "teacher": "Teacher",
    "classroom": "Class",
    "seat": "Seat",
    "lookfor_set": "Look-for set",
    "lookfor": "Look-for",
    "walk": "Learning walk",
    "coaching_cycle": "Coaching cycle",
    "visit": "Visit",
    "evidence": "Evidence",
    "participation_event": "Participation tally",
    "feedback": "Feedback",
    "reflection": "Teacher's reflection",
    "cycle_step": "Cycle step",
    "coaching_log_entry": "Coaching log entry",
    "cycle_survey": "Student survey",
    "cycle_assessment": "Assessment results",
    "sample_score": "Work sample score",
}


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str
    record_id: str
    status: str
    reason: str | None
    mine: dict[str, Any] | None
    mine_deleted: bool
    theirs: dict[str, Any] | None
    theirs_deleted: bool
    theirs_version: int | None
    theirs_owner_id: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def text_field(self) -> str | None:
        return TEXT_FIELD.get(self.kind)

    @property
    def has_theirs(self) -> bool:
        return self.theirs is not None or self.theirs_deleted

    @property
    def orphans(self) -> Orphans | None:
        """For a deleted record with live records left in it (``sync.orphans``): what they
        are. Such an entry is resolved by restoring, discarding or moving, not mine/theirs."""
        if self.status != ORPHANED:
            return None
        return from_conflict(self.kind, self.record_id, self.mine)

    @property
    def can_keep_mine(self) -> bool:
        """False when the server refused the change itself (not the coach's record, say):
        sending it again would only be refused again."""
        return self.status not in ("rejected", ORPHANED)

    @property
    def can_keep_theirs(self) -> bool:
        """A refused change can always be dropped: the server's copy is fetched again."""
        return self.status != ORPHANED and (self.has_theirs or self.status == "rejected")

    @property
    def can_merge(self) -> bool:
        return bool(
            self.can_keep_mine
            and self.text_field
            and self.mine is not None
            and not self.mine_deleted
        )

    def text(self, side: str) -> str:
        data = self.mine if side == "mine" else self.theirs
        field = self.text_field
        if not data or not field:
            return ""
        return str(data.get(field) or "")

    def title(self) -> str:
        if (orphans := self.orphans) is not None:
            return orphans.title()
        label = KIND_LABEL.get(self.kind, self.kind)
        text = self.text("mine") or self.text("theirs")
        text = " ".join(text.split())
        if len(text) > 60:
            text = text[:59] + "…"
        return f"{label}: {text}" if text else label

    @property
    def identical(self) -> bool:
        """Both sides say the same thing (bookkeeping aside) and name the same author: there
        is nothing to choose, so taking the server's copy loses nothing."""
        mine_author = (self.mine or {}).get("author_id")
        return (
            self.status in ("conflict", "rejected")  # other kinds of entry ask other questions
            and self.has_theirs
            and self.theirs_owner_id in (None, mine_author)
            and same_content(self.mine, self.mine_deleted, self.theirs, self.theirs_deleted)
        )

    def explanation(self) -> str:
        if (orphans := self.orphans) is not None:
            return orphans.sentence()
        if self.status == "rejected":
            return self.reason or _("The server refused this change.")
        if not self.has_theirs and self.reason:
            return self.reason  # waiting for a colleague's copy after a server restore
        if self.mine_deleted and not self.theirs_deleted:
            return _("You deleted this here, but it was changed elsewhere.")
        if self.theirs_deleted and not self.mine_deleted:
            return _("You changed this here, but it was deleted elsewhere.")
        return _("This was changed both here and elsewhere.")

    def differing_fields(self) -> list[str]:
        mine, theirs = self.mine or {}, self.theirs or {}
        names = sorted((set(mine) | set(theirs)) - HIDDEN_FIELDS)
        return [n for n in names if mine.get(n) != theirs.get(n)]


def _readable(name: str, value: Any) -> str | None:
    if value is None or value == [] or value == "":
        return None
    if name.endswith("_ids") and isinstance(value, list):
        return f"{len(value)} tag" + ("" if len(value) == 1 else "s")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "published" and isinstance(value, dict):
        # The teacher's copy of shared feedback repeats the sheet: say whose, not all of it.
        return f"the copy {value.get('teacher_name') or 'the teacher'} reads"
    if isinstance(value, str) and name.endswith(("_at", "_on")):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return value
        if name.endswith("_on") or (when.tzinfo is None and len(value) <= 10):
            return when.strftime("%Y-%m-%d")
        return as_utc(when).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and name.endswith(("kind", "type", "status", "activity")):
        return value.replace("_", " ")
    return str(value)


def describe(kind: str, data: dict[str, Any] | None, deleted: bool) -> str:
    """A side of a conflict as plain lines a coach can read (no ids, local times)."""
    if data is None:
        return "(deleted)" if deleted else _("(the server has no copy)")
    lines = ["(deleted)"] if deleted else []
    main = TEXT_FIELD.get(kind)
    if main and data.get(main) is not None:
        lines.append(str(data[main]))
        lines.append("")
    for name in sorted(set(data) - HIDDEN_FIELDS - {main}):
        if name.endswith("_id"):
            continue  # links to other records: meaningless to read, and the same on both sides
        value = _readable(name, data[name])
        if value is not None:
            label = name.removesuffix("_ids").replace("_", " ")
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _from_row(row: Any) -> Conflict:
    return Conflict(
        id=row.id,
        kind=row.record_kind,
        record_id=row.record_id,
        status=row.status,
        reason=row.reason,
        mine=row.mine,
        mine_deleted=bool(row.mine_deleted),
        theirs=row.theirs,
        theirs_deleted=bool(row.theirs_deleted),
        theirs_version=row.theirs_version,
        theirs_owner_id=row.theirs_owner_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def list_conflicts(store: Store) -> list[Conflict]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(_conflict).order_by(_conflict.c.created_at, _conflict.c.id))
        return [_from_row(r) for r in rows]


def get_conflict(store: Store, conflict_id: int) -> Conflict:
    with store.engine.connect() as conn:
        row = conn.execute(select(_conflict).where(_conflict.c.id == conflict_id)).first()
    if row is None:
        raise UsageError(
            _("There is no conflict number {conflict_id}; it may be resolved already.").format(
                conflict_id=conflict_id
            )
        )
    return _from_row(row)


def _not_orphaned(c: Conflict) -> None:
    if (orphans := c.orphans) is not None:
        raise UsageError(
            _(
                "Conflict {id} is about a deleted {noun} with new records in it: restore "
                "it, discard them, or move them (observe conflicts "
                "--restore/--discard/--move)."
            ).format(id=c.id, noun=noun(orphans.parent_kind))
        )


def keep_mine(store: Store, conflict_id: int, text: str | None = None) -> None:
    """Pushes my version (or, with ``text``, my version with its text replaced) at next sync.

    The change is queued on top of the server's version, so the server takes it as a normal
    edit; the server's copy stays in its history as the version this one replaced.
    """
    c = get_conflict(store, conflict_id)
    _not_orphaned(c)
    if not c.can_keep_mine:
        raise UsageError(
            _(
                "The server refused this change ({value}), so sending it again would not "
                "help. Keep the server's copy instead."
            ).format(value=(c.reason or "no reason given").rstrip("."))
        )
    model = MODEL_BY_KIND.get(c.kind)
    if text is not None:
        if not c.can_merge or c.text_field is None:
            raise UsageError(_("This record has no text to merge; keep one version or the other."))
        if not text.strip():
            raise UsageError(
                _("The merged text is empty; type the text to keep, or keep a version.")
            )
    with store.write() as s:
        conn = s.connection()
        row = conn.execute(select(_conflict.c.id).where(_conflict.c.id == conflict_id)).first()
        if row is None:
            raise UsageError(_("This conflict was already resolved."))
        obj = s.get(model, c.record_id) if model is not None else None
        if obj is not None:
            base = c.theirs_version if c.theirs_version is not None else obj.version
            # Edits made since the conflict was found sit on the old version: rebase them too.
            conn.execute(
                update(_outbox)
                .where(
                    _outbox.c.record_kind == c.kind,
                    _outbox.c.record_id == c.record_id,
                    _outbox.c.base_version >= 0,
                )
                .values(base_version=base)
            )
            obj.version = base
            if text is not None and c.text_field is not None:
                setattr(obj, c.text_field, text.strip())
            obj.updated_at = utcnow()  # always a change, so it is queued even if equal
        conn.execute(delete(_conflict).where(_conflict.c.id == conflict_id))


def keep_theirs(store: Store, conflict_id: int) -> None:
    """Replaces my copy here with the server's; nothing is pushed."""
    c = get_conflict(store, conflict_id)
    _not_orphaned(c)
    if not c.has_theirs and c.status == "rejected":
        # The refusal came without the server's copy: drop my change and read everything
        # again, which brings the server's copy back (records that didn't change are skipped).
        with store.write_core() as conn:
            gone = conn.execute(delete(_conflict).where(_conflict.c.id == conflict_id)).rowcount
            if not gone:
                raise UsageError(_("This conflict was already resolved."))
            state.write(conn, cursor=0)
        return
    if not c.has_theirs:
        raise UsageError(
            _(
                "The server has no copy of this record, so there is nothing to take from "
                "it; keep your version instead."
            )
        )
    user_id = state.load(store).user_id
    with store.write_core() as conn:
        if not _take_theirs(conn, c, user_id):
            raise UsageError(_("This conflict was already resolved."))


def _take_theirs(conn: Connection, c: Conflict, user_id: str | None) -> bool:
    """The server's copy replaces mine here and the entry goes; False if already resolved."""
    from observe.sync.apply import Applier

    theirs = c.theirs or {}
    owner = c.theirs_owner_id or theirs.get("author_id") or user_id or ""
    rec = ServerRecord(
        kind=c.kind,
        id=c.record_id,
        owner_id=owner,
        visibility=theirs.get("visibility") or (c.mine or {}).get("visibility") or "private",
        version=c.theirs_version or 0,
        server_seq=0,
        deleted=c.theirs_deleted,
        updated_at=theirs.get("updated_at") or utcnow(),
        data=c.theirs,
    )
    gone = conn.execute(delete(_conflict).where(_conflict.c.id == c.id)).rowcount
    if not gone:
        return False
    conn.execute(
        delete(_outbox).where(_outbox.c.record_kind == c.kind, _outbox.c.record_id == c.record_id)
    )
    Applier(conn, user_id).apply([rec])
    return True


def resolve_identical(store: Store) -> int:
    """Resolves every conflict whose two sides say the same thing; returns how many.

    Such an entry asks the coach nothing (a restore used to leave hundreds of them), so the
    server's copy is taken, which changes no content here. An entry whose record was edited
    again since it was found is left alone: the newer edit still has to reach the server."""
    candidates = [c for c in list_conflicts(store) if c.identical]
    if not candidates:
        return 0
    user_id = state.load(store).user_id
    resolved = 0
    with store.write_core() as conn:
        for c in candidates:
            pending = conn.execute(
                select(_outbox.c.seq).where(
                    _outbox.c.record_kind == c.kind, _outbox.c.record_id == c.record_id
                )
            ).first()
            if pending is not None:
                continue
            here = local_snapshot(conn, c.kind, c.record_id)
            here_deleted = here is None or bool(here.get("deleted"))
            if not same_content(here, here_deleted, c.theirs, c.theirs_deleted):
                continue
            resolved += _take_theirs(conn, c, user_id)
    return resolved


@dataclass(frozen=True)
class BulkPlan:
    """What "keep all mine" or "keep all theirs" would do, for the coach to confirm first."""

    side: str  # "mine" or "theirs"
    changes: list[str]  # one line per conflict that would be resolved
    skipped: list[str]  # conflicts this choice can't resolve, with why
    ids: tuple[int, ...]  # the conflicts in ``changes``, resolved by ``resolve_all``


def _can(c: Conflict, side: str) -> bool:
    return c.can_keep_mine if side == "mine" else c.can_keep_theirs


def _change_line(c: Conflict, side: str) -> str:
    if c.identical:
        return _("{value}: the same on both sides; nothing changes.").format(value=c.title())
    fields = ", ".join(f.replace("_", " ") for f in c.differing_fields())
    what = f" ({fields})" if fields else ""
    if side == "mine":
        if not c.has_theirs:
            return _("{value}: your copy is sent again (the server has none yet).").format(
                value=c.title()
            )
        if c.mine_deleted:
            return _("{value}: deleted on the server too.").format(value=c.title())
        return _("{value}: your copy replaces the server's{what}.").format(
            value=c.title(), what=what
        )
    if c.theirs_deleted:
        return _("{value}: deleted here, as on the server.").format(value=c.title())
    if not c.has_theirs:
        return _("{value}: your change is dropped and the server's copy is read again.").format(
            value=c.title()
        )
    return _("{value}: the server's copy replaces yours here{what}.").format(
        value=c.title(), what=what
    )


def _why_not(c: Conflict, side: str) -> str:
    """Why one side can't settle this entry, in the preview of "Keep all mine/theirs"."""
    if c.orphans is not None:
        return (
            "added to something deleted elsewhere: restore it, discard what was added, or move it."
        )
    if side == "mine":
        return "the server refused this change, so only the server's copy can be kept."
    if not c.has_theirs and c.reason:
        return "waiting for its author's copy, which the server lost in a restore."
    return "the server has no copy yet, so only yours can be kept."


def plan_all(store: Store, side: str) -> BulkPlan:
    """The preview of resolving every conflict with one side (``"mine"`` or ``"theirs"``)."""
    return plan_for(list_conflicts(store), side)


def plan_for(items: list[Conflict], side: str) -> BulkPlan:
    """``plan_all`` for conflicts already loaded (the conflicts view has them)."""
    if side not in ("mine", "theirs"):
        raise ValueError(side)
    doable = [c for c in items if _can(c, side)]
    skipped = [f"{c.title()}: {_why_not(c, side)}" for c in items if not _can(c, side)]
    changes = [_change_line(c, side) for c in doable]
    return BulkPlan(side, changes, skipped, tuple(c.id for c in doable))


def resolve_all(store: Store, plan: BulkPlan) -> int:
    """Resolves the conflicts ``plan`` listed (those still open); returns how many."""
    keep = keep_mine if plan.side == "mine" else keep_theirs
    done = 0
    for conflict_id in plan.ids:
        try:
            keep(store, conflict_id)
        except UsageError:  # resolved meanwhile (a sync found it identical, say)
            continue
        done += 1
    return done
