"""Nothing lost, nothing half-written: real `resumetool` processes killed mid-write.

tests/test_versions.py kills the version writer at library level; here the real commands
(`import`, `draft`, `render`) run as child processes, pause at a named point
(resumetool/testpoints.py) and get SIGKILL from this process. Afterwards every file in the
workspace must be the old file or the new one, whole — compared with the same command run
to completion on a copy of the workspace — the workspace must load, and the next command
must work. Also: two `draft`s at once get two versions, and no command changes a version.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumetool.cli import main
from resumetool.interview import Interview
from resumetool.versions import TEMP_PREFIX
from resumetool.workspace import Workspace, init_workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")

EPOCH = "1767225600"  # SOURCE_DATE_EPOCH: PDFs are byte-for-byte reproducible with it
CLI = "import sys; from resumetool.cli import main; main(sys.argv[1:], prog_name='resumetool')"

RESUME = {
    "basics": {
        "name": "Jordan Rivera",
        "label": "Program Manager",
        "summary": "Program manager for logistics software.",
    },
    "work": [
        {
            "name": "Northgate Supply Co.",
            "position": "Senior Program Manager",
            "startDate": "2021-03",
            "highlights": [
                "Led a $4.2M warehouse-automation program across three sites",
                "Managed four vendors through SLA reviews",
                "Ran sprint planning, daily stand-ups and retrospectives for two teams",
            ],
        }
    ],
    "skills": [{"name": "Tools", "keywords": ["Confluence", "Jira"]}],
}
NEW_RESUME = {**RESUME, "basics": {**RESUME["basics"], "name": "Jordan A. Rivera"}}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with interviews, v1 imported and rendered: the 'old' state of every test."""
    root = tmp_path_factory.mktemp("reliability")
    files = root / "files"
    files.mkdir()
    (files / "resume.json").write_text(json.dumps(RESUME), encoding="utf-8")
    (files / "new.json").write_text(json.dumps(NEW_RESUME), encoding="utf-8")
    ws = init_workspace(root / "ws", name="Jordan Rivera")
    for day, company in ((20, "Acme"), (24, "Beta")):
        ws.add_interview(
            Interview(company=company, date=dt.date(2026, 11, day), asked=["Scrum", "Jira"])
        )
    invoke(ws.root, "import", str(files / "resume.json"))
    invoke(ws.root, "render", "v1", "--to", "pdf,docx", "--template", "modern")
    return root


