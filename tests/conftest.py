"""Shared fixtures: a click runner and paths to the repository's own files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-testdata",
        action="store_true",
        help="Rewrite reference files under tests/data from the current output; review the diff.",
    )
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        help="Fuzz with thousands of mutated files instead of ~550 (minutes, not seconds);"
        " RESUMETOOL_FUZZ_LONG=1 does the same.",
    )


@pytest.fixture
def update_testdata(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-testdata"))


class Wheel:
    """A wheel built from a copy of the source, unpacked: what `pip install .` would ship."""

    def __init__(self, names: set[str], site: Path):
        self.names = names
        self.site = site


WHEEL_SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
WHEEL_FOLDERS = ("resumetool", "templates", "examples")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Wheel:
    """Built once per session (~3 s): pip's isolated build fetches setuptools as
    `pip install` does. The copy keeps build/ out of the checkout."""
    import shutil
    import subprocess
    import sys
    import zipfile

    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in WHEEL_SOURCES:
        shutil.copy2(ROOT / name, source / name)
    for name in WHEEL_FOLDERS:
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", "wheels"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (built,) = (root / "wheels").glob("resumetool-*.whl")
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
        archive.extractall(root / "site")
    return Wheel(names, root / "site")
