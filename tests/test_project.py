"""Project-level promises: fast --help, the README's commands, CI running them."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

HEAVY = ("spacy", "pdfplumber", "typst", "docx", "docxtpl", "pydantic", "rich")


def test_help_and_version_import_no_heavy_module():
    code = (
        "import sys\n"
        "from resumetool.cli import main\n"
        "for args in (['--help'], ['--version']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pytest" in readme
    assert "python -m pytest" in ci
    assert "ruff check" in ci
