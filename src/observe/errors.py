"""Errors that reach people.

Every failure a coach can cause or meet (a bad file, a full disk, a folder they can't write)
is raised as an :class:`ObserveError` carrying one plain sentence that says what happened and
what to do. The CLI prints that sentence and the GUI shows it in a dialog; technical details go
to the log file, never to the person.
"""

from __future__ import annotations


class ObserveError(Exception):
    """A failure explained in a sentence meant for the person using Observe."""

    exit_code = 1

    def __init__(self, sentence: str, *, detail: str | None = None) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.detail = detail

    def __str__(self) -> str:
        return self.sentence


class ProfileError(ObserveError):
    """The profile (data folder or database file) can't be used as it is."""

    exit_code = 3


class UsageError(ObserveError):
    """The request itself doesn't make sense (a refused command, a bad option value)."""

    exit_code = 2
