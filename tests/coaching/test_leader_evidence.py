"""The desktop's leader view gets the school's work samples, surveys and assessments from a
real observe-server: shares before → after, hidden rows as words, never text."""

from __future__ import annotations

import os

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from observe.coaching.leader_source import HIDDEN, ServerImpactSource
from observe.sync.leader import LeaderSession
from tests.server.test_student_evidence import CAPTION, NOTE, QUESTION, TITLE, _school


def test_leader_view_shows_school_evidence_with_small_groups_hidden(sqlite_server) -> None:
    school, _coach, _cycles = _school(sqlite_server)
    leader = sqlite_server.add_user(role="leader", school=school)
    session = LeaderSession.sign_in(sqlite_server.base_url, leader.email, leader.password)
    try:
        report = ServerImpactSource(session).load(None, None)
    finally:
        session.close()
    table = report.tables["cycle_evidence"]
    assert table.title == "Work samples, surveys and assessments at school level"
    assert table.rows == (
        ("Work samples meeting the success criteria", *[HIDDEN] * 7),
        ("Student survey answers agreeing", *[HIDDEN] * 7),
        ("Students meeting the assessment's goal", 3, 3, 40.0, 10, 70.0, 10, 2),
    )
    text = repr(report)
    assert all(leak not in text for leak in (QUESTION, CAPTION, NOTE, TITLE))
