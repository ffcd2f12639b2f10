"""Parse benchmark: our parser against the raw library floor, and the CLI's start-up.

usage: python bench/parse_bench.py [FIXTURE_DIR] [--repeat N]

Prints, in one run over the fixture folder (default ../shared/fixtures/parse):
- ms per page for PDFs and ms per document for DOCX and text, for ``load_resume``;
- the ratio of ``load_resume`` to the floor — for a PDF, pdfplumber opening it and calling
  ``extract_words(extra_attrs=["fontname", "size"])`` once per page; for a DOCX,
  python-docx opening it and reading every paragraph's and every table cell's text —
  targets: PDF ≤ 1.3, DOCX ≤ 2.0;
- ``resumetool --help`` as a whole process against ``python -c "import click"`` — target
  ≤ 1.5.
Each timing is the best of N runs after a warm-up (imports and caches loaded), since the
machine is shared and the minimum is the least noisy estimate of the work itself.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "fixtures" / "parse"


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


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


def process_time(argv: list[str], repeat: int) -> float:
    return best_of(repeat, lambda: subprocess.run(argv, check=True, capture_output=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from resumetool.structure import load_resume

    files = sorted(
        p
        for p in args.folder.iterdir()
        if p.suffix.lower() in (".pdf", ".docx", ".txt", ".md") and p.stem.lower() != "readme"
    )
    if not files:
        sys.exit(f"no resume files in {args.folder}")
    totals: dict[str, dict[str, float]] = {}
    print(f"{'file':48} {'pages':>5} {'ours ms':>9} {'floor ms':>9} {'ratio':>6}")
    for path in files:
        kind = path.suffix.lower().lstrip(".")
        load_resume(path)  # warm-up: imports, word lists, YAML data
        ours = best_of(args.repeat, lambda p=path: load_resume(p))
        pages = 1
        floor = None
        if kind == "pdf":
            pages = pdf_floor(path)
            floor = best_of(args.repeat, lambda p=path: pdf_floor(p))
        elif kind == "docx":
            docx_floor(path)
            floor = best_of(args.repeat, lambda p=path: docx_floor(p))
        bucket = totals.setdefault(kind, {"ours": 0.0, "floor": 0.0, "pages": 0, "files": 0})
        bucket["ours"] += ours
        bucket["floor"] += floor or 0.0
        bucket["pages"] += pages
        bucket["files"] += 1
        ratio = f"{ours / floor:6.2f}" if floor else "     -"
        floor_ms = f"{floor * 1000:9.1f}" if floor else "        -"
        print(f"{path.name[:48]:48} {pages:5d} {ours * 1000:9.1f} {floor_ms} {ratio}")
    print()
    targets = {"pdf": 1.3, "docx": 2.0}
    for kind, bucket in sorted(totals.items()):
        unit = "page" if kind == "pdf" else "document"
        per = bucket["ours"] * 1000 / (bucket["pages"] if kind == "pdf" else bucket["files"])
        line = f"{kind:5} {per:7.1f} ms per {unit}"
        if bucket["floor"]:
            ratio = bucket["ours"] / bucket["floor"]
            verdict = "ok" if ratio <= targets[kind] else "OVER"
            line += f"   load_resume / floor = {ratio:.2f} (target ≤ {targets[kind]}) {verdict}"
        print(line)

    exe = Path(sys.executable)
    cli = (
        [str(exe.with_name("resumetool"))]
        if exe.with_name("resumetool").exists()
        else [str(exe), "-m", "resumetool.cli"]
    )
    process_time([str(exe), "-c", "import click"], 2)
    click_s = process_time([str(exe), "-c", "import click"], args.repeat * 2)
    help_s = process_time([*cli, "--help"], args.repeat * 2)
    ratio = help_s / click_s
    verdict = "ok" if ratio <= 1.5 else "OVER"
    print(
        f"--help {help_s * 1000:.0f} ms vs import click {click_s * 1000:.0f} ms: "
        f"ratio {ratio:.2f} (target ≤ 1.5) {verdict}"
    )


if __name__ == "__main__":
    main()
