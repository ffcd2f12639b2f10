"""Build the Word templates (templates/<design>/resume.docx) with python-docx.

Why a script: a .docx is a zip of XML that cannot be reviewed in a diff. This file is the
reviewable source; the built files are committed so rendering needs no build step.
Run it after changing it:  python templates/build_docx_templates.py

The documents use Word's own styles — Title, Subtitle, Heading 1 (sections), Heading 2
(entries), List Bullet (a real numbering definition, not typed "•") — restyled per design,
and docxtpl's Jinja tags: ``{%p … %}`` for paragraph-level loops and conditions, ``{{ … }}``
for values (XML-escaped by resumetool's Jinja environment). Heading 2 and the
"Entry Details" line under it keep with the next paragraph, so an entry's heading never
ends a page on its own.
"""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
PAGE_WIDTH, MARGIN = 8.5, 0.75
TEXT_WIDTH = Inches(PAGE_WIDTH - 2 * MARGIN)


@dataclass(frozen=True)
class Look:
    """What differs between designs; the structure (and so the parse) is the same."""

    body_font: str
    heading_font: str
    ink: RGBColor
    accent: RGBColor
    muted: RGBColor
    name_size: int
    centered_header: bool
    uppercase_headings: bool
    rule_color: str


DESIGNS = {
    "classic": Look(
        body_font="Cambria",
        heading_font="Cambria",
        ink=RGBColor(0, 0, 0),
        accent=RGBColor(0, 0, 0),
        muted=RGBColor(0x33, 0x33, 0x33),
        name_size=21,
        centered_header=True,
        uppercase_headings=False,
        rule_color="000000",
    ),
    "modern": Look(
        body_font="Calibri",
        heading_font="Calibri",
        ink=RGBColor(0x1F, 0x29, 0x37),
        accent=RGBColor(0x0B, 0x6E, 0x69),
        muted=RGBColor(0x4B, 0x55, 0x63),
        name_size=24,
        centered_header=False,
        uppercase_headings=True,
        rule_color="9CC9C6",
    ),
}


def _set_fonts(style, font: str) -> None:
    """Name the font for every script slot, so Word does not mix in its theme fonts."""
    style.font.name = font
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _bottom_rule(style, color: str, size: int = 6) -> None:
    _no_border(style)
    ppr = style.element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "single"),
        ("w:sz", str(size)),
        ("w:space", "1"),
        ("w:color", color),
    ):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.insert(0, border)


def _plain_letters(style) -> None:
    """No extra letter spacing or kerning tweaks (python-docx's Title/Subtitle carry some)."""
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)


def _no_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)


def _plain_bullets(document, look: Look) -> None:
    """List Bullet's numbering: a real '•' (U+2022) in the body font, not Symbol's private glyph."""
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == "1")
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = next(lvl for lvl in abstract.findall(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == "0")
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    ppr = level.find(qn("w:pPr"))
    indent = ppr.find(qn("w:ind"))
    if indent is None:
        indent = OxmlElement("w:ind")
        ppr.append(indent)
    indent.set(qn("w:left"), "360")
    indent.set(qn("w:hanging"), "270")
    rpr = level.find(qn("w:rPr"))
    if rpr is not None:
        level.remove(rpr)
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), look.body_font)
    rpr.append(fonts)
    if look.accent != look.ink:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), str(look.accent))
        rpr.append(color)
    level.append(rpr)


