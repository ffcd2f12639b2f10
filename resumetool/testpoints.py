"""Named pause points for the crash tests — a test-only hook, free when unset.

Why: ``tests/test_reliability.py`` kills real ``resumetool import``, ``draft`` and ``render``
processes with SIGKILL at chosen moments (a version's files written but not yet renamed into
place, a render's temp file written but not yet renamed…) to prove that a killed command
leaves every file either old-and-whole or new-and-whole. Random delays hit those moments
only by luck; a named point hits them every time.

Test-only. With ``RESUMETOOL_TEST_PAUSE_AT=<point>[@<detail>][#<n>]`` and
``RESUMETOOL_TEST_PAUSE_DIR=<folder>`` in its environment, a process reaching ``<point>``
(with that detail, e.g. the file name for ``atomic:*``, if one is given) for the n-th time
(default the first) writes ``<folder>/paused-<pid>`` holding the point's name, then waits until
``<folder>/go`` exists; the test kills it meanwhile, or creates ``go`` to let it continue
(how two processes are lined up at the same moment). Without the variable — always, outside
the tests — the environment is read once at import and ``pause_point`` returns at its first
line.

The points (grep ``pause_point(`` for where they are):
``version:before-lock``  a version is about to be numbered and written (nothing written yet);
``version:files-written``  its files are in a hidden temp folder, not yet renamed into place;
``version:published``  the folder has its final name ``vN``, the lock is still held;
``atomic:written@<file name>``  a file's new bytes are in its temp file, not yet fsynced
or renamed (``files.atomic_open``);
``atomic:before-replace@<file name>``  the temp file is complete and fsynced, not yet
renamed over the old file.
"""

from __future__ import annotations

import os
import time

_WANTED = os.environ.get("RESUMETOOL_TEST_PAUSE_AT") or None
_seen: dict[str, int] = {}


def pause_point(name: str, detail: str | None = None) -> None:
    """Pause here if the crash tests asked for this point (see the module doc)."""
    if _WANTED is None:
        return
    _pause_if_wanted(name, detail)


def _pause_if_wanted(name: str, detail: str | None) -> None:
    point, _, nth = _WANTED.partition("#")
    if point not in (name, f"{name}@{detail}"):
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] != (int(nth) if nth.isdigit() else 1):
        return
    folder = os.environ.get("RESUMETOOL_TEST_PAUSE_DIR") or "."
    marker = os.path.join(folder, f"paused-{os.getpid()}")
    with open(marker + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(name)
    os.replace(marker + ".tmp", marker)
    go = os.path.join(folder, "go")
    while not os.path.exists(go):
        time.sleep(0.005)
