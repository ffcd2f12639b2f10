"""Real resume files for the parser tests: Typst → PDF, python-docx → DOCX, plain text.

Why builders instead of checked-in binaries: the source of each layout is readable here,
and a test that needs a variation changes one line. The person is invented; the layouts
are the ones people use (centred header, right-aligned dates, a dates | content table,
a sidebar, contact details in the Word header).
"""

from __future__ import annotations

from pathlib import Path

PERSON = {
    "name": "Priya Raman",
    "email": "priya.raman@example.com",
    "phone": "(303) 555-0199",
    "city": "Denver",
    "linkedin": "linkedin.com/in/priyaraman",
}

JOBS = [
    {
        "position": "Staff Data Engineer",
        "company": "Lumen Analytics",
        "location": "Denver, CO",
        "dates": "Mar 2020 – Present",
        "start": "2020-03",
        "end": None,
        "bullets": [
            "Led the move of forty nightly batch jobs to streaming pipelines, cutting data "
            "latency from a day to under ten minutes for the finance and sales dashboards",
            "Built a cross-functional review board for schema changes across six teams",
            "Mentored three engineers into tech-lead roles",
        ],
    },
    {
        "position": "Data Analyst",
        "company": "Harbor Freight Logistics",
        "location": "Boulder, CO",
        "dates": "June 2016 – Feb 2020",
        "start": "2016-06",
        "end": "2020-02",
        "bullets": [
            "Automated weekly carrier scorecards in SQL and Python",
            "Reduced late shipments by 12% with a routing model shared with operations",
        ],
    },
]

SKILL_GROUPS = {
    "Languages": ["Python", "SQL", "Scala"],
    "Platforms": ["Spark", "Kafka", "Snowflake", "Airflow"],
}


def write_pdf(source: str, path: Path) -> Path:
    """Compile Typst markup to ``path`` (a real PDF with a text layer)."""
    import typst

    typ = path.with_suffix(".typ")
    typ.write_text(source, encoding="utf-8")
    path.write_bytes(typst.compile(str(typ), format="pdf", root=str(path.parent)))
    return path


_PAGE = """#set page(width: 8.5in, height: 11in, margin: 0.75in)
#set text(size: 10pt)
#show heading: it => block(above: 12pt, below: 6pt, text(size: 13pt, weight: "bold", it.body))
"""


def _esc(text: str) -> str:
    return text.replace("@", "\\@").replace("$", "\\$").replace("#", "\\#").replace("*", "\\*")


def resume_typst(*, company_first: bool = True) -> str:
    """A one-column resume: centred header, entries with dates flush right, bullets."""
    p = PERSON
    out = [_PAGE]
    out.append(f'#align(center)[#text(size: 22pt, weight: "bold")[{p["name"]}]]')
    contact = " | ".join([f"{p['city']}, CO", p["email"], p["phone"], p["linkedin"]])
    out.append(f"#align(center)[{_esc(contact)}]")
    out.append("= Summary")
    out.append(
        "Data engineer with nine years of experience turning slow reports into reliable "
        "pipelines. I like small tools, clear ownership and numbers people trust."
    )
    out.append("= Professional Experience")
    for job in JOBS:
        first, second = (
            (job["company"], job["position"])
            if company_first
            else (job["position"], job["company"])
        )
        out.append(f"#grid(columns: (1fr, auto), [*{first}*, {second}], [{job['location']}])")
        out.append(f"#grid(columns: (1fr, auto), [], [{job['dates']}])")
        out.extend(f"- {_esc(b)}" for b in job["bullets"])
    out.append("= Education")
    out.append(
        "#grid(columns: (1fr, auto), [*Front Range University*, B.S. in Statistics], "
        "[Sept 2012 – May 2016])"
    )
    out.append("= Technical Skills")
    for label, items in SKILL_GROUPS.items():
        out.append(f"*{label}:* {', '.join(items)}\n")
    out.append("= Certifications")
    out.append("#grid(columns: (1fr, auto), [*AWS Certified Data Engineer*], [2023])")
    out.append("Amazon Web Services")
    return "\n".join(out) + "\n"


