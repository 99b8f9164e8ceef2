"""The welcome summary names every kind of record in words and in its group: a kind added to
the store without a place here would show as "Cycle survey: 0" under "Other"."""

from __future__ import annotations

from observe.store.models import SYNC_MODELS
from observe.ui.summary import GROUPS, KIND_LABELS


def test_every_synced_kind_has_words_and_a_group():
    kinds = {model.kind for model in SYNC_MODELS}
    grouped = {kind for _, members in GROUPS for kind in members}
    assert kinds - set(KIND_LABELS) == set()
    assert kinds - grouped == set()
