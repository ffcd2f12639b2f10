"""A plain-text outline of a Resume, for a person to check a parse at a glance.

Why plain text: it goes to a terminal or a pipe; each entry is one line of who / where /
when, its bullets indented under it, and whatever the parser could not place is listed
last under "Not placed", so a miss is visible rather than silent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Resume

_TITLES = {
    "work": "Work",
    "volunteer": "Volunteer",
    "education": "Education",
    "projects": "Projects",
    "skills": "Skills",
    "certificates": "Certificates",
    "awards": "Awards",
    "publications": "Publications",
    "languages": "Languages",
    "interests": "Interests",
    "references": "References",
}


def format_outline(resume: Resume) -> str:
    """The resume as an indented outline (no colour, no trailing blank line)."""
    data = resume.to_json_resume(ids=False)
    out: list[str] = []
    basics = data.get("basics", {})
    out.append(
        " — ".join(x for x in (basics.get("name") or "(no name found)", basics.get("label")) if x)
    )
    contact = [
        basics.get("email"),
        basics.get("phone"),
        basics.get("url"),
        _place(basics.get("location")),
    ]
    contact += [
        f"{p.get('network', '')}: {p.get('username') or p.get('url')}"
        for p in basics.get("profiles", [])
    ]
    if any(contact):
        out.append("  " + " · ".join(c for c in contact if c))
    if basics.get("summary"):
        out += ["", "Summary", f"  {basics['summary']}"]
    for key, title in _TITLES.items():
        items = data.get(key) or []
        if not items:
            continue
        out += ["", f"{title} ({len(items)})"]
        for item in items:
            out.append(f"  - {_entry_line(key, item)}")
            for extra in ("summary", "description"):
                if item.get(extra) and key not in ("awards",):
                    out.append(f"      {item[extra]}")
            for highlight in item.get("highlights", []):
                out.append(f"      • {highlight}")
    unparsed = data.get("meta", {}).get("unparsed", [])
    if unparsed:
        out += ["", f"Not placed ({len(unparsed)})"]
        out += [f"  ? {text}" for text in unparsed]
    return "\n".join(out)


def _place(location: dict[str, Any] | None) -> str:
    from .places import place_text

    return place_text(location) if location else ""


def _span(item: dict[str, Any], single: str | None = None) -> str:
    if single:
        return str(item.get(single, ""))
    start, end = item.get("startDate"), item.get("endDate")
    if not start:
        return ""
    return f"{start} – {end or 'present'}" if end != start else str(start)


def _entry_line(key: str, item: dict[str, Any]) -> str:
    if key in ("work", "volunteer"):
        fields = [
            item.get("position"),
            item.get("name") or item.get("organization"),
            item.get("location"),
            _span(item),
        ]
    elif key == "education":
        degree = " ".join(x for x in (item.get("studyType"), item.get("area")) if x)
        score = f"GPA {item['score']}" if item.get("score") else ""
        fields = [degree, item.get("institution"), _span(item), score]
    elif key == "skills":
        label = item.get("name") or "(ungrouped)"
        return f"{label}: {', '.join(item.get('keywords', []))}"
    elif key == "languages":
        fields = [item.get("language"), item.get("fluency")]
    elif key == "interests":
        fields = [item.get("name"), ", ".join(item.get("keywords", []))]
    elif key == "projects":
        fields = [item.get("name"), _span(item), item.get("url")]
    elif key == "certificates":
        fields = [item.get("name"), item.get("issuer"), _span(item, "date")]
    elif key == "awards":
        fields = [item.get("title"), item.get("awarder"), _span(item, "date"), item.get("summary")]
    elif key == "publications":
        fields = [item.get("name"), item.get("publisher"), _span(item, "releaseDate")]
    else:
        fields = [item.get("name"), item.get("reference")]
    return " · ".join(str(f) for f in fields if f) or "(empty)"
