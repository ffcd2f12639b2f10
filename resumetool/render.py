"""Render a Resume through a design's Jinja templates: PDF/PNG (Typst), DOCX, Markdown, HTML.

Why: the same Resume must come out as a PDF a recruiter trusts, a Word file an agency can
edit, and plain Markdown/HTML — and a user must be able to restyle any of them by copying a
design folder. A design is a folder (``templates/<name>/``) holding one template per format;
folders passed in ``extra_template_dirs`` (the workspace's ``templates/``) are searched
before the built-in ones, file by file, so a user's ``resume.typ.j2`` replaces the built-in
one while the other formats still come from the built-in design.

Escaping is done for the templates, not by them: every ``{{ value }}`` goes through a
finalizer chosen by the template's format (see ``_finalize_for``). In Typst sources a value
becomes a Typst *string literal* (``"…"``), never markup: a string literal has three
characters to escape (backslash, quote, control characters) where markup has dozens that
change meaning by position (``*_`#$@<>[]~``, ``//`` comments, ``=``/``-``/``+``/``/`` at
line start, ``--`` dashes, smart quotes, bare URLs). The text also comes out exactly as
typed, which the render → parse round trip needs. HTML and DOCX XML use Jinja's
autoescape; Markdown gets backslash escapes.

This module reads a Resume and template files and nothing else: callers resolve files,
versions and workspaces, and pass the extra search folders.
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RenderError, UsageError
from .files import write_output
from .model import Location, Resume

if TYPE_CHECKING:
    from jinja2 import Environment

FORMATS: tuple[str, ...] = ("pdf", "docx", "md", "html", "png")
"""Output formats, in the order they are written."""

SOURCE_FILE: dict[str, str] = {
    "pdf": "resume.typ.j2",
    "png": "resume.typ.j2",
    "docx": "resume.docx",
    "md": "resume.md.j2",
    "html": "resume.html.j2",
}
"""Which file of a design renders each format."""

DEFAULT_TEMPLATE = "classic"
DESIGN_FILE = "template.yaml"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PRESENT = "Present"
DATE_DASH = " \u2013 "
TITLE_SEP = " \u2014 "
"""Between an entry's role and organization: an em dash, never a comma (roles hold commas:
'Staff Nurse, Emergency Department — St. Aldric Medical Center')."""
PNG_PPI = 144.0

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --------------------------------------------------------------------------- locating


def builtin_templates_dir() -> Path:
    """The built-in designs: inside the installed package, else the source checkout's.

    Why two places: a wheel carries ``templates/`` as ``resumetool/templates`` (copied at
    build time, see setup.py), while an editable install or a plain checkout reads the
    repository's top-level ``templates/`` directly.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / DEFAULT_TEMPLATE / DESIGN_FILE).is_file():
            return candidate
    raise RenderError(
        "the built-in templates are missing from this installation",
        path=package,
        hint="reinstall resumetool",
    )


def fonts_dir() -> Path:
    """Fonts shipped with the package; Typst uses these and no system font."""
    return Path(__file__).resolve().parent / "data" / "fonts"


@dataclass(frozen=True)
class Design:
    """One design, found by name across the search folders."""

    name: str
    description: str
    folders: tuple[Path, ...]
    """Where its files are looked up, first match wins (user folders before built-in)."""
    origin: str
    """'built-in', 'custom', or 'custom, overrides built-in'."""

    def file(self, filename: str) -> Path | None:
        """The first ``filename`` along the search folders, or None."""
        for folder in self.folders:
            if (folder / filename).is_file():
                return folder / filename
        return None

    def formats(self) -> list[str]:
        """Formats this design can render."""
        return [fmt for fmt in FORMATS if self.file(SOURCE_FILE[fmt])]


def _is_design(folder: Path) -> bool:
    files = (DESIGN_FILE, *SOURCE_FILE.values())
    return folder.is_dir() and any((folder / f).is_file() for f in files)


def _describe(folders: Sequence[Path]) -> str:
    from .files import read_yaml

    for folder in folders:
        if (folder / DESIGN_FILE).is_file():
            data = read_yaml(folder / DESIGN_FILE) or {}
            if not isinstance(data, dict):
                raise RenderError(
                    "expected a mapping with name and description",
                    path=folder / DESIGN_FILE,
                    hint="see templates/classic/template.yaml for the format",
                )
            return " ".join(str(data.get("description") or "").split())
    return ""


