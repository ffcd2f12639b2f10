"""Seed files and byte mutations for the fuzz tests (tests/test_fuzz.py).

Why built here rather than read from the shared fixtures: CI runs from a fresh clone with
only the repository, so the seeds are made in the test session — Word files with
python-docx and the project's own docxtpl templates, PDFs with Typst (the project's own
designs and hand-written layouts), text, Markdown, JSON Resume as JSON and YAML, and the
workspace's YAML files — and then broken the ways files really break: cut short, bits
flipped, zip entries lost or mangled, PDF objects and cross-reference tables cut.
Everything is seeded, so a failing case is named by (seed file, mutation, number) and
comes back the same on every run.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parse_builders import (
    RESUME_MARKDOWN,
    RESUME_TEXT,
    resume_typst,
    sidebar_typst,
    write_docx,
    write_pdf,
)

JSON_RESUME = {
    "basics": {
        "name": "Priya Raman",
        "label": "Data Engineer",
        "email": "priya.raman@example.com",
        "phone": "(303) 555-0199",
        "summary": "Data engineer who turns slow reports into reliable pipelines.",
        "location": {"city": "Denver", "region": "CO"},
        "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/priyaraman"}],
    },
    "work": [
        {
            "name": "Lumen Analytics",
            "position": "Staff Data Engineer",
            "startDate": "2020-03",
            "highlights": [
                "Led the move of forty nightly batch jobs to streaming pipelines",
                "Ran sprint planning and retrospectives for two teams",
            ],
        },
        {
            "name": "Harbor Freight Logistics",
            "position": "Data Analyst",
            "startDate": "2016-06",
            "endDate": "2020-02",
            "highlights": ["Automated weekly carrier scorecards in SQL and Python"],
        },
    ],
    "education": [{"institution": "Front Range University", "area": "Statistics"}],
    "skills": [{"name": "Languages", "keywords": ["Python", "SQL", "Scala"]}],
}

INTERVIEW_YAML = """\
schema: 1
company: Acme Corp
role: Program Manager
date: 2026-11-20
interest: 2            # 1 (practice) … 5 (dream job)
stage: onsite
outcome: rejected
asked: [Scrum, stakeholder management, risk management]
questions:
  - How do you run sprint planning with a distributed team?
feedback: "Strong communication; wanted deeper Scrum experience."
pros: [clear STAR stories, good rapport, asked sharp questions]
cons: [vague on metrics, rushed the system design, no Scrum examples]
notes: free text
"""

COMPANIES_YAML = """\
schema: 1
companies:
  - name: Acme Corp
    interest: 2
    status: applied
  - name: Beta Labs   # the one I want
    interest: 5
    status: target
    date: 2026-12-03
"""

SETTINGS_TOML = """\
name = "Priya Raman"
email = "priya@example.com"
template = "classic"

[[skills]]
name = "Airflow DAGs"
aliases = ["DAG authoring"]
evidence = ["scheduled pipelines"]
"""


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str
    """'resume' (parse/analyze/import), 'interview', 'companies' or 'settings'."""
    suffix: str
    data: bytes


def build_seeds(folder: Path) -> list[Seed]:
    """Every seed file, real and whole, made with the libraries people's files come from."""
    from resumetool import render
    from resumetool.model import Resume

    folder.mkdir(parents=True, exist_ok=True)
    seeds: list[Seed] = []
    resume = Resume.from_json_resume(JSON_RESUME)
    for design in ("classic", "modern"):
        found = render.find_design(design)
        (pdf,) = render.render_bytes(resume, found, "pdf")
        seeds.append(Seed(f"render-{design}.pdf", "resume", ".pdf", pdf))
        (docx,) = render.render_bytes(resume, found, "docx")
        seeds.append(Seed(f"render-{design}.docx", "resume", ".docx", docx))
    for name, source in (("typst-layout", resume_typst()), ("typst-sidebar", sidebar_typst())):
        path = write_pdf(source, folder / f"{name}.pdf")
        seeds.append(Seed(path.name, "resume", ".pdf", path.read_bytes()))
    for layout in ("styles", "table", "plain"):
        path = write_docx(folder / f"docx-{layout}.docx", layout=layout)
        seeds.append(Seed(path.name, "resume", ".docx", path.read_bytes()))
    seeds.append(Seed("resume.txt", "resume", ".txt", RESUME_TEXT.encode()))
    seeds.append(Seed("resume.md", "resume", ".md", RESUME_MARKDOWN.encode()))
    seeds.append(Seed("resume.json", "resume", ".json", json.dumps(JSON_RESUME).encode()))
    from resumetool.files import dump_yaml

    seeds.append(Seed("resume.yaml", "resume", ".yaml", dump_yaml(JSON_RESUME).encode()))
    seeds.append(Seed("interview.yaml", "interview", ".yaml", INTERVIEW_YAML.encode()))
    seeds.append(Seed("companies.yaml", "companies", ".yaml", COMPANIES_YAML.encode()))
    seeds.append(Seed("resumetool.toml", "settings", ".toml", SETTINGS_TOML.encode()))
    return seeds


# -- mutations --------------------------------------------------------------------------

Mutation = Callable[[bytes, random.Random], bytes]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite_run(data: bytes, rng: random.Random) -> bytes:
    """A run of random bytes written over the middle (a bad disk sector, a bad download)."""
    start = rng.randrange(len(data))
    length = rng.randint(1, 512)
    return data[:start] + rng.randbytes(length) + data[start + length :]


