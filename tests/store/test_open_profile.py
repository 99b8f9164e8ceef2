"""Opening profiles: new, empty, older, newer, foreign, damaged and unwritable ones."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from observe.errors import ProfileError
from observe.store import migrate, open_profile
from observe.store.engine import make_engine
from observe.store.models import Base
from observe.store.schema import HEAD_REVISION, KNOWN_REVISIONS, include_in_autogenerate
from observe.store.search import search_evidence

from ..fsutil import readonly_folder

DB = "observe.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_migration_scripts():
    assert list(KNOWN_REVISIONS) == migrate.script_revisions()


def test_migrations_build_exactly_the_models(profile_dir: Path):
    store = open_profile(profile_dir)
    with store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": include_in_autogenerate}),
            Base.metadata,
        )
    store.close()
    assert diff == []


def test_new_profile_gets_wal_full_sync_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_empty_file_is_migrated_without_a_backup(profile_dir: Path):
    profile_dir.mkdir()
    (profile_dir / DB).touch()
    store = open_profile(profile_dir)
    assert store.schema_revision() == HEAD_REVISION
    store.close()
    assert not (profile_dir / "backups").exists()


def test_older_schema_is_backed_up_then_migrated_and_indexed(profile_dir: Path):
    profile_dir.mkdir()
    engine = make_engine(profile_dir / DB)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO school (id, name, author_id, device_id, created_at, updated_at, version,"
            " deleted, visibility) VALUES ('s1', 'Old School', 'a', 'd', '2025-01-01 00:00:00',"
            " '2025-01-01 00:00:00', 0, 0, 'private')"
        )
        conn.exec_driver_sql(
            "INSERT INTO teacher (id, school_id, display_name, author_id, device_id, created_at,"
            " updated_at, version, deleted, visibility) VALUES ('t1', 's1', 'Ólafur', 'a', 'd',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 0, 0, 'private')"
        )
        conn.exec_driver_sql(
            "INSERT INTO classroom (id, teacher_id, subject, rows, cols, author_id, device_id,"
            " created_at, updated_at, version, deleted, visibility) VALUES ('c1', 't1', 'Art', 0,"
            " 0, 'a', 'd', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 0, 0, 'private')"
        )
        conn.exec_driver_sql(
            "INSERT INTO visit (id, classroom_id, visit_type, started_at, author_id, device_id,"
            " created_at, updated_at, version, deleted, visibility) VALUES ('v1', 'c1',"
            " 'learning_walk', '2025-01-01 00:00:00', 'a', 'd', '2025-01-01 00:00:00',"
            " '2025-01-01 00:00:00', 0, 0, 'private')"
        )
        conn.exec_driver_sql(
            "INSERT INTO evidence (id, visit_id, observed_at, evidence_kind, text, author_id,"
            " device_id, created_at, updated_at, version, deleted, visibility) VALUES ('e1', 'v1',"
            " '2025-01-01 00:01:00', 'student_talk', 'We used the number line', 'a', 'd',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 0, 0, 'private')"
        )
    engine.dispose()

    store = open_profile(profile_dir)
    assert store.schema_revision() == HEAD_REVISION
    with store.read() as s:
        assert [h.evidence_id for h in search_evidence(s, "number line")] == ["e1"]
    store.close()

    backups = list((profile_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and "0001" in backups[0].name
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert conn.execute("SELECT text FROM evidence").fetchone() == ("We used the number line",)
    conn.close()


def test_newer_schema_is_refused_and_untouched(profile_dir: Path):
    store = open_profile(profile_dir)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()
    before = digest(profile_dir / DB)
    with pytest.raises(ProfileError, match="newer version of Observe"):
        open_profile(profile_dir)
    assert digest(profile_dir / DB) == before


def test_file_that_is_not_sqlite_is_refused_and_untouched(profile_dir: Path):
    profile_dir.mkdir()
    (profile_dir / DB).write_text("Dear diary, today's walk went well.\n" * 50)
    before = digest(profile_dir / DB)
    with pytest.raises(ProfileError, match="isn't a SQLite file"):
        open_profile(profile_dir)
    assert digest(profile_dir / DB) == before


def test_foreign_sqlite_file_is_refused(profile_dir: Path):
    profile_dir.mkdir()
    conn = sqlite3.connect(profile_dir / DB)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ProfileError, match="not one made by Observe"):
        open_profile(profile_dir)


def test_damaged_file_is_refused_and_untouched(profile_dir: Path):
    store = open_profile(profile_dir)
    store.close()
    db = profile_dir / DB
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(ProfileError, match="damaged"):
        open_profile(profile_dir)
    assert digest(db) == before


def test_profile_path_that_is_a_file_is_refused(tmp_path: Path):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(ProfileError, match="is a file, not a folder"):
        open_profile(target)


def test_unwritable_folder_is_refused(tmp_path: Path):
    with (
        readonly_folder(tmp_path / "ro") as folder,
        pytest.raises(ProfileError, match="can't write"),
    ):
        open_profile(folder / "profile")
