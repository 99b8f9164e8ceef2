"""The sync client: the desktop half of docs/sync-protocol.md.

Headless (no Qt): the CLI, the tests and the GUI's worker thread all drive the same
:class:`~observe.sync.engine.SyncEngine`. Modules, one job each:

- ``client``: HTTP (httpx) with every failure turned into a sentence
- ``credentials``: the device token in the OS keyring, or a 0600 file without one
- ``account``: signing in and out (and adopting the server's user id as the local author)
- ``push`` / ``pull`` / ``apply`` / ``recovery``: moving records, one SQLite transaction at a time
- ``conflicts``: the coach's list of changes the server did not take as they were
- ``engine``: one sync of one profile (lock, push, pull, recovery, mass-delete guard)
- ``backoff``, ``lock``, ``state``, ``errors``: the small parts
"""