def list_designs(extra_template_dirs: Iterable[Path] = ()) -> list[Design]:
    """Every design by name: custom folders first (in the order given), then built-in."""
    builtin = builtin_templates_dir()
    roots = [Path(d) for d in extra_template_dirs if Path(d).is_dir()]
    names: dict[str, list[Path]] = {}
    for root in [*roots, builtin]:
        for folder in sorted(root.iterdir()):
            if _is_design(folder):
                names.setdefault(folder.name, []).append(folder)
    designs = []
    for name, folders in sorted(names.items()):
        from_builtin = folders[-1].parent == builtin
        if len(folders) == 1 and from_builtin:
            origin = "built-in"
        elif from_builtin:
            origin = "custom, overrides built-in"
        else:
            origin = "custom"
        designs.append(Design(name, _describe(folders), tuple(folders), origin))
    return designs


def find_design(name: str, extra_template_dirs: Iterable[Path] = ()) -> Design:
    """The design called ``name``; an unknown name lists the ones there are."""
    designs = list_designs(extra_template_dirs)
    for design in designs:
        if design.name == name:
            return design
    available = ", ".join(d.name for d in designs)
    raise UsageError(
        f"unknown template {name!r}",
        hint=f"available: {available} (`resumetool templates` describes them)",
    )


# --------------------------------------------------------------------------- formatting helpers


def month_year(value: str | None) -> str:
    """'2021-03' → 'Mar 2021'; '2021' → '2021'; None → ''."""
    if not value:
        return ""
    parts = str(value).split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def date_range(start: str | None, end: str | None, *, ongoing: bool = True) -> str:
    """'Jan 2021 – Present', 'Jun 2018 – Dec 2020', or one date when only one is known.

    Why 'Present': a current role has no endDate in JSON Resume, and parsers (ours and
    applicant-tracking systems) read 'Present' as "still there".
    """
    if start and end:
        first, last = month_year(start), month_year(end)
        return first if first == last else f"{first}{DATE_DASH}{last}"
    if start:
        return f"{month_year(start)}{DATE_DASH}{PRESENT}" if ongoing else month_year(start)
    return month_year(end)


def location_text(location: Location | str | None) -> str:
    """'Madison, WI', 'Lisbon, Portugal', 'Austin, TX, United States': city, region as
    written, and the country's name for its code.

    Why the name: the parser reads "Lisbon, Portugal" as ``countryCode: PT``; printing the
    name from the same table (``structure.places``) makes a render parse back to the same
    fields, where printing the city alone lost the country.
    """
    if location is None:
        return ""
    if isinstance(location, str):
        return location
    from .structure.places import place_text

    return place_text(location.model_dump())


def url_text(url: str | None) -> str:
    """A URL as people write it on paper: no scheme, no trailing slash."""
    if not url:
        return ""
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I).rstrip("/")


SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def href(url: str | None) -> str:
    """A link target: a bare 'example.com/x' gets https://; unsafe schemes (javascript:) none."""
    if not url:
        return ""
    url = url.strip()
    scheme = re.match(r"^([a-z][a-z0-9+-]*):(?!\d)", url, flags=re.I)
    if scheme is None:  # 'example.com/x', 'localhost:8080'
        return f"https://{url}"
    return url if scheme.group(1).lower() in SAFE_SCHEMES else ""


def contact_items(basics: Any) -> list[dict[str, str]]:
    """The contact line as (text, link) pairs, in a fixed order.

    Why fixed: a parser (and a reader) finds location, e-mail, phone and links in the
    same places on every render.
    """
    items: list[dict[str, str]] = []
    if basics.location and (text := location_text(basics.location)):
        items.append({"text": text, "link": ""})
    if basics.email:
        items.append({"text": basics.email, "link": f"mailto:{basics.email}"})
    if basics.phone:
        items.append({"text": basics.phone, "link": "tel:" + re.sub(r"[^\d+]", "", basics.phone)})
    if basics.url:
        items.append({"text": url_text(basics.url), "link": href(basics.url)})
    for profile in basics.profiles:
        if profile.url:
            items.append({"text": url_text(profile.url), "link": href(profile.url)})
        elif profile.username:
            label = (
                f"{profile.network}: {profile.username}" if profile.network else profile.username
            )
            items.append({"text": label, "link": ""})
    return items


def degree(entry: Any) -> str:
    """'B.S. in Computer Science', or whichever of the two is known."""
    if entry.studyType and entry.area:
        return f"{entry.studyType} in {entry.area}"
    return entry.studyType or entry.area or ""


def score_text(score: str | None) -> str:
    """'GPA: 3.7' for a number, the text itself otherwise ('First-class honours')."""
    if not score:
        return ""
    return f"GPA: {score}" if re.fullmatch(r"\d+(\.\d+)?(\s*/\s*\d+(\.\d+)?)?", score) else score