def invoke(cwd: Path, *args: str) -> str:
    """Run the CLI in this process (fast: spaCy and Typst stay loaded between calls)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": EPOCH})
    finally:
        os.chdir(old)
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def copy_of(base: Path, tmp_path: Path, name: str) -> Path:
    shutil.copytree(base, tmp_path / name, symlinks=True)
    return tmp_path / name / "ws"


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def is_temp(relative: str) -> bool:
    """The names unfinished writes use: hidden, git-ignored, never read by resumetool."""
    parts = Path(relative).parts
    name = parts[-1]
    in_version_temp = any(part.startswith(TEMP_PREFIX) for part in parts[:-1])
    atomic_temp = re.fullmatch(r"\..+\.\d+\.[^.]+\.tmp", name) is not None
    return in_version_temp or atomic_temp


def same_content(relative: str, a: bytes, b: bytes) -> bool:
    """Equal files; a meta.yaml apart from its creation time; a DOCX by its zip entries."""
    if a == b:
        return True
    if relative.endswith("meta.yaml"):
        drop = re.compile(rb"^created: .*$", re.M)
        return drop.sub(b"", a) == drop.sub(b"", b)
    if relative.endswith(".docx"):
        import io

        def entries(data: bytes) -> dict[str, bytes]:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return {name: archive.read(name) for name in archive.namelist()}

        try:
            return entries(a) == entries(b)
        except zipfile.BadZipFile:
            return False
    return False


def start_paused(cwd: Path, point: str, args: list[str], signals: Path) -> subprocess.Popen:
    """Start the real CLI; return once it is paused at ``point`` (or fail if it finished)."""
    signals.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "RESUMETOOL_TEST_PAUSE_AT": point,
        "RESUMETOOL_TEST_PAUSE_DIR": str(signals),
        "SOURCE_DATE_EPOCH": EPOCH,
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    marker = signals / f"paused-{proc.pid}"
    deadline = time.monotonic() + 120
    while not marker.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"{args} ended before reaching {point}: {proc.returncode}\n{out}{err}")
        assert time.monotonic() < deadline, f"{args} never reached {point}"
        time.sleep(0.01)
    return proc


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def check_old_or_new(old: dict[str, bytes], new: dict[str, bytes], now: dict[str, bytes]):
    """Every file is the old one or the new one, whole, and none is lost; returns the temp
    files left over."""
    lost = [p for p in old if p not in now and not p.startswith(".resumetool-cache/")]
    assert not lost, f"files lost: {lost}"
    leftovers = []
    for relative, data in now.items():
        if is_temp(relative):
            leftovers.append(relative)
            continue
        if relative.startswith(".resumetool-cache/"):  # a cache, rebuilt by whoever reads
            assert relative.endswith(".gitignore") or json.loads(data), relative
            continue
        candidates = [c for c in (old.get(relative), new.get(relative)) if c is not None]
        assert candidates, f"{relative}: neither in the old workspace nor in the new one"
        assert any(same_content(relative, data, c) for c in candidates), (
            f"{relative}: neither the old file nor the new one (half-written?)"
        )
    return leftovers


def check_loads(root: Path) -> Workspace:
    ws = Workspace.find(explicit=root)
    for version in ws.versions():
        assert version.resume().basics.name
    assert len(ws.interviews()) == 2
    return ws


IMPORT = ["import", "{files}/new.json"]
DRAFT = ["draft"]
RENDER = ["render", "v1", "--to", "pdf,docx,md"]
FINISH_RENDER = ["render", "latest", "--to", "pdf,docx"]

# (command, pause point, whether the new version exists after the kill, the next command)
SCENARIOS = [
    (IMPORT, "version:files-written", False, IMPORT),
    (IMPORT, "version:published", True, ["versions"]),
    (DRAFT, "version:files-written", False, DRAFT),
    (DRAFT, "atomic:before-replace@resume.pdf", True, FINISH_RENDER),
    (DRAFT, "atomic:written@resume.docx", True, FINISH_RENDER),
    (RENDER, "atomic:written@resume.pdf", False, RENDER),
    (RENDER, "atomic:before-replace@resume.docx", False, RENDER),
    (RENDER, "atomic:before-replace@resume.md", False, RENDER),
]

_reference: dict[str, dict[str, bytes]] = {}


def reference(base: Path, tmp_path: Path, args: list[str]) -> dict[str, bytes]:
    """The workspace after ``args`` ran to completion on a copy of ``base`` (once each)."""
    key = " ".join(args)
    if key not in _reference:
        ws = copy_of(base, tmp_path, "reference")
        invoke(ws, *args)
        _reference[key] = files_in(ws)
    return _reference[key]


@pytest.mark.parametrize(
    ("template", "point", "published", "next_command"),
    SCENARIOS,
    ids=[f"{c[0]}-{p}" for c, p, _, _ in SCENARIOS],
)
def test_sigkill_leaves_old_or_new_files_and_the_next_command_works(
    base: Path, tmp_path: Path, template: list[str], point: str, published: bool, next_command
):
    args = [a.format(files=base / "files") for a in template]
    old = files_in(base / "ws")
    new = reference(base, tmp_path, args)
    ws_root = copy_of(base, tmp_path, "killed")
    kill(start_paused(ws_root, point, args, tmp_path / "signals"))

    leftovers = check_old_or_new(old, new, files_in(ws_root))
    labels = [v.label for v in check_loads(ws_root).versions()]
    assert labels == (["v1", "v2"] if published else ["v1"])
    if point == "version:files-written":
        assert any(TEMP_PREFIX in p for p in leftovers), "the kill came before the rename"
    if point.startswith("atomic:"):
        assert leftovers, "the kill came between writing a temp file and renaming it"

    # The next command works, sweeps what the killed one left, and finishes the job: the
    # workspace ends as if the first command had never been interrupted.
    invoke(ws_root, *[a.format(files=base / "files") for a in next_command])
    after = files_in(ws_root)
    assert not [p for p in after if is_temp(p)], "temp files of the killed writer remain"
    assert check_old_or_new(old, new, after) == []
    assert {p for p in after if not p.startswith(".resumetool-cache/")} == {
        p for p in new if not p.startswith(".resumetool-cache/")
    }


RENDER_LOOP = [["render", "v1", "--to", "pdf,docx,md,html"]]


def test_sigkill_at_random_moments_during_render(base: Path, tmp_path: Path):
    """No pause point: kills at random moments of a real render still find only whole files.

    The delays span the process's life (a render to four formats takes about a third of a
    second here; more on a slow machine, when more kills land in the start-up)."""
    import random

    args = RENDER_LOOP[0]
    old = files_in(base / "ws")
    new = reference(base, tmp_path, args)
    ws_root = copy_of(base, tmp_path, "random")
    rng = random.Random(6)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    killed = 0
    for _ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", CLI, *args],
            cwd=ws_root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.1, 0.5))
        os.kill(proc.pid, signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        check_old_or_new(old, new, files_in(ws_root))
        check_loads(ws_root)
    assert killed, "every render finished before its kill: nothing was tested"


# -- two at once ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "commands",
    [
        (["draft", "--no-render"], ["draft", "--no-render", "--emphasize", "Jira"]),
        # --force: resume.json is v1's own file, which import alone would not store again
        (["import", "{files}/new.json"], ["import", "{files}/resume.json", "--force"]),
    ],
    ids=["two drafts", "two imports"],
)
def test_two_writers_at_once_get_two_versions(base: Path, tmp_path: Path, commands):
    """Both are held at the lock's door, then let go together (real processes)."""
    ws_root = copy_of(base, tmp_path, "race")
    signals = tmp_path / "signals"
    procs = [
        start_paused(
            ws_root,
            "version:before-lock",
            [a.format(files=base / "files") for a in args],
            signals,
        )
        for args in commands
    ]
    (signals / "go").touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    labels = sorted(re.search(r"\b(v\d+)\b", out).group(1) for out, _ in outputs)
    assert labels == ["v2", "v3"]
    ws = check_loads(ws_root)
    assert [v.label for v in ws.versions()] == ["v1", "v2", "v3"]
    reasons = {v.meta.reason for v in ws.versions()[1:]}
    assert len(reasons) == 2, "each process wrote its own version"


