"""Look-for frameworks in the profile: which set is in use, importing, exporting and editing.

A framework is a :class:`~observe.store.models.LookForSet` with its look-fors. Every write here
checks the whole framework first (the same rules as a file, see ``framework_schema``) and then
writes it in one transaction, so a bad file or a bad edit changes nothing at all.

The set *in use* (what the capture window offers, with its Ctrl+1…9 keys) is a profile setting:
choosing it is this laptop's business, not a record to sync. A walk that names its own set
still uses that one. Shared sets are ordinary records with ``team`` visibility, so they reach
the rest of the coaching team through sync; only their author may change them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.coaching.framework_schema import (
    Framework,
    FrameworkError,
    FrameworkItem,
    framework_json_text,
    parse_framework,
    read_framework_file,
)
from observe.errors import ObserveError, UsageError
from observe.i18n import _
from observe.resources import resource_path
from observe.store import Store, changes
from observe.store.models import LookFor, LookForSet, ProfileSetting, Visibility

IN_USE_KEY = "lookfors.set_in_use"


@dataclass(frozen=True)
class SetRow:
    id: str
    name: str
    description: str | None
    items: int
    shared: bool
    mine: bool
    in_use: bool


# -- which set is in use --------------------------------------------------------------------


def set_in_use(s: Session) -> str | None:
    """The chosen set if it is still there, else the oldest live set (the old default)."""
    chosen = s.get(ProfileSetting, IN_USE_KEY)
    if chosen is not None:
        lset = s.get(LookForSet, chosen.value)
        if lset is not None and not lset.deleted:
            return lset.id
    return s.scalar(
        select(LookForSet.id)
        .where(LookForSet.deleted.is_(False))
        .order_by(LookForSet.created_at, LookForSet.name)
        .limit(1)
    )


def set_for_visit(s: Session, walk_set_id: str | None) -> str | None:
    """The look-for set a visit uses: its walk's set while that is live, else the set in use.

    The one rule for the capture pane's hotkeys and the look-for panel alike, so a walk whose
    set was deleted falls back to the coach's set in both instead of showing none in one.
    """
    if walk_set_id is not None:
        lset = s.get(LookForSet, walk_set_id)
        if lset is not None and not lset.deleted:
            return lset.id
    return set_in_use(s)  # the coach's choice (Coaching → Look-for frameworks)


def set_in_use_id(store: Store) -> str | None:
    with store.read() as s:
        return set_in_use(s)


def use_set(store: Store, set_id: str) -> None:
    """Makes ``set_id`` the set in use. The choice is a setting, not a record, so the change
    news is told by hand that what "lookfor_set" means for the screens has changed: the
    capture window and the look-for panel then offer the new set's keys."""
    with store.write() as s:
        lset = s.get(LookForSet, set_id)
        if lset is None or lset.deleted:
            raise UsageError(_("That look-for set was deleted; choose another."))
        s.merge(ProfileSetting(key=IN_USE_KEY, value=set_id))
        changes.note_written(s.connection(), LookForSet.kind)


def list_sets(store: Store) -> list[SetRow]:
    with store.read() as s:
        in_use = set_in_use(s)
        counts = dict(
            s.execute(
                select(LookFor.set_id, func.count())
                .where(LookFor.deleted.is_(False))
                .group_by(LookFor.set_id)
            ).all()
        )
        sets = list(s.scalars(select(LookForSet).where(LookForSet.deleted.is_(False))))
    me = store.identity.author_id
    rows = [
        SetRow(
            id=ls.id,
            name=ls.name,
            description=ls.description,
            items=counts.get(ls.id, 0),
            shared=ls.visibility is Visibility.TEAM,
            mine=ls.author_id == me,
            in_use=ls.id == in_use,
        )
        for ls in sets
    ]
    rows.sort(key=lambda r: r.name.casefold())
    return rows


# -- reading a set as a framework -------------------------------------------------------------


