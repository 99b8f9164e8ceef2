"""Reading the store's [match] markers without mistaking a coach's own brackets for them."""

from __future__ import annotations

from observe.ui.search.snippet import Segment, plain, segments


def test_marked_words_become_bold_runs():
    parts = segments('"I think the [slope] is [7] because…"', "slope 7")
    assert parts == [
        Segment('"I think the '),
        Segment("slope", True),
        Segment(" is "),
        Segment("7", True),
        Segment(' because…"'),
    ]


def test_prefixes_and_accents_match_as_search_does():
    parts = segments("[Nguyễn]'s group [students] [stand]", "nguyen st")
    assert [p.text for p in parts if p.match] == ["Nguyễn", "students", "stand"]


def test_brackets_in_the_evidence_itself_are_kept():
    parts = segments("Board: [x + 2] and [tangent] line", "tangent")
    assert plain(parts) == "Board: [x + 2] and tangent line"
    assert [p for p in parts if p.match] == [Segment("tangent", True)]


def test_without_words_nothing_is_marked_and_lines_are_flattened():
    parts = segments("First line\n\n  [second]   line ", "")
    assert parts == [Segment("First line [second] line")]
