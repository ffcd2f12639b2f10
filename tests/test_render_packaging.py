"""A plain (non-editable) install renders too: the wheel carries templates/ and the fonts.

Uses the session's wheel (tests/conftest.py) and renders from the unpacked copy in a
fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_wheel_ships_the_templates_and_renders_from_them(wheel, tmp_path):
    names = wheel.names
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
        env={"PYTHONPATH": str(wheel.site), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    import json

    templates, fonts, paths = json.loads(run.stdout)
    assert Path(templates) == wheel.site / "resumetool" / "templates"
    assert Path(fonts) == wheel.site / "resumetool" / "data" / "fonts"
    assert [Path(p).name for p in paths] == ["resume.pdf", "resume.docx"]
    assert Path(paths[0]).read_bytes().startswith(b"%PDF-")
