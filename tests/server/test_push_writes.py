"""A push's writes go to PostgreSQL together (one pipeline): one that fails there still fails
the whole push, with the error sentence, and nothing of it stays; the next push is unharmed."""

from __future__ import annotations

import threading

import httpx
from sqlalchemy import text

from observe.ids import new_id
from tests.server.helpers import op, pull_all, push

ON_POISON = """
CREATE FUNCTION on_poison() RETURNS trigger AS $$
BEGIN
    IF NEW.record_id = '{poison}' THEN {action}; END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER on_poison BEFORE INSERT ON applied_op FOR EACH ROW EXECUTE FUNCTION on_poison();
"""
REFUSE = "RAISE EXCEPTION 'refused by the test'"
DROP_CONNECTION = "PERFORM pg_terminate_backend(pg_backend_pid())"


def poisoned(server, action: str) -> str:
    """A record id whose op id the database meets with ``action``, inside the push's writes."""
    poison = new_id()
    with server.engine.begin() as conn:
        conn.execute(text(ON_POISON.format(poison=poison, action=action)))
    return poison


def test_a_write_refused_in_the_pipeline_fails_the_push_and_leaves_nothing(pg_server):
    coach = pg_server.login(pg_server.add_user())
    poison = poisoned(pg_server, REFUSE)
    before = len(pull_all(coach))

    reply = coach.client.post("/v1/sync/push", json={"ops": [op(), op(poison), op()]})
    assert reply.status_code == 500, reply.text
    assert reply.json()["error"]["code"] == "internal"
    # The records were written before the op ids, in the same pipeline: none of them stays.
    assert len(pull_all(coach)) == before

    # Pushes running together (one shared transaction) are retried one by one: only the
    # poisoned one fails, the others land, and the connection it broke is fine to reuse.
    others = [pg_server.login(pg_server.add_user(school=coach.user.school)) for _ in range(3)]
    results: dict[str, int] = {}

    def send(name: str, session, ops: list[dict]) -> None:
        with httpx.Client(base_url=pg_server.base_url, headers=session.client.headers) as c:
            results[name] = c.post("/v1/sync/push", json={"ops": ops}).status_code

    threads = [threading.Thread(target=send, args=("poisoned", coach, [op(poison)]))]
    threads += [
        threading.Thread(target=send, args=(f"other {i}", s, [op(), op()]))
        for i, s in enumerate(others)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {"poisoned": 500, "other 0": 200, "other 1": 200, "other 2": 200}
    assert all(len(pull_all(s)) >= 2 for s in others)
    assert push(coach, op())["results"][0]["status"] == "applied"


def test_a_connection_lost_in_the_pipeline_is_a_503_and_the_next_push_gets_a_new_one(pg_server):
    coach = pg_server.login(pg_server.add_user())
    poison = poisoned(pg_server, DROP_CONNECTION)

    reply = coach.client.post("/v1/sync/push", json={"ops": [op(), op(poison)]})
    assert reply.status_code == 503, reply.text
    assert reply.json()["error"]["code"] == "unavailable" and reply.headers["Retry-After"]
    assert pull_all(coach) == []
    # Every later push works: the lost connection went nowhere near the pool again.
    for _ in range(12):
        assert push(coach, op())["results"][0]["status"] == "applied"
    assert len(pull_all(coach)) == 12
    assert pg_server.log_text().count("database unavailable") == 1
