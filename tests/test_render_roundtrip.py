"""Render → parse round trip: resumetool reads its own PDFs and Word files back.

A subset here (two ground-truth resumes × every design × PDF and DOCX); the full run over
every ground-truth resume is `python bench/render_bench.py --roundtrip-only`. Scored with
the shared evaluator (../shared/eval/parse_score.py), which must give ≥ 98.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import SHARED

from resumetool import render
from resumetool.model import Resume

GROUND = SHARED / "fixtures" / "parse" / "GROUND"
SCORER = SHARED / "eval" / "parse_score.py"
SUBSET = ("swe-ibanez", "rn-pena")

pytestmark = pytest.mark.skipif(
    not SCORER.is_file() or not GROUND.is_dir(), reason="shared/ fixtures are not beside the repo"
)


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("parse_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["classic", "modern"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("resume_id", SUBSET)
def test_a_render_parses_back_to_the_same_resume(tmp_path, scorer, resume_id, name, fmt):
    structure = pytest.importorskip("resumetool.structure")
    truth = json.loads((GROUND / f"{resume_id}.json").read_text(encoding="utf-8"))
    (path,) = render.render_resume(
        Resume.from_json_resume(truth), name, fmt, tmp_path, stem=resume_id
    )
    parsed = structure.load_resume(path).to_json_resume()
    total, components, *_ = scorer.score_doc(truth, parsed)
    assert total >= 98, components


@pytest.mark.parametrize("name", ["classic", "modern"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_roles_without_a_location_parse_back(tmp_path, scorer, name, fmt):
    """With no location the dates end the title line; the parser must still read them."""
    structure = pytest.importorskip("resumetool.structure")
    truth = json.loads((GROUND / f"{SUBSET[0]}.json").read_text(encoding="utf-8"))
    for job in truth["work"][::2]:
        job.pop("location", None)
    (path,) = render.render_resume(Resume.from_json_resume(truth), name, fmt, tmp_path)
    parsed = structure.load_resume(path).to_json_resume()
    total, components, *_ = scorer.score_doc(truth, parsed)
    assert total >= 98, components
