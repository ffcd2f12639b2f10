"""What the benchmarks share: timing helpers, the process runner, and one row of the table.

Why medians of interleaved runs: the machine is shared, so any one run can be slowed by a
neighbour; timing our command and its floor (or peer) alternately, several times, and
taking each side's median makes both sides see the same noise, so their ratio holds.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass
class Figure:
    """One row of bench/run.py's table.

    ``value`` is ours; ``peer`` is the floor (the raw library doing the least the task needs)
    or the competing tool, measured in the same run; ``ratio`` = value / peer. ``limit`` and
    ``better`` give the target: ``value`` (or ``ratio``, when ``on_ratio``) must be below
    ``limit`` ('lower') or above it ('higher'). ``rss_mb``: peak memory of the process that
    did the work.
    """

    group: str
    name: str
    value: float
    unit: str
    peer_name: str = ""
    peer: float | None = None
    limit: float | None = None
    on_ratio: bool = False
    better: str = "lower"
    rss_mb: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.peer if self.peer else None

    @property
    def judged(self) -> float | None:
        return self.ratio if self.on_ratio else self.value

    @property
    def ok(self) -> bool | None:
        if self.limit is None or self.judged is None:
            return None
        return self.judged <= self.limit if self.better == "lower" else self.judged >= self.limit

    @property
    def target(self) -> str:
        if self.limit is None:
            return "—"
        sign = "≤" if self.better == "lower" else "≥"
        what = "ratio " if self.on_ratio else ""
        unit = "" if self.on_ratio else f" {self.unit}"
        return f"{what}{sign} {self.limit:g}{unit}".strip()

    def to_json(self) -> dict:
        return asdict(self)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


LAUNCHER = """
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(report, "w") as handle:
    handle.write(f"{elapsed} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Starts the measured command from a small process. Why: on Linux a child's peak RSS
counts what it inherited at fork, so a command started straight from a benchmark process
holding 150 MB would be charged 150 MB; started from this launcher (~10 MB, no imports),
its figure is its own. The launcher also times it, so its own start-up is not counted."""


def run_process(
    argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one child process; fails loudly if it fails."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".bench") as report:
        proc = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, report.name, *argv],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if proc.returncode != 0:
            raise SystemExit(f"benchmark step failed: {' '.join(argv)}\n{proc.stderr}")
        elapsed, rss_kb = report.read().split()
    return float(elapsed), int(rss_kb) / 1024


def interleaved(
    ours: Sequence[str], peer: Sequence[str], runs: int, **kwargs: object
) -> tuple[float, float, float]:
    """Median wall times of two commands run alternately (after one warm-up each), and the
    peak RSS (MB) of ours."""
    run_process(ours, **kwargs)  # type: ignore[arg-type]
    run_process(peer, **kwargs)  # type: ignore[arg-type]
    mine, theirs, rss = [], [], 0.0
    for _ in range(runs):
        elapsed, peak = run_process(ours, **kwargs)  # type: ignore[arg-type]
        mine.append(elapsed)
        rss = max(rss, peak)
        theirs.append(run_process(peer, **kwargs)[0])  # type: ignore[arg-type]
    return statistics.median(mine), statistics.median(theirs), rss


def as_installed() -> None:
    """Byte-compile resumetool and let child processes use the bytecode, as after
    ``pip install``. Why: with PYTHONDONTWRITEBYTECODE set (some shells and CI images set it)
    every process would compile resumetool's sources again, while its floors import
    libraries that pip byte-compiled at install time — an unfair start-up comparison."""
    import compileall
    import os

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "resumetool", quiet=1)


def resumetool_command() -> list[str]:
    """The installed console script, as a user runs it (else the module)."""
    script = Path(sys.executable).with_name("resumetool")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from resumetool.cli import main; main()"]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
