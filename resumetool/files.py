"""File I/O at the edges: atomic writes, comment-keeping YAML, validation that names
the file, the field and the line.

Why: a killed process must leave either the old complete file or the new complete one,
never half of either (temp file in the same folder, fsync, rename; ``create_new_file``
when a file must never replace another). YAML goes through ruamel.yaml's round-trip mode,
and a rewrite edits the loaded document in place (``update_map``), so a user's comments
survive when the tool rewrites a file.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import io
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import InputError, ValidationFailed
from .testpoints import pause_point
from .wording import count_noun

SCHEMA_VERSION = 1
"""The format version of the workspace's files; see ``SchemaFile``."""


@contextmanager
def atomic_open(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temp file beside ``path``; on success fsync and rename it over ``path``.

    The temp file is ``.<name>.<pid>.<random>.tmp``: hidden, git-ignored in resumes/, and
    swept by the next write of the same file once its writer is dead (a SIGKILL leaves it
    behind; nothing else ever reads it).
    """
    path = Path(path)
    _refuse_read_only(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep_dead_temps(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a written file follows the umask
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            pause_point("atomic:written", path.name)
            os.fsync(handle.fileno())
        pause_point("atomic:before-replace", path.name)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


TEMP_SUFFIX = ".tmp"


def _refuse_read_only(path: Path) -> None:
    """Raise PermissionError for a read-only file, as ``open(path, "w")`` would.

    Why: a rename replaces a file whatever its permissions, so without this check an atomic
    write would overwrite what ``open`` refuses — a version's resume.yaml, meta.yaml and
    source, made read-only because versions never change, among them.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise PermissionError(
            errno.EACCES,
            "the file is read-only, and resumetool never replaces a read-only file "
            "(a version's own files are read-only: versions never change)",
            str(path),
        )


def _sweep_dead_temps(path: Path) -> None:
    """Remove temp files of ``path`` left by writers that died (their pid is gone)."""
    prefix = f".{path.name}."
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for temp in candidates:
        pid = temp.name[len(prefix) :].split(".", 1)[0]
        if not temp.name.endswith(TEMP_SUFFIX) or not pid.isdigit():
            continue
        if not _alive(int(pid)):
            with contextlib.suppress(OSError):
                temp.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # on Windows, kill(pid, 0) would kill it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else (or no kill() here): leave it alone
        return True
    return True


def shown(path: Path | str) -> Path:
    """A path as a person in the current folder would type it."""
    path = Path(path)
    with contextlib.suppress(ValueError, OSError):
        relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
        if len(str(relative)) < len(str(path.resolve())):
            return relative
    return path


def write_output(path: Path, data: bytes | str, what: str = "the file") -> Path:
    """Write a result the user asked for (a render, a report, a calendar) atomically.

    Why one place: a folder given as the file, a missing parent folder and an unwritable
    place are the same three cases for every output, each one line naming the path.
    """
    from .errors import RenderError, UsageError

    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder", path=path, hint=f"give a file name for {what}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            atomic_write_text(path, data)
        else:
            atomic_write_bytes(path, data)
    except OSError as exc:
        raise RenderError(
            f"cannot write {what}: {exc.strerror or type(exc).__name__}",
            path=path,
            hint="choose a file in a folder you can write to",
        ) from exc
    return path


def create_new_file(folder: Path, names: Iterable[Path], data: bytes) -> Path:
    """Create the first of ``names`` (paths in ``folder``) that is free, holding ``data``,
    and return it; FileExistsError if every name is taken.

    Why not ``atomic_open``: that replaces a file; this never does, even with two writers
    at once (two ``interview add`` on the same day), and the file still appears whole or
    not at all: ``data`` goes once to a temp file, which is then linked under the name.
    """
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        taken = folder
        for path in names:
            try:
                _link_or_reserve(Path(tmp), path)
            except FileExistsError:
                taken = path
                continue
            fsync_dir(folder)
            return path
        raise FileExistsError(errno.EEXIST, "file exists", str(taken))
    finally:
        Path(tmp).unlink(missing_ok=True)


NO_LINK_ERRNOS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS)


