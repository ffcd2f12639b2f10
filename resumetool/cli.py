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

from . import __version__, completion, interview_rules, plan_rules
from .terminal import Progress, Sheet, echo_plain, print_lines, print_markdown, stdout_console

if TYPE_CHECKING:
    from rich.console import Console

    from .dates import Prefer
    from .workspace import Workspace


class State:
    """Options shared by every command (set on the group)."""

    def __init__(self, workspace: Path | None, debug: bool, quiet: bool):
        self.workspace = workspace
        self.debug = debug
        self.quiet = quiet
        self.warned: set[str] = set()

    def console(self) -> Console:
        """A rich console for results on stdout: honours NO_COLOR and piping.

        Results are printed even under --quiet (it silences progress and notes, see ``say``).
        """
        return stdout_console()

    def say(self, message: str) -> None:
        """A progress or status line for people (stderr; silent under --quiet)."""
        if not self.quiet:
            click.echo(message, err=True)

    def progress(self, total: int, label: str) -> Progress:
        """A progress bar on stderr for work that may take over a second (see Progress)."""
        return Progress(total, label, enabled=not self.quiet and sys.stderr.isatty())

    def warn(self, message: str) -> None:
        """A problem the command works around (a misspelt key, kept as it is): one line on
        stderr, even under --quiet, once per command however often the file is read. The
        library reports these through ``on_warning``."""
        if message not in self.warned:
            self.warned.add(message)
            click.echo(f"resumetool: warning: {message}", err=True)

    def open_workspace(self) -> Workspace:
        """The workspace (--workspace, else the nearest one upwards), warning as ``warn``."""
        from .workspace import Workspace

        return Workspace.find(explicit=self.workspace, on_warning=self.warn)


class OneLineError(click.ClickException):
    """A click error (bad option, unknown command, missing argument…) shown the way every
    other error is: one line on stderr, ``resumetool: <message>``, with the command's
    ``--help`` to see. Click's own three lines (usage, "Try … --help", "Error: …") would
    be the only errors in another shape."""

    def __init__(self, original: click.ClickException, command_path: str | None = None):
        super().__init__(original.format_message())
        self.exit_code = original.exit_code
        self.is_usage = isinstance(original, click.UsageError)
        ctx = getattr(original, "ctx", None)
        self.command_path = _command_words(ctx) if ctx is not None else command_path

    def line(self) -> str:
        """'resumetool: no such option '--formt'; did you mean '--format'? — see …'."""
        text = _plain_click_message(self.message)
        if self.is_usage and "--help`" not in text:
            text += f" — see `{self.command_path or 'resumetool'} --help`"
        return f"resumetool: {text}"

    def show(self, file: Any = None) -> None:
        click.echo(self.line(), err=True)


def _command_words(ctx: click.Context, *more: str | None) -> str:
    """'resumetool interview add': the command as typed, whatever the program was called
    (``python -m resumetool``, a test runner)."""
    names: list[str] = [name for name in more if name]
    while ctx.parent is not None:
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["resumetool", *names])


def _plain_click_message(message: str) -> str:
    """Click's sentence ("No such option '-x'. Did you mean '-y'?") in the tool's style:
    one line, lowercase start, no closing full stop, the suggestion kept after a ';'."""
    import re

    text = " ".join(message.split())
    text = re.sub(r"\.?\s*\(?Did you mean (.*?)\)?$", r"; did you mean \1", text)
    if text[:1].isupper() and not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    return text.removesuffix(".")


