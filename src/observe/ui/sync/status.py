"""The status bar's sync label: offline / syncing / synced at HH:MM / N waiting / N conflicts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from observe.clock import as_utc

PERCENT_FROM = 500
"""Smaller syncs take a moment; a percentage would only flicker."""


@dataclass(frozen=True)
class SyncStatus:
    signed_in: bool = False
    server_url: str | None = None
    email: str | None = None
    syncing: bool = False
    offline: bool = False  # the last try could not reach the server (it will retry)
    needs_sign_in: bool = False  # the server refused this device: only the coach can fix it
    last_synced_at: datetime | None = None
    waiting: int = 0
    conflicts: int = 0
    problem: str | None = None  # the last failure's sentence
    retry_in_s: float | None = None
    progress: tuple[int, int] | None = None  # (done, total) records of the running sync
    eta_s: float | None = None  # seconds the running sync should still take, once measurable

    def with_(self, **changes: object) -> SyncStatus:
        return replace(self, **changes)  # type: ignore[arg-type]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncStatus", text)


def time_left(seconds: float, *, short: bool = False) -> str:
    """A rough estimate in words: a first sync of years of records should say whether to
    wait or to come back later, not count down the seconds."""
    if seconds < 60:
        return QCoreApplication.translate("SyncStatus", "less than a minute left")
    minutes = round(seconds / 60)
    if minutes < 90:
        if short:
            return QCoreApplication.translate("SyncStatus", "about {n} min left").format(n=minutes)
        if minutes == 1:
            return QCoreApplication.translate("SyncStatus", "about 1 minute left")
        return QCoreApplication.translate("SyncStatus", "about {n} minutes left").format(n=minutes)
    return QCoreApplication.translate("SyncStatus", "about {n} hours left").format(
        n=round(minutes / 60)
    )


def _counting(s: SyncStatus) -> tuple[int, int] | None:
    if s.syncing and s.progress is not None and s.progress[1] >= PERCENT_FROM:
        return s.progress
    return None


def status_text(s: SyncStatus) -> str:
    if s.syncing:
        head = QCoreApplication.translate("SyncStatus", "Syncing…")
        if (counted := _counting(s)) is not None:
            done, total = counted
            head = QCoreApplication.translate(
                "SyncStatus", "Syncing… {percent}% ({done} of {total} records)"
            ).format(percent=min(100, done * 100 // total), done=f"{done:,}", total=f"{total:,}")
            if s.eta_s is not None:
                head += " · " + time_left(s.eta_s, short=True)
    elif not s.signed_in:
        head = QCoreApplication.translate(
            "SyncStatus", "On this computer only"
        )  # nothing is wrong: no server was ever set up
    elif s.needs_sign_in:
        head = QCoreApplication.translate("SyncStatus", "Sign in needed")
    elif s.offline:
        head = QCoreApplication.translate("SyncStatus", "Offline")
    elif s.last_synced_at is not None:
        head = QCoreApplication.translate("SyncStatus", "Synced at {time}").format(
            time=as_utc(s.last_synced_at).astimezone().strftime("%H:%M")
        )
    else:
        head = QCoreApplication.translate("SyncStatus", "Not synced yet")
    bits = [head]
    counting = s.syncing and "%" in head  # the count is from before the sync: don't show both
    # Without a server nothing is waiting for anything: a count would read as a backlog.
    has_server = s.signed_in or bool(s.server_url)
    if s.waiting and not counting and has_server:
        bits.append(
            QCoreApplication.translate("SyncStatus", "{count} waiting").format(
                count=f"{s.waiting:,}"
            )
        )
    if s.conflicts:
        if s.conflicts == 1:
            bits.append(QCoreApplication.translate("SyncStatus", "1 conflict"))
        else:
            bits.append(
                QCoreApplication.translate("SyncStatus", "{count} conflicts").format(
                    count=f"{s.conflicts:,}"
                )
            )
    return " · ".join(bits)


def status_tip(s: SyncStatus) -> str:
    if not s.signed_in:
        return QCoreApplication.translate(
            "SyncStatus", "Not signed in to a sync server. Choose Sync → Sign in… to sync."
        )
    if (counted := _counting(s)) is not None:
        done, total = counted
        estimate = "" if s.eta_s is None else f" ({time_left(s.eta_s)})"
        return QCoreApplication.translate(
            "SyncStatus",
            "Sending and receiving changes: {done} of {total} records{estimate}. "
            "You can keep working meanwhile. Sync → Stop syncing stops it; what is done so "
            "far is kept.",
        ).format(done=f"{done:,}", total=f"{total:,}", estimate=estimate)
    where = QCoreApplication.translate("SyncStatus", "Signed in to {server} as {email}.").format(
        server=s.server_url, email=s.email
    )
    if s.needs_sign_in and s.problem:
        return f"{s.problem}\n{where}"
    if s.offline and s.problem:
        retry = ""
        if s.retry_in_s:
            retry = " " + QCoreApplication.translate(
                "SyncStatus", "Observe will try again in {seconds} s."
            ).format(seconds=f"{s.retry_in_s:.0f}")
        return f"{s.problem}{retry}\n{where}"
    if s.waiting and s.problem:  # changes held back after a sync that went through
        return f"{s.problem}\n{where}"
    if s.conflicts:
        return (
            where
            + " "
            + QCoreApplication.translate("SyncStatus", "Some changes need you: Sync → Conflicts…")
        )
    return where


class SyncStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sync status"))
        self.show_status(SyncStatus())

    def show_status(self, status: SyncStatus) -> None:
        self.setText(status_text(status))
        tip = status_tip(status)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
