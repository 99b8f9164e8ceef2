"""A coach's laptops for sync tests: each is a real profile folder with its own SQLite file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from observe.capture.evidence import delete_evidence, save_evidence, update_evidence
from observe.store import Store, open_profile
from observe.store.models import (
    SYNC_MODELS,
    Classroom,
    Evidence,
    EvidenceKind,
    OutboxOp,
    School,
    Teacher,
    Visibility,
    Visit,
    VisitType,
)
from observe.sync.account import login
from observe.sync.conflicts import list_conflicts
from observe.sync.engine import SyncEngine, SyncResult
from observe.sync.records import snapshots, table
from tests.serverfixtures import ServerProcess, UserAccount


@dataclass
class Device:
    name: str
    store: Store

    @property
    def data_dir(self) -> Path:
        return self.store.paths.data_dir

    def login(self, server: ServerProcess, user: UserAccount) -> None:
        login(self.store, server.base_url, user.email, user.password, device_name=self.name)

    def sync(self, **kwargs: Any) -> SyncResult:
        return SyncEngine(self.store, lock_wait=5.0).sync(**kwargs)

    # -- making records -------------------------------------------------------------------

    def visit(self, visibility: Visibility = Visibility.PRIVATE, teacher: str = "Zoë") -> str:
        with self.store.write() as s:
            school = School(name="Lincoln Middle", visibility=visibility)
            t = Teacher(school=school, display_name=teacher, visibility=visibility)
            room = Classroom(teacher=t, subject="Science", visibility=visibility)
            v = Visit(
                classroom=room, visit_type=VisitType.COACHING_OBSERVATION, visibility=visibility
            )
            s.add_all([school, t, room, v])
        return v.id

    def evidence(self, visit_id: str, text: str, visibility: Visibility | None = None) -> str:
        item = save_evidence(self.store, visit_id, EvidenceKind.STUDENT_TALK, text)
        if visibility is not None:
            with self.store.write() as s:
                s.get_one(Evidence, item.id).visibility = visibility
        return item.id

    def edit(self, evidence_id: str, text: str) -> None:
        update_evidence(self.store, evidence_id, text=text)

    def delete(self, evidence_id: str) -> None:
        delete_evidence(self.store, evidence_id)

    # -- looking ----------------------------------------------------------------------------

    def text(self, evidence_id: str) -> str | None:
        with self.store.read() as s:
            item = s.get(Evidence, evidence_id)
            return None if item is None or item.deleted else item.text

    def live(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Every live record as its snapshot, minus fields that differ between copies."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        with self.store.engine.connect() as conn:
            for model in SYNC_MODELS:
                t = table(model)
                rows = list(conn.execute(select(t).where(t.c.deleted.is_(False))))
                for row, snap in zip(rows, snapshots(conn, model, rows), strict=True):
                    for noisy in ("device_id", "version"):
                        snap.pop(noisy, None)
                    out[(model.kind, row.id)] = snap
        return out

    def outbox(self) -> int:
        with self.store.engine.connect() as conn:
            return len(list(conn.execute(select(OutboxOp.op_id))))

    def conflicts(self) -> list[Any]:
        return list_conflicts(self.store)


class Devices:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: list[Device] = []

    def new(self, name: str) -> Device:
        device = Device(name, open_profile(self.root / name))
        self.made.append(device)
        return device

    def signed_in_pair(
        self, server: ServerProcess, coach: UserAccount | None = None
    ) -> tuple[Device, Device]:
        """One coach's laptop and tablet, both signed in to ``server`` (a new coach by default)."""
        coach = coach or server.add_user()
        laptop, tablet = self.new("laptop"), self.new("tablet")
        laptop.login(server, coach)
        tablet.login(server, coach)
        return laptop, tablet

    def close(self) -> None:
        for d in self.made:
            d.store.close()
