"""Bad input at volume: hundreds of damaged files through the CLI, never a traceback.

Each mutated file (tests/fuzz_cases.py: real DOCX, PDF, text, JSON Resume and workspace
YAML/TOML files, cut short, bit-flipped, zip entries dropped or mangled, PDF objects and
xref tables cut) goes through the commands that read it, in this process (CliRunner, for
speed), under --quiet. Each run must end with exit status 0, 1 or 2; a failure prints
exactly one error line on stderr, a success none (warnings about a file's unknown keys
may come before either); never a
traceback, an "internal error", a log line from a library or a Python warning. A failed
`import` must leave the workspace as it was.

The default run makes ~550 files (seconds); `--fuzz-long` (or RESUMETOOL_FUZZ_LONG=1) makes
thousands with other seeds. The crashes the fuzzing found are kept below as small,
hand-built regression files, each named after its root cause.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fuzz_cases import (
    COMPANIES_YAML,
    INTERVIEW_YAML,
    JSON_RESUME,
    SETTINGS_TOML,
    Case,
    Seed,
    build_seeds,
    cases,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumetool.cli import main
from resumetool.workspace import Workspace, init_workspace

PER_SEED = 32
"""Mutated files per seed in the default run (17 seeds: ~550 files)."""
PER_SEED_LONG = 300
LONG_SALTS = (1, 2, 3)


@pytest.fixture(scope="session")
def long_run(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--fuzz-long") or os.environ.get("RESUMETOOL_FUZZ_LONG"))


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[Seed]:
    return build_seeds(tmp_path_factory.mktemp("fuzz-seeds"))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = init_workspace(tmp_path_factory.mktemp("fuzz-ws") / "ws", name="Priya Raman")
    (ws.root / "good.json").write_text(json.dumps(JSON_RESUME), encoding="utf-8")
    return ws


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def invoke(args: list[str]) -> tuple[Result, list[str]]:
    """Run the CLI; return the result and what a terminal would show on stderr.

    Beyond the captured stderr that is Python warnings and log records of WARNING and up
    that reach the root logger: in a real process (the CLI configures no logging) Python
    prints those on stderr, while under pytest its own handlers would swallow them.
    """
    records = _Records()
    logging.getLogger().addHandler(records)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = CliRunner().invoke(main, ["--quiet", *args])
    finally:
        logging.getLogger().removeHandler(records)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    lines += [f"warning: {w.category.__name__}: {w.message}" for w in caught]
    lines += [f"log: {r.name}: {r.getMessage()}" for r in records.records]
    return result, lines


def problem(result: Result, lines: list[str]) -> str | None:
    """What is wrong with how a run ended, or None when it ended as a user would want."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        return f"raised {type(exc).__name__}: {exc}"
    if result.exit_code not in (0, 1, 2):
        return f"exit status {result.exit_code}"
    if any("Traceback" in line or "internal error" in line for line in lines):
        return f"crash: {lines}"
    # Under --quiet, a warning about a file (an unknown key, kept) may precede the outcome.
    others = [line for line in lines if not line.startswith("resumetool: warning: ")]
    if result.exit_code == 0:
        return f"printed on stderr: {others[:4]}" if others else None
    if len(others) != 1:
        return f"{len(others)} error lines on stderr: {others[:4]}"
    if not others[0].startswith(("resumetool: ", "Error: ")):
        return f"unexpected stderr: {others[0]}"
    return None


def run_case(case: Case, folder: Path, workspace: Workspace, index: int) -> list[str]:
    """Every command that reads this kind of file, on this case; the problems found."""
    problems = []
    if case.seed.kind == "resume":
        path = folder / case.name
        path.write_bytes(case.data)
        commands = [["parse", str(path), "--format", "json"]]
        if index % 4 == 0:
            commands.append(["analyze", str(path), "--asked", "Scrum", "--format", "json"])
        if index % 8 == 0:
            commands.append(["-w", str(workspace.root), "import", str(path)])
        for args in commands:
            before = sorted(p.name for p in workspace.resumes_dir.iterdir())
            result, lines = invoke(args)
            if (why := problem(result, lines)) is not None:
                problems.append(f"{case.name}: {' '.join(args[:2])}: {why}")
            if args[-2] == "import":
                after = sorted(p.name for p in workspace.resumes_dir.iterdir())
                if result.exit_code != 0:  # a failed import leaves the workspace as it was
                    assert after == before, case.name
                for new in set(after) - set(before) - {".gitignore", ".lock"}:
                    shutil.rmtree(workspace.resumes_dir / new)  # keep the workspace small
        return problems
    target = {
        "interview": workspace.interviews_dir / "2026-11-20-acme-corp.yaml",
        "companies": workspace.companies_path,
        "settings": workspace.root / "resumetool.toml",
    }[case.seed.kind]
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(case.data)
    try:
        w = ["-w", str(workspace.root)]
        for args in (
            [*w, "interview", "list", "--format", "json"],
            [*w, "company", "list"],
            [*w, "plan", "--format", "json"],
            [*w, "analyze", str(workspace.root / "good.json"), "--format", "json"],
        ):
            result, lines = invoke(args)
            if (why := problem(result, lines)) is not None:
                problems.append(f"{case.name}: {' '.join(args[2:4])}: {why}")
        assert target.read_bytes() == case.data, "a reader rewrote a file it could not read"
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    return problems