def load_framework(store: Store, set_id: str) -> Framework:
    """The set as a :class:`Framework` (items carry their ids, for the editor)."""
    with store.read() as s:
        lset = s.get(LookForSet, set_id)
        if lset is None or lset.deleted:
            raise UsageError(_("That look-for set was deleted."))
        items = s.scalars(
            select(LookFor)
            .where(LookFor.set_id == set_id, LookFor.deleted.is_(False))
            .order_by(LookFor.position, LookFor.code)
        )
        return Framework(
            lset.name,
            lset.description,
            tuple(
                FrameworkItem(lf.code, lf.title, lf.category, lf.description, lf.hotkey, lf.id)
                for lf in items
            ),
        )


def export_framework(store: Store, set_id: str, path: Path) -> Path:
    """Writes the set as a framework file; the file appears whole or not at all."""
    text = framework_json_text(load_framework(store, set_id))
    path = path.expanduser()
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ObserveError(
            _(
                "Observe couldn't write {path} ({value}). Check that the folder exists "
                "and that you can write to it."
            ).format(path=path, value=exc.strerror or exc),
            detail=repr(exc),
        ) from exc
    return path


# -- writing ----------------------------------------------------------------------------------


def _owned(store: Store, lset: LookForSet) -> None:
    if lset.author_id != store.identity.author_id:
        raise UsageError(
            _(
                "“{name}” was shared by another coach, so only they can change it. "
                "Duplicate it to make your own version."
            ).format(name=lset.name)
        )


def _apply_items(s: Session, set_id: str, items: tuple[FrameworkItem, ...], by: str) -> None:
    """Makes the set's live look-fors equal ``items``.

    ``by="id"`` (the editor) matches look-fors by id; ``by="code"`` (updating from a file)
    matches by code, so evidence tagged with a look-for keeps its tag when the file changes
    the title. Look-fors no longer listed are tombstoned; their tags on evidence stay.
    """
    live = list(
        s.scalars(select(LookFor).where(LookFor.set_id == set_id, LookFor.deleted.is_(False)))
    )
    if by == "id":
        existing = {lf.id: lf for lf in live}
        keys = [item.id for item in items]
    else:
        existing = {lf.code.casefold(): lf for lf in live}
        keys = [item.code.casefold() for item in items]
    kept: set[str] = set()
    for position, (item, key) in enumerate(zip(items, keys, strict=True)):
        values = {
            "code": item.code,
            "title": item.title,
            "category": item.category,
            "description": item.description,
            "hotkey": item.hotkey,
            "position": position,
        }
        current = existing.get(key) if key else None
        if current is None:
            s.add(LookFor(set_id=set_id, **values))
            continue
        kept.add(current.id)
        for name, value in values.items():
            if getattr(current, name) != value:
                setattr(current, name, value)
    for lf in live:
        if lf.id not in kept:
            lf.deleted = True


