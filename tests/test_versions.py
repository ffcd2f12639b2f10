"""Version storage: whole-or-nothing folders, race-free numbers, immutability, refs."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resumetool.errors import InputError, UsageError, WorkspaceError
from resumetool.model import Resume
from resumetool.versions import (
    META_FILE,
    RESUME_FILE,
    TEMP_PREFIX,
    Edit,
    check_not_version_data,
    find_version,
    identical_version,
    import_resume,
    lineage_text,
    list_versions,
    resolve_resume,
    summary_line,
)
from resumetool.workspace import Workspace, init_workspace

RESUME = {
    "basics": {"name": "Ada Example", "label": "Program Manager", "summary": "Runs programs."},
    "work": [
        {
            "name": "Northgate",
            "position": "Program Manager",
            "startDate": "2021-03",
            "highlights": ["Led a warehouse program", "Ran sprint planning for two teams"],
        }
    ],
    "skills": [{"name": "Methods", "keywords": ["Scrum", "Kanban"]}],
}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "search")


@pytest.fixture
def resume() -> Resume:
    return Resume.model_validate(RESUME)


def complete(folder: Path) -> bool:
    return (folder / RESUME_FILE).is_file() and (folder / META_FILE).is_file()


# -- writing and reading ----------------------------------------------------------------


def test_a_version_round_trips_with_ids_meta_and_source(ws: Workspace, resume: Resume, tmp_path):
    source = tmp_path / "cv.json"
    source.write_bytes(b'{"basics": {"name": "Ada Example"}}')
    edit = Edit(
        kind="move",
        section="work",
        entry="work-1",
        highlight="h-1",
        before=2,
        after=1,
        reason="moved up",
        skills=["Scrum"],
        interviews=["2026-11-20-acme"],
    )
    version = ws.add_version(resume, reason="imported cv.json", source=source, edits=[edit])
    assert version.label == "v1" and version.path == ws.resumes_dir / "v1"
    again = ws.version("v1")
    assert again.resume().to_json_resume() == resume.to_json_resume()
    assert again.resume().work[0].highlightIds == resume.work[0].highlightIds
    meta = again.meta
    assert (meta.version, meta.parent, meta.source) == ("v1", None, "cv.json")
    assert meta.created.tzinfo is not None
    assert meta.edits == [edit]
    assert (version.path / "source.json").read_bytes() == source.read_bytes()
    assert again.source_path() == version.path / "source.json"
    text = (version.path / RESUME_FILE).read_text()
    assert text.startswith("# resumetool version v1") and "highlightIds:" in text


def test_version_data_is_read_only_and_the_folder_is_not(ws: Workspace, resume: Resume, tmp_path):
    source = tmp_path / "cv.txt"
    source.write_text("Ada Example\n")
    version = ws.add_version(resume, reason="x", source=source)
    for name in (RESUME_FILE, META_FILE, "source.txt"):
        mode = stat.S_IMODE((version.path / name).stat().st_mode)
        assert mode & 0o222 == 0, name
    assert stat.S_IMODE(version.path.stat().st_mode) == 0o755
    (version.path / "resume.pdf").write_bytes(b"%PDF-render")  # renders may be added
    assert [p.name for p in version.renders()] == ["resume.pdf"]


def test_numbers_go_up_and_refs_resolve(ws: Workspace, resume: Resume):
    for n in range(3):
        ws.add_version(resume, reason=f"r{n}", parent=n or None)
    assert [v.label for v in ws.versions()] == ["v1", "v2", "v3"]
    for ref, label in (("v2", "v2"), ("2", "v2"), ("V3", "v3"), ("latest", "v3"), (" v1 ", "v1")):
        assert ws.version(ref).label == label
    assert ws.latest_version().label == "v3"
    by_number = {v.number: v for v in ws.versions()}
    assert lineage_text(ws.version("v3"), by_number) == "v3 ← v2 ← v1"


@pytest.mark.parametrize("ref", ["v9", "0", "v", "newest", "v2.1"])
def test_an_unknown_version_is_a_usage_error_listing_the_versions(ws, resume, ref):
    ws.add_version(resume, reason="a")
    ws.add_version(resume, reason="b")
    with pytest.raises(UsageError) as caught:
        ws.version(ref)
    assert "there are: v1, v2" in caught.value.one_line()
    assert caught.value.exit_code == 2


def test_no_versions_says_to_import_first(ws):
    with pytest.raises(UsageError, match="no versions yet") as caught:
        ws.version("latest")
    assert "resumetool import FILE" in caught.value.one_line()
    assert ws.latest_version() is None


def test_a_hand_made_folder_is_skipped_with_a_warning_and_never_reused(ws, resume):
    (ws.resumes_dir / "v1").mkdir()
    warnings: list[str] = []
    ws2 = Workspace(ws.root, on_warning=warnings.append)
    assert ws2.versions() == []
    assert warnings and "not a resumetool version" in warnings[0]
    assert ws2.add_version(resume, reason="x").label == "v2"


def test_long_lineage_is_cut_in_the_middle(ws, resume):
    for n in range(7):
        ws.add_version(resume, reason="r", parent=n or None)
    by_number = {v.number: v for v in ws.versions()}
    assert lineage_text(by_number[7], by_number) == "v7 ← v6 ← v5 ← v4 ← … ← v1"


def test_a_tampered_meta_file_names_the_file(ws, resume):
    version = ws.add_version(resume, reason="x")
    meta = version.path / META_FILE
    meta.chmod(0o644)
    meta.write_text("schema: 1\nversion: banana\n")
    with pytest.raises(InputError) as caught:
        ws.versions()
    assert str(meta) in caught.value.one_line() and "version" in caught.value.one_line()


# -- immutability -----------------------------------------------------------------------


def test_writing_over_version_data_is_refused(ws, resume, tmp_path):
    source = tmp_path / "cv.pdf"
    source.write_bytes(b"%PDF-1.7 original")
    version = ws.add_version(resume, reason="x", source=source)
    for name in (RESUME_FILE, META_FILE, "source.pdf"):
        with pytest.raises(UsageError, match="never changes"):
            check_not_version_data(version.path / name, ws.resumes_dir)
    check_not_version_data(version.path / "resume.pdf", ws.resumes_dir)
    check_not_version_data(tmp_path / "meta.yaml", ws.resumes_dir)


def test_writing_a_new_version_leaves_the_old_ones_byte_for_byte(ws, resume):
    first = ws.add_version(resume, reason="x")
    before = {p.name: p.read_bytes() for p in first.path.iterdir()}
    changed = resume.model_copy(update={"basics": resume.basics.model_copy(update={"name": "B"})})
    ws.add_version(changed, reason="y", parent=1)
    assert {p.name: p.read_bytes() for p in first.path.iterdir()} == before


def test_a_resumes_folder_that_cannot_be_written_is_one_clear_error(ws, resume):
    ws.resumes_dir.rmdir()
    ws.resumes_dir.write_text("not a folder")  # fails for every user, root included
    with pytest.raises(WorkspaceError, match="cannot write a new version") as caught:
        ws.add_version(resume, reason="x")
    assert "nothing was written" in caught.value.one_line()


# -- resolving --------------------------------------------------------------------------


def test_resolve_reads_refs_version_folders_and_files(ws, resume, tmp_path, monkeypatch):
    ws.add_version(resume, reason="x")
    loaded, label = ws.resolve_resume("latest")
    assert label == "v1" and loaded.basics.name == "Ada Example"
    assert ws.resolve_resume(ws.resumes_dir / "v1")[1] == "v1"
    path = tmp_path / "other.json"
    path.write_text('{"basics": {"name": "Someone Else"}}')
    loaded, label = ws.resolve_resume(str(path))
    assert (loaded.basics.name, label) == ("Someone Else", str(path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v1").write_text('{"basics": {"name": "A file named v1"}}')
    assert ws.resolve_resume("v1")[0].basics.name == "A file named v1"


def test_resolve_outside_a_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="names a version"):
        resolve_resume("v2", None)
    with pytest.raises(InputError, match="no such file"):
        resolve_resume(str(tmp_path / "missing.pdf"), None)


# -- importing --------------------------------------------------------------------------


def test_importing_a_broken_file_writes_nothing(ws, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(InputError):
        import_resume(ws, bad)
    assert [p.name for p in ws.resumes_dir.iterdir() if not p.name.startswith(".")] == []
    assert not list(ws.resumes_dir.glob(f"{TEMP_PREFIX}*"))


def test_importing_a_file_with_nothing_of_a_resume_is_refused(ws, tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("{}")
    with pytest.raises(InputError, match="nothing of a resume"):
        import_resume(ws, empty)
    assert ws.versions() == []


def test_summary_line_counts_what_was_found(resume):
    assert summary_line(resume) == "Ada Example — 1 role, 2 bullets, 1 skill group"


def test_a_version_folder_renders_into_itself_even_outside_its_workspace(ws, resume, tmp_path):
    from resumetool.versions import render_destination

    version = ws.add_version(resume, reason="a")
    loaded, out, stem = render_destination(str(version.path), None, ["pdf"], None)
    assert loaded.basics.name == "Ada Example"
    assert (out, stem) == (version.path, "resume")


def test_rendering_over_a_version_s_own_data_is_refused(ws, resume):
    from resumetool.versions import render_destination

    version = ws.add_version(resume, reason="a")
    with pytest.raises(UsageError, match="never changes"):
        render_destination("v1", version.path / META_FILE, ["md"], ws)


# -- concurrency and crashes: real processes ---------------------------------------------

RACER = """
import pathlib, sys, time
from resumetool.model import Resume
from resumetool.versions import write_version
root, name = pathlib.Path(sys.argv[1]), sys.argv[2]
(root / f"ready-{name}").touch()
while not (root / "go").exists():
    time.sleep(0.0005)
