"""Benchmark `resumetool analyze`: start-up against spaCy's floor, the warm call, scale, memory.

    python bench/analyze_bench.py [--runs 5]

Prints, in one run:
- cold: the whole `resumetool analyze` process on a two-page resume with 50 interviews in a
  temporary workspace, against the floor — a process that only imports spaCy and builds the
  blank English pipeline with the lookup lemmatizer (target ratio ≤ 1.25);
- warm: the library call once everything is loaded (target ≤ 25 ms);
- scale: 1,000 interviews × 100 resume versions through ``analyze_many`` (target ≤ 3 s),
  with smaller sizes to show the cost grows linearly;
- peak RSS of the cold process and of this process after the scale run (target ≤ 300 MB);
- the taxonomy load: every YAML file parsed vs. the cached JSON index.

Numbers on a shared 2-core machine are noisy: medians of several runs are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR_CODE = (
    "import spacy\n"
    "nlp = spacy.blank('en')\n"
    "nlp.add_pipe('lemmatizer', config={'mode': 'lookup'})\n"
    "nlp.initialize()\n"
)

ROLES = [
    ("Northwind Platforms", "Staff Engineer", "2022-03", None),
    ("Contoso Retail", "Senior Engineer", "2019-01", "2022-02"),
    ("Fabrikam Health", "Software Engineer", "2016-06", "2018-12"),
    ("Tailspin Travel", "Developer", "2013-09", "2016-05"),
    ("Litware Labs", "Junior Developer", "2011-07", "2013-08"),
]
VERBS = ["Built", "Led", "Designed", "Cut", "Migrated", "Automated", "Owned", "Scaled"]
OBJECTS = [
    "the order pipeline",
    "a billing service",
    "the on-call rotation",
    "release tooling",
    "a metrics layer",
    "the partner API",
    "search ranking",
    "the data warehouse",
]


def skill_pool(count: int) -> list[str]:
    from resumetool.skills import load_taxonomy

    names = sorted(s.name for s in load_taxonomy())
    random.Random(7).shuffle(names)
    return names[:count]


def two_page_resume(skills: list[str], variant: int = 0) -> dict:
    """About two pages: five roles of five or six bullets, projects, education, skills."""
    rnd = random.Random(variant)
    work = []
    for i, (company, title, start, end) in enumerate(ROLES):
        bullets = []
        for j in range(6 if i < 2 else 5):
            skill = skills[(i * 7 + j * 3 + variant) % len(skills)]
            bullets.append(
                f"{VERBS[(i + j) % len(VERBS)]} {OBJECTS[(i * 3 + j) % len(OBJECTS)]} with "
                f"{skill}, serving {rnd.randint(10, 900)} customers and cutting cost by "
                f"{rnd.randint(5, 40)}%."
            )
        rnd.shuffle(bullets)
        role = {"name": company, "position": title, "startDate": start, "highlights": bullets}
        if end:
            role["endDate"] = end
        work.append(role)
    return {
        "basics": {
            "name": "Bench Person",
            "label": "Staff Software Engineer",
            "summary": (
                f"Engineer with twelve years building payment and retail systems in "
                f"{skills[variant % len(skills)]} and {skills[(variant + 5) % len(skills)]}; "
                "known for calm incident response and mentoring."
            ),
        },
        "work": work,
        "projects": [
            {"name": "Open-source queue", "highlights": [f"Maintainer; written in {skills[3]}."]},
            {"name": "Conference talk", "description": f"Talk on {skills[9]} at scale."},
        ],
        "education": [{"institution": "State University", "area": "Computer Science"}],
        "certificates": [{"name": f"{skills[11]} certification", "issuer": "Vendor"}],
        "skills": [
            {"name": "Core", "keywords": skills[:12]},
            {"name": "Also", "keywords": skills[12:24]},
        ],
    }


def interviews(count: int, skills: list[str]) -> list:
    from resumetool.interview import Interview

    rnd = random.Random(count)
    start = dt.date(2026, 1, 5)
    out = []
    for n in range(count):
        asked = rnd.sample(skills, 4)
        out.append(
            Interview(
                id=f"iv-{n:04d}",
                company=f"Company {n % 97}",
                role="Engineer",
                date=start + dt.timedelta(days=n * 300 // max(count, 1)),
                interest=rnd.randint(1, 5),
                stage=rnd.choice(["screen", "technical", "onsite"]),
                outcome=rnd.choice(["pending", "rejected"]),
                asked=asked,
                questions=[
                    f"How have you used {asked[0]} in production?",
                    "Tell me about a conflict.",
                ],
                feedback=f"Solid, but wanted deeper {asked[1]} experience.",
                pros=["clear stories", "good rapport"],
                cons=[f"vague on {asked[2]}", "rushed the design", "no metrics"],
            )
        )
    return out


def timed_process(args: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KB) of one child process (started from a small launcher,
    see common.run_process, so the RSS is its own and not this process's)."""
    from common import run_process

    elapsed, rss_mb = run_process(args, cwd=cwd)
    return elapsed, int(rss_mb * 1024)


