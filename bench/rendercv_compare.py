"""`resumetool render` against `rendercv render`: the same resume content, whole processes.

Why this comparison: RenderCV is the Python résumé renderer people use (YAML → Jinja →
Typst → PDF, as here), so it is the natural peer for "how long does a render take".

RenderCV is installed only in the benchmark's own environment, never in resumetool's:
``bench/.venv-rendercv`` is made on first use (``pip install rendercv``); an existing one
named by ``$RESUMETOOL_BENCH_RENDERCV_VENV``, or ``../heldout/.venv-rendercv``, is reused.

Fairness: both render one PDF from the same content (tests/data/render/full.json, converted
to RenderCV's input format by ``to_rendercv``; RenderCV's Markdown, HTML and PNG outputs
are switched off) in a fresh process, alternately. RenderCV asks PyPI for a newer version
on every run; both tools run with network lookups refused (fail-fast, as on a machine
without network), so its time is its own work and not a round trip to PyPI.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, run_process

OWN_VENV = ROOT / "bench" / ".venv-rendercv"
KNOWN_VENVS = (OWN_VENV, ROOT.parent / "heldout" / ".venv-rendercv")
OFFLINE_SITE = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("network lookups are refused during the benchmark")
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
"""
PROFILES = {"LinkedIn", "GitHub", "GitLab", "Mastodon", "ORCID", "StackOverflow", "YouTube", "X"}


