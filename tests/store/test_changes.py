"""Change news: every committed write says which record kinds changed; nothing else does."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, update

from observe.capture.evidence import save_evidence
from observe.demo.generator import load_demo
from observe.store import changes
from observe.store.changes import Changes
from observe.store.models import Evidence, EvidenceKind, School

from .helpers import make_visit


@pytest.fixture
def heard(store) -> list[Changes]:
    got: list[Changes] = []
    store.changes.subscribe(got.append)
    return got


def test_an_orm_write_reports_its_kinds_and_ids_after_commit(store, heard):
    visit_id, _ = make_visit(store)
    assert len(heard) == 1
    news = heard[0]
    assert {"school", "teacher", "classroom", "visit", "lookfor_set", "lookfor"} <= news.kinds
    assert visit_id in news.ids["visit"]
    assert not news.remote
    assert news.in_order().index("school") < news.in_order().index("visit")

    with store.write() as s:
        s.get(School, next(iter(news.ids["school"]))).name = "Renamed"
    assert heard[-1].kinds == {"school"} and heard[-1].ids["school"] == news.ids["school"]


def test_a_rolled_back_or_settings_only_write_reports_nothing(store, heard):
    with pytest.raises(RuntimeError), store.write() as s:
        s.add(School(name="Never kept"))
        s.flush()
        raise RuntimeError
    store.set_setting("page_size", "A4")
    assert heard == []


def test_a_core_write_reports_too_and_says_whether_it_came_from_the_server(store, heard):
    visit_id, _ = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.NOTE, "Pairs compare answers.")
    assert heard[-1].kinds == {"evidence"} and heard[-1].ids["evidence"] == {item.id}
    assert not heard[-1].remote

    with store.write_core(remote=True) as conn:
        conn.execute(update(School.__table__).values(name="From the server"))
    assert heard[-1].kinds == {"school"} and heard[-1].remote
    assert heard[-1].ids == {}  # which schools that touched is unknown, so none are named
    school_id = next(iter(heard[0].ids["school"]))
    with store.write_core() as conn:
        table = School.__table__
        conn.execute(update(table).where(table.c.id == school_id).values(name="By id"))
    assert heard[-1].ids == {"school": {school_id}} and not heard[-1].remote
    seqs = [news.seq for news in heard]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert store.changes.last_seq == seqs[-1]


def test_a_bulk_demo_load_reports_every_kind_it_wrote_once(store, heard):
    load_demo(store, "small")
    written = {kind for kind, n in store.counts().items() if n and kind != "outbox"}
    assert written <= set().union(*(news.kinds for news in heard))
    assert "evidence" in heard[-1].kinds
    with store.read() as s:
        every = set(s.scalars(select(Evidence.id)))
    assert set().union(*(news.ids.get("evidence", ()) for news in heard)) == every


def test_past_a_cap_the_news_names_the_kind_not_some_of_its_ids(store, heard, monkeypatch):
    monkeypatch.setattr(changes, "MAX_IDS", 3)
    with store.write() as s:
        s.add_all([School(name=f"School {n}") for n in range(5)])
    assert heard[-1].kinds == {"school"} and "school" not in heard[-1].ids


def test_a_write_on_another_thread_is_published_on_that_thread(store, heard):
    threads: list[str] = []
    store.changes.subscribe(lambda _news: threads.append(threading.current_thread().name))
    worker = threading.Thread(target=make_visit, args=(store,), name="writer")
    worker.start()
    worker.join()
    assert threads == ["writer"] and heard[-1].kinds >= {"visit"}


def test_a_failing_subscriber_neither_undoes_the_write_nor_silences_the_others(store, heard):
    def broken(_news: Changes) -> None:
        raise ValueError("a view fell over")

    store.changes.subscribe(broken)
    late: list[Changes] = []
    unsubscribe = store.changes.subscribe(late.append)
    make_visit(store)
    assert store.counts()["visit"] == 1 and len(heard) == 1 and len(late) == 1
    unsubscribe()
    make_visit(store)
    assert len(late) == 1 and len(heard) == 2
