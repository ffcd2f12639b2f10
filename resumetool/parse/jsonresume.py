"""JSON Resume files (.json, .yaml): loaded and validated straight into the model.

Why no lines: a JSON Resume document is already structured, so it skips the structure
stage. Errors name the field and, where the file has them, the line (JSON is read a
second time through ruamel only to learn line numbers; YAML keeps them anyway).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationFailed

if TYPE_CHECKING:
    from ..model import Resume


def load(path: Path, data: bytes) -> Resume:
    """Validate the JSON Resume document held in ``data`` (the bytes of ``path``)."""
    from ..files import read_yaml, validate
    from ..model import Resume
    from .text import decode

    text = decode(data)
    loaded: Any
    if text.lstrip().startswith("{"):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationFailed(
                f"invalid JSON: {exc.msg}",
                path=path,
                line=exc.lineno,
                hint="fix the file and run again",
            ) from exc
        try:
            from ruamel.yaml import YAML

            loaded = YAML(typ="rt").load(text)
        except Exception:  # valid JSON that YAML reads differently: keep the JSON reading
            pass
    else:
        loaded = read_yaml(path)
    if not isinstance(loaded, dict):
        raise ValidationFailed(
            "a JSON Resume document must be a mapping with 'basics', 'work', …",
            path=path,
            hint="check that this is a JSON Resume file",
        )
    return validate(Resume, loaded, path)
