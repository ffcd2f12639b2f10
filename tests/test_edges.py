"""Resumes at the edges, through parse, analyze and render: sensible output, no crash.

One line only, twelve pages, 300 bullets, no section headings, only a skills list, names
in Arabic, Hebrew and Chinese, emoji, tabs and non-breaking spaces. Each goes in as the
file a person would have (text, or JSON Resume for the long and non-Latin ones), is parsed,
analyzed for an asked skill and rendered to PDF, DOCX, Markdown and HTML, and the renders
are parsed back: nothing lost, nothing garbled.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumetool.cli import main
from resumetool.structure import load_resume

NBSP = "\u00a0"

TEXT_CASES = {
    "one-line": "Jordan Rivera\n",
    "one-line-everything": (
        "Jordan Rivera — program manager, jordan@example.com, led Scrum teams for nine years."
    ),
    "no-sections": (
        "Jordan Rivera\njordan@example.com\n\n"
        "I have led programs for nine years. I ran sprint planning and retrospectives for two "
        "teams at Northgate Supply.\n\n"
        "Before that I managed vendors at Harbor Freight from 2014 to 2018.\n"
    ),
    "skills-only": "Skills\nPython, SQL, Kubernetes, Scrum, stakeholder management\n",
    "tabs-and-nbsp": (
        f"Jordan{NBSP}Rivera\n"
        f"jordan@example.com\t|\t+1{NBSP}303{NBSP}555{NBSP}0188\n\n"
        "EXPERIENCE\n"
        f"Senior Program Manager\tNorthgate Supply Co.\tJan{NBSP}2020{NBSP}–{NBSP}Present\n"
        f"\t•\tRan sprint{NBSP}planning for two\tteams\n"
        "\t•\tLed a $4.2M program\n\n"
        "SKILLS\n"
        f"Scrum,\tJira,{NBSP}Confluence\n"
    ),
}


def _roles(count: int, bullets: int) -> list[dict]:
    return [
        {
            "name": f"Company {n}",
            "position": "Program Manager",
            "startDate": f"{1960 + n}-01",
            "endDate": f"{1961 + n}-01",
            "highlights": [
                f"Delivered initiative {b} at company {n}, a long sentence that wraps the line "
                "so that the page fills the way a long career does"
                for b in range(bullets)
            ],
        }
        for n in range(count)
    ]


def _person(name: str, **more: object) -> dict:
    return {
        "basics": {"name": name, "email": "person@example.com", **more},
        "work": [
            {
                "name": "Northgate",
                "position": "Engineer",
                "startDate": "2020-01",
                "highlights": ["Ran sprint planning for two teams"],
            }
        ],
    }


JSON_CASES = {
    "twelve-pages": {"basics": {"name": "Long Career"}, "work": _roles(33, 9)},
    "bullets-300": {
        "basics": {"name": "Many Bullets"},
        "work": [
            {
                "name": "Acme",
                "position": "Engineer",
                "startDate": "2020-01",
                "highlights": [f"Shipped feature {n} with Python and SQL" for n in range(300)],
            }
        ],
    },
    "arabic": _person("ليلى حداد"),
    "hebrew": _person("נועה כהן"),
    "chinese": _person("王小明", label="软件工程师"),
    "emoji": _person("Zoë 🚀 Park", summary="Builder 🛠️ of things ✨ and Scrum 🏉"),
}
RTL = {"arabic", "hebrew"}


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    assert "Traceback" not in result.output
    return result.stdout


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("edges")
    out = {}
    for name, text in TEXT_CASES.items():
        out[name] = folder / f"{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    for name, data in JSON_CASES.items():
        out[name] = folder / f"{name}.json"
        out[name].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def parsed(path: Path) -> dict:
    return json.loads(run("parse", str(path), "--format", "json"))


@pytest.fixture(scope="module")
def rendered(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    """Every case rendered once to PDF, DOCX, Markdown and HTML."""
    out = tmp_path_factory.mktemp("renders")
    for path in files.values():
        run("render", str(path), "--to", "pdf,docx,md,html", "-o", str(out))
    return out


def highlights(data: dict) -> list[str]:
    return [h for entry in data.get("work", []) for h in entry.get("highlights", [])]


def everything(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


# -- parse ------------------------------------------------------------------------------


def test_one_line(files):
    assert parsed(files["one-line"])["basics"] == {"name": "Jordan Rivera"}
    data = parsed(files["one-line-everything"])
    assert data["basics"]["email"] == "jordan@example.com"
    assert "led Scrum teams for nine years" in everything(data), "nothing read is dropped"


def test_no_sections_keeps_every_paragraph(files):
    data = parsed(files["no-sections"])
    assert data["basics"]["name"] == "Jordan Rivera"
    assert data["basics"]["email"] == "jordan@example.com"
    text = everything(data)
    assert "ran sprint planning and retrospectives" in text
    assert "managed vendors at Harbor Freight" in text


def test_only_a_skills_list(files):
    data = parsed(files["skills-only"])
    keywords = [k for group in data["skills"] for k in group["keywords"]]
    assert keywords == ["Python", "SQL", "Kubernetes", "Scrum", "stakeholder management"]


def test_tabs_and_non_breaking_spaces_read_as_spaces(files):
    data = parsed(files["tabs-and-nbsp"])
    assert data["basics"]["name"] == "Jordan Rivera"
    assert data["basics"]["phone"].replace(" ", "").replace("-", "") == "+13035550188"
    (role,) = data["work"]
    assert (role["position"], role["name"], role["startDate"]) == (
        "Senior Program Manager",
        "Northgate Supply Co.",
        "2020-01",
    )
    assert "endDate" not in role
    assert role["highlights"] == ["Ran sprint planning for two teams", "Led a $4.2M program"]
    assert [k for g in data["skills"] for k in g["keywords"]] == ["Scrum", "Jira", "Confluence"]
    assert NBSP not in everything(data) and "\\t" not in everything(data)


def test_three_hundred_bullets_and_twelve_pages_come_through_whole(files):
    assert len(highlights(parsed(files["bullets-300"]))) == 300
    data = parsed(files["twelve-pages"])
    assert len(data["work"]) == 33 and len(highlights(data)) == 297


# -- analyze ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", [*TEXT_CASES, *JSON_CASES])
def test_analyze_gives_one_verdict_for_the_asked_skill(files, case):
    result = json.loads(run("analyze", str(files[case]), "--asked", "Scrum", "--format", "json"))
    (skill,) = result["skills"]
    assert skill["skill"] == "Scrum"
    assert skill["verdict"] in ("emphasized", "buried", "implied", "absent")
    assert skill["suggestion"]
    expected = {
        "one-line": "absent",
        "skills-only": "buried",
        "bullets-300": "absent",
        "no-sections": "implied",
    }
    if case in expected:
        assert skill["verdict"] == expected[case], skill


# -- render and parse back --------------------------------------------------------------


@pytest.mark.parametrize("case", [*TEXT_CASES, *JSON_CASES])
def test_render_to_every_format_and_read_back(files, rendered, case):
    source = load_resume(files[case]).to_json_resume()
    for fmt in ("pdf", "docx", "md", "html"):
        path = rendered / f"{files[case].stem}.{fmt}"
        assert path.is_file() and path.stat().st_size > 0, path
    name = source.get("basics", {}).get("name")
    for fmt in ("docx", "md", "pdf"):
        back = load_resume(rendered / f"{files[case].stem}.{fmt}").to_json_resume()
        assert back.get("basics", {}).get("name") == name, (fmt, back.get("basics"))
        assert len(highlights(back)) == len(highlights(source)), fmt
    html = (rendered / f"{files[case].stem}.html").read_text(encoding="utf-8")
    assert name is None or name.replace("&", "&amp;") in html


def test_twelve_pages_render_as_twelve_pages(rendered):
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(rendered / "twelve-pages.pdf"))
    assert 11 <= pages <= 14, pages


@pytest.mark.parametrize("case", sorted(RTL))
def test_right_to_left_names_in_a_pdf_keep_every_letter(files, rendered, case):
    """The letters survive; their order is checked in the test below."""
    name = JSON_CASES[case]["basics"]["name"]
    back = load_resume(rendered / f"{case}.pdf").to_json_resume()
    text = everything(back)
    assert all(letter in text for letter in name.replace(" ", ""))


@pytest.mark.parametrize("case", sorted(RTL))
def test_right_to_left_names_in_a_pdf_read_in_logical_order(files, rendered, case):
    back = load_resume(rendered / f"{case}.pdf").to_json_resume()
    assert back["basics"].get("name") == JSON_CASES[case]["basics"]["name"]
