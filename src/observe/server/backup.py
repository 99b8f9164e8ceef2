"""Portable backups (gzip'd JSON lines) and restoring them under a new epoch.

The format is the same for SQLite and PostgreSQL, so a backup also moves a school's server to a
district database. Restoring keeps the server id but starts a new epoch: every client then sees
that the server may have lost changes since the backup and re-pushes what it holds (protocol
doc, "Topology and identity"). A backup is read in one transaction, so it is consistent even
while the server runs.
"""

from __future__ import annotations

import gzip
import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from observe.errors import UsageError
from observe.server import blob_refs, facts, migrate, readers, rollup
from observe.server.db import is_sqlite
from observe.server.schema import (
    BACKUP_TABLES,
    UTCDateTime,
    account,
    record,
    school,
    school_seq,
    server_state,
)
from observe.server.schema import metadata as server_metadata
from observe.server.state import read_state

FORMAT = "observe-server-backup"
FORMAT_VERSION = 1
LEGACY_HEAD = "legacy_head"


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def backup(engine: Engine, path: Path) -> dict[str, Any]:
    """Writes every table a restore needs; returns counts per table."""
    if migrate.schema_state(engine) is not migrate.SchemaState.CURRENT:
        raise UsageError("This database has no current Observe server schema to back up.")
    counts: dict[str, int] = {}
    conn_opts = {} if is_sqlite(engine) else {"isolation_level": "REPEATABLE READ"}
    tmp = path.with_name(path.name + ".part")
    with engine.connect().execution_options(**conn_opts) as conn, conn.begin():
        state = read_state(conn)
        with gzip.open(tmp, "wt", encoding="utf-8") as out:
            header = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "revision": migrate.head_revision(),
                **state,
            }
            out.write(json.dumps(header) + "\n")
            for table in BACKUP_TABLES:
                n = 0
                for row in conn.execute(select(table)):
                    item = {k: _encode(v) for k, v in row._mapping.items()}
                    out.write(json.dumps({"t": table.name, "r": item}) + "\n")
                    n += 1
                counts[table.name] = n
    tmp.replace(path)
    return counts


def _decode_row(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    table = server_metadata.tables[table_name]
    out = {}
    for key, value in row.items():
        if table_name == "server_state" and key == "head_seq":
            # Made before seqs were per school: the server-wide head, kept for the counters.
            out[LEGACY_HEAD] = int(value)
            continue
        if key not in table.c:
            raise UsageError(
                f"The backup has a column {table_name}.{key} this server doesn't know."
            )
        if isinstance(table.c[key].type, UTCDateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        out[key] = value
    return out


def restore(engine: Engine, path: Path, *, replace: bool = False) -> dict[str, Any]:
    """Loads a backup into this database under a new epoch; returns the new server state.

    Refuses a database that already holds users or records unless ``replace`` is given, in
    which case everything in it is replaced in the same transaction (all or nothing).
    """
    if not path.is_file():
        raise UsageError(f"There is no backup file at {path}.")
    migrate.upgrade(engine)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as src:
            header = json.loads(src.readline())
            if header.get("format") != FORMAT:
                raise UsageError(f"{path} is not an observe-server backup.")
            if header.get("revision") not in migrate.script_revisions():
                raise UsageError(f"{path} was made by a newer observe-server; upgrade first.")
            rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in BACKUP_TABLES}
            for line in src:
                item = json.loads(line)
                if item.get("t") not in rows:
                    raise UsageError(f"{path} holds a table this server doesn't know.")
                rows[item["t"]].append(_decode_row(item["t"], item["r"]))
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path} is damaged or not an observe-server backup.") from exc
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        occupied = (
            conn.execute(select(account.c.id).limit(1)).first()
            or conn.execute(select(record.c.id).limit(1)).first()
        )
        if occupied and not replace:
            raise UsageError(
                "This database already has users or records; restore into an empty database, "
                "or add --replace to overwrite everything in it."
            )
        for table in reversed(BACKUP_TABLES):
            conn.execute(delete(table))
        if not rows["server_state"]:
            raise UsageError(f"{path} has no server identity in it; it is not a full backup.")
        legacy_head = max(r.pop(LEGACY_HEAD, 0) for r in rows["server_state"])
        for table in BACKUP_TABLES:
            if rows[table.name]:
                conn.execute(insert(table), rows[table.name])
        _set_counters(conn, legacy_head)
        # Who may read what follows from the snapshots (a backup made before teachers had
        # accounts carries no reader or addressee): derive it again, never trust it blindly.
        readers.recompute(conn)
        facts.recompute(conn)
        rollup.rebuild(conn)
        blob_refs.recompute(conn)
        conn.execute(
            update(server_state).where(server_state.c.id == 1).values(epoch=str(uuid.uuid4()))
        )
        return read_state(conn)


def _set_counters(conn: Connection, legacy_head: int) -> None:
    """Every school's push counter at least at its highest seq: a backup made before seqs
    were per school carries none, and then every school starts at the server-wide head it
    carries (as the migration does), so seqs stay unique and clients' positions still hold."""
    highest = dict(
        conn.execute(
            select(record.c.school_id, func.max(record.c.server_seq)).group_by(record.c.school_id)
        ).all()
    )
    counters = dict(conn.execute(select(school_seq.c.school_id, school_seq.c.head_seq)).all())
    for school_id in conn.execute(select(school.c.id)).scalars():
        head = max(int(highest.get(school_id) or 0), legacy_head)
        if school_id not in counters:
            conn.execute(insert(school_seq).values(school_id=school_id, head_seq=head))
        elif int(counters[school_id]) < head:
            conn.execute(
                update(school_seq).where(school_seq.c.school_id == school_id).values(head_seq=head)
            )
