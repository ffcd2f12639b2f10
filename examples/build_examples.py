"""Build the example resume files (DOCX, and PDF when LibreOffice is installed).

Why a script: the demo and the tests need a resume written the way a person writes one
in Word (bold name, a contact line, headings, bullets, right-aligned dates), not one made
by resumetool's own templates. Run it after changing the text below; commit the outputs.

    python examples/build_examples.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt

HERE = Path(__file__).resolve().parent

NAME = "Jordan Rivera"
CONTACT = (
    "Denver, CO · jordan.rivera@example.com · (303) 555-0188 · linkedin.com/in/jordanrivera-pm"
)
SUMMARY = (
    "Program manager with nine years of experience delivering logistics and healthcare "
    "software programs on time. Known for clear stakeholder management, calm risk "
    "management and turning vague goals into plans that teams believe in."
)
JOBS = [
    (
        "Senior Program Manager",
        "Northgate Supply Co.",
        "Denver, CO",
        "Mar 2021 – Present",
        [
            "Led a $4.2M warehouse-automation program across three sites, delivering two weeks "
            "early and 6% under budget",
            "Built the program's risk register and weekly steering committee, cutting "
            "escalations to the VP by half",
            "Managed four vendors through SLA reviews and renegotiated two contracts, saving "
            "$310K a year",
            "Ran sprint planning, daily stand-ups and retrospectives for two Scrum teams of 14 "
            "engineers, raising on-time story completion from 61% to 88%",
        ],
    ),
    (
        "Program Manager",
        "Mesa Health Partners",
        "Aurora, CO",
        "Jun 2017 – Feb 2021",
        [
            "Coordinated the rollout of a patient-scheduling platform to 22 clinics with zero "
            "unplanned downtime",
            "Kept clinicians, IT and finance aligned through monthly stakeholder reviews",
            "Introduced Jira dashboards that gave leadership a single view of 40 projects",
        ],
    ),
    (
        "Project Coordinator",
        "Front Range Freight",
        "Denver, CO",
        "Aug 2015 – May 2017",
        [
            "Tracked budgets and timelines for 12 carrier-integration projects",
            "Wrote weekly status reports for the operations leadership team",
        ],
    ),
]
EDUCATION = [
    ("University of Colorado Boulder", "B.S. in Business Administration", "2011 – 2015"),
]
SKILLS = [
    ("Program management", "Risk management, Budgeting, Vendor management, Scrum, Kanban"),
    ("Tools", "Jira, Confluence, Smartsheet, Microsoft Excel, SQL"),
]
CERTIFICATES = ["Project Management Professional (PMP), PMI, 2019"]


def build_docx(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(0.8)
    text_width = section.page_width - section.left_margin - section.right_margin

    name = doc.add_paragraph()
    run = name.add_run(NAME)
    run.bold = True
    run.font.size = Pt(20)
    doc.add_paragraph(CONTACT)

    def heading(text: str) -> None:
        para = doc.add_paragraph()
        para.paragraph_format.space_before = Pt(10)
        head = para.add_run(text.upper())
        head.bold = True
        head.font.size = Pt(12)

    def dated_line(left: str, right: str, *, bold: bool) -> None:
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        lead = para.add_run(left)
        lead.bold = bold
        para.add_run("\t" + right)

    heading("Summary")
    doc.add_paragraph(SUMMARY)
    heading("Experience")
    for position, company, place, dates, bullets in JOBS:
        dated_line(position, dates, bold=True)
        para = doc.add_paragraph()
        para.add_run(f"{company}, {place}").italic = True
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")
    heading("Education")
    for school, degree, dates in EDUCATION:
        dated_line(school, dates, bold=True)
        doc.add_paragraph(degree)
    heading("Skills")
    for group, items in SKILLS:
        para = doc.add_paragraph()
        para.add_run(f"{group}: ").bold = True
        para.add_run(items)
    heading("Certifications")
    for cert in CERTIFICATES:
        doc.add_paragraph(cert, style="List Bullet")
    doc.save(path)


def build_pdf(docx_path: Path, pdf_path: Path) -> bool:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(tmp) / f"{docx_path.stem}.pdf", pdf_path)
    return True


if __name__ == "__main__":
    docx_path = HERE / "resume.docx"
    build_docx(docx_path)
    print(f"wrote {docx_path}")
    if build_pdf(docx_path, HERE / "resume.pdf"):
        print(f"wrote {HERE / 'resume.pdf'}")
    else:
        print("LibreOffice not found: resume.pdf not rebuilt")
