"""The web pages name visit types and coaching activities as the desktop app does."""

from __future__ import annotations

from observe.coaching.labels import ACTIVITY_LABELS
from observe.coaching.log import COACHING_ACTIVITIES
from observe.server.web.figures import ACTIVITIES, COACHING, VISIT_TYPES
from observe.vocabulary import VISIT_TYPE_LABELS


def test_the_web_pages_use_the_apps_words():
    assert {k.value: v for k, v in VISIT_TYPE_LABELS.items()} == VISIT_TYPES
    assert {k.value: v for k, v in ACTIVITY_LABELS.items()} == ACTIVITIES
    assert {a.value for a in COACHING_ACTIVITIES} == COACHING
