"""A plain (non-editable) install renders too: the wheel carries templates/ and the fonts.

Builds the wheel from a copy of the source (so no build/ folder lands in the checkout),
unpacks it, and renders from the unpacked copy in a fresh interpreter. pip builds in an
isolated environment, which fetches setuptools from the package index (as `pip install`
does); about 4 s.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "resumetool", "templates")


def test_the_wheel_ships_the_templates_and_renders_from_them(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(wheels)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("resumetool-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for design in ("classic", "modern"):
        for filename in ("resume.typ.j2", "resume.docx", "resume.md.j2", "resume.html.j2"):
            assert f"resumetool/templates/{design}/{filename}" in names
    assert "resumetool/data/fonts/Caladea-Regular.ttf" in names
    assert "resumetool/data/fonts/LICENSES/Carlito-OFL.txt" in names
    assert not any(n.endswith("build_docx_templates.py") for n in names)

    script = (
        "import json, sys\n"
        "from resumetool import render\n"
        "from resumetool.model import Resume\n"
        "resume = Resume.from_json_resume({'basics': {'name': 'Installed Render'}})\n"
        "paths = render.render_resume(resume, 'modern', 'pdf,docx', sys.argv[1])\n"
        "print(json.dumps([str(render.builtin_templates_dir()), str(render.fonts_dir()),"
        " [str(p) for p in paths]]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    import json

    templates, fonts, paths = json.loads(run.stdout)
    assert Path(templates) == tmp_path / "site" / "resumetool" / "templates"
    assert Path(fonts) == tmp_path / "site" / "resumetool" / "data" / "fonts"
    assert [Path(p).name for p in paths] == ["resume.pdf", "resume.docx"]
    assert Path(paths[0]).read_bytes().startswith(b"%PDF-")
