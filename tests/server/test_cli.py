"""observe-server's admin commands: what they do and the sentences they fail with."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from observe.server.migrate import head_revision
from tests.serverfixtures import DEFAULT_PASSWORD, free_port


def run(*args, input=None):
    return subprocess.run(
        [sys.executable, "-m", "observe.server.cli", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout
    return result


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'admin.sqlite3'}"
    return request.getfixturevalue("pg_cluster").new_database()


def test_migrate_and_add_on_both_databases(database_url):
    db = ["--database-url", database_url]
    assert f"revision {head_revision()}" in run("migrate", *db).stdout
    add = ["user", "add", "--email", "a@school.org", "--name", "A", "--role", "leader",
           "--school", "Lincoln High", "--password-stdin", *db]  # fmt: skip
    assert run(*add, input=DEFAULT_PASSWORD + "\n").returncode == 0
    dup = no_traceback(run(*add, input=DEFAULT_PASSWORD + "\n"))
    assert dup.returncode == 2 and "already a user" in dup.stderr


def test_migrate_users_and_devices(tmp_path):
    db = ["--database-url", f"sqlite:///{tmp_path / 'admin.sqlite3'}"]
    assert f"revision {head_revision()}" in run("migrate", *db).stdout
    assert run("migrate", *db).returncode == 0  # idempotent
    added = run(
        "user", "add", "--email", "Ana@School.org", "--name", "Ana", "--role", "coach",
        "--school", "Lincoln High", "--password-stdin", *db, input=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "ana@school.org" in added.stdout

    dup = no_traceback(
        run(
            "user",
            "add",
            "--email",
            "ana@school.org",
            "--name",
            "Ana",
            "--role",
            "coach",
            "--school",
            "Lincoln High",
            "--password-stdin",
            *db,
            input=DEFAULT_PASSWORD + "\n",
        )
    )
    assert dup.returncode == 2
    assert dup.stderr.strip() == "There is already a user with the email ana@school.org."

    short = no_traceback(
        run(
            "user",
            "add",
            "--email",
            "b@school.org",
            "--name",
            "B",
            "--role",
            "leader",
            "--school",
            "Lincoln High",
            "--password-stdin",
            *db,
            input="short\n",
        )
    )
    assert short.returncode == 2 and "at least 8 characters" in short.stderr

    users = json.loads(run("user", "list", "--json", *db).stdout)
    assert [(u["email"], u["role"], u["school"], u["disabled"]) for u in users] == [
        ("ana@school.org", "coach", "Lincoln High", False)
    ]
    assert "ana@school.org" in run("user", "list", *db).stdout
    assert run("user", "disable", "ana@school.org", *db).returncode == 0
    assert json.loads(run("user", "list", "--json", *db).stdout)[0]["disabled"] is True
    missing = no_traceback(run("user", "disable", "nobody@school.org", *db))
    assert missing.returncode != 0 and "no user" in missing.stderr

    assert json.loads(run("device", "list", "--json", *db).stdout) == []
    unknown = no_traceback(run("device", "revoke", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", *db))
    assert unknown.returncode != 0 and "no device" in unknown.stderr


def test_device_list_and_revoke_from_the_cli(sqlite_server):
    session = sqlite_server.login(sqlite_server.add_user())
    listed = json.loads(sqlite_server.cli("device", "list", "--json").stdout)
    assert [d["id"] for d in listed] == [session.device_id]
    assert listed[0]["revoked"] is False
    assert sqlite_server.cli("device", "revoke", session.device_id).returncode == 0
    assert session.client.get("/v1/me").status_code == 401
    assert json.loads(sqlite_server.cli("device", "list", "--json").stdout)[0]["revoked"] is True


def test_password_prompt_needs_a_terminal(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = no_traceback(
        run(
            "user",
            "add",
            "--email",
            "a@b.org",
            "--name",
            "A",
            "--role",
            "admin",
            "--school",
            "D",
            "--database-url",
            url,
            input="",
        )
    )
    assert result.returncode == 2 and "--password-stdin" in result.stderr


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u@h/db", "SQLite or PostgreSQL"),
        ("postgresql+psycopg://u:secret@127.0.0.1:{port}/db", "can't be reached"),
        ("sqlite:///{tmp}/nothing-here.sqlite3", "no database at"),
    ],
)
def test_bad_database_urls_are_sentences(url, words, tmp_path):
    url = url.format(port=free_port(), tmp=tmp_path)
    result = no_traceback(run("user", "list", "--database-url", url))
    assert result.returncode != 0
    assert words in result.stderr
    assert "secret" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_newer_or_foreign_database(tmp_path):
    newer = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    assert run("migrate", "--database-url", newer).returncode == 0
    engine = create_engine(newer)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    result = no_traceback(run("serve", "--database-url", newer, "--port", str(free_port())))
    assert result.returncode == 3 and "newer observe-server" in result.stderr

    older = f"sqlite:///{tmp_path / 'older.sqlite3'}"
    from alembic import command

    from observe.server import migrate
    from observe.server.db import make_engine

    engine = make_engine(older)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    result = no_traceback(run("serve", "--database-url", older, "--port", str(free_port())))
    assert result.returncode == 3 and "observe-server migrate" in result.stderr
    assert run("migrate", "--database-url", older).returncode == 0
    assert migrate.schema_state(engine) is migrate.SchemaState.CURRENT

    foreign = tmp_path / "foreign.sqlite3"
    with create_engine(f"sqlite:///{foreign}").begin() as conn:
        conn.execute(text("CREATE TABLE notes (x TEXT)"))
    result = no_traceback(
        run("serve", "--database-url", f"sqlite:///{foreign}", "--port", str(free_port()))
    )
    assert result.returncode == 3 and "not an Observe server's" in result.stderr


def test_serve_refuses_a_busy_port_and_half_tls(tmp_path, sqlite_server):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    busy = no_traceback(run("serve", "--database-url", url, "--port", str(sqlite_server.port)))
    assert busy.returncode == 2 and "already in use" in busy.stderr
    half = no_traceback(
        run("serve", "--database-url", url, "--ssl-certfile", str(tmp_path / "none.pem"))
    )
    assert half.returncode == 2 and "missing" in half.stderr
    none = no_traceback(run("serve", "--database-url", url, "--pool-size", "0"))
    assert none.returncode == 2 and "--pool-size must be at least 1" in none.stderr


def test_new_epoch_and_restore_change_the_epoch(observe_server, tmp_path):
    from tests.server.helpers import op, push

    session = observe_server.login(observe_server.add_user())
    before = push(session, op(), op())
    backup_file = tmp_path / "backup.jsonl.gz"
    made = observe_server.cli("backup", str(backup_file))
    assert made.returncode == 0, made.stderr
    push(session, op())

    bumped = observe_server.cli("new-epoch")
    assert bumped.returncode == 0
    after = session.client.get("/v1/me").json()
    assert after["epoch"] != before["epoch"] and after["server_id"] == before["server_id"]

    refused = no_traceback(observe_server.cli("restore", str(backup_file)))
    assert refused.returncode == 2 and "--replace" in refused.stderr
    restored = observe_server.cli("restore", str(backup_file), "--replace")
    assert restored.returncode == 0, restored.stderr
    now = session.client.get("/v1/me").json()
    assert now["server_id"] == before["server_id"]
    assert now["epoch"] not in (before["epoch"], after["epoch"])
    assert now["head_seq"] == before["head_seq"]  # a client's cursor above this means: recover
    assert len([r for r in push(session, op())["results"] if r["status"] == "applied"]) == 1

    damaged = tmp_path / "damaged.gz"
    damaged.write_bytes(b"not gzip")
    bad = no_traceback(observe_server.cli("restore", str(damaged), "--replace"))
    assert bad.returncode == 2 and "damaged" in bad.stderr


def test_passwords_are_argon2id_with_the_default_cost(tmp_path):
    import os

    from sqlalchemy import select

    from observe.server.schema import account

    url = f"sqlite:///{tmp_path / 'cost.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k != "OBSERVE_SERVER_ARGON2"}
    result = subprocess.run(
        [sys.executable, "-m", "observe.server.cli", "user", "add", "--email", "c@d.org",
         "--name", "C", "--role", "coach", "--school", "S", "--password-stdin",
         "--database-url", url],
        input=DEFAULT_PASSWORD + "\n", capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with create_engine(url).connect() as conn:
        stored = conn.execute(select(account.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert DEFAULT_PASSWORD not in stored


def test_a_teacher_account_is_added_like_any_other(tmp_path):
    db = ["--database-url", f"sqlite:///{tmp_path / 'admin.sqlite3'}"]
    added = run(
        "user", "add", "--email", "Ana@School.org", "--name", "Ana Ortiz", "--role", "teacher",
        "--school", "Lincoln High", "--password-stdin", *db, input=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Added teacher ana@school.org")
    listed = json.loads(run("user", "list", "--json", *db).stdout)
    assert [(u["email"], u["role"]) for u in listed] == [("ana@school.org", "teacher")]
