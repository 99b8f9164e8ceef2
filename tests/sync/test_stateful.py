"""Random work on several laptops of two coaches, with syncs cut short; then everyone agrees.

A Hypothesis state machine drives real profiles against one real observe-server: creates,
edits and deletes (own records, and now and then another coach's shared record, which the
server must refuse), and syncs that are cancelled part-way through a paged pull. At the end
every conflict is resolved, everyone syncs until nothing is waiting, and then:

- the two laptops of a coach hold exactly the same records;
- each coach holds exactly the other's shared records whose visit is shared too, and none of
  their private ones;
- no record was lost: every item created and never deleted anywhere is on every laptop that
  may see it, and every text on any laptop is one that somebody actually wrote.
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from observe.store.models import Visibility, Visit
from observe.sync.conflicts import keep_mine, keep_theirs
from observe.sync.engine import SyncEngine
from observe.sync.errors import SyncCancelled
from tests.sync.devices import Device, Devices

_run = itertools.count()
seen: dict[str, int] = {"conflict": 0, "rejected": 0, "cut": 0}


def make_machine(server, root: Path) -> type[RuleBasedStateMachine]:
    class Sync(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            n = next(_run)
            school = f"School {uuid.uuid4().hex[:8]}"
            self.coaches = [server.add_user(school=school) for _ in range(2)]
            self.devices = Devices(root / f"run{n}")
            # Coach 0 has two laptops; coach 1 one.
            self.owner: dict[str, int] = {}
            self.laptops: list[Device] = []
            for i, coach in ((0, 0), (1, 0), (2, 1)):
                d = self.devices.new(f"d{i}")
                d.login(server, self.coaches[coach])
                self.owner[d.name] = coach
                self.laptops.append(d)
            self.visits: dict[int, list[tuple[str, bool]]] = {0: [], 1: []}
            for d in self.laptops:
                for shared in (True, False):
                    vis = Visibility.TEAM if shared else Visibility.PRIVATE
                    self.visits[self.owner[d.name]].append((d.visit(vis), shared))
            self.created: dict[str, tuple[int, bool, bool]] = {}  # id -> coach, team, team visit
            self.texts: dict[str, set[str]] = {}
            self.deleted: set[str] = set()
            self.words = itertools.count()
            # A few shared items everyone already holds, so changes can collide from step one.
            for device, count in ((0, 2), (2, 1)):
                for _ in range(count):
                    self.create(device, team=True, team_visit=True)
            d0, d1, d2 = self.laptops
            d0.sync()
            d2.sync()
            self.sync(1, stop_after=1)  # a pull cut short after its first page
            for d in (d1, d2, d0):
                d.sync()
            self.change_on_both_laptops(0, delete_one=False)  # one collision for sure

        def teardown(self) -> None:
            self.devices.close()

        # -- work on one laptop -------------------------------------------------------------

        def _local_items(self, d: Device, own: bool) -> list[str]:
            coach = self.owner[d.name]
            return sorted(
                i
                for i, (owner, _, _) in self.created.items()
                if (owner == coach) == own and d.text(i) is not None
            )

        @rule(device=st.integers(0, 2), team=st.booleans(), team_visit=st.booleans())
        def create(self, device: int, team: bool, team_visit: bool) -> None:
            d = self.laptops[device]
            coach = self.owner[d.name]
            with d.store.read() as s:  # a visit made on the other laptop may not be here yet
                visits = [
                    v
                    for v, shared in self.visits[coach]
                    if shared == team_visit and s.get(Visit, v) is not None
                ]
            if not visits:
                return
            text = f"created {next(self.words)}"
            item = d.evidence(visits[0], text, Visibility.TEAM if team else None)
            self.created[item] = (coach, team, team_visit)
            self.texts[item] = {text}

        def _edit(self, device: int, pick: int, own: bool) -> None:
            d = self.laptops[device]
            items = self._local_items(d, own=own)
            if not items:
                return
            item = items[pick % len(items)]
            text = f"edited {next(self.words)} on {d.name}"
            d.edit(item, text)
            self.texts[item].add(text)

        @rule(device=st.integers(0, 2), pick=st.integers(0, 1000))
        def edit(self, device: int, pick: int) -> None:
            self._edit(device, pick, own=True)

        @rule(pick=st.integers(0, 1000))
        def edit_another_coachs_shared_record(self, pick: int) -> None:
            """Coach 1 edits coach 0's shared evidence: the server refuses it (not theirs)."""
            self.laptops[0].sync()
            self.laptops[2].sync()
            self._edit(2, pick, own=False)

        @rule(pick=st.integers(0, 1000), delete_one=st.booleans())
        def change_on_both_laptops(self, pick: int, delete_one: bool) -> None:
            """The same item changed on both of coach 0's laptops before either syncs."""
            d0, d1 = self.laptops[0], self.laptops[1]
            both = sorted(set(self._local_items(d0, True)) & set(self._local_items(d1, True)))
            if not both:
                return
            item = both[pick % len(both)]
            for d in (d0, d1):
                text = f"edited {next(self.words)} on {d.name}"
                d.edit(item, text)
                self.texts[item].add(text)
            if delete_one:
                d1.delete(item)
                self.deleted.add(item)

        @rule(device=st.integers(0, 2), pick=st.integers(0, 1000))
        def delete(self, device: int, pick: int) -> None:
            d = self.laptops[device]
            items = self._local_items(d, own=True)
            if items:
                item = items[pick % len(items)]
                d.delete(item)
                self.deleted.add(item)

        @rule(device=st.integers(0, 2), stop_after=st.integers(0, 3))
        def sync(self, device: int, stop_after: int) -> None:
            checks = itertools.count()
            engine = SyncEngine(self.laptops[device].store, pull_limit=7, lock_wait=5.0)
            try:
                engine.sync(should_cancel=lambda: next(checks) > stop_after)
            except SyncCancelled:
                seen["cut"] += 1

        @invariant()
        def texts_are_ones_somebody_wrote(self) -> None:
            for d in self.laptops:
                for item, written in self.texts.items():
                    text = d.text(item)
                    assert text is None or text in written

        # -- the end ------------------------------------------------------------------------

        def _settle(self) -> None:
            for _round in range(6):
                for d in self.laptops:
                    for n, c in enumerate(d.conflicts()):
                        seen[c.status] = seen.get(c.status, 0) + 1
                        mine = c.can_keep_mine and (n % 2 == 0 or not c.can_keep_theirs)
                        (keep_mine if mine else keep_theirs)(d.store, c.id)
                    d.sync(allow_mass_delete=True)
                if all(d.outbox() == 0 and not d.conflicts() for d in self.laptops):
                    for d in self.laptops:
                        d.sync(allow_mass_delete=True)
                    return
            raise AssertionError("the laptops did not settle")

        def check_agreement(self) -> None:
            self._settle()
            d0, d1, d2 = self.laptops
            assert d0.live() == d1.live()
            coach_of = {self.coaches[0].id: 0, self.coaches[1].id: 1}

            def shared_view(live: dict, coach: int) -> dict:
                return {
                    k: v
                    for k, v in live.items()
                    if coach_of[v["author_id"]] == coach
                    and v["visibility"] == "team"
                    and (k[0] != "evidence" or ("visit", v["visit_id"]) in team_visits(live))
                }

            def team_visits(live: dict) -> set:
                return {k for k, v in live.items() if k[0] == "visit" and v["visibility"] == "team"}

            own0 = {k: v for k, v in d0.live().items() if coach_of[v["author_id"]] == 0}
            own2 = {k: v for k, v in d2.live().items() if coach_of[v["author_id"]] == 1}
            assert {k: v for k, v in d2.live().items() if coach_of[v["author_id"]] == 0} == (
                shared_view(own0, 0)
            )
            assert {k: v for k, v in d0.live().items() if coach_of[v["author_id"]] == 1} == (
                shared_view(own2, 1)
            )
            for item, (coach, team, team_visit) in self.created.items():
                if item in self.deleted:
                    continue
                holders = [d for d in self.laptops if self.owner[d.name] == coach]
                if team and team_visit:
                    holders = self.laptops
                for d in holders:
                    assert d.text(item) is not None, f"{item} lost on {d.name}"

    return Sync


def test_random_work_and_cut_syncs_converge(sqlite_server, tmp_path: Path):
    machine = make_machine(sqlite_server, tmp_path)

    class Checked(machine):  # type: ignore[misc,valid-type]
        def teardown(self) -> None:
            try:
                if hasattr(self, "laptops"):
                    self.check_agreement()
            finally:
                super().teardown()

    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(
        Checked,
        settings=settings(
            max_examples=4,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
        ),
    )
    # The run really met what it claims to test.
    assert seen["conflict"] and seen["rejected"] and seen["cut"], seen