def sidebar_typst() -> str:
    """Two real columns: a sidebar (contact, skills, languages) beside the main column."""
    left = """#text(size: 11pt, weight: "bold")[Contact]

priya.raman\\@example.com

(303) 555-0199

Denver, CO

#text(size: 11pt, weight: "bold")[Skills]

Python, SQL, Scala, Spark, Kafka, Snowflake, Airflow

#text(size: 11pt, weight: "bold")[Languages]

English (Native)

Tamil (Fluent)

German (Basic)
"""
    main = [
        '#text(size: 11pt, weight: "bold")[Experience]',
        "",
    ]
    for job in JOBS:
        main.append(f"*{job['position']}*, {job['company']} #h(1fr) {job['dates']}")
        main.append("")
        main.extend(f"- {_esc(b)}" for b in job["bullets"])
        main.append("")
    main += [
        '#text(size: 11pt, weight: "bold")[Education]',
        "",
        "*Front Range University*, B.S. in Statistics #h(1fr) 2012 – 2016",
    ]
    body = "\n".join(main)
    return (
        _PAGE
        + '#text(size: 22pt, weight: "bold")[Priya Raman]\n\n'
        + f"#grid(columns: (30%, 1fr), column-gutter: 24pt, [{left}], [{body}])\n"
    )


def write_docx(path: Path, *, layout: str = "styles") -> Path:
    """A Word resume: 'styles' (Heading styles, List Bullet), 'table' (dates | content
    table, contact details in the page header) or 'plain' (bold caps headings, typed
    bullets, tab before the dates)."""
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    document = docx.Document()
    p = PERSON
    contact = " | ".join([f"{p['city']}, CO", p["email"], p["phone"], p["linkedin"]])
    if layout == "styles":
        document.add_paragraph(p["name"], style="Title")
        document.add_paragraph(contact)
        document.add_heading("Experience", level=1)
        for job in JOBS:
            document.add_heading(f"{job['position']}, {job['company']}", level=2)
            para = document.add_paragraph(f"{job['location']}\t{job['dates']}")
            para.paragraph_format.tab_stops.add_tab_stop(Inches(6), WD_TAB_ALIGNMENT.RIGHT)
            for bullet in job["bullets"]:
                document.add_paragraph(bullet, style="List Bullet")
        document.add_heading("Education", level=1)
        document.add_heading("Front Range University", level=2)
        document.add_paragraph("B.S. in Statistics\tSep 2012 – May 2016")
        document.add_heading("Skills", level=1)
        for label, items in SKILL_GROUPS.items():
            para = document.add_paragraph()
            para.add_run(f"{label}: ").bold = True
            para.add_run(", ".join(items))
    elif layout == "table":
        header = document.sections[0].header
        header.paragraphs[0].text = p["name"]
        header.add_paragraph(contact)
        document.add_heading("Work History", level=2)
        table = document.add_table(rows=0, cols=2)
        for job in JOBS:
            cells = table.add_row().cells
            cells[0].text = job["dates"]
            title = cells[1].paragraphs[0]
            title.add_run(job["position"]).bold = True
            cells[1].add_paragraph(f"{job['company']} — {job['location']}")
            for bullet in job["bullets"]:
                cells[1].add_paragraph(f"• {bullet}")
        document.add_heading("Education", level=2)
        row = document.add_table(rows=1, cols=2).rows[0].cells
        row[0].text = "2012 – 2016"
        row[1].paragraphs[0].add_run("Front Range University").bold = True
        row[1].add_paragraph("B.S. in Statistics")
        document.add_heading("Skills", level=2)
        document.add_paragraph("Python, SQL, Scala, Spark, Kafka, Snowflake, Airflow")
        document.sections[0].footer.paragraphs[0].text = "Page 1"
    else:
        name = document.add_paragraph()
        run = name.add_run(p["name"])
        run.bold = True
        run.font.size = Pt(20)
        document.add_paragraph(contact)
        for title, jobs in (("EXPERIENCE", JOBS),):
            document.add_paragraph().add_run(title).bold = True
            for job in jobs:
                para = document.add_paragraph()
                para.add_run(job["company"]).bold = True
                para.add_run(f", {job['location']}\t{job['dates']}")
                document.add_paragraph(job["position"]).runs[0].italic = True
                for index, bullet in enumerate(job["bullets"], start=1):
                    document.add_paragraph(f"{index}. {bullet}")
        document.add_paragraph().add_run("EDUCATION").bold = True
        para = document.add_paragraph()
        para.add_run("Front Range University").bold = True
        para.add_run("\t2012 – 2016")
        document.add_paragraph("B.S. in Statistics; GPA 3.8")
        document.add_paragraph().add_run("SKILLS").bold = True
        document.add_paragraph("Python, SQL, Scala, Spark, Kafka, Snowflake, Airflow")
    document.save(path)
    return path


