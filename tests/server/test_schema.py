"""The server's migrations build exactly the tables its code uses, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from observe.server import migrate
from observe.server.db import make_engine
from observe.server.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    return request.getfixturevalue("pg_cluster").new_database()


def test_migrations_match_the_tables_in_code(empty_url):
    engine = make_engine(empty_url)
    assert migrate.schema_state(engine) is migrate.SchemaState.EMPTY
    migrate.check_before_serving(engine)  # an empty database is set up on the spot
    assert migrate.schema_state(engine) is migrate.SchemaState.CURRENT
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []
    engine.dispose()


def test_upgrading_to_0004_gives_shared_feedback_its_reader(empty_url):
    """Feedback shared with its teacher before teachers had accounts becomes readable by that
    teacher after ``migrate``; private feedback and other kinds get no reader."""
    import uuid

    from alembic import command
    from sqlalchemy import text

    engine = make_engine(empty_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    school, coach = str(uuid.uuid4()), str(uuid.uuid4())
    shared, private = str(uuid.uuid4()), str(uuid.uuid4())
    published = '{"published": {"teacher_email": " Ana@School.ORG "}}'
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO school VALUES (:id, 'North', CURRENT_TIMESTAMP)"), {"id": school}
        )
        conn.execute(
            text(
                "INSERT INTO account VALUES (:id, 'c@x.org', 'C', 'coach', :s, 'h', false, "
                "CURRENT_TIMESTAMP)"
            ),
            {"id": coach, "s": school},
        )
        for seq, (rid, visibility) in enumerate(((shared, "teacher"), (private, "private")), 1):
            conn.execute(
                text(
                    "INSERT INTO record (id, kind, owner_id, school_id, visibility, version, "
                    "server_seq, deleted, updated_at, data) VALUES (:id, 'feedback', :o, :s, "
                    ":v, 1, :seq, false, CURRENT_TIMESTAMP, :d)"
                ),
                {"id": rid, "o": coach, "s": school, "v": visibility, "seq": seq, "d": published},
            )
    assert migrate.upgrade(engine) == migrate.head_revision()
    with engine.connect() as conn:
        readers = dict(conn.execute(text("SELECT id, reader FROM record")).all())
    assert readers == {shared: "ana@school.org", private: None}
    engine.dispose()


def test_going_back_from_per_school_seqs_numbers_the_records_again(empty_url):
    """``migrate`` down to 0004 after two schools have used the same seqs: every record gets
    a seq of its own again, the one counter stands at the last and a new epoch starts; up
    again, every school's counter starts there."""
    import uuid

    from alembic import command
    from sqlalchemy import text

    engine = make_engine(empty_url)
    migrate.check_before_serving(engine)
    schools = [str(uuid.uuid4()), str(uuid.uuid4())]
    with engine.begin() as conn:
        for n, school in enumerate(schools):
            conn.execute(
                text("INSERT INTO school VALUES (:id, :n, CURRENT_TIMESTAMP)"),
                {"id": school, "n": f"School {n}"},
            )
            conn.execute(text("INSERT INTO school_seq VALUES (:s, 3)"), {"s": school})
            coach = str(uuid.uuid4())
            conn.execute(
                text(
                    "INSERT INTO account VALUES (:id, :e, 'C', 'coach', :s, 'h', false, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"id": coach, "e": f"c{n}@x.org", "s": school},
            )
            for seq in (1, 2, 3):
                conn.execute(
                    text(
                        "INSERT INTO record (id, kind, owner_id, school_id, visibility, version, "
                        "server_seq, deleted, updated_at) VALUES (:id, 'evidence', :o, :s, "
                        "'team', 1, :seq, false, CURRENT_TIMESTAMP)"
                    ),
                    {"id": str(uuid.uuid4()), "o": coach, "s": school, "seq": seq},
                )
    with engine.connect() as conn:
        epoch = conn.execute(text("SELECT epoch FROM server_state")).scalar_one()
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    with engine.connect() as conn:
        seqs = sorted(conn.execute(text("SELECT server_seq FROM record")).scalars())
        head, new_epoch = conn.execute(text("SELECT head_seq, epoch FROM server_state")).one()
    assert seqs == [1, 2, 3, 4, 5, 6] and head == 6
    assert new_epoch != epoch  # numbered again: every client re-pushes and reads again
    assert migrate.upgrade(engine) == migrate.head_revision()
    with engine.connect() as conn:
        heads = conn.execute(text("SELECT head_seq FROM school_seq")).scalars().all()
    assert heads == [6, 6]
    engine.dispose()


def test_every_lookup_by_a_sparse_column_can_use_its_partial_index(empty_url):
    """The indexes of audience, reader, addressee and blob hold only the rows that have one
    (migration 0010): if a query stopped matching them, a district's pulls and teacher pages
    would read every record. With sequential scans priced out, PostgreSQL picks an index
    whenever one is usable, so a scan of ``record`` in a plan means none was."""
    from sqlalchemy import event, select, text

    from observe.server.pull import PAGE_QUERY
    from observe.server.schema import record

    engine = make_engine(empty_url)
    migrate.check_before_serving(engine)
    lookups = [
        (PAGE_QUERY, {"me": "u", "school": "s", "since": 0, "fetch": 10}),
        (select(record.c.id).where(record.c.school_id == "s", record.c.reader == "t@x.org"), {}),
        (select(record.c.id).where(record.c.blob_ref == "ab" * 32), {}),
        (select(record.c.blob_ref).where(record.c.blob_ref.is_not(None)), {}),
    ]
    with engine.connect() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            conn.execute(text("SET enable_seqscan = off"))
        prefix = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "

        @event.listens_for(conn, "before_cursor_execute", retval=True)
        def explain(conn, cursor, statement, parameters, context, executemany):
            return prefix + statement, parameters

        for statement, params in lookups:
            plan = "\n".join(str(row[-1]) for row in conn.execute(statement, params))
            if postgres:
                assert "Seq Scan on record" not in plan, plan
            else:
                assert "SCAN record" not in plan.replace("SCAN record USING", ""), plan
                assert "USING" in plan, plan
    engine.dispose()


def _pull_plan(engine, owner: str, school: str, since: int) -> str:
    from sqlalchemy import event

    from observe.server.pull import PAGE_QUERY

    with engine.connect() as conn:

        @event.listens_for(conn, "before_cursor_execute", retval=True)
        def explain(conn, cursor, statement, parameters, context, executemany):
            return "EXPLAIN " + statement, parameters

        params = {"me": owner, "school": school, "since": since, "fetch": 1001}
        return "\n".join(str(row[0]) for row in conn.execute(PAGE_QUERY, params))


def test_a_coachs_own_new_records_are_one_index_range_scan(pg_cluster):
    """Two schools, ANALYZEd: a big one (30,000 records) and a small one (six coaches, 1,000
    records each). The pull of a small school's coach with five new records reads them from
    one index (migration 0011). Before it, the estimate for ``server_seq >`` a position in the
    small school's sequence counted the big school's higher seqs, and PostgreSQL ANDed the
    (owner, seq) index with the school's facts index, reading every entry of the school on
    every such pull: a cost that grows with the school."""
    from alembic import command
    from sqlalchemy import text

    engine = make_engine(pg_cluster.new_database())
    cfg = migrate.alembic_config()

    def upgrade(to: str) -> None:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, to)

    upgrade("0010")
    coaches = {f"00000000-0000-4000-8000-0000000000{i:02d}": i // 6 for i in range(10)}
    schools = {0: ("small", 6_000), 1: ("big", 30_000)}
    with engine.begin() as conn:
        for name, _records in schools.values():
            conn.execute(text("INSERT INTO school VALUES (:s, :s, CURRENT_TIMESTAMP)"), {"s": name})
        for coach, school in coaches.items():
            conn.execute(
                text(
                    "INSERT INTO account VALUES (:id, :email, 'C', 'coach', :s, 'h', false, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"id": coach, "email": f"{coach}@x.org", "s": schools[school][0]},
            )
        for school, (name, records) in schools.items():
            owners = [c for c, s in coaches.items() if s == school]
            conn.execute(
                text(
                    "INSERT INTO record (id, kind, owner_id, school_id, visibility, version, "
                    "server_seq, deleted, updated_at, data, audience, day, visit_ref, facet) "
                    "SELECT md5(:s || n), 'evidence', "
                    "(CAST(:owners AS text[]))[1 + n % cardinality(CAST(:owners AS text[]))], "
                    ":s, CASE WHEN n % 5 = 0 THEN 'team' ELSE 'private' END, 1, n, false, "
                    "CURRENT_TIMESTAMP, '{}', CASE WHEN n % 5 = 0 THEN 'team' END, "
                    "'2026-03-04', md5((n / 50)::text), 'talk' "
                    "FROM generate_series(1, :records) AS n"
                ),
                {"s": name, "owners": owners, "records": records},
            )
        conn.execute(text("ANALYZE record"))
    # A small school's coach: their last five records are new to the device.
    coach, since = next(iter(coaches)), 6_000 - 6 * 5
    before = _pull_plan(engine, coach, "small", since)
    upgrade("0011")
    after = _pull_plan(engine, coach, "small", since)
    assert "BitmapAnd" in before, before  # the plan this migration is for
    assert "BitmapAnd" not in after and "ix_record_owner_school_seq" in after, after
    engine.dispose()
