"""Sharing feedback publishes what the sheet says, and nothing the sheet does not cite."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from observe import settings
from observe.errors import UsageError
from observe.feedback import Glow, draft_for, save_feedback
from observe.feedback.service import sharing_blocked
from observe.reports.feedback_sheet import feedback_sheet_pdf
from observe.store.models import (
    Classroom,
    Feedback,
    OutboxOp,
    Teacher,
    Visibility,
    Visit,
)

from .helpers import body_text, build_visit, flat, reader


def _set_email(store, visit_id: str, email: str | None) -> None:
    with store.write() as s:
        visit = s.get_one(Visit, visit_id)
        room = s.get_one(Classroom, visit.classroom_id)
        s.get_one(Teacher, room.teacher_id).email = email


def _published(store, feedback_id: str):
    with store.read() as s:
        row = s.get_one(Feedback, feedback_id)
        return row.visibility, row.published


def test_shared_feedback_publishes_the_sheets_content_and_nothing_else(store):
    built = build_visit(store)
    _set_email(store, built.visit_id, "  Anh.Nguyen@School.ORG ")
    settings.put(store, settings.COACH_NAME_KEY, "Sam Lee")
    note_id = built.evidence_ids[-1]  # the coach's private note
    draft = draft_for(store, built.visit_id)
    draft.glows.append(Glow("I noticed you planned the seating with care.", note_id))
    feedback_id = save_feedback(store, draft, share=True)

    visibility, doc = _published(store, feedback_id)
    assert visibility is Visibility.TEACHER
    assert doc["format"] == 1
    assert doc["teacher_email"] == "anh.nguyen@school.org"
    assert doc["teacher_name"] == "Nguyễn Thị Ánh"
    assert doc["coach_name"] == "Sam Lee"
    assert doc["visit_date"] == "2026-10-06"  # 14:00 UTC is 09:00 in Chicago, same day
    assert doc["visit_type"] == "Coaching observation"
    assert doc["class_label"] == "Science, grade 6, period 2"
    assert doc["voices"] == {"heard": 6, "of": 8, "turns": 6}
    assert doc["wondering"] == draft.wondering.strip()
    assert doc["reflection_prompt"] == draft.reflection_prompt.strip()
    assert doc["shared_at"].endswith("Z")

    # The same strengths as the sheet, in order, each with the evidence it cites.
    assert [s["text"] for s in doc["strengths"]] == [g.text.strip() for g in draft.glows]
    first = doc["strengths"][0]["evidence"]
    assert first == [
        {
            "time": "09:00",
            "kind": "Student talk",
            "text": '"I think it\'s 3 because the pattern doubles."',
        }
    ]
    sheet = flat(body_text(feedback_sheet_pdf(store, built.visit_id).data))
    for strength in doc["strengths"]:
        assert flat(strength["text"]) in sheet
        for item in strength["evidence"]:
            assert flat(item["text"].strip('"')) in sheet
    # Nothing uncited, and never the private note (even though a strength points at it).
    cited = {e["text"] for s in doc["strengths"] for e in s["evidence"]}
    text = json.dumps(doc, ensure_ascii=False)
    for _kind, words in built.evidence:
        if words not in cited:
            assert words not in text
    assert "Private: ask about the seating plan." not in text
    assert doc["strengths"][-1] == {
        "text": "I noticed you planned the seating with care.",
        "evidence": [],
    }
    # Seat labels and ids never reach the teacher.
    assert "Sq1x" not in text and built.evidence_ids[0] not in text

    # Editing shared feedback publishes again; un-sharing clears it.
    draft.feedback_id = feedback_id
    draft.wondering = "What if table 2 shared first?"
    save_feedback(store, draft)
    assert _published(store, feedback_id)[1]["wondering"] == "What if table 2 shared first?"
    save_feedback(store, draft, share=False)
    assert _published(store, feedback_id) == (Visibility.PRIVATE, None)
    # Private feedback saved again stays unpublished.
    save_feedback(store, draft)
    assert _published(store, feedback_id) == (Visibility.PRIVATE, None)


def test_sharing_without_the_teachers_email_is_refused_and_saves_nothing(store):
    built = build_visit(store)
    assert "Teachers tab" in (sharing_blocked(store, built.visit_id) or "")
    draft = draft_for(store, built.visit_id)
    with store.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxOp))
    with pytest.raises(UsageError) as refused:
        save_feedback(store, draft, share=True)
    sentence = str(refused.value)
    assert "Nguyễn Thị Ánh has no email" in sentence
    assert "Teachers tab" in sentence and "Nothing was saved." in sentence
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Feedback)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == before
    # Saved privately it is fine, and once the email is there it shares.
    feedback_id = save_feedback(store, draft, share=False)
    _set_email(store, built.visit_id, "anh@school.org")
    assert sharing_blocked(store, built.visit_id) is None
    draft.feedback_id = feedback_id
    save_feedback(store, draft, share=True)
    assert _published(store, feedback_id)[1]["teacher_email"] == "anh@school.org"


def test_chosen_invitation_prints_as_a_qr_code_on_the_next_sheet(store, tmp_path):
    """The link prints under the reflection lines, as words and as a QR code that decodes
    back to it; not chosen (or expired), nothing prints."""
    import subprocess
    from datetime import timedelta

    import zxingcpp
    from PIL import Image

    from observe.clock import utcnow
    from observe.reports.feedback_sheet import INVITE_LINE
    from observe.roster.invite_qr import set_qr_link

    built = build_visit(store, email="anh@school.org")
    with store.read() as s:
        teacher_id = s.get_one(Classroom, s.get_one(Visit, built.visit_id).classroom_id).teacher_id
    link = "https://observe.school.org/invite/Zm9vYmFyLXRva2VuLTEyMzQ1Njc4OTA"
    plain = feedback_sheet_pdf(store, built.visit_id).data
    assert INVITE_LINE not in body_text(plain)

    set_qr_link(store, teacher_id, link, utcnow() + timedelta(days=14))
    pdf = feedback_sheet_pdf(store, built.visit_id)
    text = body_text(pdf.data)
    assert INVITE_LINE in text and flat(link) in flat(text)
    out = pdf.save(tmp_path / "sheet.pdf")
    pages = len(reader(pdf.data).pages)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", str(pages), "-l", str(pages), str(out),
         str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    image = Image.open(next(tmp_path.glob("page*.png")))
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    assert found == [link]

    set_qr_link(store, teacher_id, link, utcnow() - timedelta(minutes=1))  # expired
    assert INVITE_LINE not in body_text(feedback_sheet_pdf(store, built.visit_id).data)


def test_a_conflict_names_the_published_copy_instead_of_printing_it(store):
    from observe.sync.conflicts import describe

    built = build_visit(store, email="anh@school.org")
    feedback_id = save_feedback(store, draft_for(store, built.visit_id), share=True)
    with store.read() as s:
        row = s.get_one(Feedback, feedback_id)
        data = {"wondering": row.wondering, "published": row.published}
    text = describe("feedback", data, False)
    assert "published: the copy Nguyễn Thị Ánh reads" in text
    assert "strengths" not in text and "teacher_email" not in text