def _link_or_reserve(tmp: Path, path: Path) -> None:
    # link() fails if the name exists, so the file appears whole and never overwrites;
    # where links are not supported, reserve the name with O_EXCL and rename over it.
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in NO_LINK_ERRNOS:
            raise
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    os.replace(tmp, path)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def fsync_dir(folder: Path) -> None:
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


def round_trip_yaml():
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
        raise InputError("file not found", path=path, hint="check the path") from exc
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", path=path, hint="save it as UTF-8") from exc
    try:
        return round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ValidationFailed(
            f"invalid YAML: {problem}", path=path, line=line, hint="fix the file and run again"
        ) from exc
    except YAMLError as exc:
        raise ValidationFailed(
            f"invalid YAML: {exc}", path=path, hint="fix the file and run again"
        ) from exc
    except (ValueError, OverflowError) as exc:
        # The YAML parses, but a value in it cannot be built — a date such as 2026-02-30
        # (ruamel turns dates into datetime.date, which refuses it, without a line number).
        found = _impossible_date(text)
        if found is None:
            raise ValidationFailed(
                f"invalid value: {exc}", path=path, hint="fix the value and run again"
            ) from exc
        line, key, value = found
        raise ValidationFailed(
            f"{value} is not a date ({exc}); {DATE_HINT}",
            path=path,
            field=key,
            line=line,
            hint="fix the file and run again",
        ) from exc


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])")
_KEY_BEFORE = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?)\s*:\s")


