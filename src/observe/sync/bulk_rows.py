"""A pulled record turned straight into the row its table stores, for the first-sync bulk path
(``observe.sync.bulk_apply``).

The normal path builds each row with ``record_values`` and lets SQLAlchemy's bind processors
convert it, column by column; at 1,000 records a page that was most of the page's
conversion time. Here one straight-line function per table (built once, from the column
names) does both in one pass, taking each column's usual value inline and handing anything
else to that column's cell, which converts or refuses it exactly as ``record_values`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

from observe.protocol import ServerRecord
from observe.store.models import Evidence, SyncRecord, Visibility
from observe.sync.record_values import (
    NO_DEFAULT,
    InvalidRecord,
    snapshot_columns,
    to_int,
    to_text,
    to_time,
)
from observe.sync.records import table


@cache
def layout(
    model: type[SyncRecord], dialect: Any
) -> tuple[tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]:
    """The table's columns and the dialect's bind processors for them: the same conversions
    SQLAlchemy makes on the normal path, so both paths store identical values."""
    cols = list(table(model).columns)
    return (
        tuple(c.name for c in cols),
        tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in cols),
    )


Cell = Callable[[ServerRecord, dict[str, Any]], Any]


@cache
def row_maker(
    model: type[SyncRecord], dialect: Any
) -> Callable[[ServerRecord], tuple[tuple[Any, ...], list[str] | None]]:
    """``record_values`` and the bind processors in one pass, straight to the row SQLite gets.

    Each column's cell does what ``record_values`` does for it (server fields win, a missing
    time is the record's ``updated_at``, a missing value its default, anything else refused),
    then what SQLAlchemy's processor does. The one shortcut: a time the snapshot carries in
    the form Observe writes (``2026-12-07T00:38:46.416442Z``) is checked by
    ``datetime.fromisoformat`` and then cut into the stored form, instead of being built
    into a datetime, moved to UTC and printed again (a fifth of the conversion)."""
    names, processors = layout(model, dialect)
    specs = {c.name: c for c in snapshot_columns(model)}
    server: dict[str, Cell] = {
        "id": lambda rec, _data: rec.id,
        "author_id": lambda rec, _data: rec.owner_id,
        "version": lambda rec, _data: rec.version,
        "deleted": lambda rec, _data: rec.deleted,
        "visibility": lambda rec, _data: Visibility(rec.visibility),
    }
    cells: list[Cell] = []
    for name, proc in zip(names, processors, strict=True):
        if name in server:
            cells.append(_processed(server[name], proc))
        else:
            cells.append(_data_cell(model, specs[name], proc))
    row = _compile_row(model, names, processors, specs, tuple(cells))
    evidence = model is Evidence

    def make(rec: ServerRecord) -> tuple[tuple[Any, ...], list[str] | None]:
        data = rec.data or {}
        if not evidence:
            return row(rec, data), None
        values = row(rec, data)
        raw_tags = data.get("lookfor_ids") or []
        if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
            raise InvalidRecord(f"evidence {rec.id}: lookfor_ids is not a list of ids")
        return values, list(dict.fromkeys(raw_tags))

    return make


def _compile_row(
    model: type[SyncRecord],
    names: tuple[str, ...],
    processors: tuple[Callable[[Any], Any] | None, ...],
    specs: dict[str, Any],
    cells: tuple[Cell, ...],
) -> Callable[[ServerRecord, dict[str, Any]], tuple[Any, ...]]:
    """One straight-line function per table: the usual value of each column (text that is
    text, a time in wire form, a known enum word) is taken inline, and anything else goes to
    the column's cell above, which converts it or refuses it exactly as ``record_values``.
    A loop of one call per column was most of a page's conversion time."""
    lines = ["def row(rec, data):", "    get = data.get"]
    enums: dict[int, dict[Any, Any]] = {}
    nones: dict[int, Any] = {}
    for i, (name, proc) in enumerate(zip(names, processors, strict=True)):
        v, slow = f"v{i}", f"cells[{i}](rec, data)"
        spec = specs.get(name)
        usual = _usual(spec, proc)
        if spec is not None and spec.nullable:
            # An absent or null value is the column's stored NULL (as its cell gives it).
            nones[i] = proc(None) if proc is not None else None
            slow = f"(nones[{i}] if get({name!r}) is None else {slow})"
        if name in ("id", "author_id", "version") and proc is None:
            lines.append(f"    {v} = rec.{'owner_id' if name == 'author_id' else name}")
        elif name in ("deleted", "visibility"):
            # Server fields the protocol has already checked (a bool, a Literal word): the
            # stored value of each possible one, worked out once; anything else, its cell.
            if name == "deleted":
                enums[i] = {flag: _stored(proc, flag) for flag in (False, True)}
            else:
                enums[i] = {m.value: _stored(proc, m) for m in Visibility}
            lines += [
                f"    {v} = enums[{i}].get(rec.{name})",
                f"    if {v} is None: {v} = {slow}",
            ]
        elif usual == "text":
            lines.append(f"    {v} = get({name!r})")
            lines.append(f"    if {v}.__class__ is not str: {v} = {slow}")
        elif usual == "int":
            lines.append(f"    {v} = get({name!r})")
            lines.append(f"    if {v}.__class__ is not int: {v} = {slow}")
        elif usual == "time":
            lines += [
                f"    {v} = get({name!r})",
                f"    if ({v}.__class__ is str and len({v}) == 27 and {v}[26] == 'Z'",
                f"            and {v}[10] == 'T' and {v}[19] == '.'):",
                "        try:",
                f"            fromisoformat({v})",
                f"            {v} = {v}[:10] + ' ' + {v}[11:26]",
                "        except ValueError:",
                f"            {v} = {slow}",
                "    else:",
                f"        {v} = {slow}",
            ]
        elif usual == "enum":
            enum_cls: Any = specs[name].convert
            enums[i] = {m.value: (m if proc is None else proc(m)) for m in enum_cls}
            lines += [
                f"    {v} = get({name!r})",
                f"    {v} = enums[{i}].get({v}) if {v}.__class__ is str else None",
                f"    if {v} is None: {v} = {slow}",
            ]
        else:
            lines.append(f"    {v} = {slow}")
    lines.append(f"    return ({', '.join(f'v{i}' for i in range(len(names)))},)")
    scope: dict[str, Any] = {
        "cells": cells,
        "enums": enums,
        "nones": nones,
        "fromisoformat": datetime.fromisoformat,
    }
    exec("\n".join(lines), scope)  # the source is built above from column names only
    return scope["row"]  # type: ignore[no-any-return]


