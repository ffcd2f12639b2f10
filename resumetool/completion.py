"""Shell completion of the names a person types: versions (v1, v2, latest) and interview ids.

Why from folder listings alone: completion runs on every Tab press, so it reads the names of
``resumes/v*`` folders and interview files (``versions.version_dirs``,
``Workspace.interview_paths``) — nothing parsed, nothing validated — and a missing workspace
simply completes nothing rather than printing an error into the user's command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .workspace import Workspace

LATEST = "latest"


def completing_workspace(ctx: Any) -> Workspace | None:
    """The workspace the command would use (``--workspace`` if typed, else the nearest one
    upwards), or None: completion never reports an error."""
    from .errors import WorkspaceError
    from .workspace import Workspace

    typed = ctx.find_root().params.get("workspace")
    try:
        return Workspace.find(explicit=Path(typed) if typed else None)
    except WorkspaceError:
        return None


def version_names(workspace: Workspace) -> list[str]:
    """'v1', 'v2', … in number order, then 'latest'."""
    from .versions import version_dirs

    numbers = [number for number, _ in version_dirs(workspace.resumes_dir)]
    return [f"v{n}" for n in numbers] + ([LATEST] if numbers else [])


def interview_ids(workspace: Workspace) -> list[str]:
    """Interview ids (their file names, oldest first), then 'latest'."""
    ids = [path.stem for path in workspace.interview_paths()]
    return ids + ([LATEST] if ids else [])


def _items(names: list[str], incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


def complete_version(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For a VERSION: the workspace's versions."""
    workspace = completing_workspace(ctx)
    return _items(version_names(workspace), incomplete) if workspace else []


def complete_version_or_file(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For a VERSION or FILE: the versions, and the shell's own file-name completion."""
    from click.shell_completion import CompletionItem

    return [*complete_version(ctx, param, incomplete), CompletionItem(incomplete, type="file")]


def complete_interview(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For an INTERVIEW: the logged interviews' ids."""
    workspace = completing_workspace(ctx)
    return _items(interview_ids(workspace), incomplete) if workspace else []