def test_hundreds_of_damaged_files_end_cleanly(seeds, workspace, tmp_path, long_run):
    per_seed, salts = (PER_SEED_LONG, LONG_SALTS) if long_run else (PER_SEED, (0,))
    all_cases = [case for salt in salts for case in cases(seeds, per_seed, salt=salt)]
    assert len(all_cases) >= 500
    problems = []
    for index, case in enumerate(all_cases):
        problems += run_case(case, tmp_path, workspace, index)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


# -- random YAML (hypothesis) -----------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates().map(str),
    st.sampled_from(["2026-02-30", "2026-13-01", "Scrum", "onsite", "rejected", "yes", "~"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
INTERVIEW_KEYS = [
    "schema",
    "company",
    "role",
    "date",
    "interest",
    "stage",
    "outcome",
    "asked",
    "questions",
    "feedback",
    "pros",
    "cons",
    "notes",
]
INTERVIEWS = st.dictionaries(
    st.sampled_from(INTERVIEW_KEYS) | st.text(max_size=10), VALUES, max_size=10
)
YAML_TEXT = st.text(
    alphabet=st.sampled_from(list("abc: -[]{}#&*!|>'\"%@`,?\n\t 0123456789.~\\\u00a0é😀")),
    max_size=120,
)


def _yaml(data: object) -> bytes:
    from ruamel.yaml import YAML

    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buffer)
    return buffer.getvalue().encode()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=st.one_of(INTERVIEWS.map(_yaml), YAML_TEXT.map(str.encode)))
def test_random_yaml_interviews_and_companies_end_cleanly(tmp_path_factory, document: bytes):
    ws = init_workspace(tmp_path_factory.mktemp("yaml") / "ws")
    (ws.interviews_dir / "2026-11-20-acme.yaml").write_bytes(document)
    ws.companies_path.write_bytes(document)
    w = ["-w", str(ws.root)]
    for args in ([*w, "interview", "list"], [*w, "company", "list"], [*w, "plan"]):
        result, lines = invoke(args)
        assert problem(result, lines) is None, (args, document, result.output)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(min_size=1, max_size=400), suffix=st.sampled_from([".txt", ".pdf", ".docx"]))
def test_random_bytes_as_a_resume_end_cleanly(tmp_path_factory, data: bytes, suffix: str):
    path = tmp_path_factory.mktemp("bytes") / f"resume{suffix}"
    path.write_bytes(data)
    result, lines = invoke(["parse", str(path)])
    assert problem(result, lines) is None, (data, result.output)


