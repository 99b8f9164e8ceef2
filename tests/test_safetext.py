"""The three text boundaries of observe.safetext, and the Retry-After and deadline parsing
that sit next to them in the sync client."""

from __future__ import annotations

import pytest

from observe.safetext import clean_text, csv_cell, printable
from observe.sync.client import duration, parse_retry_after, seconds_from_env


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("\x1b[2J\x1b[HCleared", "Cleared"),  # CSI: clear screen, cursor home
        ("\x1b]0;Owned\x07Title", "Title"),  # OSC window title ended by BEL
        ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink, ST
        ("\x9b31mRed", "Red"),  # 8-bit CSI
        ("a\x00b\x7fc\x85d", "abcd"),  # C0, DEL, C1
        ("Line one\r\nline two", "Line one line two"),
        ("\u202eevil.exe", "evil.exe"),  # right-to-left override
        ("Zoë 👩‍🏫 Okafor", "Zoë 👩‍🏫 Okafor"),  # accents and a ZWJ emoji survive
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ],
)
def test_printable_drops_escape_sequences_and_controls(said, shown):
    assert printable(said) == shown


def test_printable_cuts_long_text():
    assert printable("x" * 1000, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+A1", "'+A1"),
        ("-A1", "'-A1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),
        ("+4.5", "+4.5"),
        ("-1e3", "-1e3"),
        ("-1_000", "'-1_000"),
        ("-inf", "'-inf"),
        ("Plain", "Plain"),
        ("", ""),
        (-3, -3),
        (None, None),
    ],
)
def test_csv_cell(cell, written):
    assert csv_cell(cell) == written


def test_clean_text_replaces_only_lone_surrogates():
    assert clean_text("a\udc80b\ud83dc 😀") == "a\ufffdb\ufffdc 😀"


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("1.5", 1.5),
        ("²", None),  # str.isdigit() says yes, float() says no
        ("١٢", None),  # Arabic-Indic digits: float() would take them; HTTP does not
        ("nan", None),
        ("inf", None),
        ("-1", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after(header, seconds):
    assert parse_retry_after(header) == seconds


def test_deadline_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("OBSERVE_TEST_DEADLINE", "2.5")
    assert seconds_from_env("OBSERVE_TEST_DEADLINE", 90) == 2.5
    for bad in ("soon", "0", "-4", "nan", "inf"):
        monkeypatch.setenv("OBSERVE_TEST_DEADLINE", bad)
        assert seconds_from_env("OBSERVE_TEST_DEADLINE", 90) == 90
    assert (duration(90), duration(1800), duration(1), duration(2.5)) == (
        "90 seconds",
        "30 minutes",
        "1 second",
        "2.5 seconds",
    )


def test_a_huge_retry_after_waits_an_hour_at_most():
    import random

    from observe.sync.backoff import Backoff

    b = Backoff(rng=random.Random(1))
    assert b.next_delay(at_least=86_400) == 3600
    assert b.next_delay(at_least=float("nan")) <= b.ceiling()