RESUME_TEXT = """PRIYA RAMAN
Data Engineer
Denver, CO | priya.raman@example.com | (303) 555-0199 | linkedin.com/in/priyaraman

SUMMARY
-------
Data engineer with nine years of experience turning slow reports into
reliable pipelines.

EXPERIENCE
----------
Staff Data Engineer -- Lumen Analytics, Denver, CO
March 2020 to Present
- Led the move of forty nightly batch jobs to streaming pipelines, cutting data
  latency from a day to under ten minutes for the finance and sales dashboards
- Built a cross-functional review board for schema changes across six teams
- Mentored three engineers into tech-lead roles

Data Analyst -- Harbor Freight Logistics, Boulder, CO
June 2016 to February 2020
- Automated weekly carrier scorecards in SQL and Python
- Reduced late shipments by 12% with a routing model shared with operations

EDUCATION
---------
Front Range University, B.S. in Statistics, 2012 - 2016

SKILLS
------
Languages: Python, SQL, Scala
Platforms: Spark, Kafka, Snowflake, Airflow
"""

RESUME_MARKDOWN = """# Priya Raman

Denver, CO · [priya.raman@example.com](mailto:priya.raman@example.com) · (303) 555-0199 ·
[LinkedIn](https://www.linkedin.com/in/priyaraman)

## Experience

### Staff Data Engineer, Lumen Analytics
Denver, CO — Mar 2020 – Present

- Led the move of forty nightly batch jobs to streaming pipelines, cutting data
  latency from a day to under ten minutes for the finance and sales dashboards
- Built a cross-functional review board for schema changes across six teams
- Mentored three engineers into tech-lead roles

### Data Analyst, Harbor Freight Logistics
Boulder, CO — June 2016 – Feb 2020

- Automated weekly carrier scorecards in SQL and Python
- Reduced late shipments by 12% with a routing model shared with operations

## Education

**Front Range University**, B.S. in Statistics, 2012 – 2016

## Skills

- **Languages:** Python, SQL, Scala
- **Platforms:** Spark, Kafka, Snowflake, Airflow
"""


def typst_page(body: str, *, name: str = "Ana Ruiz", contact: str = "") -> str:
    """A one-page resume: a centred name and contact line above ``body`` (Typst markup).

    Why: the layout tests each need only the part of a page they are about (a date column,
    a degree column, a wrapped header); the name and contact line make it a resume the
    structure stage can read end to end.
    """
    contact = contact or "ana.ruiz\\@example.com | (303) 555-0101 | Denver, CO"
    return (
        _PAGE
        + '#set text(lang: "en")\n'
        + f'#align(center)[#text(size: 22pt, weight: "bold")[{name}]]\n'
        + f"#align(center)[{contact}]\n"
        + body
    )


def section(title: str) -> str:
    """A section heading as RenderCV-like themes draw it: larger, bold, on its own line."""
    return f'\n#text(size: 14pt, weight: "bold")[{title}]\n\n'


# ---- resumes with the headings a test chooses -------------------------------------------
# A section is (heading, kind): kind "work" (JOBS), "education", "skills" ("Label: a, b"
# lines) or "skills-table" (a two-column table of label | list: a Word table, a Typst grid,
# columns of text). The writers below draw one list of sections in each format.

LABEL = "Data Engineer"
EDUCATION = ("Front Range University", "B.S. in Statistics", "2012 – 2016")
STANDARD_SECTIONS = [("Experience", "work"), ("Education", "education"), ("Skills", "skills")]


def _contact() -> str:
    p = PERSON
    return " | ".join([f"{p['city']}, CO", p["email"], p["phone"], p["linkedin"]])


def sections_text(sections: list[tuple[str, str]], *, caps: bool = True) -> str:
    """A plain-text resume: headings on their own line after a blank one, in capitals or
    as written (title case), a header of name, headline and contact line."""
    out = [PERSON["name"], LABEL, _contact()]
    for title, kind in sections:
        out += ["", title.upper() if caps else title]
        if kind == "work":
            for job in JOBS:
                out.append(f"{job['position']} -- {job['company']}, {job['location']}")
                out.append(job["dates"])
                out += [f"- {b}" for b in job["bullets"]]
                out.append("")
            out.pop()
        elif kind == "education":
            out.append(", ".join(EDUCATION))
        elif kind == "skills":
            out += [f"{label}: {', '.join(items)}" for label, items in SKILL_GROUPS.items()]
        elif kind == "skills-table":
            out += [f"{label:<14}    {', '.join(items)}" for label, items in SKILL_GROUPS.items()]
    return "\n".join(out) + "\n"


