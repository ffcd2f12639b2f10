"""`resumetool render` and `resumetool templates` through the command line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from resumetool.cli import main

DATA = Path(__file__).parent / "data" / "render"


@pytest.fixture
def resume_json(tmp_path: Path) -> Path:
    path = tmp_path / "pat.json"
    shutil.copy(DATA / "full.json", path)
    return path


def pdf_fonts(path: Path) -> set[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return {c["fontname"].partition("+")[2].split("-")[0] for c in pdf.pages[0].chars}


def test_render_writes_each_format_beside_the_file(runner, resume_json):
    result = runner.invoke(main, ["render", str(resume_json), "--to", "pdf,docx,md,html"])
    assert result.exit_code == 0, result.output
    folder = resume_json.parent
    for ext in ("pdf", "docx", "md", "html"):
        assert (folder / f"pat.{ext}").stat().st_size > 0
        assert f"pat.{ext}" in result.stdout
    assert "Caladea" in pdf_fonts(folder / "pat.pdf")


def test_render_yaml_with_a_template_to_a_named_file(runner, tmp_path, resume_json):
    from resumetool.files import dump_yaml

    source = tmp_path / "cv.yaml"
    source.write_text(dump_yaml(json.loads(resume_json.read_text())), encoding="utf-8")
    out = tmp_path / "out" / "final.pdf"
    result = runner.invoke(main, ["render", str(source), "-t", "modern", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Carlito" in pdf_fonts(out)


def test_png_writes_one_file_per_page(runner, resume_json, tmp_path):
    result = runner.invoke(
        main, ["render", str(resume_json), "--to", "png", "-o", str(tmp_path / "png")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["pat-1.png", "pat-2.png"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "pdf,doc"], "unknown output format 'doc'"),
        (["-t", "fancy"], "unknown template 'fancy' — available: classic, modern"),
        (["--to", "pdf,md", "-o", "x.pdf"], "names one file, but 2 formats were asked"),
    ],
)
def test_usage_errors_are_one_line_exit_2(runner, resume_json, args, message):
    result = runner.invoke(main, ["render", str(resume_json), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_file_is_a_usage_error(runner):
    result = runner.invoke(main, ["render"])
    assert result.exit_code == 2
    assert "give the resume file to render" in result.stderr


def test_bad_input_files_are_one_line(runner, tmp_path):
    missing = runner.invoke(main, ["render", str(tmp_path / "none.json")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"basics": {"name": "x",}}')
    result = runner.invoke(main, ["render", str(broken)])
    assert result.exit_code == 1
    assert str(broken) in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"work": [{"name": "A", "startDate": "last spring"}]}')
    result = runner.invoke(main, ["render", str(invalid)])
    assert result.exit_code == 1 and "work.0.startDate" in result.stderr


def test_rendering_never_overwrites_the_input(runner, tmp_path, resume_json):
    source = tmp_path / "cv.md"
    source.write_text("# CV\n")
    result = runner.invoke(main, ["render", str(source), "--to", "md"])
    assert result.exit_code == 2
    assert "would overwrite the input" in result.stderr
    assert source.read_text() == "# CV\n"


def test_an_unwritable_output_is_one_line_and_leaves_nothing(runner, tmp_path, resume_json):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = runner.invoke(main, ["render", str(resume_json), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert "cannot write the file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "pat.json"]


def test_templates_lists_the_builtin_designs(runner):
    result = runner.invoke(main, ["templates"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["template", "from", "formats"]
    assert lines[1].startswith("classic*") and "built-in" in lines[1]
    assert lines[2].startswith("modern ") and "pdf,docx,md,html,png" in lines[2]
    with_paths = runner.invoke(main, ["templates", "--paths"])
    assert "templates/classic" in with_paths.stdout


@pytest.fixture
def workspace(runner, tmp_path) -> Path:
    pytest.importorskip("resumetool.workspace")
    root = tmp_path / "ws"
    assert runner.invoke(main, ["init", str(root), "--name", "Pat"]).exit_code == 0
    return root


def test_a_workspace_design_overrides_and_adds_by_name(runner, workspace, resume_json):
    custom = workspace / "templates"
    (custom / "classic").mkdir(parents=True)
    (custom / "classic" / "resume.md.j2").write_text("MINE {{ basics.name }}\n")
    (custom / "plain").mkdir()
    (custom / "plain" / "template.yaml").write_text("name: plain\ndescription: Just text.\n")
    (custom / "plain" / "resume.md.j2").write_text("{{ basics.label }}\n")

    listing = runner.invoke(main, ["--workspace", str(workspace), "templates"])
    rows = {line.split()[0]: line for line in listing.stdout.splitlines()[1:]}
    assert "custom, overrides built-in" in rows["classic*"]
    assert "custom" in rows["plain"] and "Just text." in rows["plain"]

    out = workspace / "out"
    args = ["--workspace", str(workspace), "render", str(resume_json), "--to", "md", "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    assert (out / "pat.md").read_text() == "MINE Priya Raman-Okafor\n"
    assert runner.invoke(main, [*args, "-t", "plain"]).exit_code == 0
    assert (out / "pat.md").read_text() == "Program Manager, Platform Delivery\n"

    pdf = runner.invoke(main, [*args[:-4], "--to", "pdf", "-t", "plain", "-o", str(out)])
    assert pdf.exit_code == 1 and "has no resume.typ.j2" in pdf.stderr


def test_the_workspace_default_template_is_used(runner, workspace, resume_json):
    settings = workspace / "resumetool.toml"
    settings.write_text(settings.read_text().replace('template = "classic"', 'template = "modern"'))
    out = workspace / "out.pdf"
    result = runner.invoke(main, ["-w", str(workspace), "render", str(resume_json), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Carlito" in pdf_fonts(out)


def test_a_broken_workspace_template_names_file_and_line(runner, workspace, resume_json):
    (workspace / "templates" / "classic").mkdir(parents=True)
    template = workspace / "templates" / "classic" / "resume.md.j2"
    template.write_text("# {{ basics.name }}\n{% for job in work %}\n{{ job.position }\n")
    result = runner.invoke(
        main, ["-w", str(workspace), "render", str(resume_json), "--to", "md", "-o", str(workspace)]
    )
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and "syntax error" in line
    assert f"{template.resolve()}:3" in line or f"{template}:3" in line
    assert not (workspace / "pat.md").exists()


def test_render_then_read_the_docx_back(runner, resume_json, tmp_path):
    import docx

    out = tmp_path / "cv.docx"
    assert (
        runner.invoke(main, ["render", str(resume_json), "--to", "docx", "-o", str(out)]).exit_code
        == 0
    )
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "Priya Raman-Okafor"
    assert document.core_properties.title == "Priya Raman-Okafor – Resume"