def language_line(entry: Any) -> str:
    """'Spanish (Native)', or just the language."""
    if entry.language and entry.fluency:
        return f"{entry.language} ({entry.fluency})"
    return entry.language or entry.fluency or ""


def paragraphs(text: str | None) -> list[str]:
    """A free-text field split at blank lines, each paragraph on one line."""
    if not text:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def join_nonempty(values: Iterable[Any], sep: str = ", ") -> str:
    return sep.join(str(v) for v in values if v)


def entry_title(values: Iterable[Any]) -> str:
    """An entry's heading: 'Senior Engineer — Acme Labs', or whichever part is known."""
    return join_nonempty(values, TITLE_SEP)


def clean_text(text: str) -> str:
    """Line ends normalized, tabs made spaces, characters no format carries (C0 controls) gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _XML_INVALID.sub("", text)


# --------------------------------------------------------------------------- escaping


def typst_literal(value: Any) -> str:
    """A Python value as Typst code: str → "…", list → (…,), dict → (…: …), None → none."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        if not value:
            return "(:)"
        return (
            "("
            + ", ".join(f"{typst_string(k)}: {typst_literal(v)}" for k, v in value.items())
            + ")"
        )
    if isinstance(value, list | tuple):
        items = [typst_literal(v) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if hasattr(value, "model_dump"):
        return typst_literal(value.model_dump(mode="json", by_alias=True, exclude_none=True))
    return typst_string(str(value))


def typst_string(text: str) -> str:
    """A Typst string literal whose value is exactly ``text``."""
    out = []
    for ch in clean_text(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


_MD_INLINE = re.compile(r"([\\`*_\[\]<>~$]|&(?=#?\w+;))")
_MD_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+(?=[.)]))", re.M)


def markdown_escape(text: str) -> str:
    """Backslash-escape what CommonMark/GFM would read as markup, inline or at a line start."""
    text = _MD_INLINE.sub(r"\\\1", clean_text(text))
    text = "\n".join(line.lstrip() for line in text.split("\n"))
    return _MD_LINE_START.sub(lambda m: m.group(1) + _md_block_escape(m.group(2)), text)


def _md_block_escape(marker: str) -> str:
    """'-' → '\\-'; '2021' (before '.' or ')') → '2021\\' so that '2021\\.' is no list item."""
    return marker + "\\" if marker.isdigit() else "\\" + marker


def _format_of(template_name: str | None) -> str:
    if template_name is None:  # docxtpl renders the Word XML from a string
        return "docx"
    for suffix, fmt in ((".typ.j2", "typst"), (".md.j2", "md"), (".html.j2", "html")):
        if template_name.endswith(suffix):
            return fmt
    return "text"


def _finalize_for(context: Any, value: Any) -> Any:
    """Escape one printed value for the format of the template printing it."""
    from markupsafe import Markup

    fmt = _format_of(context.name)
    if fmt == "typst":
        return Markup(typst_literal(value))
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = join_nonempty(value)
    text = clean_text(str(value))
    if fmt == "md":
        return Markup(markdown_escape(text))
    return text  # html and docx: Jinja's autoescape turns it into safe markup


# --------------------------------------------------------------------------- Jinja


def environment(design: Design) -> Environment:
    """The one cached Jinja environment for a design's search folders.

    Why cached: building the environment and compiling templates costs more than
    rendering one resume; a session that renders many versions reuses both.
    """
    from .templating import environment as cached_environment

    return cached_environment(design.folders, _configure)


def _configure(env: Environment) -> None:
    """Escaping by the template's format, the loop controls, the designs' filters."""
    from jinja2 import pass_context

    env.autoescape = lambda name: _format_of(name) in ("html", "docx")
    env.finalize = pass_context(_finalize_for)
    env.add_extension("jinja2.ext.loopcontrols")
    env.filters.update(
        month_year=month_year,
        location=location_text,
        url_text=url_text,
        href=href,
        degree=degree,
        language_line=language_line,
        score=score_text,
        paragraphs=paragraphs,
        join_nonempty=join_nonempty,
        entry_title=entry_title,
        typst=_typst_filter,
    )
    env.globals.update(date_range=date_range, contact_items=contact_items)


def _typst_filter(value: Any) -> Any:
    """``{{ x | typst }}``: a Typst literal marked safe (for use inside other expressions)."""
    from markupsafe import Markup

    return Markup(typst_literal(value))