def resumetool_command() -> list[str]:
    script = Path(sys.executable).with_name("resumetool")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from resumetool.cli import main; main()"]


def bench_cold(folder: Path, runs: int, skills: list[str]) -> tuple[float, float, int]:
    """Median cold time of `resumetool analyze`, of the floor, and the tool's peak RSS (KB)."""
    from resumetool.workspace import init_workspace

    ws = init_workspace(folder / "ws")
    for iv in interviews(50, skills[:40]):
        ws.add_interview(iv.model_copy(update={"id": None}))
    resume = folder / "resume.json"
    resume.write_text(json.dumps(two_page_resume(skills)), "utf-8")
    command = [*resumetool_command(), "analyze", str(resume), "--format", "json"]
    floor_times, tool_times, tool_rss = [], [], 0
    timed_process(command, ws.root)  # fills the taxonomy cache, as any earlier run would
    for _ in range(runs):
        floor_times.append(timed_process([sys.executable, "-c", FLOOR_CODE], ws.root)[0])
        elapsed, rss = timed_process(command, ws.root)
        tool_times.append(elapsed)
        tool_rss = max(tool_rss, rss)
    floor, tool = statistics.median(floor_times), statistics.median(tool_times)
    print(f"cold   floor (import spaCy + blank + lemmatizer) median {floor:6.3f} s")
    print(f"cold   resumetool analyze, 2-page resume, 50 interviews {tool:6.3f} s")
    verdict = "ok" if tool / floor <= 1.25 else "OVER"
    print(f"cold   ratio {tool / floor:.2f}  (target ≤ 1.25: {verdict})")
    return tool, floor, tool_rss


def bench_warm(folder: Path, skills: list[str]) -> float:
    """Median ms of the warm library call."""
    from resumetool.analyze import analyze, read_resume
    from resumetool.skills import load_taxonomy
    from resumetool.workspace import Workspace

    ws = Workspace.find(explicit=folder / "ws")
    start = time.perf_counter()
    ivs = ws.interviews()
    read_ms = (time.perf_counter() - start) * 1000
    resume = read_resume(folder / "resume.json")
    taxonomy = load_taxonomy(ws.settings().skills)
    analyze(resume, taxonomy=taxonomy, interviews=ivs)
    times = []
    for _ in range(30):
        start = time.perf_counter()
        result = analyze(resume, taxonomy=taxonomy, interviews=ivs)
        times.append(time.perf_counter() - start)
    ms = statistics.median(times) * 1000
    verdict = "ok" if ms <= 25 else "OVER"
    print(
        f"warm   analyze(), {len(result.skills)} skills, 50 interviews: median {ms:.1f} ms "
        f"(target ≤ 25 ms: {verdict})"
    )
    print(f"       (reading the 50 interview files once, in the warm process: {read_ms:.0f} ms)")
    return ms


