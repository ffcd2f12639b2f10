"""Benchmark rendering: warm time per format, the whole `resumetool render` process, round trip.

    python bench/render_bench.py [--runs 7] [--roundtrip-only] [--scorer-cli]

Prints, in one run:
- warm: one render in an already-warm process (Jinja environment and Typst fonts cached),
  per design and format, on tests/data/render/full.json (two pages, every section);
- cold: the whole `resumetool render FILE --to pdf` process, against the floor of a
  process that only imports click, jinja2, pydantic and typst and typesets an empty page;
- RenderCV: `rendercv render` on the same content, whole process (bench/rendercv_compare.py;
  RenderCV is installed only in the benchmark's environment, bench/.venv-rendercv);
- round trip: every ground-truth resume in ../shared/fixtures/parse/GROUND rendered with
  every design to PDF and DOCX, parsed back with resumetool's parser and scored with
  ../shared/eval/parse_score.py (target ≥ 98 each). --scorer-cli also runs the scorer's own
  command line (`resumetool parse` in a subprocess per file) over the same files.

Numbers on a shared 2-core machine are noisy: medians of several runs are printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, as_installed, median_time

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "render" / "full.json"
SHARED = ROOT.parent / "shared"
GROUND = SHARED / "fixtures" / "parse" / "GROUND"
SCORER = SHARED / "eval" / "parse_score.py"
RESUMETOOL = Path(sys.executable).with_name("resumetool")
FLOOR_CODE = (
    "import click, jinja2, pydantic, typst\n"
    "typst.compile(b'', format='pdf', ignore_system_fonts=True)\n"
)
"""The floor: a process that imports what a render needs and typesets an empty page."""


def warm(runs: int) -> None:
    """Each timed render gets a slightly different resume: Typst memoizes, and an identical
    input would measure its cache instead of a render."""
    from resumetool import render
    from resumetool.model import Resume

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    variants = []
    for n in range(runs + 1):
        data["basics"]["summary"] = f"Variant {n}. " + data["basics"]["summary"]
        variants.append(Resume.from_json_resume(data))
    print(f"warm render of {SAMPLE.relative_to(ROOT)} (median of {runs}, ms)")
    print(f"  {'design':8} " + " ".join(f"{fmt:>7}" for fmt in render.FORMATS))
    for name in ("classic", "modern"):
        design = render.find_design(name)
        cells = []
        for fmt in render.FORMATS:
            render.render_bytes(variants[0], design, fmt)  # warm-up: environment, fonts
            times = []
            for resume in variants[1:]:
                start = time.perf_counter()
                render.render_bytes(resume, design, fmt)
                times.append(time.perf_counter() - start)
            cells.append(f"{statistics.median(times) * 1000:7.1f}")
        print(f"  {name:8} " + " ".join(cells))


def cold(runs: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        command = [str(RESUMETOOL), "render", str(SAMPLE), "--to", "pdf", "-o", folder]
        subprocess.run(command, check=True, capture_output=True)
        ours = median_time(lambda: subprocess.run(command, check=True, capture_output=True), runs)
    floor_command = [sys.executable, "-c", FLOOR_CODE]
    floor = median_time(lambda: subprocess.run(floor_command, check=True), runs)
    print(f"\ncold: `resumetool render --to pdf` whole process (median of {runs})")
    print(f"  resumetool render   {ours * 1000:7.0f} ms")
    print(f"  floor (imports)     {floor * 1000:7.0f} ms   ratio {ours / floor:.2f}")
    return ours


def compare_with_rendercv(ours: float, runs: int) -> dict | None:
    """`rendercv render` on the same content (both whole processes, timed alternately)."""
    from rendercv_compare import compare

    result = compare(SAMPLE, runs)
    if result is None:
        print("  rendercv render      not measured (RenderCV could not be installed)")
        return None
    verdict = "faster" if result["ours"] < result["theirs"] else "SLOWER"
    print(
        f"  resumetool render   {result['ours'] * 1000:7.0f} ms   (alternating with RenderCV)\n"
        f"  rendercv render     {result['theirs'] * 1000:7.0f} ms   resumetool {verdict}: "
        f"ratio {result['ours'] / result['theirs']:.2f}"
    )
    return result


def _scorer():
    spec = importlib.util.spec_from_file_location("parse_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def roundtrip(scorer_cli: bool) -> list[tuple[str, str, float]]:
    """(design, format, score) for every ground-truth resume; [] without the shared files."""
    from resumetool import render
    from resumetool.model import Resume
    from resumetool.structure import load_resume

    if not GROUND.is_dir() or not SCORER.is_file():
        print(f"\nround trip: skipped ({GROUND} or {SCORER} missing)")
        return []
    scorer = _scorer()
    print("\nround trip: render → parse back → parse_score (target ≥ 98 each)")
    print(f"  {'resume':18} {'design':8} {'format':6} {'score':>6}  below 1.0")
    scores = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        (out / "GROUND").mkdir()
        for truth_path in sorted(GROUND.glob("*.json")):
            shutil.copy(truth_path, out / "GROUND" / truth_path.name)
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            resume = Resume.from_json_resume(truth)
            for name in ("classic", "modern"):
                for fmt in ("pdf", "docx"):
                    stem = f"{truth_path.stem}__resumetool-{name}"
                    (path,) = render.render_resume(resume, name, fmt, out, stem=stem)
                    parsed = load_resume(path).to_json_resume()
                    total, components, *_ = scorer.score_doc(truth, parsed)
                    weak = {
                        k: round(v, 2) for k, v in components.items() if v is not None and v < 1
                    }
                    scores.append((name, fmt, total))
                    print(f"  {truth_path.stem:18} {name:8} {fmt:6} {total:6.1f}  {weak or ''}")
        values = [score for _, _, score in scores]
        print(
            f"  mean {statistics.mean(values):.1f}, min {min(values):.1f} over {len(values)} files"
        )
        if scorer_cli:
            command = [sys.executable, str(SCORER), folder]
            command += ["--cmd", f"{RESUMETOOL} parse {{file}} --format json"]
            result = subprocess.run(command, capture_output=True, text=True)
            print("  scorer CLI: " + (result.stdout.strip().splitlines() or ["(no output)"])[-1])
    return scores


def main() -> int:

    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--roundtrip-only", action="store_true")
    parser.add_argument("--scorer-cli", action="store_true")
    args = parser.parse_args()
    if not args.roundtrip_only:
        warm(args.runs)
        ours = cold(max(3, args.runs // 2))
        compare_with_rendercv(ours, max(3, args.runs // 2))
    scores = roundtrip(args.scorer_cli)
    return 0 if all(score >= 98 for _, _, score in scores) else 1


def measure(runs: int = 5) -> list:
    """The render figures for bench/run.py: warm PDF, and the whole process vs RenderCV."""

    from resumetool import render
    from resumetool.model import Resume

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    design = render.find_design("classic")
    variants = []
    for n in range(runs + 1):
        data["basics"]["summary"] = f"Variant {n}. " + data["basics"]["summary"]
        variants.append(Resume.from_json_resume(data))
    render.render_bytes(variants[0], design, "pdf")
    warm = []
    for resume in variants[1:]:
        start = time.perf_counter()
        render.render_bytes(resume, design, "pdf")
        warm.append(time.perf_counter() - start)
    figures = [
        Figure(
            "render",
            "render PDF, 2 pages (warm library call)",
            statistics.median(warm) * 1000,
            "ms",
        )
    ]
    result = compare_with_rendercv(0.0, runs)
    if result is None:
        figures.append(
            Figure(
                "render",
                "render PDF (whole process)",
                float("nan"),
                "s",
                "rendercv render: not installed",
                note="RenderCV could not be installed",
            )
        )
    else:
        figures.append(
            Figure(
                "render",
                "resumetool render → PDF, same content (whole process)",
                result["ours"],
                "s",
                "rendercv render (RenderCV 2.x)",
                result["theirs"],
                limit=1.0,
                on_ratio=True,
                rss_mb=result["ours_rss"],
                note=f"RenderCV peak RSS {result['theirs_rss']:.0f} MB",
            )
        )
    return figures


def measure_roundtrip() -> list:
    """The lowest round-trip score per design and format (target ≥ 98 each)."""

    scores = roundtrip(scorer_cli=False)
    if not scores:
        return [
            Figure(
                "round trip",
                f"round trip: skipped, {GROUND} or {SCORER} is absent",
                float("nan"),
                "",
            )
        ]
    figures = []
    for design in sorted({d for d, _, _ in scores}):
        for fmt in ("pdf", "docx"):
            mine = [score for d, f, score in scores if (d, f) == (design, fmt)]
            figures.append(
                Figure(
                    "round trip",
                    f"round trip {design} {fmt.upper()}: lowest of {len(mine)} resumes",
                    min(mine),
                    "/100",
                    limit=98,
                    better="higher",
                    note=f"mean {statistics.mean(mine):.1f}",
                )
            )
    return figures


if __name__ == "__main__":
    sys.exit(main())
