"""File names for sheets and reports, the same from the GUI's Save and the batch export.

"Feedback sheet 2026-10-06 Zoë Okafor Science, grade 6" says which day and whose sheet; every
name is cleaned so it suits every file system (no slashes, colons or trailing dots).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from observe.i18n import N_, _

if TYPE_CHECKING:  # only a type here: the window's menus import this module at startup
    from observe.feedback.facts import VisitFacts

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

FEEDBACK_SHEET = N_("Feedback sheet")


def safe_name(text: str) -> str:
    return _UNSAFE.sub("-", " ".join(text.split())).strip(" .-")[:120] or "sheet"


def report_name(kind: str, day: str, title: str) -> str:
    """A file name for every OS: "Learning walk debrief 2026-11-20 Science practices walk"."""
    return safe_name(f"{kind} {day} {title}")


def sheet_name(facts: VisitFacts, *, with_time: bool = False) -> str:
    """The feedback sheet's file name; ``with_time`` tells apart two visits on one day (a walk)."""
    day = facts.local_start.strftime("%Y-%m-%d %H%M" if with_time else "%Y-%m-%d")
    return report_name(_(FEEDBACK_SHEET), day, f"{facts.teacher} {facts.class_label}")
