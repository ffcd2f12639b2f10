"""Right-to-left text in PDFs reads back in the order it was typed.

The PDFs are real: Typst shapes the Arabic and Hebrew with the bundled fonts (Noto Sans
Arabic; Hebrew falls back to Typst's embedded Libertinus Serif), and pdfplumber gives the
glyphs left to right as drawn. Each line is compared with the text that was typed.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resumetool.parse import read_document
from resumetool.parse.bidi import has_rtl, logical_order
from resumetool.render import fonts_dir
from resumetool.structure import load_resume

ARABIC_NAME = "ليلى حداد"
HEBREW_NAME = "נועה כהן"
MIXED = "Senior Engineer — شركة الاتصالات"
ARABIC_YEARS = "جامعة القاهرة 2012 – 2016"
ARABIC_BRACKETS = "شركة (مصر) 2019"
HEBREW_WITH_EMAIL = f"{HEBREW_NAME} · noa.cohen@example.com"
HEBREW_YEAR = "מהנדסת תוכנה, 2018"
RTL_DOCUMENT_LINES = [
    "مهندس برمجيات في Google",  # Latin at the logical end: left on the page
    "خبرة في تطوير الأنظمة منذ 2015",
    "زيادة المبيعات بنسبة 30% خلال عام",
    "إدارة فريق من خمسة مهندسين",
]
ARABIC_BULLET = "قاد فريقا من خمسة مهندسين منذ 2019"
LATIN_BULLET = "Led the move of the billing platform to a new stack"
PRESENTATION_FORMS_NAME = "\ufedf\ufef4\ufee0\ufef0 \ufea3\ufeaa\ufe8d\ufeaa"  # ليلى حداد, shaped

_PAGE = (
    "#set page(width: 8.5in, height: 11in, margin: 0.75in)\n"
    '#set text(size: 10pt, font: ("Carlito", "Noto Sans Arabic"))\n'
)


def _typst(text: str) -> str:
    return text.replace("@", "\\@").replace("#", "\\#").replace("$", "\\$")


def _pdf(folder: Path, name: str, body: str) -> Path:
    import typst

    source = folder / f"{name}.typ"
    source.write_text(_PAGE + body, encoding="utf-8")
    path = folder / f"{name}.pdf"
    path.write_bytes(typst.compile(str(source), font_paths=[str(fonts_dir())]))
    return path


def _resume(name: str, contact: str, lines: list[str], bullets: tuple[str, ...] = ()) -> str:
    """A Latin resume (left-to-right paragraphs) with right-to-left text in it."""
    body = [
        f'#align(center)[#text(size: 22pt, weight: "bold")[{_typst(name)}]]',
        f"#align(center)[{_typst(contact)}]",
        '#text(size: 14pt, weight: "bold")[Experience]',
    ]
    body += [_typst(line) for line in lines]
    body += [f"- {_typst(bullet)}" for bullet in (*bullets, LATIN_BULLET)]
    return "\n\n".join(body) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rtl")


@pytest.fixture(scope="module")
def arabic_pdf(folder: Path) -> Path:
    lines = [MIXED, ARABIC_YEARS, ARABIC_BRACKETS]
    body = _resume(ARABIC_NAME, "leila@example.com | Cairo", lines, (ARABIC_BULLET,))
    return _pdf(folder, "arabic", body)


@pytest.fixture(scope="module")
def hebrew_pdf(folder: Path) -> Path:
    body = _resume(HEBREW_NAME, "Tel Aviv", [HEBREW_WITH_EMAIL, HEBREW_YEAR])
    return _pdf(folder, "hebrew", body)


def _plain_lines(path: Path) -> list[str]:
    return [line.plain for line in read_document(path).lines]


def test_an_arabic_name_reads_as_typed(arabic_pdf):
    assert _plain_lines(arabic_pdf)[0] == ARABIC_NAME
    assert load_resume(arabic_pdf).to_json_resume()["basics"]["name"] == ARABIC_NAME


@pytest.mark.parametrize("typed", [MIXED, ARABIC_YEARS, ARABIC_BRACKETS])
def test_arabic_lines_with_latin_digits_and_brackets_read_as_typed(arabic_pdf, typed):
    assert typed in _plain_lines(arabic_pdf)


def test_a_hebrew_name_and_a_latin_email_keep_their_order(hebrew_pdf):
    lines = _plain_lines(hebrew_pdf)
    assert lines[0] == HEBREW_NAME
    assert HEBREW_WITH_EMAIL in lines and HEBREW_YEAR in lines
    assert load_resume(hebrew_pdf).to_json_resume()["basics"]["name"] == HEBREW_NAME


def test_latin_lines_beside_rtl_ones_are_untouched(arabic_pdf):
    lines = _plain_lines(arabic_pdf)
    assert "leila@example.com | Cairo" in lines
    assert LATIN_BULLET in lines


def test_a_bullet_keeps_its_marker_in_front_of_arabic_text(arabic_pdf):
    """The list marker stands left of the Arabic text it belongs to, not at its end."""
    bullets = [line.plain for line in read_document(arabic_pdf).lines if line.bullet]
    assert bullets == [ARABIC_BULLET, LATIN_BULLET]


def test_a_right_to_left_document_reads_mixed_lines_right_to_left(folder):
    """In an Arabic resume a line with Latin at its logical end starts on the right."""
    body = '#set text(lang: "ar", dir: rtl)\n' + "\n\n".join(
        [_typst(ARABIC_NAME), *(_typst(line) for line in RTL_DOCUMENT_LINES)]
    )
    lines = _plain_lines(_pdf(folder, "arabic-rtl", body))
    assert lines == [ARABIC_NAME, *RTL_DOCUMENT_LINES]


def test_presentation_forms_become_base_letters(folder):
    """Shaped letters (U+FE70–FEFE) that a PDF maps its glyphs to read as the letters."""
    path = _pdf(folder, "forms", _resume(PRESENTATION_FORMS_NAME, "Cairo", []))
    assert (
        _plain_lines(path)[0]
        == ARABIC_NAME
        == unicodedata.normalize("NFKC", PRESENTATION_FORMS_NAME)
    )


def test_docx_and_text_are_read_in_the_order_they_were_typed(tmp_path):
    import docx

    typed = [ARABIC_NAME, MIXED, HEBREW_WITH_EMAIL, ARABIC_YEARS]
    document = docx.Document()
    for line in typed:
        document.add_paragraph(line)
    document.save(str(tmp_path / "resume.docx"))
    (tmp_path / "resume.txt").write_text("\n".join(typed) + "\n", encoding="utf-8")
    assert _plain_lines(tmp_path / "resume.docx") == typed
    assert _plain_lines(tmp_path / "resume.txt") == typed


# ---- the reordering itself ----------------------------------------------------------------


def _read(glyphs: list[str], rtl_default: bool = False) -> str:
    return "".join(text for _, text in logical_order(glyphs, rtl_default))


def test_a_ligature_glyph_stays_one_piece():
    """pdfplumber gives "لى" (one glyph) in logical order: only glyphs are reversed."""
    assert _read(["لى", "ي", "ل"]) == "ليلى"
    assert _read(["ت", "لا", "ا"]) == "الات"


def test_a_mark_goes_with_the_letter_it_is_drawn_over():
    assert _read(["ם", "ו", "\u05b9", "ל", "ש"]) == "שלוֹם"


def test_brackets_are_mirrored_back_only_when_they_read_wrong():
    assert _read(list("2019 )رصم( ةكرش")) == ARABIC_BRACKETS  # the typed character kept
    assert _read(list("2019 (رصم) ةكرش")) == ARABIC_BRACKETS  # the mirrored one drawn


def test_a_line_whose_ends_disagree_takes_the_document_direction():
    visual = list("Google يف تايجمرب سدنهم")
    assert _read(visual, rtl_default=True) == "مهندس برمجيات في Google"
    assert _read(visual, rtl_default=False) == "Google مهندس برمجيات في"


@given(st.text(st.characters(codec="latin-1"), max_size=40))
def test_text_without_rtl_letters_is_left_alone(text):
    assert not has_rtl(text)
    glyphs = list(text)
    assert logical_order(glyphs) == [(i, g) for i, g in enumerate(glyphs)]


RTL_LINE_PIECES = st.sampled_from(["שלום", "כהן", "مهندس", "شركة", "Google", "2018", "4.2%"])


@given(st.lists(RTL_LINE_PIECES, min_size=1, max_size=8), st.booleans())
def test_every_glyph_comes_back_once(words, rtl_default):
    glyphs = list(" ".join(words))
    order = logical_order(glyphs, rtl_default)
    assert sorted(index for index, _ in order) == list(range(len(glyphs)))
    assert sorted(text for _, text in order) == sorted(glyphs)
