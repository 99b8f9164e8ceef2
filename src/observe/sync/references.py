"""Which records a record points at, read once from the schema's foreign keys.

A pulled record can arrive before the rows it references (a child a page before its parent,
or another coach's evidence in a visit we may not see); applying it then would break a foreign
key, so it is parked until they arrive. Deleting a parent can likewise leave live records under
it (``observe.sync.orphans``). Reading the references from the schema keeps both in step with
the models as kinds and columns are added.
"""

from __future__ import annotations

from dataclasses import dataclass

from observe.store.models import SYNC_MODELS, Evidence, SyncRecord
from observe.sync.records import MODEL_BY_TABLE, table


@dataclass(frozen=True)
class Ref:
    """A reference from one record to another: a foreign-key column, or evidence tags."""

    column: str | None  # None: evidence's look-for tags
    kind: str
    nullable: bool


def _refs(model: type[SyncRecord]) -> list[Ref]:
    refs = []
    for col in table(model).columns:
        for fk in col.foreign_keys:
            target = MODEL_BY_TABLE.get(fk.column.table.name)
            if target is not None:
                refs.append(Ref(col.name, target.kind, bool(col.nullable)))
    if model is Evidence:
        refs.append(Ref(None, "lookfor", True))
    return refs


REFS: dict[str, list[Ref]] = {m.kind: _refs(m) for m in SYNC_MODELS}