# -- a version never changes ------------------------------------------------------------


def test_no_command_changes_a_version(base: Path, tmp_path: Path):
    ws_root = copy_of(base, tmp_path, "immutable")
    v1 = ws_root / "resumes" / "v1"
    source = v1 / "source.json"
    data_files = {p: p.read_bytes() for p in (v1 / "resume.yaml", v1 / "meta.yaml", source)}
    attempts = [
        ["render", "v1", "--to", "md", "-o", str(v1 / "resume.yaml")],
        ["render", "v1", "--to", "pdf", "-o", str(v1 / "source.pdf")],
        ["render", str(source), "--to", "pdf"],  # would write source.pdf beside it
        ["plan", "--ics", str(v1 / "meta.yaml")],
        ["feedback-request", "acme", "--to-file", str(v1 / "resume.yaml")],
        ["interview", "add", "--company", "Gamma", "--asked", "Scrum"],  # writes elsewhere
    ]
    runner = CliRunner()
    old = Path.cwd()
    os.chdir(ws_root)
    try:
        invoke(ws_root, "company", "add", "Acme", "--interest", "3")
        for args in attempts:
            result = runner.invoke(main, args)
            assert "Traceback" not in result.output
            for path, data in data_files.items():
                assert path.read_bytes() == data, (args, path)
            if args[0] != "interview":
                assert result.exit_code in (1, 2), (args, result.output)
                line = result.stderr.strip()
                assert "\n" not in line and ("never change" in line), (args, line)
    finally:
        os.chdir(old)
    assert not [p for p in files_in(v1) if is_temp(p)]
