"""Typed errors: the library raises these, the CLI turns each into one line on stderr.

Why: a user who gives a corrupt DOCX or a broken YAML file needs one sentence naming the
file and what to do next, not a traceback. Every error carries the path it is about and a
hint; ``exit_code`` follows DESIGN.md (2 usage errors, 1 failures).
"""

from __future__ import annotations

from pathlib import Path


class ResumetoolError(Exception):
    """Base for every failure the user can act on."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.hint = hint

    def one_line(self) -> str:
        """'<path>: <message> — <hint>' on a single line."""
        head = f"{self.path}: {self.message}" if self.path else self.message
        text = f"{head} — {self.hint}" if self.hint else head
        return " ".join(text.split())


class UsageError(ResumetoolError):
    """The command was called wrongly (unknown version, bad option value)."""

    exit_code = 2


class InputError(ResumetoolError):
    """A file the user gave cannot be read as what it claims to be."""


class UnsupportedFormat(InputError):
    """The file is of a kind resumetool does not read (old .doc, image, …)."""


class ValidationFailed(InputError):
    """A data file parsed but broke the model; ``field`` and ``line`` say where."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        field: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ):
        where = ":".join(str(p) for p in (path, line) if p is not None) or None
        super().__init__(f"{field}: {message}" if field else message, path=where, hint=hint)
        self.field = field
        self.line = line


class WorkspaceError(ResumetoolError):
    """No workspace, or a workspace in a state the command cannot use."""


class RenderError(ResumetoolError):
    """A template is missing, broken, or the output cannot be written."""
