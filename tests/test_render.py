"""Rendering through the built-in designs: every format, every text kept, escaping, errors.

The samples are real files in tests/data/render (full.json: every section; nasty.json: markup
characters of every target, non-Latin scripts, emoji). PDFs are read back with pdfplumber,
Word files with python-docx, Markdown with markdown-it, HTML with the stdlib parser.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumetool import render
from resumetool.errors import RenderError, UsageError
from resumetool.model import Resume

DATA = Path(__file__).parent / "data" / "render"
EXPECTED = DATA / "expected"
DESIGNS = ("classic", "modern")
BUNDLED_FAMILIES = (
    "Caladea",
    "Carlito",
    "NotoSerif",
    "NotoSans",
    "NotoSansArabic",
    "DroidSansFallback",
    "Symbola",
)
ARABIC = re.compile("[\u0600-\u06ff]+")


def load(name: str) -> Resume:
    return Resume.from_json_resume(json.loads((DATA / name).read_text(encoding="utf-8")))


def compact(text: str) -> str:
    """No whitespace at all: for text whose lines may wrap anywhere (after '/', inside URLs)."""
    return "".join(text.split())


def squash(text: str) -> str:
    """One line of single spaces; a line broken after a hyphen is joined without one."""
    text = re.sub(r"-\n", "-", text)
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_pages(data: bytes) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    import docx

    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def markdown_tokens(text: str) -> list:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["strikethrough", "table"]).parse(text)


class _HTMLCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(data: bytes) -> _HTMLCollector:
    collector = _HTMLCollector()
    collector.feed(data.decode("utf-8"))
    return collector


@pytest.fixture(scope="module")
def full() -> Resume:
    return load("full.json")


@pytest.fixture(scope="module")
def nasty() -> Resume:
    return load("nasty.json")


@pytest.fixture(scope="module")
def rendered(full: Resume) -> dict[tuple[str, str], list[bytes]]:
    """The full sample in every design and format, rendered once for the module."""
    return {
        (name, fmt): render.render_bytes(full, render.find_design(name), fmt)
        for name in DESIGNS
        for fmt in render.FORMATS
    }


@pytest.fixture(scope="module")
def nasty_rendered(nasty: Resume) -> dict[tuple[str, str], list[bytes]]:
    return {
        (name, fmt): render.render_bytes(nasty, render.find_design(name), fmt)
        for name in DESIGNS
        for fmt in ("pdf", "docx", "md", "html")
    }


def every_text(resume: Resume) -> list[str]:
    """What a reader must find again in a render: names, roles, dates, bullets, skills."""
    basics = resume.basics
    texts = [basics.name, basics.label, basics.email, basics.phone]
    for job in resume.work:
        texts += [job.position, job.name, job.location, *job.highlights]
        texts.append(render.date_range(job.startDate, job.endDate))
    for school in resume.education:
        texts += [school.institution, render.degree(school)]
        texts.append(render.date_range(school.startDate, school.endDate))
    for skill in resume.skills:
        texts += [skill.name, *skill.keywords]
    for project in resume.projects:
        texts += [project.name, *project.highlights]
    for cert in resume.certificates:
        texts += [cert.name, cert.issuer]
    texts += [lang.language for lang in resume.languages]
    return [t for t in texts if t]


# --------------------------------------------------------------------------- every format


@pytest.mark.parametrize("name", DESIGNS)
@pytest.mark.parametrize("fmt", render.FORMATS)
def test_every_design_renders_every_format(rendered, name, fmt):
    pages = rendered[name, fmt]
    assert pages and all(pages)
    data = pages[0]
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
    elif fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(pages) == len(pdf_pages(rendered[name, "pdf"][0])) == 2
    elif fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "word/document.xml" in archive.namelist()
            assert "{{" not in archive.read("word/document.xml").decode()
    elif fmt == "md":
        assert data.decode().startswith("# Priya Raman-Okafor\n")
    else:
        assert data.decode().lstrip().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", DESIGNS)
def test_pdf_text_has_everything(rendered, full, name):
    text = squash(pdf_text(rendered[name, "pdf"][0]))
    missing = [t for t in every_text(full) if squash(t) not in text]
    assert not missing


@pytest.mark.parametrize("name", DESIGNS)
def test_pdf_lines_read_in_a_predictable_order(rendered, full, name):
    """Each job: 'Position, Company' on one line, 'Location Dates' on the next, then bullets."""
    lines = [line.strip() for page in pdf_pages(rendered[name, "pdf"][0]) for line in page]
    for job in full.work:
        at = lines.index(render.entry_title([job.position, job.name]))
        assert lines[at + 1] == f"{job.location} {render.date_range(job.startDate, job.endDate)}"
        bullets = [line for line in lines[at + 2 :] if line.startswith("• ")]
        assert bullets[0].startswith("• " + job.highlights[0][:40])


@pytest.fixture(scope="module")
def placeless(full: Resume) -> Resume:
    """The full sample with its first role's location left out."""
    work = [full.work[0].model_copy(update={"location": None}), *full.work[1:]]
    return full.model_copy(update={"work": work})


