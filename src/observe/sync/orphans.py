"""Records left live under a deleted parent: a delete that raced a child's creation or edit.

One device deletes a visit (tombstoning the evidence it knows of) while another, offline, adds
evidence to it; both sync, and the new evidence is live under a tombstone, shown nowhere. The
server takes both changes (they touch different records), so the race is found here, on the
state both devices converge to: at the end of every sync each device looks for its coach's live
records whose parent (any foreign key between synced kinds, as ``references.REFS`` reads them from
the store's models) is a tombstone, and lists them as one conflict per deleted parent, with
status ``orphaned``. Both devices find the same entries, whichever order they synced in.

Why not on the server: a parent's delete and its children's tombstones may travel in different
push batches that the server applies in either order, so "live children the deleter did not
delete" can't be told from "children whose tombstones are in the next batch" there; the
converged state has no such ambiguity.

The coach resolves an entry by restoring the parent (the new records stay in it), discarding
what was added (tombstoned, with anything under them; a record that only *links* to the parent,
such as a log entry's visit, keeps living without the link), or, for evidence, moving it to
another visit. Each is an ordinary local change that syncs, and an entry whose parent is live
again, or has no live records under it any more, is removed at the next sync on every device.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.orm import Session

from observe.clock import as_utc, utcnow
from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import (
    MODEL_BY_KIND,
    SYNC_MODELS,
    Classroom,
    OutboxOp,
    SyncConflict,
    SyncRecord,
    Teacher,
    Visit,
)
from observe.sync import state
from observe.sync.apply import ORPHANED
from observe.sync.records import chunks, local_snapshot, table
from observe.sync.references import REFS
from observe.vocabulary import class_label

_conflict = SyncConflict.__table__
_outbox = OutboxOp.__table__

#: Kinds whose records can be moved to another parent of the same kind, by parent kind.
MOVABLE: dict[str, frozenset[str]] = {"visit": frozenset({"evidence"})}

#: (singular, plural) nouns in sentences.
NOUNS: dict[str, tuple[str, str]] = {
    "school": ("school", "schools"),
    "teacher": ("teacher", "teachers"),
    "classroom": ("class", "classes"),
    "seat": ("seat", "seats"),
    "lookfor_set": ("look-for set", "look-for sets"),
    "lookfor": ("look-for", "look-fors"),
    "walk": ("learning walk", "learning walks"),
    "coaching_cycle": ("coaching cycle", "coaching cycles"),
    "visit": ("visit", "visits"),
    "evidence": ("evidence item", "evidence items"),
    "participation_event": ("participation mark", "participation marks"),
    "feedback": ("feedback sheet", "feedback sheets"),
    "reflection": ("teacher's reflection", "teachers' reflections"),
    "cycle_step": ("cycle step", "cycle steps"),
    "coaching_log_entry": ("coaching log entry", "coaching log entries"),
    "cycle_survey": ("student survey", "student surveys"),
    "cycle_assessment": ("set of assessment results", "sets of assessment results"),
    "sample_score": ("work sample's score", "work samples' scores"),
}

#: What "the new …" calls a kind in a button ("Discard the new evidence").
_MASS_NOUNS: dict[str, str] = {"evidence": "evidence", "feedback": "feedback"}

#: The text shown for a record in the list of what was added (first present field wins).
_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "school": ("name",),
    "teacher": ("display_name",),
    "classroom": ("subject",),
    "seat": ("label",),
    "lookfor_set": ("name",),
    "lookfor": ("title",),
    "walk": ("title",),
    "coaching_cycle": ("focus",),
    "visit": ("focus",),
    "evidence": ("text",),
    "participation_event": ("participation_kind",),
    "feedback": ("wondering",),
    "reflection": ("text",),
    "cycle_step": ("title",),
    "coaching_log_entry": ("note", "activity"),
    "cycle_survey": ("title",),
    "cycle_assessment": ("title",),
    "sample_score": ("level", "note"),
}


def noun(kind: str, count: int = 1) -> str:
    one, many = NOUNS.get(kind, (kind, kind))
    return one if count == 1 else many


@dataclass(frozen=True)
class MoveTarget:
    id: str
    label: str


@dataclass(frozen=True)
class Child:
    """A live record under (or linking to) the deleted parent."""

    kind: str
    id: str
    column: str  # its reference to the parent
    nullable: bool  # a link the record can live without (a log entry's visit)
    text: str


@dataclass(frozen=True)
class Orphans:
    """An ``orphaned`` conflict entry read back: the deleted parent and what is left in it."""

    parent_kind: str
    parent_id: str
    parent_name: str
    children: tuple[Child, ...]

    @property
    def required(self) -> list[Child]:
        return [c for c in self.children if not c.nullable]

    @property
    def can_move(self) -> bool:
        kinds = MOVABLE.get(self.parent_kind, frozenset())
        return bool(self.children) and all(c.kind in kinds for c in self.children)

    def phrase(self) -> str:
        """ "2 evidence items and 1 participation mark"."""
        counts: dict[str, int] = defaultdict(int)
        for c in self.children:
            counts[c.kind] += 1
        bits = [f"{n:,} {noun(kind, n)}" for kind, n in counts.items()]
        if not bits:
            return "nothing"
        return bits[0] if len(bits) == 1 else ", ".join(bits[:-1]) + " and " + bits[-1]

    def _them(self) -> str:
        return "it" if len(self.children) == 1 else "them"

    def _was(self) -> str:
        return "was" if len(self.children) == 1 else "were"

    def title(self) -> str:
        label = noun(self.parent_kind).capitalize()
        return f"{label} deleted, {self.phrase()} still in it"

    def sentence(self) -> str:
        p = noun(self.parent_kind)
        name = f" “{self.parent_name}”" if self.parent_name else ""
        them = self._them()
        if self.required:
            belongs = "it now belongs" if len(self.children) == 1 else "they now belong"
            text = (
                f"The {p}{name} was deleted on one of your devices while {self.phrase()} "
                f"{self._was()} added to it or changed on another, so {belongs} to no {p}. "
                f"Restore the {p} to keep {them}, or discard {them}."
            )
            if self.can_move:
                text += f" You can also move {them} to another {p}."
            return text
        return (
            f"The {p}{name} was deleted on one of your devices while {self.phrase()} linked to "
            f"it {self._was()} added or changed on another. Restore the {p}, or keep {them} "
            "without the link."
        )

    def restore_label(self) -> str:
        return f"Restore the {noun(self.parent_kind)}"

    def discard_label(self) -> str:
        if not self.required:
            return f"Keep {self._them()} without the link"
        kinds = list(dict.fromkeys(c.kind for c in self.required))
        names = [_MASS_NOUNS.get(k) or noun(k, 2) for k in kinds]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"Discard the new {listed}"

    def move_label(self) -> str:
        return f"Move to another {noun(self.parent_kind)}"

    def lines(self) -> str:
        """What was added, one line per record, for the conflicts view."""
        out = []
        for c in self.children:
            label = noun(c.kind).capitalize()
            text = " ".join(c.text.split())
            if len(text) > 80:
                text = text[:79] + "…"
            link = " (linked)" if c.nullable else ""
            out.append(f"{label}{link}: {text}" if text else f"{label}{link}")
        return "\n".join(out)


def from_conflict(kind: str, record_id: str, mine: dict[str, Any] | None) -> Orphans:
    mine = mine or {}
    children = tuple(
        Child(
            kind=str(c.get("kind", "")),
            id=str(c.get("id", "")),
            column=str(c.get("column", "")),
            nullable=bool(c.get("nullable")),
            text=str(c.get("text") or ""),
        )
        for c in mine.get("children") or []
        if isinstance(c, dict)
    )
    return Orphans(kind, record_id, str(mine.get("parent_name") or ""), children)


# -- finding ------------------------------------------------------------------------------


def _text(kind: str, row: Any) -> str:
    for name in _TEXT_FIELDS.get(kind, ()):
        value = row._mapping.get(name)
        if value:
            return str(getattr(value, "value", value)).replace("_", " ")
    return ""


def _visit_labels(conn: Connection, where: Any, limit: int | None = None) -> list[MoveTarget]:
    """Visits as "Zoë's Science, period 2, 2026-12-07 09:05" (local time), newest first."""
    v, c, t = table(Visit), table(Classroom), table(Teacher)
    query = (
        select(v.c.id, t.c.display_name, c.c.subject, c.c.period, v.c.started_at)
        .select_from(v.join(c, v.c.classroom_id == c.c.id).join(t, c.c.teacher_id == t.c.id))
        .where(where)
        .order_by(v.c.started_at.desc(), v.c.id)
        .limit(limit)
    )
    out = []
    for row in conn.execute(query):
        room = class_label(row.subject, period=row.period, sep=", ")
        when = as_utc(row.started_at).astimezone().strftime("%Y-%m-%d %H:%M")
        out.append(MoveTarget(row.id, f"{row.display_name}'s {room}, {when}"))
    return out


def _visit_label(conn: Connection, visit_id: str) -> str:
    found = _visit_labels(conn, table(Visit).c.id == visit_id)
    return found[0].label if found else ""


def parent_name(conn: Connection, kind: str, record_id: str) -> str:
    if kind == "visit":
        return _visit_label(conn, record_id)
    model = MODEL_BY_KIND[kind]
    row = conn.execute(select(table(model)).where(table(model).c.id == record_id)).first()
    return _text(kind, row) if row is not None else ""


def _live_orphans(conn: Connection, user_id: str | None) -> dict[tuple[str, str], list[Child]]:
    """Every live record of this coach whose parent, also theirs, is a tombstone, by parent.

    Another coach's parent is left out: its tombstone may only mean it is no longer shared,
    and this coach could not restore it anyway.

    Driven from the tombstones (few, and the children's reference columns are indexed): a
    join scanning the children instead took seconds on a district-sized profile."""
    found: dict[tuple[str, str], list[Child]] = defaultdict(list)
    has_tombstones: dict[str, bool] = {}
    for model in SYNC_MODELS:
        t = table(model)
        for ref in REFS[model.kind]:
            if ref.column is None:  # look-for tags: labels, not parents
                continue
            p = table(MODEL_BY_KIND[ref.kind])
            tombstones = select(p.c.id).where(p.c.deleted.is_(True))
            if user_id:
                tombstones = tombstones.where(p.c.author_id == user_id)
            if ref.kind not in has_tombstones:
                has_tombstones[ref.kind] = conn.scalar(tombstones.limit(1)) is not None
            if not has_tombstones[ref.kind]:
                continue
            query = (
                select(t)
                .where(t.c[ref.column].in_(tombstones), t.c.deleted.is_(False))
                .order_by(t.c.created_at, t.c.id)
            )
            if user_id:
                query = query.where(t.c.author_id == user_id)
            for row in conn.execute(query):
                found[(ref.kind, row._mapping[ref.column])].append(
                    Child(model.kind, row.id, ref.column, ref.nullable, _text(model.kind, row))
                )
    return found


def _pending(conn: Connection, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of ``keys`` have a change waiting in the outbox (looked up by id: the outbox of a
    profile that never synced holds every record)."""
    found: set[tuple[str, str]] = set()
    for part in chunks(sorted({i for _kind, i in keys})):
        rows = conn.execute(
            select(_outbox.c.record_kind, _outbox.c.record_id).where(_outbox.c.record_id.in_(part))
        )
        found.update((k, i) for k, i in rows if (k, i) in keys)
    return found


def detect(conn: Connection, user_id: str | None) -> int:
    """Brings the ``orphaned`` entries up to date with the store; returns how many are open.

    A parent with an ordinary conflict open (its own edit racing the delete) is left to that
    entry, and one with a change waiting to be sent (a restore, say) to the next sync; so is a
    child with an ordinary conflict open (its edit racing its own deletion): if the coach keeps
    it, the next sync finds it here."""
    others = {
        (k, i)
        for k, i in conn.execute(
            select(_conflict.c.record_kind, _conflict.c.record_id).where(
                _conflict.c.status != ORPHANED
            )
        )
    }
    found = {
        key: [c for c in kids if (c.kind, c.id) not in others]
        for key, kids in _live_orphans(conn, user_id).items()
    }
    pending = _pending(conn, set(found))
    wanted = {key: kids for key, kids in found.items() if kids and key not in others | pending}
    existing = {
        (row.record_kind, row.record_id): row
        for row in conn.execute(select(_conflict).where(_conflict.c.status == ORPHANED))
    }
    now = utcnow()
    for key in existing.keys() - wanted.keys():
        conn.execute(delete(_conflict).where(_conflict.c.id == existing[key].id))
    for (kind, record_id), kids in wanted.items():
        mine = {
            "parent_name": parent_name(conn, kind, record_id),
            "children": [
                {
                    "kind": c.kind,
                    "id": c.id,
                    "column": c.column,
                    "nullable": c.nullable,
                    "text": c.text,
                }
                for c in kids
            ],
        }
        theirs = local_snapshot(conn, kind, record_id)
        values = {
            "status": ORPHANED,
            "reason": None,
            "mine": mine,
            "mine_deleted": False,
            "theirs": theirs,
            "theirs_deleted": True,
            "theirs_version": (theirs or {}).get("version"),
            "theirs_owner_id": (theirs or {}).get("author_id"),
        }
        old = existing.get((kind, record_id))
        if old is None:
            conn.execute(
                insert(_conflict).values(
                    record_kind=kind, record_id=record_id, created_at=now, updated_at=now, **values
                )
            )
        elif old.mine != mine or old.theirs != theirs:
            conn.execute(
                update(_conflict).where(_conflict.c.id == old.id).values(updated_at=now, **values)
            )
    return len(wanted)


# -- resolving ----------------------------------------------------------------------------


def from_conflict_id(store: Store, conflict_id: int) -> Orphans:
    with store.engine.connect() as conn:
        row = conn.execute(select(_conflict).where(_conflict.c.id == conflict_id)).first()
    if row is None:
        raise UsageError(
            _("There is no conflict number {conflict_id}; it may be resolved already.").format(
                conflict_id=conflict_id
            )
        )
    if row.status != ORPHANED:
        raise UsageError(
            _(
                "Conflict {conflict_id} is not about a deleted record with new records "
                "in it; keep your copy or the server's instead."
            ).format(conflict_id=conflict_id)
        )
    return from_conflict(row.record_kind, row.record_id, row.mine)


def _done(s: Session, conflict_id: int) -> None:
    gone = s.execute(delete(_conflict).where(_conflict.c.id == conflict_id)).rowcount
    if not gone:
        raise UsageError(_("This conflict was already resolved."))


def _undelete(s: Session, obj: SyncRecord, user_id: str | None) -> None:
    """Restores ``obj`` and any deleted parent it can't live without."""
    if user_id and obj.author_id != user_id:
        raise UsageError(
            _(
                "The deleted {noun} belongs to another coach, so it can't be restored "
                "from here; discard or move what was added instead."
            ).format(noun=noun(obj.kind))
        )
    obj.deleted = False
    for ref in REFS[obj.kind]:
        if ref.column is None or ref.nullable:
            continue
        parent = s.get(MODEL_BY_KIND[ref.kind], getattr(obj, ref.column))
        if parent is not None and parent.deleted:
            _undelete(s, parent, user_id)


def _restore_needed(s: Session, parent: SyncRecord, user_id: str | None) -> None:
    """Undeletes the parent's deleted records that live records still point to: a class
    restored for the visit added to it gets back the seats that visit's tallies are on."""
    for model in SYNC_MODELS:
        for ref in REFS[model.kind]:
            if ref.column is None or ref.nullable or ref.kind != parent.kind:
                continue
            query = select(model).where(
                getattr(model, ref.column) == parent.id, model.deleted.is_(True)
            )
            if user_id:
                query = query.where(model.author_id == user_id)
            for record in s.scalars(query):
                if _under(s, record.kind, record.id, user_id):
                    record.deleted = False


def _refresh(s: Session, user_id: str | None) -> None:
    """The list brought up to date at once (other entries the choice settled disappear)."""
    s.flush()
    detect(s.connection(), user_id)


def restore_parent(store: Store, conflict_id: int) -> None:
    """Undeletes the parent (and its deleted parents); what was added stays in it."""
    entry = from_conflict_id(store, conflict_id)
    user_id = state.load(store).user_id
    with store.write() as s:
        obj = s.get(MODEL_BY_KIND[entry.parent_kind], entry.parent_id)
        if obj is None:
            raise UsageError(
                _("That {noun} is no longer in this profile.").format(noun=noun(entry.parent_kind))
            )
        _done(s, conflict_id)
        if obj.deleted:
            _undelete(s, obj, user_id)
            _restore_needed(s, obj, user_id)
        _refresh(s, user_id)


def _under(s: Session, kind: str, record_id: str, user_id: str | None) -> list[tuple[Any, Any]]:
    """(record, ref) for this coach's live records referring to ``kind`` ``record_id``."""
    out = []
    for model in SYNC_MODELS:
        for ref in REFS[model.kind]:
            if ref.column is None or ref.kind != kind:
                continue
            column = getattr(model, ref.column)
            query = select(model).where(column == record_id, model.deleted.is_(False))
            if user_id:
                query = query.where(model.author_id == user_id)
            out.extend((obj, ref) for obj in s.scalars(query))
    return out


def _discard(s: Session, obj: SyncRecord, user_id: str | None) -> None:
    """Tombstones ``obj`` and whatever can't live without it; unlinks what only links to it."""
    obj.deleted = True
    for child, ref in _under(s, obj.kind, obj.id, user_id):
        if ref.nullable:
            setattr(child, ref.column, None)
        elif not child.deleted:
            _discard(s, child, user_id)


def discard_children(store: Store, conflict_id: int) -> int:
    """Deletes what was added under the deleted parent (records that only link to it keep
    living without the link); returns how many records were deleted or unlinked."""
    entry = from_conflict_id(store, conflict_id)
    user_id = state.load(store).user_id
    changed = 0
    with store.write() as s:
        _done(s, conflict_id)
        for child, ref in _under(s, entry.parent_kind, entry.parent_id, user_id):
            if child.deleted:
                continue
            if ref.nullable:
                setattr(child, ref.column, None)
            else:
                _discard(s, child, user_id)
            changed += 1
        _refresh(s, user_id)
    return changed


def move_targets(store: Store, conflict_id: int, limit: int = 200) -> list[MoveTarget]:
    """Live parents the entry's records could move to, newest first (visits only, for now)."""
    entry = from_conflict_id(store, conflict_id)
    if not entry.can_move:
        return []
    v = table(Visit)
    with store.engine.connect() as conn:
        return _visit_labels(
            conn, sa.and_(v.c.deleted.is_(False), v.c.id != entry.parent_id), limit
        )


def move_children(store: Store, conflict_id: int, target_id: str) -> int:
    """Moves what was added to another live parent of the same kind; returns how many."""
    entry = from_conflict_id(store, conflict_id)
    if not entry.can_move:
        raise UsageError(
            _(
                "Only evidence can be moved to another {noun}; restore the {noun} or "
                "discard what was added."
            ).format(noun=noun(entry.parent_kind))
        )
    user_id = state.load(store).user_id
    model = MODEL_BY_KIND[entry.parent_kind]
    moved = 0
    with store.write() as s:
        target = s.get(model, target_id)
        if target is None or target.deleted or target_id == entry.parent_id:
            raise UsageError(
                _(
                    "That {noun} is not in this profile (or was deleted); choose another one "
                    "from the list."
                ).format(noun=noun(entry.parent_kind))
            )
        _done(s, conflict_id)
        for child, ref in _under(s, entry.parent_kind, entry.parent_id, user_id):
            if child.kind in MOVABLE[entry.parent_kind]:
                setattr(child, ref.column, target_id)
                moved += 1
        _refresh(s, user_id)
    return moved