class ResumetoolGroup(click.Group):
    """A group that turns library errors into one line and the right exit status."""

    GLOBAL_FLAGS = ("--debug", "--quiet", "-q")
    """Flags of the group that a person also types after the command (`render v2 -q`)."""
    GLOBAL_OPTIONS = ("--workspace", "-w")
    """Options of the group, with a value, that a person also types after the command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Move the global flags and options in front of the command, up to a ``--``:
        click only reads a group's options before its command, and typing them last
        (`versions -w ~/search`) is a habit."""
        if ctx.parent is None:
            args = self.hoist_global_options(args)
        return super().parse_args(ctx, args)

    @classmethod
    def hoist_global_options(cls, args: list[str]) -> list[str]:
        """``args`` with the global flags, ``-w DIR``, ``--workspace DIR``,
        ``--workspace=DIR`` and ``-wDIR`` moved to the front (up to a ``--``)."""
        cut = args.index("--") if "--" in args else len(args)
        head, tail = args[:cut], args[cut:]
        front: list[str] = []
        rest: list[str] = []
        index = 0
        while index < len(head):
            arg = head[index]
            if arg in cls.GLOBAL_OPTIONS:
                front.extend(head[index : index + 2])
                index += 1
            elif arg in cls.GLOBAL_FLAGS or cls._workspace_with_value(arg):
                front.append(arg)
            else:
                rest.append(arg)
            index += 1
        return front + rest + tail

    @staticmethod
    def _workspace_with_value(arg: str) -> bool:
        """``--workspace=DIR`` or ``-wDIR``: the option and its value in one word."""
        return arg.startswith(("--workspace=", "-w"))

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # The group's own options are parsed here, before ``invoke``: `resumetool --bogus`.
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except (OneLineError, click.exceptions.NoArgsIsHelpError):
            raise
        except click.ClickException as exc:
            raise OneLineError(exc, "resumetool") from exc

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import ResumetoolError

        def debugging() -> bool:
            # Asked after the failure: --debug is on ctx.obj once the group has parsed it.
            return (
                "--debug" in sys.argv
                or bool(os.environ.get("RESUMETOOL_DEBUG"))
                or bool(ctx.obj and ctx.obj.debug)
            )

        try:
            return super().invoke(ctx)
        except ResumetoolError as exc:
            if debugging():
                raise
            click.echo(f"resumetool: {exc.one_line()}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("resumetool: interrupted; nothing was half-written", err=True)
            ctx.exit(130)
        except (OneLineError, click.exceptions.NoArgsIsHelpError):
            raise  # the latter: a group typed alone (`resumetool interview`) shows its help
        except click.ClickException as exc:
            # Before the command runs, click knows the command only when it made its
            # context; otherwise the deepest name known here is the subcommand's.
            raise OneLineError(exc, _command_words(ctx, ctx.invoked_subcommand)) from exc
        except click.Abort:
            # Ctrl-C or end of input at a prompt: click would print "Aborted!".
            start = "\n" if sys.stdin.isatty() else ""  # the prompt's line is still open
            click.echo(f"{start}resumetool: stopped at a prompt; nothing was written", err=True)
            ctx.exit(1)
        except click.exceptions.Exit:
            raise
        except OSError as exc:
            # The system refused a read or write (permissions, a full disk, a vanished
            # folder): the user's to fix, so one line naming the file, like any other error.
            if debugging():
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            reason = " ".join((exc.strerror or str(exc) or type(exc).__name__).split())
            click.echo(
                f"resumetool: {where}{reason} — check the path, its permissions and the free "
                "space, then run again",
                err=True,
            )
            ctx.exit(1)
        except Exception as exc:
            if debugging():
                raise
            detail = " ".join(str(exc).split())[:300]
            click.echo(
                f"resumetool: internal error: {type(exc).__name__}: {detail} "
                "(run again with --debug for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(1)


pass_state = click.make_pass_decorator(State, ensure=True)


# -- what the commands share: options and ways to print ------------------------------------


def _format_option(
    choices: tuple[str, ...], *, default: str | None, help: str | None = None
) -> Any:
    """The ``--format`` option (into ``fmt``); ``default`` None leaves it to the command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def _echo_json(data: Any) -> None:
    """JSON for scripts on stdout: indented, non-ASCII text kept as it is."""
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _quoted(text: object) -> str:
    """``text`` as one shell word, for a command the user may copy ("Acme Corp")."""
    from .wording import shell_word

    return shell_word(str(text))


def _echo_wrote(path: Path) -> None:
    """The result line of a command that wrote a file the user asked for."""
    from .files import shown

    click.echo(f"wrote {shown(path)}")


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
    Examples:
      resumetool demo                       # the whole loop on an example job search
      resumetool init job-search && cd job-search
      resumetool import ~/resume.docx
      resumetool interview add --company "Acme Corp" --asked Scrum --outcome rejected
      resumetool analyze && resumetool draft && resumetool report
    """
    ctx.obj = State(workspace, debug, quiet)


@main.command(short_help="Parse a resume and print it (outline, JSON, YAML).")
@click.argument("file", type=click.Path(path_type=Path))
@_format_option(
    ("text", "json", "yaml"),
    default="text",
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
    from .structure import diagnose, format_outline, load_resume

    workspace = _workspace_or_none(state)
    headings = workspace.settings().headings if workspace is not None else None
    resume = load_resume(file, extra_headings=headings)
    for warning in diagnose(resume):
        state.warn(warning)
    if fmt == "json":
        _echo_json(resume.to_json_resume())
    elif fmt == "yaml":
        from .files import dump_yaml

        click.echo(dump_yaml(resume.to_json_resume()), nl=False)
    else:
        click.echo(format_outline(resume))


@main.command(short_help="Which asked-about skills the resume buries or lacks.")
@click.argument("resume", required=False, shell_complete=completion.complete_version_or_file)
@click.option(
    "--asked",
    multiple=True,
    metavar="SKILL",
    help="A skill to analyze (repeatable); without it, the skills the interviews asked about.",
)
@_format_option(
    ("table", "json", "md"),
    default="table",
    help="table: for the terminal; json: the data contract; md: a Markdown table.",
)
@pass_state
def analyze(state: State, resume: str | None, asked: tuple[str, ...], fmt: str) -> None:
    """Which asked-about skills the resume emphasizes, buries, implies or lacks.

    \b
    Examples:
      resumetool analyze resume.json --asked Scrum --asked "stakeholder management"
      resumetool analyze resume.pdf --format md > analysis.md
    """
    from .analyze import run, to_markdown, to_table

    result = run(resume, asked, workspace=state.workspace, on_warning=state.warn)
    if fmt == "table" and not result.skills:
        # An empty table says less than one line on what would fill it.
        click.echo(f"no skills to analyze in {result.resume}: no interview lists one asked about")
        state.say(
            "add them (`asked: [...]`) with `resumetool interview edit ID`, or pass --asked SKILL"
        )
        return
    if fmt == "json":
        _echo_json(result.to_json())
    elif fmt == "md":
        click.echo(to_markdown(result), nl=False)
    else:
        console = state.console()
        if console.is_terminal:
            console.print(to_table(result, width=console.width))
        else:
            echo_plain(to_table(result))


# -- workspace, interviews, companies ---------------------------------------------------

INTERVIEW_STAGES = interview_rules.STAGES
INTERVIEW_OUTCOMES = interview_rules.OUTCOMES
COMPANY_STATUSES = interview_rules.COMPANY_STATUSES
MAX_REFLECTIONS = interview_rules.MAX_REFLECTIONS
INTEREST_SCALE = (1, 5)
INTEREST = click.IntRange(*INTEREST_SCALE)
"""The interest scale, 1 (practice) … 5 (dream job): the bounds of ``interest`` in the
models of interview.py, checked here too so a typo is a usage error before any file is read."""
DATE_HELP = "2026-11-20, today, yesterday, '3 days ago', 'last friday', 'Nov 20'"
FUTURE_DATE_HELP = "2026-12-01, tomorrow, friday, 'next tuesday', 'in 3 days', 'Dec 1'"
"""Examples for a day ahead (a plan's start, a fixed interview date): the past ones in
DATE_HELP would be refused or read as next year there."""


class Day(click.ParamType):
    """A day as people type it (see resumetool.dates), for an option or a prompt.

    ``prefer`` settles "friday" or "Nov 20": an interview has happened ("past"), a
    scheduled date lies ahead ("future").
    """

    name = "text"  # the metavar --help shows

    def __init__(self, prefer: Prefer):
        self.prefer: Prefer = prefer

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from .dates import EXAMPLES, DateError, parse_date

        try:
            return parse_date(value, prefer=self.prefer)
        except DateError as exc:
            message = str(exc)
            if self.prefer == "future":
                message = message.replace(EXAMPLES, FUTURE_DATE_HELP.replace("'", ""))
            self.fail(message, param, ctx)


@main.command(short_help="Make a workspace here or in FOLDER.")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Your name, for reports and feedback e-mails.")
@click.option("--email", help="Your e-mail address.")
@click.option(
    "--force", is_flag=True, help="Make it even inside another workspace (which it then hides)."
)
@pass_state
def init(
    state: State, folder: Path | None, name: str | None, email: str | None, force: bool
) -> None:
    """Make a workspace here or in FOLDER.

    It holds resumetool.toml (settings), companies.yaml, interviews/ and resumes/; every
    command run inside it, or in a folder below, finds it. An existing one is left alone,
    and a folder inside another workspace is refused (unless --force).

    \b
    Examples:
      resumetool init job-search --name "Ada Lovelace"
      cd job-search && resumetool company add "Acme Corp" --interest 4
    """
    from .files import shown
    from .workspace import init_workspace

    workspace = init_workspace(
        folder or state.workspace or Path.cwd(), name=name, email=email, force=force
    )
    click.echo(f"made a resumetool workspace in {shown(workspace.root)}")
    state.say("next: `resumetool company add NAME --interest N`, `resumetool interview add`")


@main.group(short_help="Log interviews: asked, feedback, pros and cons.")
def interview() -> None:
    """Log interviews: what was asked, the feedback, three pros and three cons.

    \b
    Examples:
      resumetool interview add --company "Acme Corp" --role "Program Manager" \\
          --date yesterday --stage onsite --asked "Scrum, stakeholder management" \\
          --pro "clear STAR stories" --con "vague on metrics"
      resumetool interview list
      resumetool interview edit acme
    """


def _split_asked(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _ask_text(label: str) -> str | None:
    answer = click.prompt(label, default="", show_default=False)
    return answer.strip() or None


def _ask_list(label: str, limit: int | None = None) -> list[str]:
    """Ask one item at a time until an empty answer (or ``limit`` items)."""
    items: list[str] = []
    while limit is None or len(items) < limit:
        count = f" {len(items) + 1} of {limit}" if limit else ""
        answer = _ask_text(f"{label}{count} (empty to finish)")
        if answer is None:
            break
        items.append(answer)
    return items


def _ask_interest(default: int | None) -> int | None:
    """Ask until the answer is on the scale; an empty one leaves the interest unset (the
    company's in companies.yaml then counts)."""
    while True:
        answer = click.prompt(
            "Interest, 1 (practice) … 5 (dream job)",
            default=str(default) if default else "",
            show_default=bool(default),
        ).strip()
        if not answer:
            return None
        low, high = INTEREST_SCALE
        if answer.isdigit() and low <= int(answer) <= high:
            return int(answer)
        click.echo(f"Error: give a number from {low} to {high}, or nothing", err=True)


def _ask_day(default: str = "today") -> Any:
    return click.prompt(
        "Date (2026-11-20, yesterday, last friday…)", default=default, type=Day("past")
    )


def _confirm_company(fields: dict[str, Any], workspace: Workspace) -> None:
    """At a terminal, offer the listed company a new name is probably a slip for
    ("Umbrela Analytics"), before a typo becomes a company of its own."""
    typed = fields["company"].strip()
    close = workspace.similar_companies(typed)[:5]
    if len(close) == 1:
        if click.confirm(f"did you mean {close[0]}?", default=True):
            fields["company"] = close[0]
    elif close:
        click.echo(f"{typed} is not on your company list; did you mean one of these?")
        for number, name in enumerate(close, 1):
            click.echo(f"  {number}. {name}")
        choice = click.prompt(
            f"Number, or 0 to keep {typed}",
            type=click.IntRange(0, len(close)),
            default=0,
            show_default=False,
        )
        if choice:
            fields["company"] = close[choice - 1]


def _ask_missing(fields: dict[str, Any], workspace: Workspace) -> None:
    """Prompt for each interview field the options left out, in the file's order."""
    while not (fields["company"] or "").strip():
        fields["company"] = click.prompt("Company")
    _confirm_company(fields, workspace)
    if fields["role"] is None:
        fields["role"] = _ask_text("Role")
    if fields["date"] is None:
        fields["date"] = _ask_day()
    if fields["interest"] is None:
        fields["interest"] = _ask_interest(workspace.interest_of(fields["company"]))
    if not fields["stage"]:
        fields["stage"] = click.prompt(
            "Stage", type=click.Choice(INTERVIEW_STAGES), default="other"
        )
    if not fields["outcome"]:
        fields["outcome"] = click.prompt(
            "Outcome", type=click.Choice(INTERVIEW_OUTCOMES), default="pending"
        )
    if fields["interviewer"] is None:
        fields["interviewer"] = _ask_text("Interviewer")
    if not fields["asked"]:
        topics = _ask_text("Skills or topics asked about, commas between") or ""
        fields["asked"] = _split_asked((topics,))
    fields["questions"] = fields["questions"] or _ask_list("Question asked")
    if fields["feedback"] is None:
        fields["feedback"] = _ask_text("Feedback")
    fields["pros"] = fields["pros"] or _ask_list("Pro", MAX_REFLECTIONS)
    fields["cons"] = fields["cons"] or _ask_list("Con", MAX_REFLECTIONS)
    if fields["notes"] is None:
        fields["notes"] = _ask_text("Notes")


@interview.command("add", short_help="Log an interview; at a terminal, asks for what is missing.")
@click.option("--company", help="The company's name.")
@click.option("--role", help="The role you interviewed for.")
@click.option("--date", "day", type=Day("past"), help=f"The day (default today): {DATE_HELP}.")
@click.option(
    "--interest",
    type=INTEREST,
    help="1 (practice) … 5 (dream job); default: the company's in companies.yaml.",
)
@click.option("--stage", type=click.Choice(INTERVIEW_STAGES), help="Default: other.")
@click.option("--outcome", type=click.Choice(INTERVIEW_OUTCOMES), help="Default: pending.")
@click.option(
    "--asked",
    multiple=True,
    metavar="SKILL",
    help="A skill or topic they asked about; repeat it or separate with commas.",
)
@click.option("--question", "questions", multiple=True, help="A question they asked; repeatable.")
@click.option("--feedback", help="What they told you (add it later with `interview edit`).")
@click.option("--pro", "pros", multiple=True, help="Something that went well; at most three.")
@click.option("--con", "cons", multiple=True, help="Something to do better; at most three.")
@click.option("--interviewer", help="Who interviewed you.")
@click.option("--notes", help="Anything else worth keeping.")
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for what is missing (default: only when stdin is a terminal).",
)
@pass_state
def interview_add(
    state: State,
    company: str | None,
    role: str | None,
    day: Any,
    interest: int | None,
    stage: str | None,
    outcome: str | None,
    asked: tuple[str, ...],
    questions: tuple[str, ...],
    feedback: str | None,
    pros: tuple[str, ...],
    cons: tuple[str, ...],
    interviewer: str | None,
    notes: str | None,
    interactive: bool | None,
) -> None:
    """Log an interview: one YAML file in interviews/ (prompts for what is missing when
    run at a terminal; never when stdin is not one).

    A company name close to one on your list ("Umbrela" for "Umbrella Analytics") is
    questioned: asked about at a terminal, warned about otherwise. A final outcome
    (rejected, withdrawn, offer) closes the company in companies.yaml for the plan.

    \b
    Examples:
      resumetool interview add                  # asks for each field
      resumetool interview add --company "Acme Corp" --role "Program Manager" \\
          --date yesterday --stage onsite --outcome rejected \\
          --asked "Scrum, stakeholder management" --pro "clear STAR stories" \\
          --con "vague on metrics" --feedback "wanted deeper Scrum experience"
    """
    for flag, items in (("--pro", pros), ("--con", cons)):
        if len(items) > MAX_REFLECTIONS:
            raise click.UsageError(
                f"{flag} given {len(items)} times; at most {MAX_REFLECTIONS}: the reflection "
                "method keeps the three that matter most, so pick those"
            )
    if interactive is None:
        interactive = sys.stdin.isatty()
    workspace = state.open_workspace()
    if company is None and not interactive:
        raise click.UsageError(
            "missing --company NAME (stdin is not a terminal, so nothing was asked); pass it"
            " and the other fields as options, see `resumetool interview add --help`"
        )
    fields: dict[str, Any] = {
        "company": company,
        "role": role,
        "date": day,
        "interest": interest,
        "stage": stage,
        "outcome": outcome,
        "interviewer": interviewer,
        "asked": _split_asked(asked),
        "questions": list(questions),
        "feedback": feedback,
        "pros": list(pros),
        "cons": list(cons),
        "notes": notes,
    }
    if interactive:
        _ask_missing(fields, workspace)

    import datetime as dt

    from .files import shown
    from .interview import interview_from_options

    new = interview_from_options({**fields, "date": fields["date"] or dt.date.today()})
    path = workspace.add_interview(new)
    click.echo(shown(path))
    if new.date > dt.date.today():
        state.warn(
            f"{new.date.isoformat()} is after today: an interview is logged once it has"
            " happened; to schedule one, `resumetool company set"
            f" {_quoted(new.company)} --status scheduled --date {new.date.isoformat()}` (and"
            f" `resumetool interview edit {path.stem}` to fix the date if it was a slip)"
        )
    slip_for = [] if interactive else workspace.similar_companies(new.company)
    if slip_for:
        guess = " or ".join(slip_for[:3])
        state.warn(
            f"{new.company} is not in companies.yaml; did you mean {guess}? Logged as typed;"
            f" to fix it, run `resumetool interview edit {path.stem}` and set company:"
            f" {slip_for[0]}"
        )
        return
    added = workspace.remember_company(new)
    if added is not None:
        state.say(
            f"added {added.name} to companies.yaml (interest {added.interest}, {added.status})"
        )
    elif workspace.interest_of(new.company) is None:
        state.say(
            f"note: {new.company} is not in companies.yaml; add it with "
            f"`resumetool company add {_quoted(new.company)} --interest N` so it counts as it"
            " should"
        )
    _say_outcome_recorded(state, workspace, new)


def _say_outcome_recorded(state: State, workspace: Workspace, logged: Any) -> None:
    """Carry a final outcome over to companies.yaml, in one note line."""
    updated = workspace.record_outcome(logged)
    if updated is not None:
        state.say(
            f"note: {updated.name} is now {updated.status} in companies.yaml (this interview:"
            f" {logged.outcome}), so `resumetool plan` leaves it out"
        )


@interview.command("list")
@_format_option(("table", "json"), default="table")
@pass_state
def interview_list(state: State, fmt: str) -> None:
    """List the logged interviews, oldest first.

    \b
    Examples:
      resumetool interview list
      resumetool interview list --format json > interviews.json
    """
    from .interview import interview_to_json

    interviews = state.open_workspace().interviews()
    if fmt == "json":
        _echo_json([interview_to_json(item) for item in interviews])
        return
    if not interviews:
        state.say("no interviews yet; log one with `resumetool interview add`")
        return
    table = Sheet(
        "id",
        "date",
        "company",
        "interest",
        "stage",
        "outcome",
        "asked",
        cut=("id",),
        wrap=("asked",),
        squeeze=(
            ("asked", 20),
            ("interest", None),
            ("stage", None),
            ("id", Sheet.CUT_READABLE),
            ("asked", 12),
            ("asked", None),
            ("id", 12),
            ("id", None),  # cut shorter, an id no longer tells interviews apart
        ),
    )
    for item in interviews:
        table.add_row(
            item.id,
            item.date.isoformat(),
            item.company,
            str(item.interest or "—"),
            item.stage,
            item.outcome,
            ", ".join(item.asked),
        )
    table.print(state.console())


@interview.command("show")
@click.argument(
    "ref", metavar="[ID]", default="latest", shell_complete=completion.complete_interview
)
@_format_option(
    ("text", "yaml", "json"),
    default="text",
    help="text: to read; yaml: the file as it is, comments included; json: for scripts.",
)
@pass_state
def interview_show(state: State, ref: str, fmt: str) -> None:
    """Show one interview. ID: its id, a unique part of it (acme), or latest (the default).

    \b
    Examples:
      resumetool interview show acme
      resumetool interview show latest --format yaml
    """
    workspace = state.open_workspace()
    path = workspace.interview_path(ref)
    item = workspace.load_interview_file(path)
    if fmt == "yaml":
        click.echo(path.read_text(encoding="utf-8"), nl=False)
    elif fmt == "json":
        from .interview import interview_to_json

        _echo_json(interview_to_json(item))
    else:
        from .interview import format_interview

        click.echo(format_interview(item))


@interview.command("edit")
@click.argument(
    "ref", metavar="[ID]", default="latest", shell_complete=completion.complete_interview
)
@pass_state
def interview_edit(state: State, ref: str) -> None:
    """Edit one interview in $EDITOR. The file is saved only if the edit validates;
    otherwise it stays as it was and the edit is kept aside for another try. ID: its id,
    a unique part of it (acme), or latest (the default).

    \b
    Examples:
      resumetool interview edit acme            # add the feedback once it arrives
      EDITOR=nano resumetool interview edit latest
    """
    import shutil
    import tempfile

    from .files import shown

    workspace = state.open_workspace()
    path = workspace.interview_path(ref)
    original = path.read_bytes()
    folder = Path(tempfile.mkdtemp(prefix="resumetool-edit-"))
    copy = folder / path.name
    copy.write_bytes(original)
    # The copy goes once saved or unchanged; an edit that does not validate, or meets a
    # file changed meanwhile, stays where the error's hint says, for another try.
    try:
        _edit(filename=str(copy), extension=".yaml")
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if copy.read_bytes() == original:
        shutil.rmtree(folder, ignore_errors=True)
        state.say(f"no changes; {shown(path)} left as it was")
        return
    before = _outcome_of(workspace, path)
    saved = workspace.replace_interview(path.stem, copy, expected=original)
    shutil.rmtree(folder, ignore_errors=True)
    click.echo(f"saved {shown(path)}")
    if saved.outcome != before:
        _say_outcome_recorded(state, workspace, saved)


def _edit(text: str | None = None, **options: Any) -> Any:
    """``click.edit``, with an editor that will not start reported as one line naming it
    and what to do (click's own is "Editing failed: [Errno 2] …")."""
    from .errors import ResumetoolError

    try:
        return click.edit(text, **options)
    except click.ClickException as exc:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        cause = exc.__cause__
        if isinstance(cause, OSError):
            reason = (cause.strerror or str(cause)).lower()
            raise ResumetoolError(
                f"could not start the editor {editor!r} ($VISUAL or $EDITOR): {reason}",
                hint="set EDITOR to an editor installed here, e.g. EDITOR=nano",
            ) from exc
        raise ResumetoolError(
            f"the editor {editor!r} stopped with an error; nothing was saved",
            hint="run the command again",
        ) from exc


def _outcome_of(workspace: Workspace, path: Path) -> str | None:
    """The outcome the interview file says now (None if it does not validate: the edit
    may be the fix)."""
    from .errors import ResumetoolError

    try:
        return workspace.load_interview_file(path).outcome
    except ResumetoolError:
        return None


@main.group(short_help="Your ranked companies: interest 1–5, status, date.")
def company() -> None:
    """Your ranked company list (companies.yaml): interest 1–5, status, a fixed date.

    \b
    Examples:
      resumetool company add "Acme Corp" --interest 4 --status applied
      resumetool company set "Acme Corp" --status scheduled --date "next tuesday"
      resumetool company list
    """


@company.command("add")
@click.argument("name")
@click.option("--interest", type=INTEREST, required=True, help="1 (practice) … 5 (dream job).")
@click.option("--status", type=click.Choice(COMPANY_STATUSES), help="Default: target.")
@click.option("--date", "day", type=Day("future"), help=f"A fixed day: {FUTURE_DATE_HELP}.")
@click.option("--notes", help="Anything worth keeping.")
@pass_state
def company_add(
    state: State, name: str, interest: int, status: str | None, day: Any, notes: str | None
) -> None:
    """Put a company on the list.

    \b
    Examples:
      resumetool company add "Acme Corp" --interest 2
      resumetool company add "Beta Labs" --interest 5 --status applied --date "next friday"
    """
    added = state.open_workspace().add_company(name, interest, status=status, date=day, notes=notes)
    date = f", {added.date.isoformat()}" if added.date else ""
    click.echo(f"added {added.name} (interest {added.interest}, {added.status}{date})")
    _warn_far_ahead(state, added)


def _warn_far_ahead(state: State, company: Any) -> None:
    """A fixed date half a year or more ahead is more likely a misread day ("Nov 20" on 25
    November) than a plan: say how it was read, since the plan works around it."""
    import datetime as dt

    from .dates import long_date

    if company.date is None:
        return
    ahead = (company.date - dt.date.today()).days
    if ahead > plan_rules.FAR_AHEAD_DAYS:
        state.warn(
            f"{company.name}'s date is {long_date(company.date)}, {ahead} days from now"
            " (the plan waits for it); if you meant another day, give it as YYYY-MM-DD:"
            f" `resumetool company set {_quoted(company.name)} --date YYYY-MM-DD`"
        )


@company.command("set")
@click.argument("name")
@click.option("--interest", type=INTEREST, help="1 (practice) … 5 (dream job).")
@click.option("--status", type=click.Choice(COMPANY_STATUSES))
@click.option("--date", "day", type=Day("future"), help=f"A fixed day: {FUTURE_DATE_HELP}.")
@click.option("--notes", help="Anything worth keeping.")
@pass_state
def company_set(
    state: State,
    name: str,
    interest: int | None,
    status: str | None,
    day: Any,
    notes: str | None,
) -> None:
    """Change a listed company; your comments in companies.yaml are kept.

    \b
    Examples:
      resumetool company set "Acme Corp" --status scheduled --date "next tuesday"
      resumetool company set "Beta Labs" --interest 4
    """
    updated = state.open_workspace().update_company(
        name, interest=interest, status=status, date=day, notes=notes
    )
    date = f", {updated.date.isoformat()}" if updated.date else ""
    click.echo(f"{updated.name}: interest {updated.interest}, {updated.status}{date}")
    if day is not None:
        _warn_far_ahead(state, updated)


@company.command("list")
@_format_option(("table", "json"), default="table")
@pass_state
def company_list(state: State, fmt: str) -> None:
    """List the companies, most wanted first.

    \b
    Examples:
      resumetool company list
      resumetool company list --format json
    """
    ranked = state.open_workspace().companies().ranked()
    if fmt == "json":
        from .interview import company_to_json

        _echo_json([company_to_json(c) for c in ranked])
        return
    if not ranked:
        state.say("no companies yet; add one with `resumetool company add NAME --interest N`")
        return
    table = Sheet(
        "company",
        "interest",
        "status",
        "date",
        "notes",
        wrap=("notes",),
        squeeze=(("notes", Sheet.WRAP_READABLE), ("notes", 12), ("notes", None)),
    )
    for item in ranked:
        table.add_row(
            item.name,
            str(item.interest),
            item.status,
            item.date.isoformat() if item.date else "",
            item.notes or "",
        )
    table.print(state.console())


# -- plan and feedback request ----------------------------------------------------------


@main.command(short_help="Plan the next interviews: practice first, then targets.")
@click.option(
    "--start",
    type=Day("future"),
    help=f"The first day to plan (default tomorrow; not in the past): {FUTURE_DATE_HELP}.",
)
@click.option(
    "--practice-gap",
    type=int,
    default=plan_rules.DEFAULT_PRACTICE_GAP,
    show_default=True,
    metavar="DAYS",
    help="Days between practice interviews, to reflect and revise the resume.",
)
@click.option(
    "--cluster-gap",
    type=int,
    default=plan_rules.DEFAULT_CLUSTER_GAP,
    show_default=True,
    metavar="DAYS",
    help="Days between target interviews (0–2 keeps the offers together).",
)
@click.option(
    "--weekends", is_flag=True, help="Plan Saturdays and Sundays too (gaps count every day)."
)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the plan as a calendar file to import (all-day events).",
)
@_format_option(("table", "json"), default="table")
@pass_state
def plan(
    state: State,
    start: Any,
    practice_gap: int,
    cluster_gap: int,
    weekends: bool,
    ics: Path | None,
    fmt: str,
) -> None:
    """Plan the next interviews from companies.yaml: low-interest companies first, as
    practice, a few days apart; then the ones you want most close together, highest
    interest last, so the offers arrive at the same time. Fixed dates are kept.

    \b
    Examples:
      resumetool plan
      resumetool plan --start "next monday" --ics plan.ics
      resumetool plan --practice-gap 4 --cluster-gap 0 --format json
    """
    from .errors import WorkspaceError
    from .files import shown
    from .plan import describe_day, plan_interviews, write_ics

    workspace = state.open_workspace()
    companies = workspace.companies()
    if not companies.companies:
        raise WorkspaceError(
            "no companies to plan yet",
            path=shown(workspace.companies_path),
            hint="add them with `resumetool company add NAME --interest N`"
            " (1 = practice … 5 = dream job)",
        )
    schedule = plan_interviews(
        companies,
        start=start,
        practice_gap=practice_gap,
        cluster_gap=cluster_gap,
        weekends=weekends,
        interviews=workspace.interviews(),
    )
    if fmt == "json":
        click.echo(schedule.model_dump_json(indent=2))
    else:
        if schedule.slots:
            table = Sheet(
                "date",
                "company",
                "interest",
                "kind",
                "why",
                wrap=("why",),
                # "kind" goes before "why" narrows: each reason starts with it anyway.
                squeeze=(("why", Sheet.WRAP_READABLE), ("interest", None), ("kind", None)),
            )
            for slot in schedule.slots:
                table.add_row(
                    describe_day(slot.date),
                    slot.company,
                    str(slot.interest),
                    slot.kind,
                    slot.reason,
                )
            table.print(state.console())
        if not state.quiet:  # --quiet: the plan only, as for every command's notes
            print_lines(state.console(), [f"note: {note}" for note in schedule.notes])
    if ics is not None:
        write_ics(schedule, ics)
        state.say(
            f"wrote {shown(ics)} ({len(schedule.slots)} events; import it into your calendar)"
        )


@main.command("feedback-request", short_help="Draft a polite e-mail asking for feedback.")
@click.argument(
    "ref", metavar="[INTERVIEW]", default="latest", shell_complete=completion.complete_interview
)
@click.option(
    "--to-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the e-mail to this file instead of printing it.",
)
@pass_state
def feedback_request(state: State, ref: str, to_file: Path | None) -> None:
    """Draft a short, polite e-mail asking the interviewer for feedback — to learn, not
    to be reconsidered. INTERVIEW: its id, a unique part of it (acme), or latest (the default).

    The wording comes from a template; copy it to templates/feedback_request.txt.j2 in
    your workspace to change it.

    \b
    Examples:
      resumetool feedback-request acme
      resumetool feedback-request 2026-11-20-acme-corp --to-file feedback.txt
    """
    from .feedback import draft_feedback_request, write_email

    workspace = state.open_workspace()
    interview = workspace.interview(ref)
    email = draft_feedback_request(
        interview,
        candidate=workspace.settings().name,
        template_dirs=[workspace.templates_dir],
    )
    if to_file is not None:
        _echo_wrote(write_email(email, to_file))
    else:
        click.echo(email.text, nl=False)
    for note in email.notes:
        state.say(f"note: {note}")


# -- render and templates ----------------------------------------------------------------


def _workspace_or_none(state: State) -> Workspace | None:
    """The workspace if there is one; outside any, None (an explicit --workspace must exist)."""
    from .errors import WorkspaceError

    try:
        return state.open_workspace()
    except WorkspaceError:
        if state.workspace is not None:
            raise
        return None


@main.command(short_help="Render a version or file to PDF, Word, MD, HTML, PNG.")
@click.argument(
    "source",
    required=False,
    metavar="[VERSION|FILE]",
    shell_complete=completion.complete_version_or_file,
)
@click.option(
    "--template",
    "-t",
    metavar="NAME",
    help="The design (see `resumetool templates`). Default: the workspace's, else classic.",
)
@click.option(
    "--to",
    "formats",
    default="pdf",
    show_default=True,
    metavar="FORMATS",
    help="Comma-separated: pdf, docx, md, html, png (one PNG per page).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Folder for the files, or a file name when one format is asked."
    " Default: the version's folder, or FILE's folder.",
)
@pass_state
def render(
    state: State, source: str | None, template: str | None, formats: str, output: Path | None
) -> None:
    """Render a resume through a template to PDF, Word, Markdown, HTML or PNG.

    VERSION (v3, latest; the default in a workspace) renders into the version's own
    folder; FILE is a JSON Resume (.json, .yaml) or any resume `resumetool parse` reads.
    PDFs use only the fonts shipped with resumetool, so they look the same everywhere.

    \b
    Examples:
      resumetool render                       # the latest version, to PDF
      resumetool render v2 --to pdf,docx --template modern
      resumetool render resume.json --to pdf -o out/cv.pdf
    """
    from .render import DEFAULT_TEMPLATE, parse_formats, render_resume
    from .versions import render_destination

    fmts = parse_formats(formats)
    workspace = _workspace_or_none(state)
    extra = [workspace.templates_dir] if workspace else []
    name = template or (workspace.settings().template if workspace else DEFAULT_TEMPLATE)
    resume, out, stem = render_destination(source, output, fmts, workspace)
    with state.progress(len(fmts), "rendering") as progress:
        paths = render_resume(
            resume,
            name,
            fmts,
            out,
            stem=stem,
            extra_template_dirs=extra,
            on_format=lambda fmt: progress.step(f"rendering {fmt}"),
        )
    for path in paths:
        _echo_wrote(path)


@main.command("templates", short_help="List the designs render can use.")
@click.option("--paths", is_flag=True, help="Also show each design's folder, to copy one.")
@pass_state
def templates_command(state: State, paths: bool) -> None:
    """List the designs `resumetool render --template NAME` can use (* = the default).

    Built-in designs, and the folders in your workspace's templates/: a folder with a
    built-in name replaces that design's files one by one, a new name adds a design.
    To make your own, copy a built-in folder (see --paths) into templates/ and edit it.

    \b
    Examples:
      resumetool templates
      resumetool templates --paths     # then copy a folder to templates/mine and edit it
      resumetool render --template mine
    """
    from .render import DEFAULT_TEMPLATE, list_designs

    workspace = _workspace_or_none(state)
    designs = list_designs([workspace.templates_dir] if workspace else [])
    default = workspace.settings().template if workspace else DEFAULT_TEMPLATE
    columns = ("template", "from", "formats", "description", *(("folder",) if paths else ()))
    table = Sheet(*columns, wrap=("description",))
    for design in designs:
        marker = "*" if design.name == default else ""
        row = [design.name + marker, design.origin, ",".join(design.formats()), design.description]
        table.add_row(*row, *([str(design.folders[0])] if paths else []))
    table.print(state.console())


# -- versions: import, versions, draft, diff ---------------------------------------------


@main.command("import", short_help="Store a resume file as the next version.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Store it even if a version has the same resume.")
@pass_state
def import_command(state: State, file: Path, force: bool) -> None:
    """Store a resume (DOCX, PDF, text, Markdown, JSON Resume) as the next version.

    It becomes resumes/vN/ (the parsed resume.yaml, meta.yaml, and the file itself as
    source.*). Versions never change; drafts and imports add new ones. A resume that is
    the same as a version's already there is not stored again (unless --force).

    \b
    Examples:
      resumetool import resume.docx
      resumetool import ~/Downloads/cv.pdf && resumetool analyze latest
    """
    from .files import shown
    from .versions import import_resume, summary_line

    workspace = state.open_workspace()
    stored = import_resume(workspace, file, force=force)
    version = stored.version
    if not stored.written:
        click.echo(f"{file.name} is identical to {version.label}; nothing written")
        state.say(f"to store it again anyway: `resumetool import {_quoted(file)} --force`")
        return
    resume = version.resume()
    click.echo(f"imported {file.name} as {version.label}: {summary_line(resume)}")
    from .structure import diagnose

    for warning in diagnose(resume):
        state.warn(warning)
    state.say(
        f"stored in {shown(version.path)}; next: `resumetool analyze {version.label}` or "
        "`resumetool draft`"
    )


@main.command("versions", short_help="List the versions, their lineage and why each exists.")
@_format_option(("table", "json"), default="table")
@pass_state
def versions_command(state: State, fmt: str) -> None:
    """List the resume versions, newest first, with their lineage and why each exists.

    \b
    Examples:
      resumetool versions
      resumetool versions --format json
    """
    from .versions import lineage_text, version_to_json

    versions = state.open_workspace().versions()
    by_number = {v.number: v for v in versions}
    newest_first = list(reversed(versions))
    if fmt == "json":
        _echo_json([version_to_json(v, by_number) for v in newest_first])
        return
    if not versions:
        state.say("no versions yet; import your resume with `resumetool import FILE`")
        return
    table = Sheet("version", "lineage", "created", "reason", cut=("lineage",), wrap=("reason",))
    for version in newest_first:
        created = version.meta.created.astimezone().strftime("%Y-%m-%d %H:%M")
        table.add_row(version.label, lineage_text(version, by_number), created, version.meta.reason)
    table.print(state.console())


def _choose_rewrites(draft: Any) -> Any:
    """Offer each suggested rewrite: accept, edit in $EDITOR, or skip."""
    from .draft import apply_suggestion, where

    offered = list(draft.suggestions)
    for number, suggestion in enumerate(offered, 1):
        click.echo(f"\nsuggestion {number} of {len(offered)}: {where(suggestion, draft.resume)}")
        click.echo(f"  now:      {suggestion.before}")
        click.echo(f"  proposed: {suggestion.after}")
        click.echo(f"  why:      {suggestion.reason}")
        choice = click.prompt(
            "  [a]ccept, [e]dit, or [s]kip?",
            type=click.Choice(["a", "e", "s"]),
            show_choices=False,
        )
        if choice == "a":
            draft = apply_suggestion(draft, suggestion)
        elif choice == "e":
            edited = _edit(f"{suggestion.after}\n", extension=".txt")
            draft = apply_suggestion(draft, suggestion, edited)
    return draft


def _print_draft(draft: Any, label: str) -> None:
    from .draft import describe

    if draft.changed:
        click.echo(f"{label} from {draft.parent}: {draft.headline()}")
        for number, edit in enumerate(draft.edits, 1):
            click.echo(f"  {number}. {describe(edit, draft.resume)}")
            click.echo(f"     why: {edit.reason}")
            if edit.interviews:  # on a line of its own: a reason may end in a parenthesis
                click.echo(f"     asked in: {', '.join(edit.interviews)}")
    if draft.suggestions:
        click.echo("suggested, not applied (`resumetool draft --interactive` offers each):")
        for edit in draft.suggestions:
            click.echo(f"  - {describe(edit, draft.resume)}")
            click.echo(f"    why: {edit.reason}")
    if draft.notes:
        click.echo("not added, for lack of evidence:")
        for note in draft.notes:
            click.echo(f"  - {note}")


@main.command(short_help="Write the next version, demanded skills first.")
@click.option(
    "--from",
    "from_ref",
    metavar="VERSION",
    help="The parent (default: latest).",
    shell_complete=completion.complete_version,
)
@click.option(
    "--emphasize",
    multiple=True,
    metavar="SKILL",
    help="A skill to lead with (repeatable, most important first); default: the skills "
    "the interviews asked about.",
)
@click.option(
    "--interactive", is_flag=True, help="Offer each rewrite that names a skill: accept/edit/skip."
)
@click.option(
    "--template", "-t", metavar="NAME", help="Design to render with (default: the workspace's)."
)
@click.option("--no-render", is_flag=True, help="Write the version only; render it later.")
@click.option(
    "--force", is_flag=True, help="Write it even if a version has the same resume already."
)
@pass_state
def draft(
    state: State,
    from_ref: str | None,
    emphasize: tuple[str, ...],
    interactive: bool,
    template: str | None,
    no_render: bool,
    force: bool,
) -> None:
    """Write the next version with the emphasis where the interviews' demand is.

    Lifts, in each entry, the one line showing the most demanded buried skill to the top,
    reorders skill groups and keywords so demanded skills lead, and adds a "Core skills"
    line to the summary naming the demanded skills the resume has evidence for. A skill
    with no evidence is never added; the draft says what would count. Naming an implied
    skill in its line is only suggested, or offered with --interactive. Then renders the
    new version to PDF and DOCX. A draft that comes out the same as a version already
    there is not written again (unless --force).

    \b
    Examples:
      resumetool draft
      resumetool draft --from v2 --emphasize Scrum --emphasize "stakeholder management"
      resumetool draft --interactive --template modern
    """
    from .draft import prepare, save
    from .files import shown

    workspace = state.open_workspace()
    design_name = template or workspace.settings().template
    extra = [workspace.templates_dir]
    if not no_render:
        from .render import find_design

        find_design(design_name, extra)
    parent, drafted = prepare(workspace, from_ref=from_ref, emphasize=emphasize)
    if interactive and drafted.suggestions:
        drafted = _choose_rewrites(drafted)
    if not drafted.changed:
        click.echo(f"nothing to change: {drafted.unchanged_reason()}; no version written")
        if not drafted.skills:
            state.say(
                "add what they asked (`asked: [...]`) with `resumetool interview edit ID`,"
                " or name skills with `resumetool draft --emphasize SKILL`"
            )
        _print_draft(drafted, parent.label)
        return
    stored = save(workspace, parent, drafted, force=force)
    version = stored.version
    if not stored.written:
        click.echo(
            f"the draft from {parent.label} is identical to {version.label}; nothing written"
        )
        state.say(
            f"see it with `resumetool versions`; write it anyway with `resumetool draft --from"
            f" {parent.label} --force`"
        )
        return
    _print_draft(drafted, f"drafted {version.label}")
    if no_render:
        state.say(f"render it with `resumetool render {version.label}`")
        return
    from .errors import ResumetoolError
    from .render import render_resume
    from .versions import RENDER_STEM

    try:
        with state.progress(2, f"rendering {version.label}") as progress:
            paths = render_resume(
                version.resume(),
                design_name,
                ("pdf", "docx"),
                version.path,
                stem=RENDER_STEM,
                extra_template_dirs=extra,
                on_format=lambda fmt: progress.step(f"rendering {version.label} to {fmt}"),
            )
    except ResumetoolError as exc:
        click.echo(
            f"resumetool: {version.label} is written, but rendering it failed: "
            f"{exc.one_line()} — render it with `resumetool render {version.label}`",
            err=True,
        )
        raise SystemExit(1) from None
    click.echo("rendered " + ", ".join(str(shown(p)) for p in paths))


@main.command("diff", short_help="What changed between two versions or files.")
@click.argument("a", metavar="A", shell_complete=completion.complete_version_or_file)
@click.argument("b", metavar="B", shell_complete=completion.complete_version_or_file)
@_format_option(
    ("text", "json", "md"),
    default="text",
    help="text: for the terminal (colours there, [-…-]/{+…+} when piped); json; md.",
)
@click.option(
    "--asked",
    multiple=True,
    metavar="SKILL",
    help="Skills whose emphasis to compare (default: the interviews' skills).",
)
@pass_state
def diff_command(state: State, a: str, b: str, fmt: str, asked: tuple[str, ...]) -> None:
    """What changed between two resumes: words, moved bullets, entries, and emphasis.

    A and B are versions (v1, 2, latest) or files. Bullets that moved are shown as
    moves; the emphasis of every demanded skill is compared before → after.

    \b
    Examples:
      resumetool diff v1 v2
      resumetool diff old.pdf new.docx --format md > changes.md
    """
    from .diff import run, to_json_text, to_markdown, to_text

    result = run(a, b, asked=asked, workspace=state.workspace, on_warning=state.warn)
    if fmt == "json":
        click.echo(to_json_text(result))
    elif fmt == "md":
        click.echo(to_markdown(result), nl=False)
    else:
        console = state.console()
        if console.is_terminal and console.color_system is not None and not console.no_color:
            console.print(to_text(result, color=True), soft_wrap=True)
        else:
            click.echo(to_text(result), nl=False)


# -- after the interview: report, practice, demo -----------------------------------------


@main.command(short_help="The after-interview report (Markdown or HTML).")
@click.argument(
    "ref", metavar="[INTERVIEW]", default="latest", shell_complete=completion.complete_interview
)
@_format_option(
    ("md", "html", "json"),
    default=None,
    help="md (default): to read here; html: one self-contained page with a chart; json: for"
    " scripts. Default with -o: from the file's extension.",
)
@click.option(
    "--resume",
    "resume_ref",
    metavar="FILE|VERSION",
    help="The resume to check against what was asked (default: the latest version).",
    shell_complete=completion.complete_version_or_file,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file. HTML goes to reports/INTERVIEW.html unless given.",
)
@pass_state
def report(
    state: State, ref: str, fmt: str | None, resume_ref: str | None, output: Path | None
) -> None:
    """After an interview: reflection, feedback, what was asked and how the resume covers
    it, what keeps coming back, the next resume edits and the plan — with the command for
    each next step. INTERVIEW: its id, a unique part of it (acme), or latest (the default).

    \b
    Examples:
      resumetool report
      resumetool report acme --format html
      resumetool report --resume v1 -o before-draft.md
    """
    from .report import build_report, default_path, format_for, render, write_report

    fmt = fmt or format_for(output)
    workspace = state.open_workspace()
    built = build_report(workspace, ref, resume_ref=resume_ref)
    text = render(built, fmt)
    if output is None and fmt == "html":
        output = default_path(workspace, built, fmt)
    if output is not None:
        _echo_wrote(write_report(text, output))
        if fmt == "html":
            state.say("open it in a browser; it is one file, with nothing fetched")
    elif fmt == "md":
        print_markdown(state.console(), text)
    else:
        click.echo(text)


@main.command(short_help="Mock-interview questions anchored in your resume.")
@click.option(
    "--skill",
    "skills",
    multiple=True,
    metavar="SKILL",
    help="Practise this skill (repeatable); default: every skill the interviews asked about.",
)
@click.option(
    "--interview",
    "interview_ref",
    metavar="ID",
    help="Practise what one interview asked, and its cons.",
)
@click.option(
    "--resume",
    "resume_ref",
    metavar="FILE|VERSION",
    help="The resume whose lines anchor the answers (default: the latest version).",
    shell_complete=completion.complete_version_or_file,
)
@click.option(
    "--questions",
    "count",
    type=click.IntRange(1, 12),
    default=3,
    show_default=True,
    help="Questions per skill.",
)
@_format_option(("md", "json"), default="md")
@pass_state
def practice(
    state: State,
    skills: tuple[str, ...],
    interview_ref: str | None,
    resume_ref: str | None,
    count: int,
    fmt: str,
) -> None:
    """Questions for a mock interview: on the skills the interviews keep asking about and
    on the cons that recur, each with your own resume lines to build a STAR answer on.
    For a skill your resume does not show, what to prepare instead (never claim it).

    \b
    Examples:
      resumetool practice
      resumetool practice --skill Scrum --skill "stakeholder management"
      resumetool practice --interview acme --format md > mock-interview.md
    """
    from .practice import build_practice, to_json, to_markdown

    if skills and interview_ref:
        raise click.UsageError("give --skill or --interview, not both")
    workspace = state.open_workspace()
    result = build_practice(
        workspace, skills=skills, interview=interview_ref, resume_ref=resume_ref, count=count
    )
    if fmt == "json":
        _echo_json(to_json(result))
    else:
        print_markdown(state.console(), to_markdown(result))


@main.command(short_help="Run the whole loop on an example job search.")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild an earlier demo in FOLDER.")
@pass_state
def demo(state: State, folder: Path | None, force: bool) -> None:
    """Build a complete example job search in FOLDER (default ./resumetool-demo) and run
    the whole loop on it: import a Word resume, log four interviews, analyze, draft v2,
    render PDF and Word, diff v1 and v2, write the report and the interview plan.

    \b
    Examples:
      resumetool demo
      resumetool demo /tmp/try-resumetool --force
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from .demo import DEFAULT_FOLDER, STEPS, check_target, run_demo
    from .files import shown

    target = folder or Path(DEFAULT_FOLDER)
    check_target(target, force=force)
    if state.quiet:  # results only: the files made, one path a line
        result = run_demo(target, force=force, on_step=lambda step: None)
        for step in result.steps:
            for path in step.files:
                click.echo(f"{shown(result.root)}/{path}")
        return
    console = state.console()
    console.print(
        Text.assemble("Building an example job search in ", (str(shown(target)), "bold"), " …"),
        soft_wrap=True,
    )
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=state.quiet or not console.is_terminal,
    )

    def say(*parts: tuple[str, str] | str) -> None:
        console.print(Text.assemble(*parts), highlight=False, soft_wrap=True)

    def show(step: Any) -> None:
        import textwrap

        width = console.width - 15 if console.is_terminal else 10_000
        for number, line in enumerate([step.summary, *step.details]):
            body = textwrap.fill(line, width=max(width, 30), subsequent_indent=" " * 15)
            if number == 0:
                say("  ", ("✓", "green"), " ", (f"{step.name:<10}", "bold"), " ", body)
            else:
                say(" " * 15, (body, "dim"))
        index = STEPS.index(step.name) if step.name in STEPS else 0
        following = STEPS[index + 1] if index + 1 < len(STEPS) else "done"
        progress.update(task, advance=1, description=following)

    with progress:
        task = progress.add_task(STEPS[0], total=len(STEPS))
        result = run_demo(target, force=force, on_step=show)
    root = shown(result.root)
    say("\n", ("What the draft changed", "bold"), " (v2's meta.yaml says why):")
    for line in result.edits:
        say(f"  {line}")
    if result.emphasis:
        say("\n", ("Emphasis, v1 → v2", "bold"), " (what a reader skimming sees first):")
        for line in result.emphasis:
            say(f"  {line}")
    say("\n", ("Files", "bold"), f" in {root}/:")
    for step in result.steps:
        for path in step.files:
            say(f"  {path}")
    report_file = next(s.files[0] for s in result.steps if s.name == "report")
    say(f"\nOpen {root}/{report_file} in a browser. Then try:")
    say(f"  cd {root}")
    for command in result.next_commands:
        say(f"  {command}")