def _clean_name(name: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise UsageError(_("Give the look-for set a name."))
    return text


def check_framework(framework: Framework, source: str = _("The look-for set")) -> Framework:
    """The editor's check: the file rules, applied to what was typed."""
    data = framework.to_json()
    checked = parse_framework(data, source)
    # parse_framework drops ids; put them back in order (it keeps items one-to-one).
    return Framework(
        checked.name,
        checked.description,
        tuple(
            FrameworkItem(c.code, c.title, c.category, c.description, c.hotkey, orig.id)
            for c, orig in zip(checked.lookfors, framework.lookfors, strict=True)
        ),
    )


def save_framework(store: Store, framework: Framework, set_id: str | None = None) -> str:
    """Saves what the editor holds: a new set (``set_id`` None) or changes to one of mine."""
    framework = check_framework(framework)
    with store.write() as s:
        if set_id is None:
            lset = LookForSet(name=_clean_name(framework.name), description=framework.description)
            s.add(lset)
            s.flush()
        else:
            found = s.get(LookForSet, set_id)
            if found is None or found.deleted:
                raise UsageError(_("That look-for set was deleted; nothing was saved."))
            lset = found
            _owned(store, lset)
            if lset.name != framework.name:
                lset.name = _clean_name(framework.name)
            if lset.description != framework.description:
                lset.description = framework.description
        _apply_items(s, lset.id, framework.lookfors, by="id")
        _match_visibility(s, lset)
        return lset.id


def import_framework(
    store: Store, framework: Framework, *, update_set_id: str | None = None
) -> str:
    """Adds the framework as a new set, or updates one of mine from it (matched by code)."""
    with store.write() as s:
        if update_set_id is None:
            lset = LookForSet(name=framework.name, description=framework.description)
            s.add(lset)
            s.flush()
        else:
            found = s.get(LookForSet, update_set_id)
            if found is None or found.deleted:
                raise UsageError(_("That look-for set was deleted; nothing was imported."))
            lset = found
            _owned(store, lset)
            if lset.name != framework.name:
                lset.name = framework.name
            if lset.description != framework.description:
                lset.description = framework.description
        _apply_items(s, lset.id, framework.lookfors, by="code")
        _match_visibility(s, lset)
        return lset.id


def import_framework_file(store: Store, path: Path, *, update_set_id: str | None = None) -> str:
    """Reads, checks and imports a file; on any problem the profile is left as it was."""
    return import_framework(store, read_framework_file(path), update_set_id=update_set_id)


def same_name_set(store: Store, name: str) -> str | None:
    """A live set of mine with this name (what an import would update), if there is one."""
    folded = " ".join(name.split()).casefold()
    for row in list_sets(store):
        if row.mine and row.name.casefold() == folded:
            return row.id
    return None


def duplicate_set(store: Store, set_id: str) -> str:
    framework = load_framework(store, set_id)
    copy = Framework(
        f"{framework.name} (my copy)"[:200],
        framework.description,
        tuple(
            FrameworkItem(i.code, i.title, i.category, i.description, i.hotkey)
            for i in framework.lookfors
        ),
    )
    return import_framework(store, copy)


def share_set(store: Store, set_id: str, shared: bool) -> None:
    """Shares the set (and its look-fors) with the coaching team, or makes it private again."""
    with store.write() as s:
        lset = s.get(LookForSet, set_id)
        if lset is None or lset.deleted:
            raise UsageError(_("That look-for set was deleted."))
        _owned(store, lset)
        wanted = Visibility.TEAM if shared else Visibility.PRIVATE
        if lset.visibility is not wanted:
            lset.visibility = wanted
        _match_visibility(s, lset)


def _match_visibility(s: Session, lset: LookForSet) -> None:
    # A shared set whose look-fors stayed private would reach the team empty.
    for lf in s.scalars(select(LookFor).where(LookFor.set_id == lset.id)):
        if lf.visibility is not lset.visibility:
            lf.visibility = lset.visibility


def delete_set(store: Store, set_id: str) -> None:
    """Tombstones the set and its look-fors; evidence keeps its tags."""
    with store.write() as s:
        lset = s.get(LookForSet, set_id)
        if lset is None or lset.deleted:
            return
        _owned(store, lset)
        lset.deleted = True
        for lf in s.scalars(select(LookFor).where(LookFor.set_id == set_id)):
            if not lf.deleted:
                lf.deleted = True
        chosen = s.get(ProfileSetting, IN_USE_KEY)
        if chosen is not None and chosen.value == set_id:
            s.delete(chosen)


# -- starter sets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StarterSet:
    path: Path
    framework: Framework


def starter_sets() -> list[StarterSet]:
    """The frameworks shipped in ``resources/frameworks``, by name."""
    folder = resource_path("frameworks")
    found = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        try:
            found.append(StarterSet(path, read_framework_file(path)))
        except FrameworkError as exc:  # tests keep this from happening; say so if it does
            raise ObserveError(
                _(
                    "The starter framework {name} shipped with Observe is damaged (reinstall "
                    "Observe)."
                ).format(name=path.name),
                detail=exc.sentence,
            ) from exc
    found.sort(key=lambda st: st.framework.name.casefold())
    return found