def _style_document(document, look: Look) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Inches(PAGE_WIDTH), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(MARGIN))
    section.top_margin, section.bottom_margin = Inches(0.65), Inches(0.7)

    styles = document.styles
    normal = styles["Normal"]
    _set_fonts(normal, look.body_font)
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = look.ink
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.05

    title = styles["Title"]
    _set_fonts(title, look.heading_font)
    _no_border(title)
    _plain_letters(title)
    title.font.size = Pt(look.name_size)
    title.font.bold = True
    title.font.color.rgb = look.accent
    title.paragraph_format.space_after = Pt(2)
    title.paragraph_format.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER if look.centered_header else WD_ALIGN_PARAGRAPH.LEFT
    )

    subtitle = styles["Subtitle"]
    _set_fonts(subtitle, look.heading_font)
    subtitle.font.size = Pt(12)
    subtitle.font.italic = False
    _plain_letters(subtitle)
    subtitle.font.color.rgb = look.muted
    subtitle.paragraph_format.space_after = Pt(2)
    subtitle.paragraph_format.alignment = title.paragraph_format.alignment
    subtitle_ppr = subtitle.element.get_or_add_pPr()
    for numbering in subtitle_ppr.findall(qn("w:numPr")):
        subtitle_ppr.remove(numbering)

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    contact.paragraph_format.alignment = title.paragraph_format.alignment
    contact.paragraph_format.space_after = Pt(6)

    h1 = styles["Heading 1"]
    _set_fonts(h1, look.heading_font)
    h1.font.size = Pt(12)
    h1.font.bold = True
    h1.font.color.rgb = look.accent
    h1.font.all_caps = look.uppercase_headings
    h1.paragraph_format.space_before = Pt(12)
    h1.paragraph_format.space_after = Pt(4)
    h1.paragraph_format.keep_with_next = True
    _bottom_rule(h1, look.rule_color)

    h2 = styles["Heading 2"]
    _set_fonts(h2, look.heading_font)
    h2.font.size = Pt(11)
    h2.font.bold = True
    h2.font.color.rgb = look.ink
    h2.paragraph_format.space_before = Pt(8)
    h2.paragraph_format.space_after = Pt(0)
    h2.paragraph_format.keep_with_next = True
    h2.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    details = styles.add_style("Entry Details", WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = normal
    details.font.color.rgb = look.muted
    details.paragraph_format.keep_with_next = True
    details.paragraph_format.space_after = Pt(2)
    details.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    # A one-line entry (certificate, award): title and date on one line. It does not keep
    # with the next paragraph, so a list of them is no unbreakable chain.
    line = styles.add_style("Entry Line", WD_STYLE_TYPE.PARAGRAPH)
    line.base_style = normal
    line.paragraph_format.space_before = Pt(5)
    line.paragraph_format.space_after = Pt(2)
    line.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    bullet = styles["List Bullet"]
    _set_fonts(bullet, look.body_font)
    bullet.paragraph_format.space_after = Pt(2)
    _plain_bullets(document, look)


class Writer:
    """Appends template paragraphs; ``tag`` writes a docxtpl ``{%p … %}`` paragraph."""

    def __init__(self, document, look: Look):
        self.document = document
        self.look = look

    def tag(self, statement: str) -> None:
        self.document.add_paragraph("{%p " + statement + " %}")

    def para(self, text: str = "", style: str = "Normal"):
        paragraph = self.document.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def labeled(self, label: str, value: str, style: str = "Normal") -> None:
        """'Label: value' with the label bold; the label part is left out when empty."""
        paragraph = self.para(style=style)
        paragraph.add_run("{% if (" + label + ") %}")
        paragraph.add_run("{{ (" + label + ") }}: ").bold = True
        paragraph.add_run("{% endif %}{{ (" + value + ") }}")

    def entry(self, title: str, place: str | None, dates: str) -> None:
        """Heading 2 title, then 'place <right tab> dates' on the next line when there is a
        place; with none, the dates end the title line (never a line of their own)."""
        heading = self.para("{{ " + title + " }}", "Heading 2")
        on_title = f"not ({place}) and ({dates})" if place else f"({dates})"
        heading.add_run("{% if " + on_title + " %}")
        heading.add_run().add_tab()
        date = heading.add_run("{{ " + dates + " }}")
        date.bold = False
        date.font.size = Pt(10.5)
        date.font.color.rgb = self.look.muted
        heading.add_run("{% endif %}")
        if place:
            self.tag(f"if {place}")
            details = self.para(style="Entry Details")
            details.add_run("{{ " + place + " }}").italic = True
            details.add_run().add_tab()
            details.add_run("{{ " + dates + " }}")
            self.tag("endif")

    def line(self, title: str, dates: str) -> None:
        """A one-line entry: the title in bold, the date at the right margin."""
        paragraph = self.para(style="Entry Line")
        paragraph.add_run("{{ " + title + " }}").bold = True
        paragraph.add_run("{% if " + dates + " %}")
        paragraph.add_run().add_tab()
        paragraph.add_run("{{ " + dates + " }}{% endif %}")

    def paragraphs(self, expression: str, style: str = "Normal") -> None:
        self.tag(f"for paragraph in {expression} | paragraphs")
        self.para("{{ paragraph }}", style)
        self.tag("endfor")

    def bullets(self, expression: str) -> None:
        self.tag(f"for line in {expression}")
        self.para("{{ line }}", "List Bullet")
        self.tag("endfor")

    def section(self, condition: str, heading: str) -> None:
        self.tag(f"if {condition}")
        self.para(heading, "Heading 1")


def build(look: Look) -> Document:
    document = Document()
    _style_document(document, look)
    document.core_properties.title = "{{ basics.name or '' }} – Resume"
    document.core_properties.author = "{{ basics.name or '' }}"
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    w = Writer(document, look)

    w.para("{{ basics.name }}", "Title")
    w.tag("if basics.label")
    w.para("{{ basics.label }}", "Subtitle")
    w.tag("endif")
    w.para(
        "{% for item in contact_items(basics) %}{{ item.text }}"
        "{% if not loop.last %} | {% endif %}{% endfor %}",
        "Contact",
    )

    w.section("basics.summary", "Summary")
    w.paragraphs("basics.summary")
    w.tag("endif")

    w.section("work", "Experience")
    w.tag("for job in work")
    w.entry(
        "[job.position, job.name] | entry_title",
        "job.location",
        "date_range(job.startDate, job.endDate)",
    )
    w.tag("if job.description")
    w.para("{{ job.description }}").runs[0].italic = True
    w.tag("endif")
    w.paragraphs("job.summary")
    w.bullets("job.highlights")
    w.tag("endfor")
    w.tag("endif")

    w.section("projects", "Projects")
    w.tag("for project in projects")
    w.entry(
        "project.name",
        "project.url | url_text",
        "date_range(project.startDate, project.endDate, ongoing=False)",
    )
    w.paragraphs("project.description")
    w.bullets("project.highlights")
    w.tag("if project.keywords")
    w.labeled("'Technologies'", "project.keywords | join(', ')")
    w.tag("endif")
    w.tag("endfor")
    w.tag("endif")

    w.section("education", "Education")
    w.tag("for school in education")
    w.entry("school.institution", "school | degree", "date_range(school.startDate, school.endDate)")
    w.tag("if school.score")
    w.para("{{ school.score | score }}")
    w.tag("endif")
    w.tag("if school.courses")
    w.labeled("'Courses'", "school.courses | join(', ')")
    w.tag("endif")
    w.tag("endfor")
    w.tag("endif")

    w.section("skills", "Skills")
    w.tag("for skill in skills")
    w.tag("if skill.keywords or skill.name")
    w.labeled(
        "skill.name if skill.keywords else ''",
        "skill.keywords | join(', ') if skill.keywords else skill.name",
    )
    w.tag("endif")
    w.tag("endfor")
    w.tag("endif")

    w.section("certificates", "Certifications")
    w.tag("for cert in certificates")
    w.line("[cert.name, cert.issuer] | entry_title", "cert.date | month_year")
    w.tag("endfor")
    w.tag("endif")

    w.section("awards", "Awards")
    w.tag("for award in awards")
    w.line("[award.title, award.awarder] | entry_title", "award.date | month_year")
    w.paragraphs("award.summary")
    w.tag("endfor")
    w.tag("endif")

    w.section("publications", "Publications")
    w.tag("for pub in publications")
    w.entry(
        "[pub.name, pub.publisher] | entry_title",
        "pub.url | url_text",
        "pub.releaseDate | month_year",
    )
    w.paragraphs("pub.summary")
    w.tag("endfor")
    w.tag("endif")

    w.section("volunteer", "Volunteer Experience")
    w.tag("for role in volunteer")
    w.entry(
        "[role.position, role.organization] | entry_title",
        None,
        "date_range(role.startDate, role.endDate)",
    )
    w.paragraphs("role.summary")
    w.bullets("role.highlights")
    w.tag("endfor")
    w.tag("endif")

    w.section("languages", "Languages")
    w.para("{{ languages | map('language_line') | join_nonempty }}")
    w.tag("endif")

    w.section("interests", "Interests")
    w.tag("for interest in interests")
    w.labeled(
        "interest.name if interest.keywords else ''",
        "interest.keywords | join(', ') if interest.keywords else interest.name",
    )
    w.tag("endfor")
    w.tag("endif")

    w.section("references", "References")
    w.tag("for ref in references")
    w.para("{{ ref.name }}", "Heading 2")
    w.paragraphs("ref.reference")
    w.tag("endfor")
    w.tag("endif")
    return document


def _normalize_zip(path: Path) -> None:
    """Rewrite the zip with fixed timestamps so rebuilding an unchanged template changes no byte."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in sorted(items, key=lambda item: item[0].filename != "[Content_Types].xml"):
            fixed = copy.copy(info)
            fixed.date_time = (2024, 1, 1, 0, 0, 0)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def main(argv: list[str]) -> int:
    names = argv or sorted(DESIGNS)
    for name in names:
        document = build(DESIGNS[name])
        properties = document.core_properties
        properties.created = properties.modified = datetime(2024, 1, 1, tzinfo=UTC)
        properties.last_modified_by = "resumetool"
        target = HERE / name / "resume.docx"
        document.save(target)
        _normalize_zip(target)
        print(f"wrote {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