def _impossible_date(text: str) -> tuple[int, str | None, str] | None:
    """(1-based line, the key on that line if any, the text) of the first YYYY-MM-DD that
    is no real day."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                key = _KEY_BEFORE.match(line[: match.start()] + " ")
                return number, key[1] if key else None, match[0]
    return None


YAML_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def yaml_scalar(value: Any) -> Any:
    """Text styled so it loads back exactly.

    Why: ruamel's plain and single-quoted styles lose characters (NEL folds to a space, a
    leading '?' turns into a mapping key). Multi-line text becomes a literal block when YAML
    can hold it that way; control or unusual space characters and a leading indicator get
    double quotes (with escapes); everything else stays plain, as a person would write it.
    """
    if not isinstance(value, str) or not value or type(value) is not str:
        return value
    lines = value.split("\n")
    if len(lines) > 1 and all(_block_safe(line) for line in lines) and lines[0][:1] != " ":
        from ruamel.yaml.scalarstring import LiteralScalarString

        return LiteralScalarString(value)
    if not value.isprintable() or value[0] in YAML_INDICATORS:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(value)
    return value


def _block_safe(line: str) -> bool:
    return line == line.rstrip() and line.isprintable()


def _styled(data: Any) -> Any:
    """Apply ``yaml_scalar`` to every string, in place for mappings and lists (keeps comments)."""
    if isinstance(data, dict):
        for key in list(data):
            data[key] = _styled(data[key])
        return data
    if isinstance(data, list):
        for index, item in enumerate(data):
            data[index] = _styled(item)
        return data
    return yaml_scalar(data)


def dump_yaml(data: Any) -> str:
    buffer = io.StringIO()
    round_trip_yaml().dump(_styled(data), buffer)
    return buffer.getvalue()


def write_yaml(path: Path, data: Any) -> None:
    """Write YAML atomically; ``data`` may be a ruamel CommentedMap to keep comments."""
    atomic_write_text(path, dump_yaml(data))


def plain_data(value: Any) -> Any:
    """ruamel containers and scalars (kept in unknown keys) as plain JSON types."""
    if isinstance(value, dict):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    for kind in (int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return str(value)


def _is_default(info: Any, value: Any) -> bool:
    if info is None or info.is_required():
        return False
    return value == info.get_default(call_default_factory=True)


def update_map(target: Any, model: BaseModel, *, skip: tuple[str, ...] = ()) -> None:
    """Make ``target`` (a ruamel map) say what ``model`` says, touching only what differs;
    comment lines that stood after a key that goes, or before a key that is added at the
    end, stay where they were on the page."""
    values = model.model_dump(mode="python", by_alias=True)
    extras = model.model_extra or {}
    fields = {(info.alias or name): info for name, info in type(model).model_fields.items()}
    for key, value in values.items():
        if key in skip:
            continue
        if value is None:
            if target.get(key) is not None:
                _delete_key(target, key)
            continue
        if key not in target:
            if _is_default(fields.get(key), value):
                continue
            last = next(reversed(target), None) if len(target) else None
            target[key] = value
            if last is not None:
                move_trailing_comments((target, last), (target, key))
        elif target[key] != value:
            target[key] = value
    for key in list(target):
        if key not in values and key not in extras and key not in skip:
            _delete_key(target, key)


def _delete_key(target: Any, key: Any) -> None:
    keys = list(target)
    position = keys.index(key)
    if position > 0:
        move_trailing_comments((target, key), (target, keys[position - 1]))
    del target[key]


def move_trailing_comments(source: Any, destination: Any) -> None:
    """Move the comment lines that follow a value (ruamel keeps them on the line's own
    comment token, after its end-of-line part) to another value.

    ``source``/``destination``: a (map, key) pair, or a map meaning its last key."""
    src_map, src_key = source if isinstance(source, tuple) else (source, _last_key(source))
    dst_map, dst_key = (
        destination if isinstance(destination, tuple) else (destination, _last_key(destination))
    )
    if src_key is None or dst_key is None or not hasattr(src_map, "ca"):
        return
    item = src_map.ca.items.get(src_key)
    token = item[2] if item and len(item) > 2 else None
    if token is None:
        return
    head, _, tail = token.value.partition("\n")
    if not tail.strip():
        return
    moved = copy.copy(token)
    moved.value = "\n" + tail
    if head.strip():
        token.value = head + "\n"
    else:
        item[2] = None
    slot = dst_map.ca.items.setdefault(dst_key, [None, None, None, None])
    if slot[2] is None:
        slot[2] = moved
    else:
        slot[2].value = slot[2].value + tail


def _last_key(mapping: Any) -> Any:
    return next(reversed(mapping), None) if isinstance(mapping, dict) and len(mapping) else None


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


def validate(
    model: type,
    data: Any,
    path: Path | None = None,
    *,
    line_at: Callable[[tuple[Any, ...]], int | None] | None = None,
) -> Any:
    """``model.model_validate(data)``, a failure raised as ValidationFailed naming field and line.

    ``line_at`` finds the line of a field's location; by default ``line_of`` in ruamel-loaded
    ``data`` (a TOML file passes its own, as tomllib keeps no lines).

    Why: pydantic's multi-line report is for developers; a user needs the first problem
    with the file, the dotted field and the line to open. A ``SchemaFile`` written by a
    newer resumetool is refused before anything else: its fields may mean other things.
    """
    from pydantic import ValidationError

    if isinstance(model, type) and issubclass(model, SchemaFile) and isinstance(data, dict):
        _refuse_newer_schema(data, path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        field = ".".join(str(p) for p in loc) or None
        more = exc.error_count() - 1
        suffix = f" (and {count_noun(more, 'more problem')})" if more else ""
        raise ValidationFailed(
            plain_message(first, model) + suffix,
            path=path,
            field=field,
            line=line_at(loc) if line_at is not None else line_of(data, loc),
            hint="fix the file and run again",
        ) from exc


DATE_HINT = "write it as YYYY-MM-DD"
PLAIN_MESSAGES = {
    "missing": "is missing (required)",
    "string_type": "must be text",
    "list_type": "must be a list: [a, b] on one line, or one '- item' per line",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "dict_type": "must be keys with values (key: value)",
    "model_type": "must be keys with values (key: value)",
    "model_attributes_type": "must be keys with values (key: value)",
    "extra_forbidden": "is not a key this file knows",
}
"""Pydantic's error types in the words a person editing a YAML file needs (see
``plain_message``; types not listed keep pydantic's own message)."""


