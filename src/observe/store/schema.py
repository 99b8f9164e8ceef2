"""Which schema revisions this build of Observe knows.

Opening a profile compares the file's Alembic revision with these constants instead of loading
Alembic, which keeps start-up fast; a test checks they match the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002")
HEAD_REVISION = KNOWN_REVISIONS[-1]