version = write_version(root / "resumes", Resume.model_validate({"basics": {"name": name}}),
                        reason=name)
print(version.label)
"""


def test_concurrent_writers_get_distinct_complete_versions(tmp_path: Path):
    names = [f"writer{n}" for n in range(3)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(tmp_path), name], stdout=subprocess.PIPE, text=True
        )
        for name in names
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in names):
        assert time.monotonic() < deadline, "writers did not start"
        time.sleep(0.01)
    (tmp_path / "go").touch()
    labels = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sorted(labels) == ["v1", "v2", "v3"]
    versions = list_versions(tmp_path / "resumes")
    assert sorted(v.resume().basics.name for v in versions) == sorted(names)
    assert {v.meta.reason: v.label for v in versions} == dict(zip(names, labels, strict=True))


KILLER = """
import os, pathlib, signal, sys
import resumetool.versions as V
from resumetool.model import Resume
resumes, point = pathlib.Path(sys.argv[1]), sys.argv[2]
source = resumes.parent / "cv.txt"
source.write_text("Ada\\n" * 1000)

def die():
    os.kill(os.getpid(), signal.SIGKILL)

real_write, real_fsync, real_rename = V._write_file, V.fsync_dir, os.rename

def write(path, data):
    if path.name.startswith(point):
        with open(path, "wb") as handle:  # half a file, then death
            handle.write(data[: len(data) // 2])
        die()
    real_write(path, data)

def rename(a, b):
    if point == "rename":
        die()
    real_rename(a, b)

def fsync(folder):
    if point == "published" and folder == resumes:
        die()
    real_fsync(folder)

V._write_file, V.fsync_dir, os.rename = write, fsync, rename
V.write_version(resumes, Resume.model_validate({"basics": {"name": "Ada"}}), reason="x",
                source=source)
"""


@pytest.mark.parametrize(
    ("point", "published"),
    [("source", False), ("resume", False), ("meta", False), ("rename", False), ("published", True)],
)
def test_sigkill_while_writing_leaves_whole_versions_only(tmp_path: Path, point, published):
    ws = init_workspace(tmp_path / "ws")
    result = subprocess.run([sys.executable, "-c", KILLER, str(ws.resumes_dir), point])
    assert result.returncode == -signal.SIGKILL
    folders = [p for p in ws.resumes_dir.iterdir() if p.name.startswith("v")]
    assert [p.name for p in folders] == (["v1"] if published else [])
    assert all(complete(p) for p in folders)
    assert ws.versions() == [] if not published else [v.label for v in ws.versions()] == ["v1"]
    assert bool(list(ws.resumes_dir.glob(f"{TEMP_PREFIX}*"))) is not published
    after = ws.add_version(Resume.model_validate(RESUME), reason="next")
    assert after.label == ("v2" if published else "v1")
    assert not list(ws.resumes_dir.glob(f"{TEMP_PREFIX}*")), "the crashed writer's temp is gone"


LOOPER = """
import pathlib, sys
from resumetool.model import Resume
from resumetool.versions import write_version
resumes = pathlib.Path(sys.argv[1])
resume = Resume.model_validate({"basics": {"name": "Ada"}, "work": [{"name": "A",
    "highlights": ["line %d" % n for n in range(40)]}]})
print("ready", flush=True)
while True:
    write_version(resumes, resume, reason="loop")
"""


def test_sigkill_from_the_parent_at_random_moments(tmp_path: Path):
    import random

    ws = init_workspace(tmp_path / "ws")
    rng = random.Random(6)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", LOOPER, str(ws.resumes_dir)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for version in ws.versions():
            assert len(version.resume().work[0].highlights) == 40
    numbers = [v.number for v in ws.versions()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert find_version(ws.versions(), "latest").number == len(numbers)


# -- the same resume twice ----------------------------------------------------------------


def test_identical_version_compares_what_a_reader_sees_not_the_ids(ws, resume):
    first = ws.add_version(resume, reason="first")
    renamed = Resume.model_validate({**RESUME, "work": [{**RESUME["work"][0], "id": "work-other"}]})
    assert (
        renamed.to_json_resume()["work"][0]["id"]
        != first.resume().to_json_resume()["work"][0]["id"]
    )
    assert identical_version(ws.versions(), renamed).label == "v1"
    edited = resume.model_copy(deep=True)
    edited.work[0].highlights.reverse()  # the same lines in another order are another resume
    assert identical_version(ws.versions(), edited) is None
    second = ws.add_version(edited, reason="reordered")
    assert identical_version(ws.versions(), edited).label == second.label


def test_import_returns_the_identical_version_and_writes_nothing(ws, tmp_path):
    import json

    path = tmp_path / "resume.json"
    path.write_text(json.dumps(RESUME), encoding="utf-8")
    stored = import_resume(ws, path)
    assert stored.written and stored.version.label == "v1"
    again = import_resume(ws, path)
    assert not again.written and again.version.label == "v1"
    assert [v.label for v in ws.versions()] == ["v1"]
    forced = import_resume(ws, path, force=True)
    assert forced.written and forced.version.label == "v2"
