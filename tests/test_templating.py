"""The shared Jinja environments: strict, the user's folder first, built once, errors located."""

from __future__ import annotations

import pytest
from jinja2 import TemplateError, UndefinedError

from resumetool.templating import environment, error_location


def _shout(env):
    env.filters["shout"] = str.upper


def _plain(env):
    pass


@pytest.fixture
def folders(tmp_path):
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    user.mkdir()
    builtin.mkdir()
    (builtin / "a.txt.j2").write_text("built-in {{ name | shout }}\n")
    (builtin / "b.txt.j2").write_text("only built-in\n")
    (builtin / "hello.txt.j2").write_text("Hello {{ name }}!\n")
    (user / "a.txt.j2").write_text("user's {{ name | shout }}\n")
    return user, builtin


def test_one_environment_per_configuration_and_folders(folders):
    user, builtin = folders
    env = environment([user, builtin], _shout)
    assert environment((user, builtin), _shout) is env
    assert environment([builtin], _shout) is not env
    assert environment([user, builtin], _plain) is not env


def test_a_user_file_replaces_the_built_in_one_file_by_file(folders):
    env = environment(folders, _shout)
    assert env.get_template("a.txt.j2").render(name="ada") == "user's ADA\n"
    assert env.get_template("b.txt.j2").render() == "only built-in\n"


def test_a_missing_value_is_an_error_not_a_blank(folders):
    env = environment(folders, _shout)
    with pytest.raises(UndefinedError):
        env.get_template("hello.txt.j2").render()


def test_errors_are_located_by_file_and_line(tmp_path):
    (tmp_path / "late.j2").write_text("one\ntwo\n{{ missing.field }}\n")
    (tmp_path / "broken.j2").write_text("one\n{% if %}\n")
    env = environment([tmp_path], _plain)
    for name, line in (("late.j2", 3), ("broken.j2", 2)):
        with pytest.raises(TemplateError) as caught:
            env.get_template(name).render()
        assert error_location(caught.value, tmp_path / name) == f"{tmp_path / name}:{line}"


def test_markdown_fragments_escape_markup_but_leave_a_hash_inside_a_word():
    from resumetool.templating import md_escape, md_keep_code

    assert md_escape("C# and F#, *bold* | [link]") == r"C# and F#, \*bold\* \| \[link\]"
    assert md_escape("# not a heading") == r"\# not a heading"
    assert md_escape("two\n  lines") == "two lines"
    assert md_keep_code("run `resumetool draft --from v1` now_x") == (
        r"run `resumetool draft --from v1` now\_x"
    )
