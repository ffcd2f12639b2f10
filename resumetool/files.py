"""File I/O at the edges: atomic writes and comment-keeping YAML.

Why: a killed process must leave either the old complete file or the new complete one,
never half of either (temp file in the same folder, fsync, rename). YAML goes through
ruamel.yaml's round-trip mode so a user's comments survive when the tool rewrites a file.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import InputError, ValidationFailed


@contextmanager
def atomic_open(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temp file beside ``path``; on success fsync and rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_yaml(path: Path) -> Any:
    """Load YAML keeping comments; a syntax error names the file and line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("file not found", path=path) from exc
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", path=path, hint="save it as UTF-8") from exc
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ValidationFailed(
            f"invalid YAML: {problem}", path=path, line=line, hint="fix the file and run again"
        ) from exc
    except YAMLError as exc:
        raise ValidationFailed(f"invalid YAML: {exc}", path=path) from exc


def dump_yaml(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def write_yaml(path: Path, data: Any) -> None:
    """Write YAML atomically; ``data`` may be a ruamel CommentedMap to keep comments."""
    atomic_write_text(path, dump_yaml(data))


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the value at ``loc`` in ruamel-loaded ``data`` (nearest known parent)."""
    line = None
    node = data
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None:
                line = lc.key(key)[0] + 1 if isinstance(key, str) else lc.item(key)[0] + 1
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    return line


def validate(model: type, data: Any, path: Path | None = None) -> Any:
    """``model.model_validate(data)``, a failure raised as ValidationFailed naming field and line.

    Why: pydantic's multi-line report is for developers; a user needs the first problem
    with the file, the dotted field and the line to open.
    """
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        field = ".".join(str(p) for p in loc) or None
        more = exc.error_count() - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ValidationFailed(
            first["msg"] + suffix,
            path=path,
            field=field,
            line=line_of(data, loc),
            hint="fix the file and run again",
        ) from exc
