"""Read a resume file into lines with style cues, whatever its format.

Why one door: the format is decided by the bytes (``%PDF``, a zip holding
``word/document.xml``, OLE2 for old ``.doc``, JSON/YAML, text), not the extension, since
people rename files and mail clients mangle names. Each format has its own module with
one function ``read(path, data) -> Document``; limits (size, pages, encodings) are data in
``limits.yaml`` and are checked here, before any heavy library is imported.
"""

from __future__ import annotations

import functools
import re
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import InputError, UnsupportedFormat
from .lines import Document, Line, Run

__all__ = [
    "Document",
    "Line",
    "Run",
    "detect_format",
    "layout",
    "limits",
    "read_bytes",
    "read_document",
]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}


@functools.cache
def _data(name: str) -> dict[str, Any]:
    """A YAML data file beside this module, loaded once."""
    from ruamel.yaml import YAML

    return dict(YAML(typ="safe", pure=True).load(Path(__file__).with_name(name)))


def limits() -> dict[str, Any]:
    """The reading limits from ``limits.yaml``."""
    return _data("limits.yaml")


def layout() -> dict[str, float]:
    """The PDF reader's layout thresholds from ``layout.yaml``."""
    return {key: float(value) for key, value in _data("layout.yaml").items()}


def raised_inside(exc: BaseException, libraries: tuple[str, ...]) -> bool:
    """True when ``exc`` was raised inside a call into one of ``libraries`` (folders or
    files), however deep: the first frame after the last resumetool frame is theirs.

    Why: a reader library fed a damaged file fails in ways it does not document (TypeError
    on a missing attribute, NotImplementedError on a garbled header…). Raised there, the
    failure is about the file; raised in resumetool's own code, it is a bug to report.
    """
    own = str(Path(__file__).resolve().parent.parent)
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(str(Path(tb.tb_frame.f_code.co_filename).resolve()))
        tb = tb.tb_next
    ours = [i for i, name in enumerate(frames) if name.startswith(own)]
    below = frames[ours[-1] + 1] if ours and ours[-1] + 1 < len(frames) else None
    if below is None and frames and not ours:
        below = frames[0]
    return below is not None and below.startswith(libraries)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing, empty or oversized file with a clear reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError("file not found", path=path, hint="check the path") from exc
    if path.is_dir():
        raise InputError("is a folder, not a file", path=path, hint="give the resume file")
    if size == 0:
        raise InputError("the file is empty (0 bytes)", path=path, hint="export the resume again")
    cap = limits()["max_file_bytes"]
    if size > cap:
        raise InputError(
            f"the file is {size / 2**20:.1f} MB; resumetool reads resumes up to "
            f"{cap / 2**20:.0f} MB",
            path=path,
            hint="a resume is a few pages: export it without embedded images or attachments",
        )
    return path.read_bytes()


def detect_format(data: bytes, path: Path) -> str:
    """'pdf', 'docx', 'jsonresume' or 'text' from the content; refuse what cannot be read.

    Why by content: a ``.pdf`` that is really a Word file (or a ``.docx`` that is a PDF)
    must still be read, and an old ``.doc`` must get a precise hint, not garbage.
    """
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        raise UnsupportedFormat(
            "this is an old Word .doc (binary) file, which resumetool cannot read",
            path=path,
            hint="open it in Word or LibreOffice and save it as .docx",
        )
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, path)
    for magic, what in IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(
                f"this is {what}, not a resume document",
                path=path,
                hint="give the DOCX or PDF (or run OCR on the image first)",
            )
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat(
            "this is an RTF file, which resumetool cannot read",
            path=path,
            hint="save it as .docx or .pdf",
        )
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(
            "this is a binary file of a kind resumetool does not read",
            path=path,
            hint="give a .docx, .pdf, .txt, .md or JSON Resume file",
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") or (
        path.suffix.lower() in (".yaml", ".yml") and b"basics" in data[:65536]
    ):
        return "jsonresume"
    if _is_resume_yaml(data[:65536]):
        return "jsonresume"
    return "text"


_RESUME_KEYS = frozenset(
    [
        "$schema", "schema", "basics", "work", "volunteer", "education", "awards",
        "certificates", "publications", "skills", "languages", "interests", "references",
        "projects", "meta",
    ]
)  # fmt: skip
_TOP_KEY_RE = re.compile(rb"^([$A-Za-z_][\w$-]*)[ \t]*:(?:[ \t]|$)")


def _is_resume_yaml(head: bytes) -> bool:
    """JSON Resume written as YAML, whatever the file is called (``resume.txt``, ``cv``).

    Why these tests: a text resume never opens with a ``key:`` line, and its "Skills:" or
    "Work:" lines are not all JSON Resume section names. The document must open with a
    top-level key, every top-level key must be a JSON Resume one, and ``basics`` or
    ``work`` must be among them.
    """
    keys: list[bytes] = []
    for raw in head.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(b"#") or line == b"---":
            continue
        if line[:1] in (b" ", b"\t", b"-"):
            if not keys:
                return False
            continue
        match = _TOP_KEY_RE.match(line)
        if not match:
            return False
        keys.append(match.group(1).lower())
    names = {k.decode("ascii", "replace") for k in keys}
    return bool(names) and names <= _RESUME_KEYS and bool(names & {"basics", "work"})


def _zip_kind(data: bytes, path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception as exc:  # BadZipFile, NotImplementedError (garbled header), ValueError…
        # Only the zip library runs in this block, on the user's bytes: any failure is theirs.
        raise InputError(
            "the file looks like a Word document but is truncated or corrupt",
            path=path,
            hint="open it in Word or LibreOffice, save it again, and retry",
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise UnsupportedFormat(
            "this is an OpenDocument (.odt) file", path=path, hint="save it as .docx or .pdf"
        )
    raise UnsupportedFormat(
        "this is a zip archive, not a Word document",
        path=path,
        hint="give the .docx or .pdf itself",
    )


def read_document(path: Path) -> Document:
    """Read a DOCX, PDF, text or Markdown resume into lines with style cues.

    JSON Resume files have no lines to read; ``resumetool.structure.load_resume`` takes
    them straight to the model, and here they raise UnsupportedFormat.
    """
    path = Path(path)
    data = read_bytes(path)
    kind = detect_format(data, path)
    if kind == "pdf":
        from . import pdf

        return pdf.read(path, data)
    if kind == "docx":
        from . import docx

        return docx.read(path, data)
    if kind == "text":
        from . import text

        return text.read(path, data)
    raise UnsupportedFormat(
        "this is a JSON Resume file, which has no lines to read",
        path=path,
        hint="use resumetool.structure.load_resume for it",
    )