@pytest.mark.parametrize("name", DESIGNS)
def test_dates_end_the_title_line_when_there_is_no_location(placeless, name):
    """Never a line holding only the dates, between the title and the bullets."""
    design = render.find_design(name)
    job = placeless.work[0]
    title, dates = (
        render.entry_title([job.position, job.name]),
        render.date_range(job.startDate, job.endDate),
    )
    lines = [
        line.strip()
        for page in pdf_pages(render.render_bytes(placeless, design, "pdf")[0])
        for line in page
    ]
    assert f"{title} {dates}" in lines and dates not in lines
    paragraphs = docx_paragraphs(render.render_bytes(placeless, design, "docx")[0])
    assert ("Heading 2", f"{title}\t{dates}") in paragraphs
    assert not [text for _, text in paragraphs if text.strip() == dates]
    other = placeless.work[1]
    assert (
        "Entry Details",
        f"{other.location}\t{render.date_range(other.startDate, other.endDate)}",
    ) in paragraphs
    html = render.render_bytes(placeless, design, "html")[0].decode()
    assert re.search(
        rf'<div class="titleline"><h3>[^<]*</h3><span class="dates">{re.escape(dates)}</span>', html
    )


@pytest.mark.parametrize("name", DESIGNS)
def test_docx_has_everything_in_word_structure(rendered, full, name):
    import docx

    data = rendered[name, "docx"][0]
    paragraphs = docx_paragraphs(data)
    text = squash("\n".join(t for _, t in paragraphs))
    assert not [t for t in every_text(full) if squash(t) not in text]

    by_style: dict[str, list[str]] = {}
    for style, content in paragraphs:
        by_style.setdefault(style, []).append(content)
    assert by_style["Title"] == [full.basics.name]
    assert by_style["Heading 1"][:4] == ["Summary", "Experience", "Projects", "Education"]
    assert "Skills" in by_style["Heading 1"]
    for job in full.work:
        assert render.entry_title([job.position, job.name]) in by_style["Heading 2"]
    bullets = [b for job in full.work for b in job.highlights]
    assert by_style["List Bullet"][: len(bullets)] == bullets
    assert not any(t.lstrip().startswith(("•", "-", "*")) for t in by_style["List Bullet"])

    document = docx.Document(io.BytesIO(data))
    bullet_style = document.styles["List Bullet"].element
    assert bullet_style.pPr.numPr is not None, "bullets must be Word numbering, not typed"
    for style in ("Heading 1", "Heading 2", "Entry Details"):
        assert document.styles[style].paragraph_format.keep_with_next


@pytest.mark.parametrize("name", DESIGNS)
def test_html_is_self_contained_and_complete(rendered, full, name):
    page = parse_html(rendered[name, "html"][0])
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    for _, attrs in page.tags:
        assert not attrs.get("src")
        link = attrs.get("href")
        assert link is None or link.startswith(("https://", "mailto:", "tel:"))
    text = squash(" ".join(page.text))
    assert not [t for t in every_text(full) if squash(t) not in text]


