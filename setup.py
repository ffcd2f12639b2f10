"""Build hook: ship the top-level templates/ (and the demo's examples/) inside the wheel.

Why: the designs live at the repository's top level (users copy them from there), but a
plain ``pip install .`` must render too. setuptools cannot map a folder outside the
package into it declaratively while packages are auto-discovered, so build_py copies it
after the normal build. Editable installs skip the copy: resumetool/render.py reads the
checkout's templates/ (and resumetool/demo.py its examples/) directly. All other
configuration is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"
EXAMPLES = Path(__file__).resolve().parent / "examples"
"""The demo's example files (`resumetool demo`), shipped as resumetool/examples."""


class BuildPyWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "resumetool" / "templates"
        shutil.copytree(
            TEMPLATES,
            target,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "build_docx_templates.py"),
        )
        shutil.copytree(
            EXAMPLES,
            Path(self.build_lib) / "resumetool" / "examples",
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.py"),
        )


setup(cmdclass={"build_py": BuildPyWithTemplates})