def sections_markdown(sections: list[tuple[str, str]]) -> str:
    """Markdown: '# name', '## section', '### role, company' entries."""
    out = [f"# {PERSON['name']}", "", LABEL, "", _contact()]
    for title, kind in sections:
        out += ["", f"## {title}", ""]
        if kind == "work":
            for job in JOBS:
                out += [f"### {job['position']}, {job['company']}", "", job["dates"], ""]
                out += [f"- {b}" for b in job["bullets"]]
                out.append("")
        elif kind == "education":
            out.append(", ".join(EDUCATION))
        else:
            out += [f"- **{label}:** {', '.join(items)}" for label, items in SKILL_GROUPS.items()]
    return "\n".join(out) + "\n"


def write_sections_docx(
    path: Path, sections: list[tuple[str, str]], *, headings: str = "bold"
) -> Path:
    """A Word resume: headings in Word's 'Heading 1' style ('styled', as written) or bold
    capitals in body text ('bold'); roles as a bold company line, an italic title line and
    List Bullet paragraphs; a skills table without borders."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph(PERSON["name"], style="Title")
    document.add_paragraph(LABEL)
    document.add_paragraph(_contact())
    for title, kind in sections:
        if headings == "styled":
            document.add_heading(title, level=1)
        else:
            run = document.add_paragraph().add_run(title.upper())
            run.bold = True
            run.font.size = Pt(13)
        _docx_section(document, kind)
    document.save(path)
    return path


def _docx_section(document, kind: str) -> None:
    if kind == "work":
        for job in JOBS:
            para = document.add_paragraph()
            para.add_run(job["company"]).bold = True
            para.add_run(f", {job['location']}\t{job['dates']}")
            document.add_paragraph().add_run(job["position"]).italic = True
            for bullet in job["bullets"]:
                document.add_paragraph(bullet, style="List Bullet")
    elif kind == "education":
        document.add_paragraph(", ".join(EDUCATION))
    elif kind == "skills":
        for label, items in SKILL_GROUPS.items():
            para = document.add_paragraph()
            para.add_run(f"{label}: ").bold = True
            para.add_run(", ".join(items))
    elif kind == "skills-table":
        table = document.add_table(rows=0, cols=2)
        for label, items in SKILL_GROUPS.items():
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = ", ".join(items)


def write_label_column_docx(path: Path) -> Path:
    """A Word resume laid out as one table: each row a section, its heading alone in the
    left cell, its content in the right cell (a common Word template)."""
    import docx

    document = docx.Document()
    document.add_paragraph(PERSON["name"], style="Title")
    document.add_paragraph(_contact())
    table = document.add_table(rows=0, cols=2)
    for title, kind in STANDARD_SECTIONS:
        left, right = table.add_row().cells
        left.paragraphs[0].add_run(title.upper()).bold = True
        first = right.paragraphs[0]
        if kind == "work":
            for index, job in enumerate(JOBS):
                para = first if index == 0 else right.add_paragraph()
                para.add_run(job["company"]).bold = True
                para.add_run(f", {job['location']}\t{job['dates']}")
                right.add_paragraph().add_run(job["position"]).italic = True
                for bullet in job["bullets"]:
                    right.add_paragraph(bullet, style="List Bullet")
        elif kind == "education":
            first.text = ", ".join(EDUCATION)
        else:
            first.text = "; ".join(", ".join(items) for items in SKILL_GROUPS.values())
    document.save(path)
    return path


def sections_typst(sections: list[tuple[str, str]]) -> str:
    """The same in a PDF: ``section`` headings, dates flush right, a skills grid whose
    label column is as wide as a table's first column."""
    out = [typst_page("", name=PERSON["name"], contact=_esc(_contact()))]
    out.append(f"#align(center)[{LABEL}]\n")
    for title, kind in sections:
        out.append(section(title))
        if kind == "work":
            for job in JOBS:
                out.append(
                    f"#grid(columns: (1fr, auto), [*{job['company']}*, {job['location']}], "
                    f"[{job['dates']}])\n"
                )
                out.append(f"_{job['position']}_\n")
                out.extend(f"- {_esc(b)}" for b in job["bullets"])
                out.append("")
        elif kind == "education":
            out.append(", ".join(EDUCATION) + "\n")
        elif kind == "skills":
            out += [f"*{label}:* {', '.join(items)}\n" for label, items in SKILL_GROUPS.items()]
        elif kind == "skills-table":
            cells = ", ".join(
                f"[{label}], [{', '.join(items)}]" for label, items in SKILL_GROUPS.items()
            )
            out.append(f"#grid(columns: (150pt, 1fr), row-gutter: 5pt, {cells})\n")
    return "\n".join(out)


def parse_text(tmp_path: Path, text: str, name: str = "resume.txt"):
    """``text`` written to a plain-text resume file and parsed (``load_resume``)."""
    from resumetool.structure import load_resume

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_resume(path)
