"""The UI write helper: a core call's result, or its failure as a sentence, on the GUI thread."""

from __future__ import annotations

import functools
import logging
import threading
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from observe.coaching import log as coaching_log
from observe.coaching.cycles import close_cycle
from observe.errors import StorageError, UsageError
from observe.store import Store
from observe.store.models import LogActivity
from observe.ui.changes import StoreNews
from observe.ui.errors import GENERIC_SENTENCE, show_error
from observe.ui.ops import CoreOp

from .conftest import ErrorsSeen

DRAFT = coaching_log.LogEntryDraft(
    occurred_on=date(2026, 3, 2), minutes=30, activity=LogActivity.PLC, note="Grade 4 PLC"
)


def test_a_quick_write_runs_now_hands_its_result_to_success_and_the_news_follows(
    qtbot, store: Store, errors_seen: ErrorsSeen
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    news = StoreNews(store, widget)
    kinds: list[str] = []
    news.changed.connect(lambda n: kinds.extend(n.in_order()))
    got: list[str] = []

    outcome = (
        CoreOp(widget, lambda: coaching_log.add_entry(store, DRAFT), report=errors_seen)
        .success(got.append)
        .run_now()
    )

    assert outcome.ok and outcome.value == got[0]
    assert [row.id for row in coaching_log.entries(store)] == got
    assert errors_seen == []
    # The refresh comes from the store's change news, not from the caller announcing it.
    qtbot.waitUntil(lambda: "coaching_log_entry" in kinds, timeout=5_000)


def test_a_refused_write_reaches_the_reporter_as_its_sentence_and_skips_success(
    qtbot, store: Store, errors_seen: ErrorsSeen
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    succeeded: list[object] = []
    failed: list[BaseException] = []

    outcome = (
        CoreOp(
            widget,
            lambda: close_cycle(store, "no-such-cycle", "It went well.", date(2026, 3, 2)),
            report=errors_seen,
        )
        .success(succeeded.append)
        .failure(failed.append)
        .run_now()
    )

    assert not outcome.ok
    assert succeeded == []
    assert [e.sentence for e in errors_seen] == [  # type: ignore[attr-defined]
        "That coaching cycle was deleted; nothing was saved."
    ]
    assert failed == errors_seen


def test_inline_shows_a_refusal_beside_the_form_instead_of_a_dialog(
    qtbot, store: Store, errors_seen: ErrorsSeen
) -> None:
    shown: list[str] = []
    bad = coaching_log.LogEntryDraft(
        occurred_on=date(2026, 3, 2), minutes=0, activity=LogActivity.PLC
    )

    outcome = (
        CoreOp(None, lambda: coaching_log.add_entry(store, bad), report=errors_seen)
        .inline(shown.append)
        .run_now()
    )

    assert not outcome.ok and errors_seen == []
    assert len(shown) == 1 and "minute" in shown[0].lower()
    assert coaching_log.entries(store) == []


def test_inline_narrowed_to_refusals_still_shows_a_storage_failure_in_a_dialog(
    qtbot, errors_seen: ErrorsSeen
) -> None:
    shown: list[str] = []

    def refused() -> None:
        raise UsageError("That name is taken; choose another.")

    def disk_full() -> None:
        raise StorageError("The disk is full; free some space and try again.")

    CoreOp(None, refused, report=errors_seen).inline(shown.append, of=UsageError).run_now()
    CoreOp(None, disk_full, report=errors_seen).inline(shown.append, of=UsageError).run_now()

    assert shown == ["That name is taken; choose another."]
    assert [type(error) for error in errors_seen] == [StorageError]


def test_an_unexpected_failure_is_logged_with_its_traceback_and_explained_in_plain_words(
    qtbot, store: Store, log_file: Path, caplog
) -> None:
    boxes: list[QMessageBox] = []
    report = functools.partial(show_error, present=boxes.append)

    def broken() -> None:
        raise KeyError("cycle_id")

    inline: list[str] = []
    with caplog.at_level(logging.ERROR):
        outcome = CoreOp(None, broken, report=report).inline(inline.append).run_now()

    assert not outcome.ok and isinstance(outcome.error, KeyError)
    assert [b.text() for b in boxes] == [GENERIC_SENTENCE.format(path=log_file)]
    assert "Traceback" not in boxes[0].text()
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is KeyError]
    assert logged, "the traceback must reach the log"
    assert "broken" in logging.Formatter().formatException(logged[0].exc_info)
    # An unexpected error never goes to the inline label, which would hide that something broke.
    assert inline == []


def test_a_slow_call_runs_on_the_pool_and_its_result_arrives_on_the_gui_thread(
    qtbot, store: Store, errors_seen: ErrorsSeen
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    gui = threading.get_ident()
    ran_on: list[int] = []
    delivered_on: list[int] = []

    def work() -> str:
        ran_on.append(threading.get_ident())
        return coaching_log.add_entry(store, DRAFT)

    def done(entry_id: str) -> None:
        delivered_on.append(threading.get_ident())

    op = CoreOp(widget, work, report=errors_seen, name="add entry").success(done)
    with qtbot.waitSignal(op.run_in_background().finished, timeout=10_000):
        pass

    assert ran_on and ran_on[0] != gui
    assert delivered_on == [gui]
    assert len(coaching_log.entries(store)) == 1 and errors_seen == []


def test_a_slow_call_that_fails_is_reported_on_the_gui_thread(
    qtbot, store: Store, errors_seen: ErrorsSeen
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    gui = threading.get_ident()
    reported_on: list[int] = []

    def report(parent: object, error: BaseException) -> None:
        reported_on.append(threading.get_ident())
        errors_seen(parent, error)

    op = CoreOp(
        widget,
        lambda: close_cycle(store, "no-such-cycle", "Fine.", date(2026, 3, 2)),
        report=report,
    )
    with qtbot.waitSignal(op.run_in_background().finished, timeout=10_000):
        pass

    assert reported_on == [gui]
    assert [e.sentence for e in errors_seen] == [  # type: ignore[attr-defined]
        "That coaching cycle was deleted; nothing was saved."
    ]
