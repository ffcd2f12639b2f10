"""Terminal output (resumetool.terminal): piped output whole, terminal output fitted."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from resumetool.terminal import Sheet, echo_plain, print_lines


def sheet_with_a_long_reason() -> Sheet:
    sheet = Sheet("date", "company", "why", wrap=("why",))
    sheet.add_row("2026-11-20", "Acme Corp", " ".join(["practice"] * 20))
    return sheet


def test_piped_tables_keep_whole_rows_without_trailing_spaces(capsys):
    sheet = sheet_with_a_long_reason()
    sheet.print(Console(file=io.StringIO(), width=40))  # not a terminal: printed plainly
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1].endswith("practice")
    assert len(lines[1]) > 80 and all(line == line.rstrip() for line in lines)


def test_at_a_terminal_a_table_fits_the_width():
    sheet = sheet_with_a_long_reason()
    console = Console(file=io.StringIO(), width=60, force_terminal=True, color_system=None)
    sheet.print(console)
    lines = console.file.getvalue().splitlines()
    assert len(lines) > 2 and max(len(line.rstrip()) for line in lines) <= 60


def test_plain_echo_and_lines_when_piped(capsys):
    echo_plain(Text("[x] a company called so   "))
    print_lines(Console(file=io.StringIO()), ["note: one", "note: two"])
    assert capsys.readouterr().out == "[x] a company called so\nnote: one\nnote: two\n"
