"""Building ops the way the desktop client does (snapshots shaped like observe.store's)."""

from __future__ import annotations

import uuid
from typing import Any

from observe.ids import new_id


def evidence_data(record_id: str, text: str = "Student: I think it's 12 because...") -> dict:
    return {
        "id": record_id,
        "visit_id": new_id(),
        "observed_at": "2026-03-02T14:05:09Z",
        "evidence_kind": "student_talk",
        "text": text,
        "prompt_index": None,
        "lookfor_ids": [],
        "version": 0,
        "deleted": False,
        "visibility": "private",
    }


def op(
    record_id: str | None = None,
    *,
    kind: str = "evidence",
    base_version: int | None = 0,
    data: dict[str, Any] | None = None,
    delete: bool = False,
    visibility: str = "private",
    client_version: int = 0,
    op_id: str | None = None,
) -> dict[str, Any]:
    record_id = record_id or new_id()
    if data is None and not delete:
        data = evidence_data(record_id)
    return {
        "op_id": op_id or str(uuid.uuid4()),
        "kind": kind,
        "id": record_id,
        "op": "delete" if delete else "upsert",
        "base_version": base_version,
        "client_version": client_version,
        "data": None if delete else data,
        "visibility": visibility,
    }


def push(session, *ops: dict[str, Any]) -> dict[str, Any]:
    reply = session.client.post("/v1/sync/push", json={"ops": list(ops)})
    assert reply.status_code == 200, reply.text
    return reply.json()


def pull_all(session, since: int = 0, limit: int = 500) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    while True:
        reply = session.client.get("/v1/sync/pull", params={"since": since, "limit": limit})
        assert reply.status_code == 200, reply.text
        body = reply.json()
        changes.extend(body["changes"])
        since = body["next_since"]
        if not body["more"]:
            return changes
