"""The feedback request: a short, gracious e-mail asking an interviewer what to improve.

Why: the method always asks for feedback after an interview — to learn, never to be
reconsidered — and a ready draft with one or two specific questions gets answered far
more often than "any feedback?". The wording is data: a Jinja template
(``mail/feedback_request.txt.j2``) that a same-named file in the workspace's
``templates/`` folder replaces. This module picks what to ask about (the skills the
interviewers asked, those the candidate's own cons name first), renders strictly
(a misspelt value is an error, not a blank) and never prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from .current import words_in
from .dates import written_date
from .errors import RenderError
from .interview import Interview
from .wording import join_words as join_and  # the templates' filter name

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE_NAME = "feedback_request.txt.j2"
BUILTIN_DIR = Path(__file__).resolve().parent / "mail"
MAX_TOPICS = 2
"""At most two skills in the question: one specific question is answered, a list is not."""


class FeedbackEmail(BaseModel):
    """The rendered e-mail and advice for the sender (not part of the e-mail)."""

    subject: str
    body: str
    template: str = Field(description="the template file it came from")
    notes: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"


def question_focus(interview: Interview) -> tuple[list[str], str | None]:
    """The skills to ask about and one of the candidate's own cons to check.

    Why this order: a skill the candidate already felt weak on (named in a con) is the
    question whose answer helps most; a con about something else gets its own question,
    quoted as written so the e-mail never rephrases it into a claim.
    """
    cons = interview.cons
    named = [s for s in interview.asked if any(words_in(c, s) for c in cons)]
    rest = [s for s in interview.asked if s not in named]
    topics = (named + rest)[:MAX_TOPICS]
    concern = next((c for c in cons if not any(words_in(c, t) for t in topics)), None)
    return topics, concern


def _configure(env: Environment) -> None:
    env.filters["long_date"] = written_date
    env.filters["join_and"] = join_and


def draft_feedback_request(
    interview: Interview,
    *,
    candidate: str | None = None,
    template_dirs: Sequence[Path] = (),
) -> FeedbackEmail:
    """Render the feedback request for one interview.

    ``template_dirs`` are searched before the built-in template (pass the workspace's
    ``templates/``). Missing optional facts (role, interviewer, name) change the wording
    rather than leaving a blank; each also becomes a note telling the user how to add it.
    """
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    from .templating import environment, error_location

    env = environment([*template_dirs, BUILTIN_DIR], _configure)
    topics, concern = question_focus(interview)
    context = {
        "company": interview.company,
        "role": interview.role or None,
        "date": interview.date,
        "interviewer": interview.interviewer or None,
        "candidate": (candidate or "").strip() or None,
        "outcome": interview.outcome,
        "stage": interview.stage,
        "topics": topics,
        "concern": concern,
    }
    source = TEMPLATE_NAME
    try:
        template = env.get_template(TEMPLATE_NAME)
        source = template.filename or TEMPLATE_NAME
        rendered = template.render(context)
    except TemplateSyntaxError as exc:
        raise RenderError(
            f"template error: {exc.message}",
            path=error_location(exc, TEMPLATE_NAME),
            hint="fix it, or delete it to use the built-in template",
        ) from exc
    except UndefinedError as exc:
        raise RenderError(
            f"the template uses a value that does not exist ({exc.message})",
            path=error_location(exc, source),
            hint=f"the values are: {', '.join(context)}",
        ) from exc
    except TemplateError as exc:
        raise RenderError(
            f"template error: {exc}",
            path=error_location(exc, source),
            hint="fix it, or delete it to use the built-in",
        ) from exc

    subject, body = _split_subject(rendered, source)
    return FeedbackEmail(
        subject=subject,
        body=body,
        template=source,
        notes=_notes(interview, context),
    )


def _split_subject(rendered: str, source: str) -> tuple[str, str]:
    lines = rendered.lstrip("\n").splitlines()
    if not lines or not lines[0].lower().startswith("subject:"):
        raise RenderError(
            "the template's first line must be the subject (Subject: …)",
            path=source,
            hint="start the template with a Subject: line",
        )
    subject = lines[0].split(":", 1)[1].strip()
    body = "\n".join(line.rstrip() for line in lines[1:]).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return subject, body + "\n"


def _notes(interview: Interview, context: dict[str, object]) -> list[str]:
    notes = []
    ref = interview.id or "ID"
    if interview.outcome == "pending":
        notes.append(
            "the outcome is still pending: the e-mail asks for feedback once they have decided;"
            " you may prefer to send it after their answer"
        )
    if interview.feedback:
        notes.append(
            "this interview already has feedback recorded; send this only if you want more detail"
        )
    if context["interviewer"] is None:
        notes.append(
            f"no interviewer recorded, so it greets the {interview.company} team;"
            f" add one with `resumetool interview edit {ref}`"
        )
    if context["candidate"] is None:
        notes.append('no name in resumetool.toml: add `name = "Your Name"` to sign the e-mail')
    return notes


def write_email(email: FeedbackEmail, path: Path) -> Path:
    """Write the e-mail (subject line + body) atomically."""
    from .files import write_output

    return write_output(path, email.text, "the e-mail")
