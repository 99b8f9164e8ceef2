"""Adding and editing teachers and classes through the core, and the Teachers list read back."""

from __future__ import annotations

import dataclasses

import pytest

from observe.errors import UsageError
from observe.roster.schools import school_details
from observe.roster.teachers import (
    classroom_problems,
    save_classroom,
    save_teacher,
    teacher_problems,
)
from observe.roster.tree import load_roster_tree


def test_the_first_teacher_makes_the_school_and_names_stay_unique(store):
    zoe = save_teacher(store, None, "  Zoë Okafor ", "zoe@lincoln.org")
    assert [s.name for s in school_details(store)] == ["My school"]
    with pytest.raises(UsageError, match="already a teacher named ZOË OKAFOR"):
        save_teacher(store, None, "ZOË OKAFOR", None)
    assert save_teacher(store, zoe, "Zoë Okafor", "") == zoe  # editing oneself is no clash
    ben = save_teacher(store, None, "Ben Ode", None)

    tree = load_roster_tree(store)
    assert [(t.name, t.email) for t in tree.teachers] == [("Ben Ode", None), ("Zoë Okafor", None)]
    assert {t.school_id for t in tree.teachers} == {tree.schools[0][0]}
    assert ben in {t.id for t in tree.teachers}
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.teachers[0].name = "changed"  # type: ignore[misc]


def test_a_class_twice_for_one_teacher_is_refused_and_classes_sort_by_period(store):
    zoe = save_teacher(store, None, "Zoë Okafor", None)
    save_classroom(store, None, zoe, "Science", "6", "10", "Lab 1")
    save_classroom(store, None, zoe, "Math 7", "7", "2", None)
    with pytest.raises(UsageError, match="Zoë Okafor already has math 7 in period 2"):
        save_classroom(store, None, zoe, "math 7", None, "2", None)
    save_classroom(store, None, zoe, "Math 7", "7", "3", None)  # another period is another class
    (teacher,) = load_roster_tree(store).teachers
    periods = [(c.subject, c.period) for c in teacher.classrooms]
    assert periods == [("Math 7", "2"), ("Math 7", "3"), ("Science", "10")]
    assert teacher.classrooms[2].label.startswith("Science")


def test_problems_are_sentences_by_field():
    assert teacher_problems(" ", "not-an-address") == {
        "name": "Type the teacher's name.",
        "email": "That email address doesn't look complete (like name@school.org); "
        "correct it or leave it empty.",
    }
    assert set(classroom_problems(None, "", None, "x" * 21, None)) == {
        "teacher",
        "subject",
        "period",
    }
    with pytest.raises(UsageError, match=r"Type the teacher's name\."):
        save_teacher(None, None, "", None)  # type: ignore[arg-type]  # refused before any write
