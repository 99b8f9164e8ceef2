"""Observe's sync side by side with a CouchDB-protocol peer (issue 4): PouchDB → pouchdb-server.

    .venv/bin/python benchmarks/bench_sync_vs_pouchdb.py [--records 50000]

One run, same machine, same N small documents, loopback only:

- PouchDB: ``benchmarks/pouchdb/replicate.js`` (pouchdb-node 9 from npm) replicates N
  evidence-like docs to a ``pouchdb-server`` (leveldb files on disk, not ``--in-memory``), then
  from it into a second local database.
- Observe end to end: a real profile with N evidence items and their outbox rows runs
  ``SyncEngine.sync()`` (what ``observe sync`` does) against a real ``observe-server serve``
  (SQLite file); a second profile then pulls everything into its store.
- Observe bare protocol: ``push_throughput``/``pull_throughput`` from
  ``bench_server_push_pull`` (httpx posting ready-made ops of 500, reading pages of 1,000).

Prints docs/s for each and the ratio to PouchDB. Goals: push at least 3x PouchDB's push
(issue 4); pull into a new profile at least 3x PouchDB's pull and at least 0.5x the bare
protocol's pull in the same run (issue 18).
Needs node and ``npm ci --ignore-scripts`` in benchmarks/pouchdb once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.serverfixtures import free_port  # noqa: E402

from bench_sync_client import measure  # noqa: E402

POUCH = ROOT / "benchmarks" / "pouchdb"


def pouchdb_run(n: int, workdir: Path) -> dict:
    """Starts pouchdb-server (leveldb on disk) and runs replicate.js against it."""
    server_bin = POUCH / "node_modules" / ".bin" / "pouchdb-server"
    if not server_bin.exists():
        raise SystemExit(f"Run `npm ci --ignore-scripts` in {POUCH} first.")
    cwd = workdir / "pouchdb-server"
    cwd.mkdir(parents=True)
    port = free_port()
    log = (cwd / "stdout.txt").open("wb")
    proc = subprocess.Popen(
        ["node", str(server_bin), "--port", str(port), "--host", "127.0.0.1",
         "--dir", str(cwd / "srv")],
        cwd=cwd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("pouchdb-server did not start; see " + str(cwd))
            time.sleep(0.1)
        clients = workdir / "pouchdb-client"
        clients.mkdir()
        out = subprocess.run(
            ["node", str(POUCH / "replicate.js"), f"http://127.0.0.1:{port}/bench", str(n),
             str(clients)],
            cwd=POUCH, capture_output=True, text=True, check=True, timeout=1800,
        )  # fmt: skip
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--skip-pouchdb", action="store_true", help="only the Observe side")
    args = parser.parse_args()
    n = args.records
    with tempfile.TemporaryDirectory(prefix="bench-vs-pouchdb-") as tmp:
        base = Path(tmp)
        pouch = None if args.skip_pouchdb else pouchdb_run(n, base / "pouch")
        ours = measure(n, base / "observe")
    print(f"{n:,} small documents each side, loopback, files on disk")
    rows = [
        ("push", "observe sync (profile -> server)", ours["push_per_s"], "push_per_s"),
        ("push", "bare protocol (httpx, ops of 500)", ours["bare_push_per_s"], "push_per_s"),
        ("pull", "observe sync (server -> profile)", ours["pull_per_s"], "pull_per_s"),
        ("pull", "bare protocol (pages of 1,000)", ours["bare_pull_per_s"], "pull_per_s"),
    ]
    if pouch is not None:
        print(f"PouchDB push (replicate.to):   {pouch['push_per_s']:8,.0f} docs/s")
        print(f"PouchDB pull (replicate.from): {pouch['pull_per_s']:8,.0f} docs/s")
    for direction, what, rate, key in rows:
        ratio = f"  = {rate / pouch[key]:.2f}x PouchDB {direction}" if pouch else ""
        print(f"Observe {direction} {what}: {rate:8,.0f} records/s{ratio}")
    share = ours["pull_per_s"] / ours["bare_pull_per_s"]
    print(f"Observe pull, observe sync / bare protocol: {share:.2f}")


if __name__ == "__main__":
    main()
