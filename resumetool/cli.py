"""The command line: parse options, call the library, print.

Why it is thin and lazy: ``resumetool --help`` must start as fast as click itself, so
this module imports only click at top level; each command imports the library modules
it needs (spaCy, pdfplumber and typst are heavy) inside its body. Library errors
(``ResumetoolError``) become one line on stderr with the exit status they carry.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__

if TYPE_CHECKING:
    from rich.console import Console


class State:
    """Options shared by every command (set on the group)."""

    def __init__(self, workspace: Path | None, debug: bool, quiet: bool):
        self.workspace = workspace
        self.debug = debug
        self.quiet = quiet

    def console(self, *, stderr: bool = False) -> Console:
        """A rich console that honours NO_COLOR, --quiet and piping."""
        from rich.console import Console

        return Console(
            stderr=stderr,
            no_color="NO_COLOR" in os.environ,
            quiet=self.quiet and not stderr,
            highlight=False,
            soft_wrap=False,
        )

    def say(self, message: str) -> None:
        """A progress or status line for people (stderr; silent under --quiet)."""
        if not self.quiet:
            click.echo(message, err=True)


class ResumetoolGroup(click.Group):
    """A group that turns library errors into one line and the right exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import ResumetoolError

        debug = "--debug" in sys.argv or bool(os.environ.get("RESUMETOOL_DEBUG"))
        try:
            return super().invoke(ctx)
        except ResumetoolError as exc:
            if debug or (ctx.obj and ctx.obj.debug):
                raise
            click.echo(f"resumetool: {exc.one_line()}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("resumetool: interrupted; nothing was half-written", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if debug or (ctx.obj and ctx.obj.debug):
                raise
            click.echo(
                f"resumetool: internal error: {type(exc).__name__}: {exc} "
                "(run again with --debug for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(1)


pass_state = click.make_pass_decorator(State, ensure=True)


@click.group(cls=ResumetoolGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="resumetool")
@click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="RESUMETOOL_WORKSPACE",
    help="Workspace folder (default: the nearest folder upwards with resumetool.toml).",
)
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.option("--quiet", "-q", is_flag=True, help="Print only results, no progress or notes.")
@click.pass_context
def main(ctx: click.Context, workspace: Path | None, debug: bool, quiet: bool) -> None:
    """Iterate on your resume between interviews.

    Parse a resume, log what interviewers asked about, see which skills the resume
    buries, draft the next version, render it, and diff versions.

    \b
    Example:
      resumetool parse resume.pdf --format text
    """
    ctx.obj = State(workspace, debug, quiet)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "yaml"]),
    default="text",
    show_default=True,
    help="text: an outline to check by eye; json: JSON Resume; yaml: the same as YAML.",
)
@pass_state
def parse(state: State, file: Path, fmt: str) -> None:
    """Parse a resume (DOCX, PDF, text, Markdown, JSON Resume) and print it.

    \b
    Examples:
      resumetool parse resume.docx
      resumetool parse resume.pdf --format json > resume.json
    """
    import json

    from .structure import format_outline, load_resume

    resume = load_resume(file)
    if fmt == "json":
        click.echo(json.dumps(resume.to_json_resume(), ensure_ascii=False, indent=2))
    elif fmt == "yaml":
        from .files import dump_yaml

        click.echo(dump_yaml(resume.to_json_resume()), nl=False)
    else:
        click.echo(format_outline(resume))