def rendercv_executable(create: bool = True) -> Path | None:
    """The ``rendercv`` script of the benchmark's environment, made on first use."""
    named = os.environ.get("RESUMETOOL_BENCH_RENDERCV_VENV")
    for venv in ([Path(named)] if named else []) + list(KNOWN_VENVS):
        script = venv / "bin" / "rendercv"
        if script.exists():
            return script
    if not create:
        return None
    print(f"making {OWN_VENV} with RenderCV (first run only)…", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(OWN_VENV)], check=True)
        pip = OWN_VENV / "bin" / "pip"
        subprocess.run([str(pip), "install", "--quiet", "rendercv"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"could not install RenderCV: {exc}", file=sys.stderr)
        return None
    script = OWN_VENV / "bin" / "rendercv"
    return script if script.exists() else None


def _date(value: Any) -> str | None:
    return str(value) if value else None


def _experience(entry: dict[str, Any], org_key: str) -> dict[str, Any]:
    out: dict[str, Any] = {"company": entry.get(org_key), "position": entry.get("position")}
    if entry.get("location"):
        out["location"] = entry["location"]
    if entry.get("startDate"):
        out["start_date"] = _date(entry["startDate"])
        out["end_date"] = _date(entry.get("endDate")) or "present"
    if entry.get("description") or entry.get("summary"):
        out["summary"] = entry.get("description") or entry.get("summary")
    if entry.get("highlights"):
        out["highlights"] = list(entry["highlights"])
    return out


def to_rendercv(data: dict[str, Any]) -> dict[str, Any]:
    """A JSON Resume document as RenderCV input (cv + design), section by section."""
    basics = data.get("basics", {})
    cv: dict[str, Any] = {"name": basics.get("name")}
    location = basics.get("location") or {}
    place = ", ".join(p for p in (location.get("city"), location.get("region")) if p)
    if place:
        cv["location"] = place
    for key in ("email", "phone"):
        if basics.get(key):
            cv[key] = basics[key]
    if basics.get("url"):
        cv["website"] = basics["url"]
    networks = [
        {"network": p["network"], "username": p["username"]}
        for p in basics.get("profiles", [])
        if p.get("network") in PROFILES and p.get("username")
    ]
    if networks:
        cv["social_networks"] = networks
    sections: dict[str, Any] = {}
    if basics.get("summary"):
        sections["summary"] = [p.strip() for p in basics["summary"].split("\n\n") if p.strip()]
    if data.get("work"):
        sections["experience"] = [_experience(e, "name") for e in data["work"]]
    if data.get("volunteer"):
        sections["volunteer"] = [_experience(e, "organization") for e in data["volunteer"]]
    if data.get("education"):
        sections["education"] = []
        for e in data["education"]:
            entry = {"institution": e["institution"], "area": e.get("area") or ""}
            if e.get("studyType"):
                entry["degree"] = e["studyType"]
            for key, target in (("startDate", "start_date"), ("endDate", "end_date")):
                if e.get(key):
                    entry[target] = _date(e[key])
            lines = [f"Score: {e['score']}"] if e.get("score") else []
            lines += [", ".join(e["courses"])] if e.get("courses") else []
            if lines:
                entry["highlights"] = lines
            sections["education"].append(entry)
    if data.get("projects"):
        sections["projects"] = [
            {
                "name": p["name"],
                **({"date": _date(p["startDate"])} if p.get("startDate") else {}),
                **({"summary": p["description"]} if p.get("description") else {}),
                "highlights": list(p.get("highlights", [])),
            }
            for p in data["projects"]
        ]
    if data.get("skills"):
        sections["skills"] = [
            {"label": g.get("name") or "Skills", "details": ", ".join(g.get("keywords", []))}
            for g in data["skills"]
        ]
    for key, title in (("certificates", "name"), ("awards", "title")):
        if data.get(key):
            sections[key] = [
                {
                    "name": item[title],
                    **({"date": _date(item["date"])} if item.get("date") else {}),
                    **(
                        {"summary": item.get("issuer") or item.get("awarder")}
                        if item.get("issuer") or item.get("awarder")
                        else {}
                    ),
                }
                for item in data[key]
            ]
    if data.get("publications"):
        sections["publications"] = [
            {
                "title": p["name"],
                "authors": [basics.get("name")],
                **({"date": _date(p["releaseDate"])} if p.get("releaseDate") else {}),
                **({"journal": p["publisher"]} if p.get("publisher") else {}),
                **({"url": p["url"]} if p.get("url") else {}),
            }
            for p in data["publications"]
        ]
    if data.get("languages"):
        sections["languages"] = [
            {"label": item.get("language"), "details": item.get("fluency") or ""}
            for item in data["languages"]
        ]
    if data.get("interests"):
        sections["interests"] = [
            {"label": item["name"], "details": ", ".join(item.get("keywords", []))}
            for item in data["interests"]
        ]
    if data.get("references"):
        sections["references"] = [r.get("reference") or r.get("name") for r in data["references"]]
    cv["sections"] = sections
    return {"cv": cv, "design": {"theme": "classic"}}


def compare(sample: Path, runs: int) -> dict[str, float] | None:
    """Median whole-process seconds and peak RSS (MB) of both renders, or None without
    RenderCV."""
    rendercv = rendercv_executable()
    if rendercv is None:
        return None
    from common import resumetool_command

    from resumetool.files import dump_yaml

    data = json.loads(sample.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="rendercv-bench-") as tmp:
        folder = Path(tmp)
        site = folder / "offline-site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(OFFLINE_SITE, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
        (folder / "cv.yaml").write_text(dump_yaml(to_rendercv(data)), encoding="utf-8")
        ours = [*resumetool_command(), "render", str(sample), "--to", "pdf", "-o", str(folder)]
        theirs = [str(rendercv), "render", "cv.yaml", "-nomd", "-nohtml", "-nopng"]
        run_process(ours, cwd=folder, env=env)
        run_process(theirs, cwd=folder, env=env)
        assert list(folder.glob("rendercv_output/*.pdf")), "RenderCV made no PDF"
        times: dict[str, list[float]] = {"ours": [], "theirs": []}
        rss = {"ours": 0.0, "theirs": 0.0}
        for _ in range(runs):
            for side, argv in (("ours", ours), ("theirs", theirs)):
                elapsed, peak = run_process(argv, cwd=folder, env=env)
                times[side].append(elapsed)
                rss[side] = max(rss[side], peak)
    return {
        "ours": statistics.median(times["ours"]),
        "theirs": statistics.median(times["theirs"]),
        "ours_rss": rss["ours"],
        "theirs_rss": rss["theirs"],
    }
