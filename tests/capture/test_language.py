"""Capture-line parsing and judgment-free hints."""

from __future__ import annotations

import pytest

from observe.capture.hints import find_hints
from observe.capture.kinds import format_offset, parse_line
from observe.store.models import EvidenceKind as K


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ('"It doubles every time"', K.STUDENT_TALK, '"It doubles every time"'),
        ("“Can we use the number line?”", K.STUDENT_TALK, "“Can we use the number line?”"),
        ("t: Teacher waits 5 seconds", K.TEACHER_MOVE, "Teacher waits 5 seconds"),
        ("S: Students sort cards", K.STUDENT_ACTION, "Students sort cards"),
        ("a:  Exit ticket: 3 of 4 show a table", K.ARTIFACT, "Exit ticket: 3 of 4 show a table"),
        ("n: follow up on seating", K.NOTE, "follow up on seating"),
        ("Students turn and talk", K.TEACHER_MOVE, "Students turn and talk"),
        ("at: no prefix here", K.TEACHER_MOVE, "at: no prefix here"),
    ],
)
def test_prefixes_pick_the_kind(line, kind, text):
    parsed = parse_line(line, selected=K.TEACHER_MOVE)
    assert (parsed.kind, parsed.text) == (kind, text)


def test_offsets_read_as_minutes_and_seconds():
    assert format_offset(0) == "00:00"
    assert format_offset(65.9) == "01:05"
    assert format_offset(3725) == "1:02:05"


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("The teacher did a great job with the launch", ["did a great job"]),
        ("Students were off-task during the video", ["off-task"]),
        ("Students were off task during the video", ["off task"]),
        ("Students should have more wait time; most were engaged", ["should have", "engaged"]),
        ('A student says "this is so good" to her partner', []),
        ("«C'est nul» dit un élève", []),
        ("Good morning routine; goodness, a good launch", ["good"]),
        ("Twelve students write a claim on the whiteboard", []),
        ("LAZY", ["LAZY"]),
    ],
)
def test_hints_flag_judgments_but_not_quotes(text, phrases):
    assert [h.phrase for h in find_hints(text)] == phrases


def test_hint_positions_and_message():
    text = "Pacing was poor today"
    (hint,) = find_hints(text)
    assert text[hint.start : hint.end] == "poor"
    assert "sounds like a judgment" in hint.message and "Describe" in hint.message
