"""Jinja environments: strict, the user's folders first, each built once.

Why one place: the resume designs (``render``), the after-interview report (``report``)
and the feedback e-mail (``feedback``) are all Jinja templates and must behave alike. A
misspelt value is an error naming the template file and line (``StrictUndefined``), never
a silent blank; a same-named file in an earlier folder (the workspace's ``templates/``)
replaces the built-in one; and an environment, whose templates compile once, is built
once per configuration and search path rather than on every render.

Each caller keeps what is its own — filters, globals, escaping — in a ``configure``
function that this module calls once on a new environment.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment

Configure = Callable[["Environment"], None]

_LOCK = threading.Lock()
_ENVIRONMENTS: dict[tuple[Configure, tuple[Path, ...]], Environment] = {}


def environment(folders: Iterable[Path], configure: Configure) -> Environment:
    """The one environment that looks templates up along ``folders`` (first match wins)
    and is set up by ``configure`` (filters, globals, autoescape, finalize)."""
    key = (configure, tuple(Path(f) for f in folders))
    with _LOCK:
        env = _ENVIRONMENTS.get(key)
        if env is None:
            env = _ENVIRONMENTS[key] = _new_environment(key[1], configure)
        return env


def _new_environment(folders: tuple[Path, ...], configure: Configure) -> Environment:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    configure(env)
    return env


def error_location(exc: BaseException, source: Path | str | None) -> str:
    """Where a Jinja error is, as 'file:line' (or the file alone when no line is known).

    A syntax error carries its own file and line; any other error is located through the
    traceback, at the last line of ``source`` (the template's file) Jinja was running.
    """
    from jinja2 import TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError):
        where, line = exc.filename or str(source), exc.lineno
    else:
        where, line = str(source), _template_line(exc, source)
    return f"{where}:{line}" if line else where


def _template_line(exc: BaseException, source: Path | str | None) -> int | None:
    wanted = {"<template>"}
    if source is not None:
        path = Path(source)
        wanted |= {str(path), os.path.normpath(path), str(path.resolve())}
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in wanted:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_MD_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>|])|^(#)")


def md_escape(text: object) -> str:
    """Text safe on one line of Markdown, a table cell included: markup characters escaped.

    A ``#`` is escaped only where it could open a heading (the start of the text), so
    "C#" stays "C#" for a person reading the Markdown at a terminal."""
    return _escape_inline(" ".join(str(text).split()))


def md_keep_code(text: object) -> str:
    """Like ``md_escape``, but `command` spans stay code spans (notes that name a command)."""
    parts = re.split(r"(`[^`]+`)", " ".join(str(text).split()))
    return "".join(p if p.startswith("`") else _escape_inline(p) for p in parts)


def _escape_inline(text: str) -> str:
    return _MD_INLINE_MARKUP.sub(lambda m: "\\" + (m[1] or m[2]), text)
