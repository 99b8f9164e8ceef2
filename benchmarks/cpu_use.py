"""CPU seconds used by the processes of a benchmark run, read from /proc (Linux).

A latency figure under load says little without what it cost: on a machine the load
generator, the server and PostgreSQL share, a p99 follows how many of the cores they need.
``CpuUse`` takes the server's process group (``ServerProcess`` starts it in a session of its
own), the PostgreSQL cluster's postmaster and its children, and this process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields from "state" on


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _seconds(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def _processes() -> Iterator[tuple[int, list[str]]]:
    """(pid, its stat fields) of every process still there when read."""
    for pid in _pids():
        fields = _stat(pid)
        if fields is not None:
            yield pid, fields


def group_cpu(group: int) -> float:
    """Every process of a process group (the server's master and its workers)."""
    return sum(_seconds(f) for _pid, f in _processes() if int(f[2]) == group)


def cluster_cpu(data_dir: Path) -> float:
    """The postmaster of the cluster in ``data_dir`` and its children (backends, WAL writer,
    checkpointer...). A backend that ends during the run takes its time with it."""
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    return sum(
        _seconds(f) for pid, f in _processes() if pid == postmaster or int(f[1]) == postmaster
    )


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


@dataclass
class CpuUse:
    server_group: int
    cluster_data: Path

    def sample(self) -> tuple[float, float, float]:
        return group_cpu(self.server_group), cluster_cpu(self.cluster_data), own_cpu()

    def since(self, before: tuple[float, float, float]) -> tuple[float, float, float]:
        """(server, PostgreSQL, this process) CPU seconds since ``before``."""
        after = self.sample()
        return (after[0] - before[0], after[1] - before[1], after[2] - before[2])