def splice_text(data: bytes, rng: random.Random) -> bytes:
    """Characters that trip text handling: NUL, BOMs, bidi marks, lone surrogates' bytes."""
    pieces = [
        b"\x00",
        b"\xef\xbb\xbf",
        "\u202e\u200f\u200b\u00a0\t".encode(),
        b"\xed\xa0\x80",
        b"\xff\xfe",
        "𝓗𝓮𝓵𝓵𝓸 😀 名前 اسم".encode(),
        b"\r\r\n\x0c\x1b[31m",
        b"- \n* \n1.\n#\n---\n",
        b"%PDF-1.7\n",
        b"PK\x03\x04",
    ]
    out = data
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(pieces) + out[at:]
    return out


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip with each entry passed through ``change`` (None drops the entry)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return buffer.getvalue()


def zip_drop_entry(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    victim = rng.choice(names)
    return _rezip(data, lambda name, content: None if name == victim else content)


def zip_mangle_entry(data: bytes, rng: random.Random) -> bytes:
    """One XML part cut short or bit-flipped inside an otherwise valid zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
    victim = rng.choice(names)
    mutate = rng.choice([truncate, flip_bits, overwrite_run, splice_text])

    def change(name: str, content: bytes) -> bytes:
        return mutate(content, rng) if name == victim and content else content

    return _rezip(data, change)


_OBJECT = re.compile(rb"\d+ \d+ obj\b.*?endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def pdf_cut_object(data: bytes, rng: random.Random) -> bytes:
    """One whole ``N 0 obj … endobj`` removed (or its middle), the xref left pointing at it."""
    spans = [m.span() for m in _OBJECT.finditer(data)]
    if not spans:
        return truncate(data, rng)
    start, end = rng.choice(spans)
    if rng.random() < 0.5:
        return data[:start] + data[end:]
    middle = (start + end) // 2
    return data[:middle] + data[end:]


def pdf_cut_xref(data: bytes, rng: random.Random) -> bytes:
    """The cross-reference table or the trailer gone, or startxref pointing elsewhere."""
    choice = rng.randrange(3)
    if choice == 0 and b"xref" in data:
        return data[: data.rfind(b"xref")]
    if choice == 1 and b"trailer" in data:
        at = data.rfind(b"trailer")
        return data[:at] + data[at + 7 :]
    return re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(99999)).encode(), data)


def pdf_corrupt_stream(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped inside one compressed stream (content, fonts, object streams)."""
    spans = [m.span(1) for m in _STREAM.finditer(data)]
    if not spans:
        return flip_bits(data, rng)
    start, end = rng.choice(spans)
    if end - start < 2:
        return flip_bits(data, rng)
    return data[:start] + flip_bits(data[start:end], rng) + data[end:]


def yaml_scramble(data: bytes, rng: random.Random) -> bytes:
    """A line of a YAML/TOML file given a wrong value, a bad indent, or repeated."""
    lines = data.decode("utf-8", "replace").splitlines()
    index = rng.randrange(len(lines))
    wrong = [
        "[1, 2",
        "{a: b}",
        "- x",
        "null",
        "99999999999999999999",
        "2026-02-30",
        "!!python/object:os.system ls",
        "&a [*a]",
        "*undefined",
        '"unterminated',
        "yes",
        "[[[[[[[[[[]]]]]]]]]]",
        "{" * 50,
        "|\n  block",
        "-1",
        "true",
        "''",
    ]
    line = lines[index]
    action = rng.randrange(4)
    if action == 0 and ":" in line:
        key = line.split(":", 1)[0]
        lines[index] = f"{key}: {rng.choice(wrong)}"
    elif action == 1:
        lines[index] = " " * rng.randint(1, 5) + line
    elif action == 2:
        lines.insert(index, line)
    else:
        lines[index] = rng.choice(wrong)
    return ("\n".join(lines) + "\n").encode()


MUTATIONS: dict[str, list[Mutation]] = {
    ".pdf": [truncate, flip_bits, overwrite_run, pdf_cut_object, pdf_cut_xref, pdf_corrupt_stream],
    ".docx": [truncate, flip_bits, overwrite_run, zip_drop_entry, zip_mangle_entry],
    ".txt": [truncate, flip_bits, splice_text, overwrite_run],
    ".md": [truncate, flip_bits, splice_text],
    ".json": [truncate, flip_bits, splice_text],
    ".yaml": [truncate, flip_bits, splice_text, yaml_scramble, yaml_scramble],
    ".toml": [truncate, flip_bits, splice_text, yaml_scramble],
}


@dataclass(frozen=True)
class Case:
    seed: Seed
    mutation: str
    number: int
    data: bytes

    @property
    def name(self) -> str:
        return f"{Path(self.seed.name).stem}-{self.mutation}-{self.number}{self.seed.suffix}"


def cases(seeds: list[Seed], per_seed: int, *, salt: int = 0) -> list[Case]:
    """``per_seed`` mutated files per seed, the mutations taken in turn, seeded by name."""
    out = []
    for seed in seeds:
        mutations = MUTATIONS[seed.suffix]
        for number in range(per_seed):
            mutation = mutations[number % len(mutations)]
            rng = random.Random(f"{salt}:{seed.name}:{number}")
            out.append(Case(seed, mutation.__name__, number, mutation(seed.data, rng)))
    return out
