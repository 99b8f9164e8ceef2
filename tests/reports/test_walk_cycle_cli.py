"""Walk debriefs, cycle summaries, the walk's sheet batch, and `observe report` end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from observe.cli import main
from observe.demo import load_demo
from observe.errors import UsageError
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.batch import ExportCancelled, export_sheets, walk_visit_ids
from observe.reports.cycle_summary import (
    SECTION_EVIDENCE as CYCLE_EVIDENCE,
)
from observe.reports.cycle_summary import (
    SECTION_STEPS,
    SECTION_TREND,
    cycle_summary_pdf,
)
from observe.reports.select import resolve_cycle, resolve_walk
from observe.reports.walk_debrief import (
    SECTION_LOOKFORS,
    SECTION_PARTICIPATION,
    SECTION_STRENGTHS,
    walk_debrief_pdf,
)
from observe.store import open_profile
from observe.store.models import EvidenceKind, Teacher, Walk

from .helpers import (
    SEAT_LABELS,
    T0,
    build_visit,
    make_walk,
    pdf_text,
    qpdf_check,
    reader,
)


@pytest.fixture
def walk(store):
    walk_id = make_walk(store)
    from datetime import timedelta

    build_visit(store, teacher="Nguyễn Thị Ánh", walk_id=walk_id)
    b = build_visit(
        store,
        teacher="Zoë Okafor",
        walk_id=walk_id,
        start=T0 + timedelta(minutes=40),
        items=[
            (EvidenceKind.STUDENT_TALK, '"Ms. Okafor, can we try it the other way?"'),
            (EvidenceKind.STUDENT_ACTION, "Okafor's class sorts cards in pairs."),
        ],
    )
    draft = draft_for(store, b.visit_id)
    draft.glows = [Glow("Zoë Okafor's students explained their sorting.", b.evidence_ids[1])]
    save_feedback(store, draft)
    return walk_id


def test_walk_debrief_shows_patterns_and_never_a_name(store, walk):
    pdf = walk_debrief_pdf(store, walk, "letter")
    text = pdf_text(pdf.data)
    for section in (SECTION_LOOKFORS, SECTION_PARTICIPATION, SECTION_STRENGTHS):
        assert section in text
    assert "Room A" in text and "Room B" in text
    assert "Students explain their thinking" in text
    # Strengths are merged by what they are about: the look-for of their evidence, in words.
    assert "Students question each other (" in text
    assert "the teacher, can we try it the other way?" in text
    everything = text + " ".join(str(v) for v in reader(pdf.data).metadata.values())
    for name in ("Nguyễn", "Thị", "Ánh", "Zoë", "Okafor", *SEAT_LABELS):
        assert name not in everything, name


def test_cycle_summary_from_demo_data(store):
    load_demo(store, "small")
    cycle_id = resolve_cycle(store, "latest")
    pdf = cycle_summary_pdf(store, cycle_id, "a4")
    text = pdf_text(pdf.data)
    for section in ("Coaching cycle summary", "The goal", SECTION_STEPS, SECTION_TREND):
        assert section in text
    with store.read() as s:
        from observe.store.models import CoachingCycle

        cycle = s.get_one(CoachingCycle, cycle_id)
        teacher = s.get_one(Teacher, cycle.teacher_id).display_name
        steps = [st.title for st in cycle.steps if not st.deleted]
    assert teacher in text
    assert all(step[:30] in text.replace("\n", " ") for step in steps)
    # Every cycle that has visits also shows their evidence; all demo PDFs pass qpdf.
    for ref in _cycle_ids(store):
        out = Path(store.paths.data_dir) / "cycle.pdf"
        cycle_summary_pdf(store, ref).save(out)
        assert qpdf_check(out).returncode == 0
    busiest = cycle_summary_pdf(store, _cycle_ids(store)[0])
    assert CYCLE_EVIDENCE in pdf_text(busiest.data)


def _cycle_ids(store) -> list[str]:
    from sqlalchemy import func

    from observe.store.models import CoachingCycle, Visit

    with store.read() as s:
        return list(
            s.scalars(
                select(CoachingCycle.id)
                .join(Visit, Visit.cycle_id == CoachingCycle.id, isouter=True)
                .group_by(CoachingCycle.id)
                .order_by(func.count(Visit.id).desc())
            )
        )


def test_sheet_batch_for_a_walk_and_cancel_leaves_nothing(store, walk, tmp_path: Path):
    ids = walk_visit_ids(store, walk)
    seen: list[tuple[int, int]] = []
    result = export_sheets(
        store, ids, tmp_path / "sheets", progress=lambda d, t: seen.append((d, t))
    )
    assert len(result.files) == 2 and seen[-1] == (2, 2)
    assert any("Zoë Okafor" in f.name for f in result.files)
    assert "Zoë Okafor" in pdf_text(next(f for f in result.files if "Zoë" in f.name))
    calls = iter([False, True])
    with pytest.raises(ExportCancelled):
        export_sheets(store, ids, tmp_path / "cancelled", should_cancel=lambda: next(calls))
    assert list((tmp_path / "cancelled").iterdir()) == []


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_reports(profile_dir: Path, tmp_path: Path, capsys):
    store = open_profile(profile_dir)
    load_demo(store, "small")
    with store.read() as s:
        walk_id = s.scalars(select(Walk.id)).first()
    store.close()
    d = str(profile_dir)
    code, out, err = run(
        capsys,
        "report",
        "feedback",
        "--visit",
        "latest",
        "--out",
        str(tmp_path / "f.pdf"),
        "--paper",
        "a4",
        "--data-dir",
        d,
    )
    assert code == 0, err
    assert "Saved the feedback sheet" in out
    assert [
        round(float(v)) for v in reader((tmp_path / "f.pdf").read_bytes()).pages[0].mediabox[2:]
    ] == [595, 842]
    code, out, err = run(
        capsys,
        "report",
        "walk",
        "--walk",
        walk_id,
        "--out",
        str(tmp_path / "w.pdf"),
        "--data-dir",
        d,
    )
    assert code == 0, err
    assert "Learning walk debrief" in pdf_text(tmp_path / "w.pdf")
    code, out, err = run(
        capsys,
        "report",
        "cycle",
        "--cycle",
        "latest",
        "--out",
        str(tmp_path / "c.pdf"),
        "--data-dir",
        d,
    )
    assert code == 0, err
    assert qpdf_check(tmp_path / "c.pdf").returncode == 0
    code, out, err = run(
        capsys,
        "report",
        "sheets",
        "--walk",
        "latest",
        "--out-dir",
        str(tmp_path / "s"),
        "--data-dir",
        d,
    )
    assert code == 0, err
    assert len(list((tmp_path / "s").glob("*.pdf"))) >= 1


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["feedback", "--visit", "nope", "--out", "x.pdf"], 'No visit has the id "nope"'),
        (["walk", "--walk", "latest", "--out", "x.pdf"], "no learning walks yet"),
        (["cycle", "--cycle", "latest", "--out", "x.txt"], "does not end in .pdf"),
        (["feedback", "--visit", "latest", "--out", "missing-dir/x.pdf"], "does not exist"),
        (["feedback", "--visit", "latest", "--out", "/sys/x.pdf"], "couldn't save the PDF"),
    ],
)
def test_cli_bad_input_is_a_sentence_and_writes_nothing(
    argv, sentence, profile_dir: Path, tmp_path: Path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    store = open_profile(profile_dir)
    build_visit(store)
    store.close()
    code, _out, err = run(capsys, "report", *argv, "--data-dir", str(profile_dir))
    assert code != 0
    assert sentence in err and "Traceback" not in err
    assert not list(tmp_path.glob("**/*.pdf"))


def test_resolving_latest_and_unknown_ids(store):
    with pytest.raises(UsageError):
        resolve_walk(store, "latest")
    walk_id = make_walk(store)
    assert resolve_walk(store, "latest") == walk_id
    assert resolve_walk(store, f" {walk_id} ") == walk_id


def test_cli_reviewed_only_refuses_drafts_and_says_so(
    profile_dir: Path, tmp_path: Path, capsys, store
):
    walk_id = make_walk(store)
    first = build_visit(store, walk_id=walk_id)
    second = build_visit(store, teacher="Zoë Okafor", walk_id=walk_id)
    store.close()
    d = str(profile_dir)
    # One visit, not reviewed: --reviewed-only refuses, writes nothing, exit code 2.
    code, out, err = run(
        capsys, "report", "feedback", "--visit", first.visit_id, "--reviewed-only",
        "--out", str(tmp_path / "f.pdf"), "--data-dir", d,
    )  # fmt: skip
    assert code == 2 and out == ""
    assert err.strip() == (
        "No feedback has been saved for this visit yet, so its sheet would be a DRAFT; nothing "
        "was written. Review and save the feedback in the app (Reports → Compose feedback), or "
        "leave out --reviewed-only to print it marked DRAFT."
    )
    assert not (tmp_path / "f.pdf").exists()
    # Without the flag: printed, marked DRAFT on every page, and the coach is told.
    code, out, err = run(
        capsys, "report", "feedback", "--visit", first.visit_id,
        "--out", str(tmp_path / "f.pdf"), "--data-dir", d,
    )  # fmt: skip
    assert code == 0
    assert "marked DRAFT — not yet reviewed on every page" in err
    pages = [p.extract_text() for p in reader((tmp_path / "f.pdf").read_bytes()).pages]
    assert all("DRAFT — not yet reviewed" in p for p in pages)
    # No visit on the walk reviewed: sheets --reviewed-only refuses with exit code 2.
    code, out, err = run(
        capsys, "report", "sheets", "--walk", walk_id, "--reviewed-only",
        "--out-dir", str(tmp_path / "none"), "--data-dir", d,
    )  # fmt: skip
    assert code == 2
    assert err.strip() == (
        "None of the 2 visits on this walk has saved feedback, so there are no reviewed sheets "
        "to export; nothing was written. Review and save feedback in the app (Reports → "
        "Compose feedback) first."
    )
    assert not list(tmp_path.glob("none/*.pdf"))
    # One reviewed: only its sheet is exported, without the mark; the other is named as left out.
    again = open_profile(profile_dir)
    draft = draft_for(again, second.visit_id)
    draft.glows = [Glow("Students compared their drawings.", second.evidence_ids[1])]
    save_feedback(again, draft)
    again.close()
    code, out, err = run(
        capsys, "report", "sheets", "--walk", walk_id, "--reviewed-only",
        "--out-dir", str(tmp_path / "reviewed"), "--data-dir", d,
    )  # fmt: skip
    assert code == 0
    assert err.strip() == "Left out 1 visit with no saved feedback (--reviewed-only)."
    assert out.startswith("Saved 1 feedback sheet (")
    files = list((tmp_path / "reviewed").glob("*.pdf"))
    assert len(files) == 1 and "Zoë Okafor" in files[0].name
    assert files[0].name.startswith("Feedback sheet 20")  # named as the GUI's Save names it
    assert "DRAFT" not in pdf_text(files[0])
    # Without the flag: both, and the draft count said plainly.
    code, out, err = run(
        capsys, "report", "sheets", "--walk", walk_id,
        "--out-dir", str(tmp_path / "all"), "--data-dir", d,
    )  # fmt: skip
    assert code == 0
    assert err.strip() == (
        "1 of the 2 visits on this walk has no saved feedback, so its sheet will be marked "
        "DRAFT — not yet reviewed. Add --reviewed-only to export only the reviewed ones."
    )
    assert out.startswith("Saved 2 feedback sheets (")


def test_walk_debrief_rooms_show_grade_band_only_and_strengths_merge_by_lookfor(store):
    from datetime import timedelta

    walk_id = make_walk(store, "Practices walk")
    wordings = [
        "Students explained why the pattern doubles.",
        "Students could say how they knew.",
        "Every student had a reason for the answer.",
    ]
    for i, words in enumerate(wordings):
        b = build_visit(
            store, teacher=f"Teacher Number{i}", walk_id=walk_id, start=T0 + timedelta(hours=i)
        )
        draft = draft_for(store, b.visit_id)
        # Evidence 0 is tagged D1, "Students explain their thinking", in every room.
        draft.glows = [Glow(words, b.evidence_ids[0])]
        save_feedback(store, draft)
    text = pdf_text(walk_debrief_pdf(store, walk_id, "letter").data)
    flat_text = " ".join(text.split())
    # Room labels name no class: no subject, grade or period; a grade band at most.
    assert "Room A · grades 6–8" in text
    for identifying in ("Science", "grade 6", "period 2"):
        assert identifying not in text, identifying
    assert "No teacher named: rooms by letter and grade band" in text
    # Three wordings about one look-for read as one strength seen in three rooms.
    assert "Students explain their thinking (3 rooms)" in flat_text
    assert not [w for w in wordings if w in flat_text]
    # The group sentence reads as a sentence for any count.
    assert "Every group was heard in all 3 rooms with groups." in flat_text
    assert "in 0 of" not in flat_text
