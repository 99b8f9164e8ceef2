"""A school where a coach invites a teacher and shares feedback with them, through the real API
(the way the coach's app does it), for the teacher's web pages to be tried on."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from observe.ids import new_id
from tests.server.helpers import op, pull_all, push
from tests.serverfixtures import DeviceSession, ServerProcess

STRENGTH = "Students explained their reasoning to a partner before sharing with the class."
EVIDENCE = "Student: I think it's 12 because 3 groups of 4 is 12."
EVIDENCE_2 = "Teacher: Turn to your partner and say why."
STRENGTH_2 = "Nguyễn Thị Ánh's table used the number line without prompting."
WONDERING = "What might change if every table reported once before anyone spoke twice?"
PROMPT = "Which moment today showed you the most about what students understood?"
REFLECTION = "I noticed the back table never got a turn. سأجرب التفكير الثنائي غدا — I'll try think-pair-share"  # noqa: E501
EMOJI = " 🙂👍"


def published(teacher_email: str, teacher_name: str, **changes: Any) -> dict[str, Any]:
    """``feedback.data.published`` exactly as the contract of issue 16 gives it."""
    return {
        "format": 1,
        "teacher_email": teacher_email.lower(),
        "teacher_name": teacher_name,
        "coach_name": "Sam Lee",
        "visit_date": "2026-12-01",
        "visit_type": "Coaching-cycle visit",
        "class_label": "Grade 5 Math, period 2",
        "strengths": [
            {
                "text": STRENGTH,
                "evidence": [
                    {"time": "09:14", "kind": "Student talk", "text": EVIDENCE},
                    {"time": "09:16", "kind": "Teacher talk", "text": EVIDENCE_2},
                ],
            },
            {"text": STRENGTH_2, "evidence": []},
        ],
        "wondering": WONDERING,
        "reflection_prompt": PROMPT,
        "voices": {"heard": 14, "of": 22, "turns": 41},
        "shared_at": "2026-12-01T15:02:11Z",
        **changes,
    }


def share(
    coach: DeviceSession,
    teacher_email: str | None,
    teacher_name: str = "Ana Ortiz",
    **changes: Any,
) -> str:
    """Pushes a feedback record as the coach's app does: shared with ``teacher_email`` (with
    its published copy), or private when that is None. Returns the record's id."""
    record_id = new_id()
    data = {
        "id": record_id,
        "author_id": coach.user.id,
        "visit_id": new_id(),
        "wondering": "the coach's private draft wording",
        "version": 0,
        "deleted": False,
        "visibility": "teacher" if teacher_email else "private",
        "published": published(teacher_email, teacher_name, **changes) if teacher_email else None,
    }
    results = push(
        coach,
        op(record_id, kind="feedback", data=data,
           visibility="teacher" if teacher_email else "private"),
    )["results"]  # fmt: skip
    assert results[0]["status"] == "applied", results
    return record_id


def feedback_in_profile(data_dir: Path, teacher_name: str) -> str:
    """A visit and its feedback, marked "share with the teacher", written in a real desktop
    profile (as the app saves them); returns the feedback's id."""
    from observe.store import open_profile
    from observe.store.models import Classroom, Feedback, Teacher, Visibility, Visit, VisitType
    from observe.store.models import School as SchoolRow

    store = open_profile(data_dir)
    try:
        with store.write() as s:
            school_row = SchoolRow(name="Lincoln Middle")
            teacher = Teacher(school=school_row, display_name=teacher_name)
            room = Classroom(teacher=teacher, subject="Grade 5 Math")
            visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
            feedback = Feedback(
                visit=visit,
                glows=[{"evidence_id": None, "text": STRENGTH}],
                wondering=WONDERING,
                visibility=Visibility.TEACHER,
            )
            s.add_all([school_row, teacher, room, visit, feedback])
        return feedback.id
    finally:
        store.close()


def publish(coach: DeviceSession, record_id: str, teacher_email: str, teacher_name: str) -> int:
    """Saves the coach's synced feedback again with its published copy, the edit the coach's
    app (branch i16-desktop) makes on sharing; returns the new version."""
    found = [c for c in pull_all(coach) if c["id"] == record_id]
    assert len(found) == 1, found
    current = found[0]
    data = {**current["data"], "published": published(teacher_email, teacher_name)}
    version = current["version"]
    data["version"] = version
    results = push(
        coach,
        op(record_id, kind="feedback", data=data, visibility="teacher",
           base_version=version, client_version=version),
    )["results"]  # fmt: skip
    assert results[0]["status"] == "applied", results
    return int(results[0]["version"])


def invite(coach: DeviceSession, email: str, name: str) -> dict[str, Any]:
    reply = coach.client.post("/v1/invitations", json={"email": email, "name": name})
    assert reply.status_code == 200, reply.text
    return reply.json()


@dataclass
class School:
    server: ServerProcess
    name: str
    coach: DeviceSession
    tag: str

    def teacher_email(self, first: str) -> str:
        return f"{first.lower()}.{self.tag}@school.org"


def school(server: ServerProcess) -> School:
    tag = uuid.uuid4().hex[:8]
    name = f"Teachers {tag}"
    coach = server.login(server.add_user(school=name, name="Sam Lee"))
    return School(server, name, coach, tag)


def observe_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``observe ARGS`` as a separate process, as the coach's terminal runs it."""
    return subprocess.run(
        [sys.executable, "-m", "observe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        check=False,
    )


def coach_profile_syncs(server: ServerProcess, coach: DeviceSession, data_dir: Path) -> str:
    """The coach's own profile syncs with the real CLI (signing in first if it has not);
    returns what sync said."""
    if not (data_dir / "credentials.json").exists():
        login = observe_cli(
            "login", "--data-dir", str(data_dir), "--server", server.base_url,
            "--email", coach.user.email, "--password-stdin", stdin=coach.user.password + "\n",
        )  # fmt: skip
        assert login.returncode == 0, login.stderr
    synced = observe_cli("sync", "--data-dir", str(data_dir))
    assert synced.returncode == 0, synced.stderr
    assert "Traceback" not in synced.stderr
    return synced.stdout