def context_for(resume: Resume) -> dict[str, Any]:
    """What a template sees: the Resume's sections by name, plus ``resume`` itself."""
    context: dict[str, Any] = {"resume": resume}
    for field in Resume.model_fields:
        if field != "schema_":
            context[field] = getattr(resume, field)
    return context


def _template_error(exc: BaseException, design: Design, filename: str) -> RenderError:
    """A Jinja failure as one line naming the template file and line."""
    from jinja2 import TemplateSyntaxError

    from .templating import error_location

    if isinstance(exc, TemplateSyntaxError):
        what = f"template syntax error: {exc.message}"
    else:
        what = f"template error: {exc}"
    if filename.endswith(".docx"):
        what += " (the line is in the Word file's document.xml)"
    return RenderError(
        what,
        path=error_location(exc, design.file(filename)),
        hint="fix the template, or pick another with --template",
    )


def render_source(resume: Resume, design: Design, fmt: str) -> str:
    """The text a text template produces: Typst source (pdf/png), Markdown or HTML."""
    from jinja2 import TemplateError, TemplateNotFound

    filename = _source_file(design, fmt)
    env = environment(design)
    try:
        template = env.get_template(filename)
        return template.render(context_for(resume))
    except TemplateNotFound as exc:
        raise _missing(design, fmt) from exc
    except TemplateError as exc:
        raise _template_error(exc, design, filename) from exc


def _source_file(design: Design, fmt: str) -> str:
    if fmt not in SOURCE_FILE:
        raise UsageError(f"unknown format {fmt!r}", hint=f"choose from {', '.join(FORMATS)}")
    filename = SOURCE_FILE[fmt]
    if design.file(filename) is None:
        raise _missing(design, fmt)
    return filename


def _missing(design: Design, fmt: str) -> RenderError:
    return RenderError(
        f"template {design.name!r} has no {SOURCE_FILE[fmt]}, so it cannot make {fmt}",
        path=design.folders[0],
        hint=f"it can make: {', '.join(design.formats()) or 'nothing'}",
    )


# --------------------------------------------------------------------------- Typst


_TYPST_LOCK = threading.Lock()
_COMPILERS: dict[tuple[str, ...], Any] = {}


def _compiler(font_dirs: tuple[str, ...]) -> Any:
    """A Typst compiler with only our fonts loaded, cached (the font scan is the slow part)."""
    import typst

    with _TYPST_LOCK:
        compiler = _COMPILERS.get(font_dirs)
        if compiler is None:
            fonts = typst.Fonts(
                include_system_fonts=False, include_embedded_fonts=True, font_paths=list(font_dirs)
            )
            compiler = _COMPILERS[font_dirs] = typst.Compiler(
                font_paths=fonts, ignore_system_fonts=True
            )
        return compiler


def _font_dirs(design: Design) -> tuple[str, ...]:
    """Bundled fonts, plus a ``fonts/`` folder a design may carry."""
    extra = [str(f / "fonts") for f in design.folders if (f / "fonts").is_dir()]
    return (str(fonts_dir()), *extra)


def compile_typst(source: str, design: Design, fmt: str) -> list[bytes]:
    """Typst source → PDF bytes (one item) or PNG bytes (one per page)."""
    import typst

    root = design.file(SOURCE_FILE[fmt])
    _refuse_package_downloads(source, design, root)
    compiler = _compiler(_font_dirs(design))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        with _TYPST_LOCK:
            output = compiler.compile(
                input=source.encode("utf-8"),
                format=fmt,
                ppi=PNG_PPI if fmt == "png" else None,
                root=str(root.parent) if root else None,
                timestamp=int(epoch) if epoch and epoch.isdigit() else None,
            )
    except typst.TypstError as exc:
        message = " ".join(str(getattr(exc, "message", exc)).split())
        raise RenderError(
            f"Typst could not typeset the output of this template: {message}",
            path=root,
            hint="fix the template (run with --debug to see the Typst source)",
        ) from exc
    return output if isinstance(output, list) else [output]


PACKAGE_IMPORT = re.compile(r'\b(?:import|include)\s+"@(?!local/)([^"/\s]+/[^"\s]+)"')
"""A Typst import of a package from a registry (``#import "@preview/name:1.0.0"``): Typst
would download it. ``@local`` packages live on the user's disk and are allowed."""


