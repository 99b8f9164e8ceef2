"""Look-for frameworks: the JSON format, import that changes nothing on error, export, editing."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs
import pytest
from sqlalchemy import func, select

from observe.coaching import frameworks
from observe.coaching.framework_schema import (
    Framework,
    FrameworkError,
    FrameworkItem,
    read_framework_file,
)
from observe.resources import resource_path
from observe.store import open_profile
from observe.store.models import LookFor, LookForSet, OutboxOp, Visibility

SCHEMA = json.loads(resource_path("frameworks", "framework.schema.json").read_text())


def _snapshot(store) -> tuple:
    """Everything an import could touch: sets, look-fors (with their fields), the outbox."""
    with store.read() as s:
        sets = s.execute(select(LookForSet.id, LookForSet.name, LookForSet.deleted)).all()
        items = s.execute(
            select(LookFor.id, LookFor.code, LookFor.title, LookFor.hotkey, LookFor.deleted)
        ).all()
        outbox = s.scalar(select(func.count()).select_from(OutboxOp))
    return sorted(sets), sorted(items), outbox


def _file(tmp_path: Path, data: object, name: str = "framework.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "format": "observe.lookfor-framework",
    "format_version": 1,
    "name": "Maths talk",
    "description": "For the maths department.",
    "lookfors": [
        {"code": "M1", "title": "Students explain a strategy", "category": "Talk", "hotkey": 1},
        {"code": "M2", "title": "Students compare solutions", "category": "Talk", "hotkey": 2},
        {"code": "M3", "title": "Students use a model", "x-source": "department PD"},
    ],
}


def test_starter_sets_are_valid_and_match_the_published_schema():
    starters = frameworks.starter_sets()
    assert {s.framework.name for s in starters} == {
        "Engagement and Agency",
        "Equity of Voice",
        "Student Discourse",
    }
    validator = jsonschema_rs.validator_for(SCHEMA)
    for starter in starters:
        data = json.loads(starter.path.read_text(encoding="utf-8"))
        assert validator.is_valid(data), starter.path.name
        keys = [i.hotkey for i in starter.framework.lookfors if i.hotkey]
        assert len(keys) == len(set(keys)) >= 5


def test_import_then_export_round_trips(store, tmp_path):
    set_id = frameworks.import_framework_file(store, _file(tmp_path, GOOD))
    loaded = frameworks.load_framework(store, set_id)
    assert [(i.code, i.category, i.hotkey) for i in loaded.lookfors] == [
        ("M1", "Talk", 1),
        ("M2", "Talk", 2),
        ("M3", None, None),
    ]
    out = frameworks.export_framework(store, set_id, tmp_path / "out")
    assert out.name == "out.json"
    exported = json.loads(out.read_text(encoding="utf-8"))
    expected = {**GOOD, "lookfors": [dict(i) for i in GOOD["lookfors"]]}
    del expected["lookfors"][2]["x-source"]  # extension keys are not kept
    assert exported == expected
    assert jsonschema_rs.validator_for(SCHEMA).is_valid(exported)
    # And the exported file imports again as an equal framework.
    again = read_framework_file(out)
    assert [(i.code, i.title) for i in again.lookfors] == [
        (i.code, i.title) for i in loaded.lookfors
    ]


def _bad(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key.startswith("item"):
            n, field = key[4:].split("_", 1)
            if value is None:
                data["lookfors"][int(n)].pop(field)
            else:
                data["lookfors"][int(n)][field] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"format": "observe.lookfor-framework", "name": "x",', "isn't valid JSON (line 1"),
        (b"\xff\xfe\x00bad", "isn't a text file in UTF-8"),
        ({"name": "no format"}, "isn't an Observe look-for framework"),
        ([1, 2, 3], "isn't an Observe look-for framework"),
        (_bad(format_version=2), "written for a newer Observe"),
        (_bad(name="  "), '"name" is empty'),
        (_bad(lookfors={}), '"lookfors" must be a list'),
        (_bad(lookfors=[]), "has no look-fors"),
        (_bad(item1_hotkey=12), 'look-for 2 (M2): "hotkey" must be a whole number from 1 to 9'),
        (_bad(item1_hotkey=1), "look-for 2 (M2) uses hotkey 1, as look-for 1 does"),
        (_bad(item2_code="m1"), "look-for 3 uses the code m1, as look-for 1 does"),
        (_bad(item0_title=None), 'look-for 1 (M1): "title" is missing'),
        (_bad(item0_hotky=3), '"hotky", which Observe doesn\'t know'),
        (_bad(item0_code=7), "must be text in quotes, not a number"),
        (_bad(item0_title="x" * 201), "longer than 200 characters"),
    ],
)
def test_a_malformed_file_is_refused_with_a_sentence_and_changes_nothing(
    store, tmp_path, content, words
):
    frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        _file(tmp_path, content, "bad.json")
    before = _snapshot(store)
    with pytest.raises(FrameworkError) as err:
        frameworks.import_framework_file(store, path)
    assert words in err.value.sentence
    assert "bad.json" in err.value.sentence and "Traceback" not in err.value.sentence
    assert _snapshot(store) == before


def test_several_problems_are_listed_together(tmp_path):
    data = _bad(item0_hotkey=0, item1_title="", item2_code=None)
    with pytest.raises(FrameworkError) as err:
        read_framework_file(_file(tmp_path, data))
    assert len(err.value.problems) == 3
    assert err.value.sentence.startswith("framework.json has problems, so nothing was imported:")


def test_huge_and_missing_files_are_refused(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1_000_001)
    with pytest.raises(FrameworkError, match="under 1 MB"):
        read_framework_file(big)
    with pytest.raises(FrameworkError, match="doesn't exist"):
        read_framework_file(tmp_path / "nope.json")


def test_updating_a_set_from_a_file_keeps_look_for_ids_by_code(store, tmp_path):
    set_id = frameworks.import_framework_file(store, _file(tmp_path, GOOD))
    ids = {i.code: i.id for i in frameworks.load_framework(store, set_id).lookfors}
    changed = _bad(item0_title="Students explain and justify a strategy")
    changed["lookfors"] = [
        *changed["lookfors"][:1],
        {"code": "M4", "title": "Students critique reasoning", "hotkey": 2},
    ]
    assert frameworks.same_name_set(store, "maths TALK") == set_id
    frameworks.import_framework_file(
        store, _file(tmp_path, changed, "v2.json"), update_set_id=set_id
    )
    after = frameworks.load_framework(store, set_id)
    assert [i.code for i in after.lookfors] == ["M1", "M4"]
    assert after.lookfors[0].id == ids["M1"]
    assert after.lookfors[0].title == "Students explain and justify a strategy"
    with store.read() as s:
        assert s.get(LookFor, ids["M2"]).deleted and s.get(LookFor, ids["M3"]).deleted


def test_the_editor_saves_changes_and_refuses_duplicate_hotkeys(store):
    set_id = frameworks.import_framework(store, frameworks.starter_sets()[1].framework)
    fw = frameworks.load_framework(store, set_id)
    items = list(fw.lookfors)
    items[0] = FrameworkItem(items[0].code, "Every student speaks", "Voices", None, 9, items[0].id)
    items.pop()  # remove the last look-for
    frameworks.save_framework(store, Framework("Voices", fw.description, tuple(items)), set_id)
    saved = frameworks.load_framework(store, set_id)
    assert saved.name == "Voices"
    assert (saved.lookfors[0].title, saved.lookfors[0].hotkey) == ("Every student speaks", 9)
    assert len(saved.lookfors) == len(fw.lookfors) - 1

    before = _snapshot(store)
    items[1] = FrameworkItem(items[1].code, items[1].title, None, None, 9, items[1].id)
    with pytest.raises(FrameworkError, match="uses hotkey 9, as look-for 1 does"):
        frameworks.save_framework(store, Framework("Voices", None, tuple(items)), set_id)
    assert _snapshot(store) == before


def test_the_set_in_use_is_a_local_choice(store):
    first = frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    second = frameworks.import_framework(store, frameworks.starter_sets()[2].framework)
    assert frameworks.set_in_use_id(store) == first  # the oldest, as before
    before = _snapshot(store)[2]
    heard: list[frozenset[str]] = []
    store.changes.subscribe(lambda news: heard.append(news.kinds))
    frameworks.use_set(store, second)
    assert frameworks.set_in_use_id(store) == second
    assert heard == [{"lookfor_set"}]  # the screens hear of it, though no record changed
    assert _snapshot(store)[2] == before  # nothing queued for sync
    assert [r.in_use for r in frameworks.list_sets(store) if r.id == second] == [True]
    frameworks.delete_set(store, second)
    assert frameworks.set_in_use_id(store) == first


def test_sharing_makes_the_set_and_its_look_fors_team_records(store):
    set_id = frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    frameworks.share_set(store, set_id, True)
    with store.read() as s:
        assert s.get(LookForSet, set_id).visibility is Visibility.TEAM
        kinds = set(s.scalars(select(LookFor.visibility).where(LookFor.set_id == set_id)).all())
    assert kinds == {Visibility.TEAM}
    assert [r.shared for r in frameworks.list_sets(store)] == [True]


def test_another_coachs_shared_set_cannot_be_changed_but_can_be_duplicated(store, tmp_path):
    set_id = frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    with store.write() as s:
        s.get(LookForSet, set_id).author_id = "01900000-0000-7000-8000-000000000001"
    before = _snapshot(store)
    with pytest.raises(Exception, match="shared by another coach"):
        frameworks.import_framework_file(store, _file(tmp_path, GOOD), update_set_id=set_id)
    assert _snapshot(store) == before
    copy = frameworks.duplicate_set(store, set_id)
    assert frameworks.load_framework(store, copy).name.endswith("(my copy)")


def test_frameworks_survive_reopening_the_profile(profile_dir, tmp_path):
    store = open_profile(profile_dir)
    set_id = frameworks.import_framework_file(store, _file(tmp_path, GOOD))
    frameworks.use_set(store, set_id)
    store.close()
    again = open_profile(profile_dir)
    try:
        assert frameworks.set_in_use_id(again) == set_id
    finally:
        again.close()