@pytest.mark.parametrize("name", DESIGNS)
def test_markdown_reads_back_as_the_same_structure(rendered, full, name):
    tokens = markdown_tokens(rendered[name, "md"][0].decode())
    headings = [
        (tokens[i].tag, tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert headings[0] == ("h1", full.basics.name)
    assert ("h3", render.entry_title([full.work[0].position, full.work[0].name])) in headings
    items = [
        tokens[i + 2].content
        for i, token in enumerate(tokens)
        if token.type == "list_item_open" and tokens[i + 2].type == "inline"
    ]
    bullets = [b for job in full.work for b in job.highlights]
    assert items[: len(bullets)] == bullets


@pytest.mark.parametrize("name", DESIGNS)
def test_pdf_embeds_only_the_bundled_fonts(rendered, name):
    import pdfplumber

    data = rendered[name, "pdf"][0]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert fonts
    for font in fonts:
        prefix, _, family = font.partition("+")
        assert len(prefix) == 6 and prefix.isupper(), f"{font} is not an embedded subset"
        assert family.split("-")[0] in BUNDLED_FAMILIES, font
    assert b"/FontFile2" in data


def test_png_is_letter_size_at_144_ppi(rendered):
    import struct

    header = rendered["classic", "png"][0][16:24]
    assert struct.unpack(">II", header) == (int(8.5 * 144), 11 * 144)


# --------------------------------------------------------------------------- escaping


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_a_typst_string_literal_evaluates_to_the_text(text):
    import typst

    # A fresh compiler each time: typst-py cannot eval twice on an in-memory input.
    compiler = typst.Compiler(input=b"", font_paths=[], ignore_system_fonts=True)
    value = json.loads(compiler.eval(render.typst_string(text), format="json"))
    assert value == render.clean_text(text)


MARKDOWN_CHARS = st.text(
    alphabet=st.sampled_from(list("ab1 .:-+=#*_`[]()<>!|~&;$\\\"'/@%{}^")), min_size=1, max_size=30
)


@settings(max_examples=150, deadline=None)
@given(MARKDOWN_CHARS)
def test_escaped_markdown_reads_back_as_the_same_text(text):
    tokens = markdown_tokens(render.markdown_escape(text))
    inline = [t for t in tokens if t.type == "inline"]
    shown = "".join(child.content for t in inline for child in t.children or [])
    assert [t.type for t in tokens if t.type.endswith("_open")] in ([], ["paragraph_open"])
    assert " ".join(shown.split()) == " ".join(text.split())


@pytest.mark.parametrize("name", DESIGNS)
def test_nasty_text_comes_out_of_the_pdf_verbatim(nasty_rendered, nasty, name):
    text = compact(pdf_text(nasty_rendered[name, "pdf"][0]))
    basics = nasty.basics
    for value in (basics.name, basics.label, basics.email, *render.paragraphs(basics.summary)):
        assert compact(render.clean_text(value)) in text
    for job in nasty.work:
        for line in job.highlights:
            assert compact(render.clean_text(line)) in text
    for keyword in nasty.skills[0].keywords:
        assert keyword in text
    # Right-to-left runs come out of pdfplumber in visual order: check the letters are there.
    arabic = set("".join(ARABIC.findall(nasty.work[0].name + nasty.languages[0].language)))
    assert arabic <= set(text)
    assert "javascript:alert(1)" not in _pdf_links(nasty_rendered[name, "pdf"][0])


def _pdf_links(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(str(link.get("uri")) for page in pdf.pages for link in page.hyperlinks)


@pytest.mark.parametrize("name", DESIGNS)
def test_non_latin_scripts_get_a_real_font(nasty_rendered, name):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(nasty_rendered[name, "pdf"][0])) as pdf:
        used = {c["fontname"].partition("+")[2].split("-")[0] for p in pdf.pages for c in p.chars}
        missing = [c["text"] for p in pdf.pages for c in p.chars if c["text"].startswith("(cid")]
    assert {"DroidSansFallback", "NotoSansArabic", "Symbola"} <= used
    if name == "classic":
        assert "NotoSerif" in used  # Caladea has no Greek; Carlito has it, polytonic too
    assert not missing


@pytest.mark.parametrize("name", DESIGNS)
def test_nasty_text_comes_out_of_the_docx_verbatim(nasty_rendered, nasty, name):
    paragraphs = docx_paragraphs(nasty_rendered[name, "docx"][0])
    texts = [t for _, t in paragraphs]
    assert texts[0] == nasty.basics.name
    headings = [t.split("\t")[0] for style, t in paragraphs if style == "Heading 2"]
    for job in nasty.work:
        assert render.entry_title([job.position, job.name]) in headings
        for line in job.highlights:
            assert render.clean_text(line) in texts
    assert " ".join(texts).count("<script>") == 1


@pytest.mark.parametrize("name", DESIGNS)
def test_nasty_html_is_inert(nasty_rendered, nasty, name):
    page = parse_html(nasty_rendered[name, "html"][0])
    assert "script" not in [tag for tag, _ in page.tags]
    assert not any("javascript" in (attrs.get("href") or "") for _, attrs in page.tags)
    text = " ".join(page.text)
    assert "</p><script>alert(1)</script>" in text
    for line in nasty.work[0].highlights:
        assert render.clean_text(line) in text


@pytest.mark.parametrize("name", DESIGNS)
def test_nasty_markdown_stays_text(nasty_rendered, nasty, name):
    from markdown_it import MarkdownIt

    source = nasty_rendered[name, "md"][0].decode()
    html = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(source)
    assert "<script" not in html and "<h1>" in html
    assert html.count("<h1>") == 1 and "<blockquote>" not in html and "<code>" not in html
    text = squash(re.sub(r"<[^>]+>", " ", html))
    import html as html_lib

    text = html_lib.unescape(text)
    for line in nasty.work[0].highlights:
        assert squash(render.clean_text(line)) in text


# --------------------------------------------------------------------------- layout


def _long_resume(extra_lines: int) -> Resume:
    """Ten jobs after a summary of varying length, so headings land near page ends."""
    jobs = [
        {
            "name": f"Company {n}",
            "position": f"Role {n}",
            "location": "Boston, MA",
            "startDate": f"{2000 + n}-01",
            "endDate": f"{2001 + n}-01",
            "highlights": [
                f"Job {n} bullet {k}: " + "delivered a measurable result " * 3 for k in range(4)
            ],
        }
        for n in range(10)
    ]
    summary = "\n\n".join(f"Summary paragraph {i}." for i in range(1 + extra_lines))
    return Resume.from_json_resume(
        {"basics": {"name": "Pat Example", "summary": summary}, "work": jobs}
    )


@pytest.mark.parametrize("name", DESIGNS)
def test_an_entry_heading_never_ends_a_page(name):
    """Shift the content a line at a time; no page may end with a heading or its details line.

    (With the entry blocks made non-sticky, this fails for both designs.)
    """
    import pypdfium2

    design = render.find_design(name)
    seen_breaks = 0
    for extra in range(24):
        resume = _long_resume(extra)
        headings = {render.entry_title([j.position, j.name]) for j in resume.work}
        details = {f"{j.location} {render.date_range(j.startDate, j.endDate)}" for j in resume.work}
        document = pypdfium2.PdfDocument(render.render_bytes(resume, design, "pdf")[0])
        for index in range(len(document) - 1):
            lines = document[index].get_textpage().get_text_range().splitlines()
            last = squash(lines[-1])
            seen_breaks += 1
            assert last not in headings | details, f"page ends with {last!r} (extra={extra})"
            assert last.upper() not in ("EXPERIENCE", "SUMMARY")
    assert seen_breaks >= 24


@pytest.mark.parametrize("name", DESIGNS)
def test_long_lines_wrap_inside_the_margins(name):
    import pdfplumber

    data = json.loads((DATA / "full.json").read_text(encoding="utf-8"))
    data["work"][0]["highlights"][0] = (
        "A pasted token "
        + "x" * 150
        + " and https://example.com/"
        + "/".join(f"segment{i}" for i in range(25))
    )
    data["basics"]["url"] = "https://example.com/" + "a" * 100
    pdf = render.render_bytes(Resume.from_json_resume(data), render.find_design(name), "pdf")[0]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            assert max(c["x1"] for c in page.chars) <= page.width - 0.5 * 72
    assert "x" * 150 in squash(pdf_text(pdf)).replace(" ", "")


# --------------------------------------------------------------------------- errors


def _custom(tmp_path: Path, name: str, files: dict[str, str]) -> Path:
    root = tmp_path / "templates"
    (root / name).mkdir(parents=True, exist_ok=True)
    for filename, text in files.items():
        (root / name / filename).write_text(text, encoding="utf-8")
    return root


def test_unknown_template_lists_the_available_ones(full):
    with pytest.raises(UsageError) as caught:
        render.render_resume(full, "fancy", "md", ".")
    assert "unknown template 'fancy'" in caught.value.one_line()
    assert "classic, modern" in caught.value.one_line()
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("filename", "source", "line"),
    [
        ("resume.md.j2", "# {{ basics.name }}\n\n{{ basics.nickname }}\n", 3),
        ("resume.typ.j2", '#set page(paper: "a4")\n\n\n#text({{ work[0].employer }})\n', 4),
        ("resume.html.j2", "<p>{{ basics.name }}</p>\n<p>{{ missing_variable }}</p>\n", 2),
    ],
)
def test_a_missing_field_fails_naming_template_and_line(tmp_path, full, filename, source, line):
    root = _custom(tmp_path, "strict", {filename: source})
    fmt = {"resume.md.j2": "md", "resume.typ.j2": "pdf", "resume.html.j2": "html"}[filename]
    with pytest.raises(RenderError) as caught:
        render.render_resume(full, "strict", fmt, tmp_path / "out", extra_template_dirs=[root])
    message = caught.value.one_line()
    assert f"{root / 'strict' / filename}:{line}:" in message
    assert "\n" not in message
    assert not (tmp_path / "out").exists()


def test_a_syntax_error_is_one_line_with_file_and_line(tmp_path, full):
    root = _custom(
        tmp_path, "broken", {"resume.md.j2": "# {{ basics.name }}\n{% if work %}\nno end\n"}
    )
    with pytest.raises(RenderError) as caught:
        render.render_resume(full, "broken", "md", tmp_path, extra_template_dirs=[root])
    message = caught.value.one_line()
    assert str(root / "broken" / "resume.md.j2") in message
    assert "syntax error" in message and "\n" not in message
    assert re.search(r"resume\.md\.j2:\d+:", message)


def test_a_broken_word_template_names_the_file(tmp_path, full):
    import docx

    root = tmp_path / "templates"
    (root / "wordy").mkdir(parents=True)
    document = docx.Document()
    document.add_paragraph("{{ basics.name }}")
    document.add_paragraph("{{ basics.no_such_field }}")
    document.save(root / "wordy" / "resume.docx")
    with pytest.raises(RenderError) as caught:
        render.render_resume(full, "wordy", "docx", tmp_path / "out", extra_template_dirs=[root])
    assert str(root / "wordy" / "resume.docx") in caught.value.one_line()
    assert "no_such_field" in caught.value.one_line()


def test_a_design_without_a_format_says_what_it_can_make(tmp_path, full):
    root = _custom(tmp_path, "mdonly", {"resume.md.j2": "# {{ basics.name }}\n"})
    with pytest.raises(RenderError) as caught:
        render.render_resume(full, "mdonly", "pdf", tmp_path, extra_template_dirs=[root])
    assert "has no resume.typ.j2" in caught.value.one_line()
    assert "it can make: md" in caught.value.one_line()


def test_nothing_is_written_when_one_format_fails(tmp_path, full):
    root = _custom(tmp_path, "classic", {"resume.md.j2": "{{ nope }}\n"})
    out = tmp_path / "out"
    with pytest.raises(RenderError):
        render.render_resume(full, "classic", "pdf,md", out, extra_template_dirs=[root])
    assert not out.exists() or not list(out.iterdir())


def test_an_unwritable_output_folder_is_one_clear_line(tmp_path, full):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    with pytest.raises(RenderError) as caught:
        render.render_resume(full, "classic", "md,html", blocker / "out")
    message = caught.value.one_line()
    assert "cannot write the file" in message and "-o" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_output_names(tmp_path, full):
    assert render.render_resume(full, "classic", "md", tmp_path / "cv.md") == [tmp_path / "cv.md"]
    written = render.render_resume(full, "modern", "png,md", tmp_path, stem="pat")
    assert [p.name for p in written] == ["pat.md", "pat-1.png", "pat-2.png"]
    with pytest.raises(UsageError):
        render.render_resume(full, "classic", "pdf", tmp_path / "cv.docx")
    with pytest.raises(UsageError):
        render.render_resume(full, "classic", "pdf,docx", tmp_path / "cv.pdf")
    with pytest.raises(UsageError, match="unknown output format 'doc'"):
        render.render_resume(full, "classic", "pdf,doc", tmp_path)


# --------------------------------------------------------------------------- overrides


def test_a_workspace_file_overrides_the_builtin_one_by_name(tmp_path, full):
    root = _custom(tmp_path, "classic", {"resume.md.j2": "CUSTOM {{ basics.name }}\n"})
    designs = {d.name: d for d in render.list_designs([root])}
    assert designs["classic"].origin == "custom, overrides built-in"
    assert designs["modern"].origin == "built-in"
    pdf, md = render.render_resume(
        full, "classic", "pdf,md", tmp_path / "out", extra_template_dirs=[root]
    )
    assert md.read_text() == "CUSTOM Priya Raman-Okafor\n"
    assert "Kestrel Payments" in pdf_text(pdf.read_bytes())


def test_a_workspace_design_is_added_and_described(tmp_path, full):
    root = _custom(
        tmp_path,
        "mine",
        {
            "template.yaml": "name: mine\ndescription: My own.\n",
            "resume.md.j2": "{{ basics.label }}\n",
        },
    )
    mine = render.find_design("mine", [root])
    assert (mine.origin, mine.description, mine.formats()) == ("custom", "My own.", ["md"])
    assert render.render_source(full, mine, "md") == "Program Manager, Platform Delivery\n"


def test_one_environment_per_design_folder():
    classic = render.find_design("classic")
    assert render.environment(classic) is render.environment(render.find_design("classic"))
    assert render.environment(classic) is not render.environment(render.find_design("modern"))


# --------------------------------------------------------------------------- reference files


def _normalized(name: str, fmt: str, pages: list[bytes]) -> str:
    """Text that changes only when the output does: no dates, ids or zip timestamps."""
    if fmt == "pdf":
        return "\n".join("\n".join(page) + "\n\f" for page in pdf_pages(pages[0]))
    if fmt == "docx":
        return "".join(f"{style}: {text}\n" for style, text in docx_paragraphs(pages[0]))
    return pages[0].decode()


@pytest.mark.parametrize("name", DESIGNS)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "html", "typ"])
def test_reference_output(rendered, full, name, fmt, update_testdata):
    """Compare with tests/data/render/expected; `pytest --update-testdata` rewrites them."""
    if fmt == "typ":
        actual = render.render_source(full, render.find_design(name), "pdf")
    else:
        actual = _normalized(name, fmt, rendered[name, fmt])
    reference = EXPECTED / f"{name}.{fmt}.txt"
    if update_testdata:
        reference.parent.mkdir(parents=True, exist_ok=True)
        reference.write_text(actual, encoding="utf-8")
    assert reference.is_file(), f"no reference {reference}; run pytest --update-testdata"
    assert actual == reference.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DESIGNS)
def test_an_empty_resume_renders_everywhere(tmp_path, name):
    written = render.render_resume(Resume(), name, render.FORMATS, tmp_path)
    assert [p.suffix for p in written] == [".pdf", ".docx", ".md", ".html", ".png"]


TYPED = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn")), max_size=60
)


@settings(max_examples=20, deadline=None)
@given(name=TYPED, company=TYPED, bullets=st.lists(TYPED, max_size=3))
def test_whatever_a_person_types_renders_in_every_format(name, company, bullets):
    resume = Resume.from_json_resume(
        {
            "basics": {"name": name},
            "work": [{"name": company, "position": "Engineer", "highlights": bullets}],
            "skills": [{"name": company, "keywords": bullets}],
        }
    )
    design = render.find_design("classic")
    for fmt in ("pdf", "md", "html"):
        assert render.render_bytes(resume, design, fmt)
    texts = [t for _, t in docx_paragraphs(render.render_bytes(resume, design, "docx")[0])]
    for line in resume.work[0].highlights:
        assert render.clean_text(line) in texts