def _refuse_package_downloads(source: str, design: Design, root: Path | None) -> None:
    """Refuse a template that imports a Typst registry package, before Typst downloads it.

    Why: resumetool never opens a network connection (a resume is private, and the tool
    must work offline), and Typst fetches ``@preview`` packages from the internet on first
    use — from Rust, where nothing in Python would notice. The Typst source and any
    ``.typ`` file beside the design's templates are checked.
    """
    texts = [(root, source)]
    for folder in design.folders:
        texts += [(path, path.read_text("utf-8", "replace")) for path in folder.glob("*.typ")]
    for path, text in texts:
        found = PACKAGE_IMPORT.search(text)
        if found:
            raise RenderError(
                f"the template imports the Typst package @{found.group(1)}, which Typst "
                "would download; resumetool works offline and never downloads anything",
                path=path,
                hint="copy the package's .typ files into the template's folder and import "
                'them by path (#import "lib.typ": *), or install it as an @local package',
            )


# --------------------------------------------------------------------------- DOCX


def render_docx(resume: Resume, design: Design) -> bytes:
    """Fill the design's Word template with docxtpl, escaping every value as XML."""
    import zipfile

    from docx.opc.exceptions import OpcError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    path = design.file(SOURCE_FILE["docx"])
    if path is None:
        raise _missing(design, "docx")
    document = DocxTemplate(str(path))
    try:
        document.init_docx()
    except (OpcError, zipfile.BadZipFile, KeyError) as exc:
        raise RenderError(
            "not a readable Word file",
            path=path,
            hint="rebuild it (templates/build_docx_templates.py) or pick another template",
        ) from exc
    try:
        document.render(context_for(resume), jinja_env=environment(design), autoescape=False)
    except TemplateError as exc:
        raise _template_error(exc, design, SOURCE_FILE["docx"]) from exc
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- whole renders


def render_bytes(resume: Resume, design: Design, fmt: str) -> list[bytes]:
    """One format rendered in memory: one item, or one per page for PNG."""
    _source_file(design, fmt)
    if fmt in ("pdf", "png"):
        return compile_typst(render_source(resume, design, fmt), design, fmt)
    if fmt == "docx":
        return [render_docx(resume, design)]
    return [render_source(resume, design, fmt).encode("utf-8")]


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """'pdf,docx' → ['pdf', 'docx'] (in FORMATS order, no repeats); unknown → UsageError."""
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {item.strip().lower().lstrip(".") for item in items if item.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise UsageError(
            f"unknown output format {', '.join(map(repr, unknown)) or '(none given)'}",
            hint=f"choose from {', '.join(FORMATS)}, e.g. --to pdf,docx — see `resumetool"
            " render --help`",
        )
    return [fmt for fmt in FORMATS if fmt in wanted]


def output_paths(fmt: str, out: Path, stem: str, pages: int, single: bool) -> list[Path]:
    """Where one format goes: ``out`` itself if it is a file name, else ``out/stem.ext``."""
    base = out if single and out.suffix.lower() == f".{fmt}" else out / f"{stem}.{fmt}"
    if pages == 1:
        return [base]
    return [base.with_name(f"{base.stem}-{n}{base.suffix}") for n in range(1, pages + 1)]


def render_resume(
    resume: Resume,
    template: str = DEFAULT_TEMPLATE,
    formats: str | Iterable[str] = ("pdf",),
    out: Path | str = ".",
    *,
    stem: str = "resume",
    extra_template_dirs: Iterable[Path] = (),
    on_format: Callable[[str], None] | None = None,
) -> list[Path]:
    """Render ``resume`` with design ``template`` to each format; return the files written.

    ``out`` is a folder (files are named ``<stem>.<ext>``), or, for a single format, a file
    name with that format's extension. Everything is rendered in memory first and each file
    is written atomically, so a failure leaves no partial file behind. ``on_format`` is
    called with each format before it is rendered (the CLI's progress bar).
    """
    fmts = parse_formats(formats)
    out = Path(out)
    if out.suffix and len(fmts) == 1 and out.suffix.lower() != f".{fmts[0]}":
        raise UsageError(
            f"-o {out} has the extension {out.suffix}, but the format is {fmts[0]}",
            hint=f"name the file *.{fmts[0]} or give a folder",
        )
    if out.suffix.lower().lstrip(".") in FORMATS and len(fmts) > 1:
        raise UsageError(
            f"-o {out} names one file, but {len(fmts)} formats were asked",
            hint="give a folder with -o",
        )
    design = find_design(template, extra_template_dirs)
    rendered = {}
    for fmt in fmts:
        if on_format is not None:
            on_format(fmt)
        rendered[fmt] = render_bytes(resume, design, fmt)
    written: list[Path] = []
    for fmt, pages in rendered.items():
        for path, data in zip(
            output_paths(fmt, out, stem, len(pages), len(fmts) == 1), pages, strict=True
        ):
            write_output(path, data, "the file")
            written.append(path)
    return written
