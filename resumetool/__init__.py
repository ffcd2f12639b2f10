"""resumetool: iterate on your resume between interviews.

The library under the CLI: parse a resume into a JSON Resume model, log interviews,
analyze what interviewers ask about against what the resume emphasizes, draft, render
and diff versions. It prints nothing and never exits; failures are
``resumetool.errors.ResumetoolError`` subclasses.
"""

__version__ = "0.1.0"