def bench_scale(skills: list[str]) -> tuple[float, float]:
    """Seconds for 1,000 interviews × 100 versions, and per-unit cost largest / smallest."""
    from resumetool.analyze import analyze_many
    from resumetool.model import Resume
    from resumetool.skills import load_taxonomy

    taxonomy = load_taxonomy()
    pool = skills[:150]
    sizes = [(125, 12), (250, 25), (500, 50), (1000, 100)]
    rows = []
    analyze_many(  # warm-up: patterns for the pool's skills, built once per process
        [("v0", Resume.model_validate(two_page_resume(pool)))],
        taxonomy=taxonomy,
        interviews=interviews(40, pool),
    )
    for n_interviews, n_versions in sizes:
        ivs = interviews(n_interviews, pool)
        versions = [
            (f"v{k + 1}", Resume.model_validate(two_page_resume(pool, variant=k)))
            for k in range(n_versions)
        ]
        start = time.perf_counter()
        results = analyze_many(versions, taxonomy=taxonomy, interviews=ivs)
        elapsed = time.perf_counter() - start
        rows.append((n_interviews, n_versions, elapsed, len(results[0].skills)))
    print("scale  interviews × versions   time     per unit (interview + version)")
    for n_i, n_v, elapsed, n_skills in rows:
        unit = elapsed / (n_i + n_v) * 1000
        print(f"scale  {n_i:5d} × {n_v:3d} ({n_skills:3d} skills) {elapsed:6.3f} s  {unit:6.2f} ms")
    last = rows[-1][2]
    print(f"scale  1,000 × 100: {last:.3f} s (target ≤ 3 s: {'ok' if last <= 3 else 'OVER'})")
    units = [elapsed / (n_i + n_v) for n_i, n_v, elapsed, _ in rows]
    print(
        f"scale  per-unit cost, largest / smallest size: {units[-1] / units[0]:.2f} (≈1 = linear)"
    )
    return last, units[-1] / units[0]


def bench_taxonomy() -> None:
    from resumetool.skills import load_base_skills, taxonomy_files

    files = taxonomy_files()
    start = time.perf_counter()
    skills = load_base_skills(use_cache=False)
    parsed = time.perf_counter() - start
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); from resumetool.skills import load_base_skills;"
            " load_base_skills(); print(time.perf_counter() - t)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(
        f"taxonomy {len(skills)} skills in {len(files)} files: YAML parse {parsed * 1000:.0f} ms, "
        f"cached index (fresh process, with import) {float(out.stdout) * 1000:.0f} ms"
    )


def measure(runs: int = 5) -> list:
    """The analyze figures for bench/run.py: cold against the floor, and warm."""
    from common import Figure

    skills = skill_pool(200)
    with tempfile.TemporaryDirectory(prefix="analyze-bench-") as tmp:
        folder = Path(tmp)
        tool, floor, rss = bench_cold(folder, runs, skills)
        warm_ms = bench_warm(folder, skills)
    return [
        Figure(
            "analyze",
            "analyze cold: 2-page resume, 50 interviews (whole process)",
            tool,
            "s",
            "import spaCy + blank English + lemmatizer",
            floor,
            limit=1.25,
            on_ratio=True,
            rss_mb=rss / 1024,
        ),
        Figure("analyze", "analyze warm (library call)", warm_ms, "ms", limit=25),
    ]


def measure_scale() -> list:
    """The scale figures for bench/run.py (run in a process of their own, for its RSS)."""
    from common import Figure, peak_rss_mb

    seconds, growth = bench_scale(skill_pool(200))
    rss = peak_rss_mb()
    return [
        Figure(
            "scale",
            "analyze 1,000 interviews × 100 versions",
            seconds,
            "s",
            limit=3,
            rss_mb=rss,
        ),
        Figure(
            "scale",
            "cost per unit, largest run ÷ smallest (linear ≈ 1)",
            growth,
            "×",
            limit=1.5,
            rss_mb=rss,
        ),
    ]


def main() -> None:
    from common import as_installed

    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    skills = skill_pool(200)
    with tempfile.TemporaryDirectory(prefix="analyze-bench-") as tmp:
        folder = Path(tmp)
        _, _, cold_rss = bench_cold(folder, runs, skills)
        bench_warm(folder, skills)
    bench_scale(skills)
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_ok = "ok" if max(cold_rss, own_rss) <= 300 * 1024 else "OVER"
    print(
        f"memory peak RSS: cold process {cold_rss / 1024:.0f} MB, this process after the scale "
        f"run {own_rss / 1024:.0f} MB (target ≤ 300 MB: {peak_ok})"
    )
    bench_taxonomy()


if __name__ == "__main__":
    main()