def plain_message(error: Any, model: type | None = None) -> str:
    """One pydantic error in plain words with the format to use: "is missing (required)",
    "is not a date; write it as YYYY-MM-DD", "must be one of …", "must be from 1 to 5".

    Why one place: every file the tool reads (interviews, companies.yaml, settings, a
    version's meta) and every option built through a model shows the same wording, and
    pydantic's ("Input should be a valid date or datetime, invalid character in year") is
    written for developers. ``model`` lets a range name both of its ends.
    """
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    given = error.get("input")
    if kind in PLAIN_MESSAGES:
        return PLAIN_MESSAGES[kind]
    if kind.startswith(("date_", "datetime_")):
        shown_value = f"{given} " if isinstance(given, str) and _short(given) else ""
        return f"{shown_value}is not a date; {DATE_HINT}"
    if kind in ("literal_error", "enum"):
        import difflib

        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        listed = ", ".join(choices) or str(context.get("expected", ""))
        if not _short(given):
            return f"must be one of {listed}"
        close = difflib.get_close_matches(str(given).casefold(), choices, n=1, cutoff=0.6)
        guess = f"; did you mean {close[0]}?" if close else ""
        return f"must be one of {listed} (not {given!r}{guess})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = _range_words(model, tuple(error.get("loc", ())), context)
        return f"must be {bounds}" + (f" (not {given!r})" if _short(given) else "")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        bounds = _range_words(model, tuple(error.get("loc", ())), {})
        return "must be a whole number" + (f" {bounds}" if bounds else "")
    if kind == "string_too_short":
        least = context.get("min_length", 1)
        return "is empty; give it a value" if least == 1 else f"needs {least} characters or more"
    message = str(error.get("msg", "is not valid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def _short(value: Any) -> bool:
    return isinstance(value, str | int | float) and len(str(value)) <= 40


def _range_words(model: type | None, loc: tuple[Any, ...], context: dict[str, Any]) -> str:
    """'from 1 to 5' (both ends, from the model's field), else '1 or more' / '5 or less'."""
    bounds = dict(context)
    info = _field_info(model, loc) if model is not None else None
    for item in getattr(info, "metadata", None) or []:
        for name in ("ge", "gt", "le", "lt"):
            if getattr(item, name, None) is not None:
                bounds.setdefault(name, getattr(item, name))
    low = bounds.get("ge", bounds["gt"] + 1 if isinstance(bounds.get("gt"), int) else None)
    high = bounds.get("le", bounds["lt"] - 1 if isinstance(bounds.get("lt"), int) else None)
    if low is not None and high is not None:
        return f"from {low} to {high}"
    if low is not None:
        return f"{low} or more"
    if high is not None:
        return f"{high} or less"
    return ""


def _field_info(model: type, loc: tuple[Any, ...]) -> Any:
    """The pydantic FieldInfo at ``loc`` (field names and list positions), or None."""
    import types
    import typing

    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0] if args else None
            continue
        if typing.get_origin(current) in (typing.Union, types.UnionType):
            current = next(
                (a for a in typing.get_args(current) if hasattr(a, "model_fields")), None
            )
        fields = getattr(current, "model_fields", None)
        if not fields:
            return None
        info = fields.get(part) or next((f for f in fields.values() if f.alias == part), None)
        if info is None:
            return None
        current = info.annotation
    return info


def _refuse_newer_schema(data: dict[str, Any], path: Path | None) -> None:
    schema = data.get("schema", SCHEMA_VERSION)
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise ValidationFailed(
            f"written by a newer resumetool (schema {schema}; this one reads {SCHEMA_VERSION});"
            " upgrade resumetool to read it",
            path=path,
            field="schema",
            line=line_of(data, ("schema",)),
            hint="pip install -U resumetool; the file was left as it is",
        )


class SchemaFile(BaseModel):
    """A workspace file with a ``schema`` number (interviews, companies, a version's meta).

    Why: a file written by a newer resumetool may mean something this one cannot read, so
    it is refused with "upgrade resumetool" rather than misread. Unknown keys are kept.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")

    @field_validator("schema_")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"schema {value} is newer than this resumetool understands ({SCHEMA_VERSION});"
                " upgrade resumetool"
            )
        return value
