"""Shell completion of the names a person types: versions (v1, v2, latest) and interview ids.

Why from folder listings alone: completion runs on every Tab press, so it reads the names of
``resumes/v*`` folders and ``interviews/*.yaml`` files — nothing parsed, nothing validated —
and a missing or broken workspace simply completes nothing rather than printing an error
into the user's command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

LATEST = "latest"


def workspace_root(ctx: Any) -> Path | None:
    """The workspace the command would use: ``--workspace`` if typed, else the nearest one
    above the current folder (as ``Workspace`` finds it, without loading anything)."""
    from .workspace import SETTINGS_FILE

    typed = ctx.find_root().params.get("workspace")
    here = Path(typed or Path.cwd()).expanduser().resolve()
    return next((p for p in (here, *here.parents) if (p / SETTINGS_FILE).is_file()), None)


def version_names(root: Path) -> list[str]:
    """'v1', 'v2', … in number order, then 'latest'."""
    from .versions import VERSION_DIR
    from .workspace import RESUMES_DIR

    numbers = sorted(
        int(match[1])
        for folder in _entries(root / RESUMES_DIR)
        if folder.is_dir() and (match := VERSION_DIR.match(folder.name))
    )
    return [f"v{n}" for n in numbers] + ([LATEST] if numbers else [])


def interview_ids(root: Path) -> list[str]:
    """Interview ids (their file names, oldest first), then 'latest'."""
    from .workspace import INTERVIEWS_DIR

    ids = sorted(p.stem for p in _entries(root / INTERVIEWS_DIR) if p.suffix == ".yaml")
    return ids + ([LATEST] if ids else [])


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _items(names: list[str], incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


def complete_version(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For a VERSION: the workspace's versions."""
    root = workspace_root(ctx)
    return _items(version_names(root), incomplete) if root else []


def complete_version_or_file(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For a VERSION or FILE: the versions, and the shell's own file-name completion."""
    from click.shell_completion import CompletionItem

    return [*complete_version(ctx, param, incomplete), CompletionItem(incomplete, type="file")]


def complete_interview(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """For an INTERVIEW: the logged interviews' ids."""
    root = workspace_root(ctx)
    return _items(interview_ids(root), incomplete) if root else []
