"""Terminal output for the CLI: colour, progress bars, fitted tables, Markdown.

Why a module of its own: the command line (``cli``) should read as options → library call
→ print, and how a table gives way at a narrow terminal or a progress bar waits before it
shows is a layout question of its own, with its own tests (tests/test_cli_tables.py,
tests/test_terminal.py). Like ``cli``, it imports only click at top level: rich loads when
something is printed, so ``resumetool --help`` stays fast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console


def no_color() -> bool:
    """NO_COLOR set to anything but the empty string turns colour off (no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def stdout_console() -> Console:
    """A rich console for results on stdout. Colour: off under NO_COLOR, and rich drops it
    when stdout is not a terminal; no automatic highlighting, which would colour the numbers
    and paths in a company's notes as if they meant something."""
    from rich.console import Console

    return Console(no_color=no_color(), highlight=False, soft_wrap=False)


class Progress:
    """A rich progress bar on stderr that appears only once the work has run for a second.

    Why the delay: rendering one format takes a fraction of a second, and a bar that
    flashes and vanishes is noise; rendering several, or a cold start with Typst and its
    fonts, takes longer, and then the bar says what is happening. It is transient (gone
    when the work ends), never shown under --quiet or when stderr is not a terminal, and
    follows NO_COLOR.
    """

    DELAY_SECONDS = 1.0

    def __init__(self, total: int, label: str, *, enabled: bool):
        import threading

        self.total, self.label, self.enabled = total, label, enabled
        self._steps = 0
        self._bar: Any = None
        self._task: Any = None
        self._timer: Any = None
        self._lock = threading.Lock()
        self._shown = self._closed = False

    def __enter__(self) -> Progress:
        if self.enabled:
            import threading

            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn
            from rich.progress import Progress as Bar

            console = Console(stderr=True, no_color=no_color())
            self._bar = Bar(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            )
            self._task = self._bar.add_task(self.label, total=self.total)
            self._timer = threading.Timer(self.DELAY_SECONDS, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        with self._lock:
            if not self._closed:
                self._bar.start()
                self._shown = True

    def step(self, description: str) -> None:
        """Name the step starting now (the ones before it count as done)."""
        if self._bar is not None:
            self._bar.update(self._task, description=description, completed=self._steps)
        self._steps += 1

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._shown:
                self._bar.update(self._task, completed=self.total)
                self._bar.stop()


class Sheet:
    """A borderless table that fits where it is printed.

    Why not a plain rich table: rich squeezes every column alike, so at 60 columns an
    interview list lost its company column and a plan wrapped each row over five lines,
    and piped to a file a table was cut to 80 columns and padded with spaces. Here each
    column says how it may give way — ``keep`` (never cut or wrapped: dates, companies,
    skills, numbers), ``cut`` (truncated with '…': ids), ``wrap`` (long text: reasons,
    what was asked), and which may be left out at a narrow terminal (``squeeze``) — and
    piped, nothing gives way: whole rows, no trailing spaces.
    """

    GAP = 2
    """Spaces between columns."""
    WRAP_READABLE, CUT_READABLE = 24, 16
    """A wrapped column narrower than 24 reads as a word per line; an id cut below 16
    loses what tells it apart. The default squeeze goes down to these first…"""
    WRAP_FLOOR, CUT_FLOOR = 8, 6
    """…and then, only if the table still does not fit, down to these."""
    UNDER_BELOW = 16
    """A wrapped column that would be narrower than this goes under its row instead."""

    def __init__(
        self,
        *headers: str,
        cut: tuple[str, ...] = (),
        wrap: tuple[str, ...] = (),
        right: tuple[str, ...] = (),
        squeeze: tuple[tuple[str, int | None], ...] | None = None,
    ):
        self.headers = list(headers)
        self.fits = ["cut" if h in cut else "wrap" if h in wrap else "keep" for h in headers]
        self.right = right
        self.squeeze = squeeze if squeeze is not None else self._default_squeeze()
        """(column, width) in the order columns give way at a narrow terminal; a width of
        None leaves the column out."""
        self.rows: list[list[Any]] = []

    def _default_squeeze(self) -> tuple[tuple[str, int | None], ...]:
        wrapped = [h for h, f in zip(self.headers, self.fits, strict=True) if f == "wrap"]
        cut = [h for h, f in zip(self.headers, self.fits, strict=True) if f == "cut"]
        return (
            *((h, self.WRAP_READABLE) for h in wrapped),
            *((h, self.CUT_READABLE) for h in cut),
        )

    def add_row(self, *cells: Any) -> None:
        """Cells as text (never read as rich markup: a company may be called "[x]")."""
        from rich.text import Text

        self.rows.append([Text(c) if isinstance(c, str) else c for c in cells])

    def natural_widths(self) -> list[int]:
        """Each column's width with nothing cut or wrapped: its header or widest line."""
        from rich.cells import cell_len

        widths = [cell_len(h) for h in self.headers]
        for row in self.rows:
            for index, cell in enumerate(row):
                longest = max((cell_len(line) for line in cell.plain.splitlines()), default=0)
                widths[index] = max(widths[index], longest)
        return widths

    def fitted_widths(self, room: int, leave_out: tuple[int, ...] = ()) -> list[int | None]:
        """Column widths for a terminal ``room`` wide (None: left out), squeezed as
        ``squeeze`` says, then to the floors; wider than ``room`` only when the kept
        columns alone are. Room left over goes back to the wrapped columns, then the cut."""
        natural = self.natural_widths()
        widths: list[int | None] = [
            None if index in leave_out else width for index, width in enumerate(natural)
        ]

        def excess() -> int:
            shown = [w for w in widths if w is not None]
            return sum(shown) + self.GAP * (len(shown) - 1) - room

        floors = {"wrap": self.WRAP_FLOOR, "cut": self.CUT_FLOOR}
        steps = [*self.squeeze]
        for fit, floor in floors.items():  # wrapped text first, then ids
            steps += [(h, floor) for h, f in zip(self.headers, self.fits, strict=True) if f == fit]
        for header, width in steps:
            index = self.headers.index(header)
            current = widths[index]
            if excess() <= 0:
                break
            if current is None:
                continue
            if width is None:
                widths[index] = None
            else:
                widths[index] = max(width, current - excess()) if current > width else current
        for fit in ("wrap", "cut"):
            for index, current in enumerate(widths):
                if self.fits[index] == fit and current is not None and excess() < 0:
                    widths[index] = min(natural[index], current - excess())
        return widths

    def layout(self, room: int) -> tuple[list[int | None], tuple[int, ...]]:
        """``fitted_widths``, except that a wrapped column squeezed below
        ``UNDER_BELOW`` goes under its row instead, across the whole width (a reason
        cut into 8-character lines reads as a word per line). Returns the widths and the
        columns that go under."""
        natural = self.natural_widths()
        widths = self.fitted_widths(room)
        under = tuple(
            index
            for index, width in enumerate(widths)
            if self.fits[index] == "wrap"
            and width is not None
            and width < min(self.UNDER_BELOW, natural[index])
        )
        return (self.fitted_widths(room, leave_out=under) if under else widths), under

    def _table(self, widths: list[int | None], *, header: bool = True) -> Any:
        from rich.table import Table

        table = Table(
            box=None, header_style="bold", pad_edge=False, padding=(0, 1), show_header=header
        )
        for index, width in enumerate(widths):
            if width is None:
                continue
            fit = self.fits[index]
            table.add_column(
                self.headers[index],
                width=width,
                no_wrap=fit != "wrap",
                overflow="ellipsis" if fit == "cut" else "fold",
                justify="right" if self.headers[index] in self.right else "left",
            )
        return table

    def renderable(self, widths: list[int | None], under: tuple[int, ...] = ()) -> Any:
        """The table; with ``under`` columns, one table per row (same widths, so the
        columns line up) each followed by its under-text, indented."""
        from rich.console import Group
        from rich.padding import Padding

        shown = [index for index, width in enumerate(widths) if width is not None]
        if not under or not self.rows:
            table = self._table(widths)
            for row in self.rows:
                table.add_row(*(row[index] for index in shown))
            return table
        parts: list[Any] = []
        for number, row in enumerate(self.rows):
            table = self._table(widths, header=number == 0)
            table.add_row(*(row[index] for index in shown))
            parts.append(table)
            parts += [Padding(row[i], (0, 0, 0, 2)) for i in under if row[i].plain.strip()]
        return Group(*parts)

    def print(self, console: Console) -> None:
        """Fitted to ``console`` at a terminal; piped, whole rows (see the class)."""
        if not console.is_terminal:
            echo_plain(self.renderable(list(self.natural_widths())))
            return
        widths, under = self.layout(console.width)
        shown = [w for w in widths if w is not None]
        total = sum(shown) + self.GAP * (len(shown) - 1)
        # Wider than the terminal only when the kept columns need it: the terminal wraps
        # the line, which keeps every date and name whole.
        console.width = max(console.width, total)
        console.print(self.renderable(widths, under))


def echo_plain(renderable: Any) -> None:
    """Piped or redirected output: as wide as it needs (no 80-column cut, no hard wraps),
    no colour, no trailing spaces — lines for grep, diff and files."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=10_000, color_system=None, highlight=False).print(renderable)
    click.echo("\n".join(line.rstrip() for line in buffer.getvalue().splitlines()))


def print_lines(console: Console, lines: list[str]) -> None:
    """Notes and other prose after a table: wrapped to a terminal, whole lines when piped."""
    for line in lines:
        if console.is_terminal:
            from rich.text import Text

            console.print(Text(line))
        else:
            click.echo(line)


def print_markdown(console: Console, text: str) -> None:
    """Markdown for people: rendered at a terminal, as it is when piped (for files, grep)."""
    if console.is_terminal:
        from rich.markdown import Markdown

        console.print(Markdown(text))
    else:
        click.echo(text, nl=False)