def _usual(spec: Any, proc: Callable[[Any], Any] | None) -> str | None:
    """Which inline shortcut a snapshot column can take, if any."""
    if spec is None:
        return None  # a server field: its cell
    if spec.convert is to_text and proc is None:
        return "text"
    if spec.convert is to_int and proc is None:
        return "int"  # an int is its own whole number; bools and floats take the cell
    if spec.is_time and _time_text_ok(proc):
        return "time"
    if isinstance(spec.convert, type) and issubclass(spec.convert, Enum):
        return "enum"
    return None


def _stored(proc: Callable[[Any], Any] | None, value: Any) -> Any:
    return value if proc is None else proc(value)


def _processed(cell: Cell, proc: Callable[[Any], Any] | None) -> Cell:
    if proc is None:
        return cell
    return lambda rec, data: proc(cell(rec, data))


def _data_cell(model: type[SyncRecord], col: Any, proc: Callable[[Any], Any] | None) -> Cell:
    name, convert, kind = col.name, col.convert, model.kind
    stored = proc or (lambda value: value)
    if col.nullable:
        none = stored(None)  # SQL NULL, or JSON's "null" as SQLAlchemy writes it
        absent: Callable[[ServerRecord], Any] = lambda rec: none  # noqa: E731
    elif col.is_time:
        absent = lambda rec: stored(rec.updated_at)  # noqa: E731
    elif col.default is not NO_DEFAULT:
        default = stored(col.default)
        absent = lambda rec: default  # noqa: E731
    else:

        def absent(rec: ServerRecord) -> Any:
            raise InvalidRecord(f"{kind} {rec.id} has no {name}")

    fast_time = col.is_time and _time_text_ok(proc)

    def cell(rec: ServerRecord, data: dict[str, Any]) -> Any:
        raw = data.get(name)
        if raw is None:
            return absent(rec)
        if fast_time and type(raw) is str and len(raw) == 27 and raw[26] == "Z":
            try:
                datetime.fromisoformat(raw)
            except ValueError as exc:
                raise InvalidRecord(f"{kind} {rec.id}: {name} {exc}") from exc
            if raw[10] == "T" and raw[19] == ".":
                return f"{raw[:10]} {raw[11:26]}"
        try:
            return stored(convert(raw))
        except (ValueError, TypeError) as exc:
            raise InvalidRecord(f"{kind} {rec.id}: {name} {exc}") from exc

    return cell


_TIME_SAMPLES = (
    "2026-12-07T01:02:03.456789Z",
    "2026-01-01T00:00:00.000000Z",
    "0999-03-04T05:06:07.000008Z",
)


@cache
def _time_text_ok(proc: Callable[[Any], Any] | None) -> bool:
    """Whether cutting the wire form gives what the column's own processor stores."""
    if proc is None:
        return False
    return all(proc(to_time(t)) == f"{t[:10]} {t[11:26]}" for t in _TIME_SAMPLES)
