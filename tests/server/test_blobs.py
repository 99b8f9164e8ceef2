"""The blob endpoints over real HTTP (docs/sync-protocol.md, Changes 23): chunks in order only,
the whole checked against its name, one copy per hash, and the migration that indexes names."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from observe.server import blobs, migrate
from observe.server.blob_store import BlobStore
from observe.server.db import make_engine
from observe.server.schema import utcnow
from tests.serverfixtures import ServerProcess


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    base = tmp_path_factory.mktemp("blob-server")
    made = ServerProcess(f"sqlite:///{base / 'server.sqlite3'}", base / "server").start()
    try:
        yield made
    finally:
        made.close()


def _image(n: int = 300_000) -> tuple[bytes, str]:
    data = os.urandom(n)
    return data, hashlib.sha256(data).hexdigest()


def _put(client, sha: str, data: bytes, offset: int, size: int):
    return client.put(f"/v1/blobs/{sha}", params={"offset": offset, "size": size}, content=data)


def test_chunks_arrive_in_order_and_the_whole_is_checked(server: ServerProcess) -> None:
    coach = server.login(server.add_user()).client
    data, sha = _image()
    assert coach.get(f"/v1/blobs/{sha}/status").json() == {
        "sha256": sha,
        "complete": False,
        "received": 0,
        "size": None,
        "max_bytes": 15 * 1024 * 1024,
    }
    first = _put(coach, sha, data[:100_000], 0, len(data))
    assert first.status_code == 200 and first.json()["received"] == 100_000
    # A chunk that does not start where the server's copy ends is refused, and changes nothing.
    skipped = _put(coach, sha, data[200_000:], 200_000, len(data))
    assert skipped.status_code == 409 and "holds 100000 bytes" in skipped.json()["error"]["message"]
    assert coach.get(f"/v1/blobs/{sha}/status").json()["received"] == 100_000
    done = _put(coach, sha, data[100_000:], 100_000, len(data))
    assert done.json()["complete"] is True
    assert (server.blob_dir / sha[:2] / sha).read_bytes() == data

    # Bytes that are not what the name says are discarded whole.
    other, wrong = _image(1000)
    spoiled = _put(coach, wrong, other[:-1] + b"x", 0, len(other))
    assert spoiled.status_code == 422 and spoiled.json()["error"]["code"] == "hash_mismatch"
    assert not (server.blob_dir / wrong[:2] / wrong).exists()
    assert coach.get(f"/v1/blobs/{wrong}/status").json()["received"] == 0

    # Names must be SHA-256s; chunks can't pass the declared size.
    assert coach.get("/v1/blobs/not-a-sha/status").status_code == 422
    assert _put(coach, wrong, other, 0, 10).status_code == 422


def _name_in_a_record(session, sha: str) -> None:
    """Pushes a private evidence item of ``session``'s coach naming image ``sha``."""
    op = {
        "op_id": str(uuid.uuid4()),
        "kind": "evidence",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "base_version": 0,
        "client_version": 0,
        "visibility": "private",
        "data": {"author_id": session.user.id, "text": "Poster", "image_sha256": sha},
    }
    reply = session.client.post("/v1/sync/push", json={"ops": [op]})
    assert reply.status_code == 200 and reply.json()["results"][0]["status"] == "applied"


def test_the_same_image_is_stored_once_but_each_coach_proves_they_have_it(
    server: ServerProcess,
) -> None:
    first = server.login(server.add_user())
    second = server.login(server.add_user())
    data, sha = _image()
    assert _put(first.client, sha, data, 0, len(data)).json()["complete"] is True
    _name_in_a_record(first, sha)
    assert first.client.get(f"/v1/blobs/{sha}").content == data

    # Knowing the hash is not enough: a record of the second coach naming it reads nothing.
    _name_in_a_record(second, sha)
    assert second.client.get(f"/v1/blobs/{sha}").status_code == 404
    assert second.client.get(f"/v1/blobs/{sha}/status").json()["complete"] is False
    half = _put(second.client, sha, data[:1000], 0, len(data))
    assert half.json() | {"size": None} == {
        "sha256": sha,
        "complete": False,
        "received": 1000,
        "size": None,
        "max_bytes": 15 * 1024 * 1024,
    }
    # Sending the bytes proves it; they are still stored once.
    assert _put(second.client, sha, data[1000:], 1000, len(data)).json()["complete"] is True
    assert [p.name for p in (server.blob_dir / sha[:2]).iterdir()] == [sha]
    assert second.client.get(f"/v1/blobs/{sha}").content == data
    assert second.client.get(f"/v1/blobs/{sha}/status").json()["complete"] is True
    assert not list((server.blob_dir / "incoming").glob(f"{sha}*"))


def test_an_abandoned_upload_is_removed_after_the_grace_period(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    engine = make_engine(url)
    migrate.check_before_serving(engine)
    store = BlobStore(tmp_path / "blobs")
    data, sha = _image(1000)
    store.append(sha, str(uuid.uuid4()), 0, len(data), data[:500])
    [part] = list(store.partials())
    now = utcnow()
    assert blobs.collect(engine, store, now, timedelta(days=7)).partials_removed == 0
    later = blobs.collect(engine, store, now + timedelta(days=8), timedelta(days=7))
    assert later.partials_removed == 1 and not part.exists()
    engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrading_to_0009_indexes_the_images_records_name(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from alembic import command

    url = (
        f"sqlite:///{tmp_path / 'm.sqlite3'}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_cluster").new_database()
    )
    engine = make_engine(url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
    school, coach = str(uuid.uuid4()), str(uuid.uuid4())
    named, gone, plain = (str(uuid.uuid4()) for _ in range(3))
    sha = "ab" * 32
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO school VALUES (:id, 'N', CURRENT_TIMESTAMP)"), {"id": school}
        )
        conn.execute(
            text(
                "INSERT INTO account VALUES (:id, 'c@x.org', 'C', 'coach', :s, 'h', false, "
                "CURRENT_TIMESTAMP)"
            ),
            {"id": coach, "s": school},
        )
        rows = (
            (named, False, f'{{"image_sha256": "{sha}"}}'),
            (gone, True, f'{{"image_sha256": "{sha}"}}'),
            (plain, False, '{"image_sha256": "../../etc/passwd"}'),
        )
        for seq, (rid, deleted, data) in enumerate(rows, 1):
            conn.execute(
                text(
                    "INSERT INTO record (id, kind, owner_id, school_id, visibility, version, "
                    "server_seq, deleted, updated_at, data) VALUES (:id, 'evidence', :o, :s, "
                    "'private', 1, :seq, :d, CURRENT_TIMESTAMP, :data)"
                ),
                {"id": rid, "o": coach, "s": school, "seq": seq, "d": deleted, "data": data},
            )
    assert migrate.upgrade(engine) == migrate.head_revision()
    with engine.connect() as conn:
        refs = dict(conn.execute(text("SELECT id, blob_ref FROM record")).all())
    assert refs == {named: sha, gone: None, plain: None}
    engine.dispose()
