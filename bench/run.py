"""Run every benchmark and print one table: each figure beside its floor or peer.

    python bench/run.py [--repeat N] [--only parse analyze scale render roundtrip]
                        [--markdown bench/RESULTS.md]

Groups (each in a fresh process of its own, so its peak memory is its own):
- parse: bench/parse_bench.py — PDF and DOCX parse against pdfplumber/python-docx, and
  `resumetool --help` against `python -c "import click"`;
- analyze: bench/analyze_bench.py — cold `resumetool analyze` against importing spaCy with
  its blank pipeline and lemmatizer, and the warm library call;
- scale: bench/analyze_bench.py — 1,000 interviews × 100 versions, and how the cost grows;
- render: bench/render_bench.py — a warm render, and `resumetool render` against
  `rendercv render` (bench/rendercv_compare.py) on the same content;
- roundtrip: bench/render_bench.py — every ground-truth resume in ../shared rendered with
  every design to PDF and DOCX and parsed back, scored by ../shared/eval/parse_score.py.
bench/README.md says how to read the table.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, as_installed

GROUPS = ("parse", "analyze", "scale", "render", "roundtrip")
RSS_LIMIT_MB = 300.0


def measure_group(group: str, repeat: int) -> list[Figure]:
    """Run one group's benchmarks in this process (bench/run.py --child GROUP)."""
    if group == "parse":
        import parse_bench

        return parse_bench.measure(repeat=repeat)
    if group == "analyze":
        import analyze_bench

        return analyze_bench.measure(runs=repeat)
    if group == "scale":
        import analyze_bench

        return analyze_bench.measure_scale()
    if group == "render":
        import render_bench

        return render_bench.measure(runs=repeat)
    if group == "roundtrip":
        import render_bench

        return render_bench.measure_roundtrip()
    raise SystemExit(f"unknown group {group!r}; choose from {', '.join(GROUPS)}")


def run_child(group: str, repeat: int) -> list[Figure]:
    """One group in a fresh process; figures without their own RSS get the process's."""
    argv = [sys.executable, __file__, "--child", group, "--repeat", str(repeat)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the {group} benchmarks failed (see above)")
    figures = [Figure(**row) for row in json.loads(output.strip().splitlines()[-1])]
    for figure in figures:
        if figure.rss_mb is None:
            figure.rss_mb = usage.ru_maxrss / 1024
    return figures


def memory_figure(figures: list[Figure]) -> Figure:
    measured = [f for f in figures if f.rss_mb is not None and f.group != "render"]
    worst = max(measured, key=lambda f: f.rss_mb or 0.0)
    return Figure(
        "memory",
        f"peak RSS, largest process ({worst.group}: {worst.name.split(' (')[0]})",
        worst.rss_mb or 0.0,
        "MB",
        limit=RSS_LIMIT_MB,
        rss_mb=worst.rss_mb,
    )


# -- the table ------------------------------------------------------------------------------


def _number(value: float | None, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:.{digits}f} {unit}".strip()


def rows(figures: list[Figure]) -> list[list[str]]:
    out = []
    for f in figures:
        peer = f"{f.peer_name} {_number(f.peer, f.unit)}" if f.peer_name else "—"
        if f.peer_name and f.peer is None:
            peer = f.peer_name
        result = {True: "pass", False: "FAIL", None: "—"}[f.ok]
        out.append(
            [
                f.name,
                _number(f.value, f.unit),
                peer,
                _number(f.ratio) if f.ratio is not None else "—",
                f.target,
                result,
                _number(f.rss_mb, "MB"),
            ]
        )
    return out


HEADER = ["benchmark", "ours", "floor or peer (same run)", "ratio", "target", "result", "peak RSS"]


def text_table(figures: list[Figure]) -> str:
    body = rows(figures)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(HEADER, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(figures: list[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows(figures):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    uname = " ".join(platform.uname()).strip()
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        uname = subprocess.run(
            ["uname", "-a"], capture_output=True, text=True, check=True
        ).stdout.strip()
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "uname": uname,
        "cpu": f"{cpu} ({os.cpu_count()} logical CPUs)",
        "python": sys.version.split()[0],
        "load": load,
    }


def write_markdown(path: Path, figures: list[Figure], before: dict, after: dict, repeat: int):
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Measured {before['date']} with `python bench/run.py --repeat {repeat}`"
            " (bench/README.md says how to read it).",
            "",
            f"- machine: `{before['uname']}`",
            f"- CPU: {before['cpu']}",
            f"- Python {before['python']}",
            f"- load average (1, 5, 15 min) before: {before['load']}; after: {after['load']}",
            "",
            markdown_table(figures),
            "",
            *(["Notes:", "", *notes, ""] if notes else []),
        ]
    )
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (medians)")
    parser.add_argument("--only", nargs="+", choices=GROUPS, help="run only these groups")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--child", choices=GROUPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with contextlib.redirect_stdout(sys.stderr):  # details to stderr, figures to stdout
            figures = measure_group(args.child, args.repeat)
        print(json.dumps([f.to_json() for f in figures]))
        return 0
    as_installed()
    before = machine()
    print(f"resumetool benchmarks — {before['date']}, {before['cpu']}, Python {before['python']}")
    print(f"load average before: {before['load']} (a busy machine makes every figure noisy)\n")
    figures: list[Figure] = []
    for group in args.only or GROUPS:
        print(f"== {group}", file=sys.stderr, flush=True)
        figures += run_child(group, args.repeat)
    figures.append(memory_figure(figures))
    after = machine()
    print()
    print(text_table(figures))
    for figure in figures:
        if figure.note:
            print(f"  note — {figure.name}: {figure.note}")
    print(f"\nload average after: {after['load']}")
    if args.markdown:
        write_markdown(args.markdown, figures, before, after, args.repeat)
        print(f"wrote {args.markdown}")
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
