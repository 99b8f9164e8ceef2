"""The shared wire models accept what the protocol doc describes and refuse the rest."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from observe.protocol import KINDS, Op, PushRequest
from observe.store.models import SYNC_MODELS


def test_kinds_match_the_desktop_store():
    desktop = tuple(m.kind for m in SYNC_MODELS)
    assert desktop == KINDS


def test_ids_are_canonical_strings():
    op = Op.model_validate(
        {
            "op_id": "0190A1B2C3D47E5F8A9B0C1D2E3F4A5B",
            "kind": "evidence",
            "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
            "op": "upsert",
            "base_version": 0,
            "data": {"text": "x"},
        }
    )
    assert op.op_id == "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
    assert op.visibility == "private"


@pytest.mark.parametrize(
    "bad",
    [
        {"op_id": "nope"},
        {"op": "merge"},
        {"base_version": -1},
        {"visibility": "public"},
        {"surprise": 1},
    ],
)
def test_bad_ops_are_refused(bad):
    op = {
        "op_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        "kind": "evidence",
        "id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
        "op": "upsert",
        "base_version": None,
        "data": {},
    }
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"ops": [{**op, **bad}]})