# -- the crashes fuzzing found, kept as small regression files ---------------------------


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Priya Raman", level=0)
    document.add_heading("Experience", level=1)
    document.add_paragraph("Data Engineer, Lumen Analytics\tMar 2020 – Present")
    for line in ["Led the move to streaming pipelines"] * 30:
        document.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_entry(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()


def _damaged_deflate() -> bytes:
    """word/document.xml's compressed bytes overwritten: zlib.error while python-docx reads."""
    data = bytearray(_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    header = info.header_offset
    name_len = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_len = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_len + extra_len
    data[start] = 0x07  # the first deflate block header, made BTYPE 11, which does not exist
    return bytes(data)


def _garbled_zip_version() -> bytes:
    """'version needed to extract' in the central directory set to 14.8: NotImplementedError."""
    data = bytearray(_docx_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 6 : at + 8] = (148).to_bytes(2, "little")
    return bytes(data)


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
DOCX_REGRESSIONS = {
    "damaged deflate stream (zlib.error)": _damaged_deflate,
    "garbled zip version (NotImplementedError)": _garbled_zip_version,
    "content types of another XML vocabulary (AttributeError in python-docx)": lambda: (
        _replace_entry(_docx_bytes(), "[Content_Types].xml", b'<?xml version="1.0"?><foo/>')
    ),
    "relationship without a Target (TypeError in python-docx)": lambda: _replace_entry(
        _docx_bytes(),
        "_rels/.rels",
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="'
        + REL.encode()
        + b'"/></Relationships>',
    ),
}


@pytest.mark.parametrize("build", DOCX_REGRESSIONS.values(), ids=DOCX_REGRESSIONS.keys())
def test_damaged_word_files_are_one_clear_line(tmp_path, build):
    path = tmp_path / "resume.docx"
    path.write_bytes(build())
    result, lines = invoke(["parse", str(path)])
    assert result.exit_code == 1 and problem(result, lines) is None, lines
    assert lines[0].startswith(f"resumetool: {path}: ")
    assert "corrupt" in lines[0] and "save it again" in lines[0]


def _pdf(page_extra: bytes = b"", content: bytes | None = None, page_dict: bytes = b"") -> bytes:
    """A one-page PDF with real text, written by hand so each defect is exactly one thing."""
    text = b"BT /F1 12 Tf 72 720 Td (Priya Raman) Tj 0 -20 Td (Data Engineer) Tj ET"
    stream = content if content is not None else text
    filter_ = b" /Filter /FlateDecode" if content is not None else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page_dict
        or b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >>"
        + page_extra
        + b" >>",
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filter_, stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_link_without_a_rect_costs_the_link_not_the_resume(tmp_path):
    """pdfplumber raised KeyError (TypeError for a null /Rect) on such an annotation."""
    path = tmp_path / "resume.pdf"
    path.write_bytes(
        _pdf(b" /Annots [<< /Type /Annot /Subtype /Link /A << /URI (https://x.example) >> >>]")
    )
    result, lines = invoke(["parse", str(path), "--format", "json"])
    foreign = [line for line in lines if not line.startswith("resumetool: warning: ")]
    assert result.exit_code == 0 and foreign == [], lines
    assert json.loads(result.stdout)["basics"]["name"] == "Priya Raman"


def test_a_page_that_cannot_be_loaded_is_a_damaged_pdf(tmp_path):
    """pdfplumber raised again while closing, hiding the clear error: it is one line now."""
    path = tmp_path / "resume.pdf"
    path.write_bytes(_pdf(page_dict=b"<< /Type /Page /Parent 2 0 R /MediaBox >>"))
    result, lines = invoke(["parse", str(path)])
    assert result.exit_code == 1 and problem(result, lines) is None, lines
    assert "damaged or truncated" in lines[0]


def test_a_damaged_stream_prints_no_library_log_lines(tmp_path):
    """pdfminer logged 'Data-loss while decompressing corrupted data' to stderr."""
    import zlib

    lines = b"".join(
        b"0 -14 Td (Shipped release %d of the data platform) Tj\n" % n for n in range(40)
    )
    text = b"BT /F1 12 Tf 72 740 Td (Priya Raman) Tj\n" + lines + b"ET"
    path = tmp_path / "resume.pdf"
    damaged = bytearray(zlib.compress(text))
    damaged[-1] ^= 0xFF  # the Adler-32 checksum: pdfminer decodes it all, and logs
    path.write_bytes(_pdf(content=bytes(damaged)))
    result, lines = invoke(["parse", str(path), "--format", "json"])
    foreign = [line for line in lines if not line.startswith("resumetool: warning: ")]
    assert result.exit_code == 0 and foreign == [], lines
    assert json.loads(result.stdout)["basics"]["name"] == "Priya Raman"


def test_an_impossible_date_in_yaml_names_the_file_and_line(tmp_path):
    """ruamel raised a bare ValueError building 2026-02-30 as a date: 'internal error'."""
    ws = init_workspace(tmp_path / "ws")
    path = ws.interviews_dir / "2026-02-28-acme.yaml"
    path.write_text(INTERVIEW_YAML.replace("2026-11-20", "2026-02-30"), encoding="utf-8")
    result, lines = invoke(["-w", str(ws.root), "interview", "list"])
    assert result.exit_code == 1 and problem(result, lines) is None, lines
    assert re.search(
        r"2026-02-28-acme\.yaml:4: date: 2026-02-30 is not a date \(day is out of range", lines[0]
    )
    ws.companies_path.write_text(COMPANIES_YAML.replace("2026-12-03", "2026-12-32"), "utf-8")
    result, lines = invoke(["-w", str(ws.root), "company", "list"])
    assert result.exit_code == 1 and "companies.yaml:9: date: 2026-12-32 is not a" in lines[0]


def test_settings_seed_is_a_working_file(workspace):
    """The TOML seed is valid, so its mutations test the reader, not a broken seed."""
    (workspace.root / "resumetool.toml").write_text(SETTINGS_TOML, encoding="utf-8")
    result, lines = invoke(
        [
            "-w",
            str(workspace.root),
            "analyze",
            "--asked",
            "Airflow DAGs",
            str(workspace.root / "good.json"),
        ]
    )
    assert result.exit_code == 0 and problem(result, lines) is None, lines
