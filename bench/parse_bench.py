"""Parse benchmark: our parser against the raw library floor, and the CLI's start-up.

usage: python bench/parse_bench.py [FIXTURE_DIR] [--repeat N]

Prints, in one run over the fixture folder (default ../shared/fixtures/parse; without it,
resumes rendered here from tests/data and tests/parse_builders.py):
- ms per page for PDFs and ms per document for DOCX and text, for ``load_resume``;
- the ratio of ``load_resume`` to the floor — for a PDF, pdfplumber opening it and calling
  ``extract_words(extra_attrs=["fontname", "size"])`` once per page; for a DOCX,
  python-docx opening it and reading every paragraph's and every table cell's text —
  targets: PDF ≤ 1.3, DOCX ≤ 2.0;
- ``resumetool --help`` as a whole process against ``python -c "import click"`` — target
  ≤ 1.5.
Each timing is the median of N runs after a warm-up (imports and caches loaded); ours and
the floor are timed one after the other, file by file, so both see the same machine.
``measure()`` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SHARED, Figure, interleaved, resumetool_command

DEFAULT_DIR = SHARED / "fixtures" / "parse"
TARGETS = {"pdf": 1.3, "docx": 2.0}
HELP_TARGET = 1.5


def median_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdf_floor(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
        return len(pdf.pages)


def docx_floor(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        _ = paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def sample_files(folder: Path) -> list[Path]:
    """Resumes to parse when the shared fixtures are absent (a fresh clone): the bundled
    example, the render test resume in both designs as PDF and DOCX, and the parser tests'
    hand-built Word and Typst layouts."""
    import json

    sys.path.insert(0, str(ROOT / "tests"))
    from parse_builders import resume_typst, sidebar_typst, write_docx, write_pdf

    from resumetool.model import Resume
    from resumetool.render import render_resume

    data = json.loads((ROOT / "tests" / "data" / "render" / "full.json").read_text("utf-8"))
    resume = Resume.from_json_resume(data)
    files = []
    for design in ("classic", "modern"):
        files += render_resume(resume, design, ("pdf", "docx"), folder, stem=f"full-{design}")
    for layout in ("styles", "table", "plain"):
        files.append(write_docx(folder / f"builder-{layout}.docx", layout=layout))
    files.append(write_pdf(resume_typst(), folder / "builder-layout.pdf"))
    files.append(write_pdf(sidebar_typst(), folder / "builder-sidebar.pdf"))
    for example in ("resume.docx", "resume.pdf"):
        if (ROOT / "examples" / example).is_file():
            files.append(ROOT / "examples" / example)
    return files


def fixture_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in (".pdf", ".docx", ".txt", ".md") and p.stem.lower() != "readme"
    )


def measure_files(files: list[Path], repeat: int, show: bool = False) -> dict[str, dict]:
    """Per format: total seconds for ours and for the floor, pages and files."""
    from resumetool.structure import load_resume

    totals: dict[str, dict] = {}
    if show:
        print(f"{'file':48} {'pages':>5} {'ours ms':>9} {'floor ms':>9} {'ratio':>6}")
    for path in files:
        kind = path.suffix.lower().lstrip(".")
        load_resume(path)  # warm-up: imports, word lists, YAML data
        floor_work = {"pdf": pdf_floor, "docx": docx_floor}.get(kind)
        pages = pdf_floor(path) if kind == "pdf" else 1
        if floor_work is not None:
            floor_work(path)
        ours_times, floor_times = [], []
        for _ in range(repeat):  # interleaved: both sides see the same machine
            ours_times.append(median_of(1, lambda p=path: load_resume(p)))
            if floor_work is not None:
                floor_times.append(median_of(1, lambda p=path, w=floor_work: w(p)))
        ours = statistics.median(ours_times)
        floor = statistics.median(floor_times) if floor_times else None
        bucket = totals.setdefault(kind, {"ours": 0.0, "floor": 0.0, "pages": 0, "files": 0})
        bucket["ours"] += ours
        bucket["floor"] += floor or 0.0
        bucket["pages"] += pages
        bucket["files"] += 1
        if show:
            ratio = f"{ours / floor:6.2f}" if floor else "     -"
            floor_ms = f"{floor * 1000:9.1f}" if floor else "        -"
            print(f"{path.name[:48]:48} {pages:5d} {ours * 1000:9.1f} {floor_ms} {ratio}")
    return totals


def measure_help(repeat: int) -> Figure:
    help_s, click_s, rss = interleaved(
        [*resumetool_command(), "--help"], [sys.executable, "-c", "import click"], repeat * 2
    )
    return Figure(
        "parse",
        "resumetool --help (whole process)",
        help_s * 1000,
        "ms",
        'python -c "import click"',
        click_s * 1000,
        limit=HELP_TARGET,
        on_ratio=True,
        rss_mb=rss,
    )


def measure(folder: Path | None = None, repeat: int = 5, show: bool = False) -> list[Figure]:
    """The parse figures: PDF and DOCX against their floors, and --help against click."""
    folder = folder or DEFAULT_DIR
    with tempfile.TemporaryDirectory(prefix="parse-bench-") as tmp:
        if folder.is_dir():
            files = fixture_files(folder)
            source = f"files: the {len(files)} resumes in {os.path.relpath(folder, ROOT)}"
        else:
            files = sample_files(Path(tmp))
            source = f"{len(files)} sample files ({folder} is absent)"
        totals = measure_files(files, repeat, show=show)
    figures = []
    for kind in ("pdf", "docx"):
        bucket = totals.get(kind)
        if not bucket or not bucket["floor"]:
            continue
        unit_count = bucket["pages"] if kind == "pdf" else bucket["files"]
        unit = "ms/page" if kind == "pdf" else "ms/file"
        peer = "pdfplumber extract_words" if kind == "pdf" else "python-docx paragraphs+cells"
        figures.append(
            Figure(
                "parse",
                f"parse {kind.upper()} (load_resume; {bucket['files']} files)",
                bucket["ours"] * 1000 / unit_count,
                unit,
                peer,
                bucket["floor"] * 1000 / unit_count,
                limit=TARGETS[kind],
                on_ratio=True,
                note=source,
            )
        )
    figures.append(measure_help(repeat))
    return figures


def main() -> None:
    from common import as_installed

    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    figures = measure(args.folder, args.repeat, show=True)
    print()
    for figure in figures:
        ratio = f"{figure.ratio:.2f}" if figure.ratio else "-"
        verdict = {True: "ok", False: "OVER", None: ""}[figure.ok]
        print(
            f"{figure.name}: {figure.value:.1f} {figure.unit} vs {figure.peer_name} "
            f"{figure.peer or 0:.1f} {figure.unit}: ratio {ratio} (target {figure.target}) "
            f"{verdict}"
        )


if __name__ == "__main__":
    main()
