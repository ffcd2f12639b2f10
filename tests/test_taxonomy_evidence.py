"""Evidence the shipped taxonomy must find, and near misses it must not (real resume lines).

Why: a missing phrase makes `practice` and `draft` give false advice ("nothing shows vendor
management") on a resume that plainly shows it; a loose phrase claims a skill nobody has.
Each row is a line a user's resume had; the negatives are the weak readings the taxonomy
README rules out ("real-time" alone is not stream processing).
"""

from __future__ import annotations

import pytest

from resumetool.skills import Taxonomy, load_taxonomy, matcher


@pytest.fixture(scope="module")
def shipped() -> Taxonomy:
    return load_taxonomy()


def hits(shipped: Taxonomy, asked: str, text: str) -> tuple[list[str], list[str]]:
    """(names found, evidence phrases found) of the skill ``asked`` resolves to."""
    skill = shipped.resolve(asked)
    m = matcher()
    m.prepare([skill])
    found = m.find(m.docs([text])[0], text, {skill.key})
    return (
        [h.matched for h in found if h.kind == "name"],
        [h.form for h in found if h.kind == "evidence"],
    )


SHOWN = [
    # paraphrases: terms named together, or the verb before its object
    ("vendor management", "Ran quarterly scorecards for 35 suppliers", "scorecard + suppliers"),
    ("event planning", "Planned 40 corporate events a year", "plan … event"),
    ("Scrum", "Planned the next two sprints with the product owner", "plan … sprint"),
    (
        "integrated pest management",
        "Scouted greens weekly and sprayed only when dollar spot passed set thresholds",
        "scout + threshold",
    ),
    (
        "activities of daily living",
        "Retrained stroke survivors to dress, bathe and cook on their own",
        "dress + bathe",
    ),
    (
        "precision agriculture",
        "Ran variable-rate seeding from yield maps with GPS auto-steer",
        "variable-rate seeding",
    ),
    ("cataloging", "Created MARC records for 2,000 new titles a year", "MARC records"),
    ("incident command system", "Ran the command post at a three-alarm fire", "command post"),
    ("hazardous materials", "Segregated IMDG-class containers in the yard", "IMDG"),
    (
        "medical nutrition therapy",
        "Counseled dialysis patients on potassium and fluid limits",
        "counsel + potassium",
    ),
    ("dysphagia management", "Ran bedside swallow screens after strokes", "swallow screens"),
    (
        "collections management",
        "Accessioned 1,200 objects for the permanent collection",
        "accession + objects",
    ),
    (
        "incident response",
        "Isolated infected hosts and wrote post-incident reports",
        "isolated … hosts",
    ),
    (
        "vendor management",
        "Managed four vendors through SLA reviews and renegotiated two contracts",
        "managed … vendors",
    ),
    ("vendor management", "Tracked vendor SLA compliance every month", "vendor SLA"),
    (
        "contract negotiation",
        "Managed four vendors and renegotiated two contracts, saving $310K a year",
        "renegotiated … contracts",
    ),
    ("budgeting", "Tracked budgets for three product teams", "tracked … budget"),
    (
        "budgeting",
        "Delivered the program two weeks early and 6% under budget",
        "under budget",
    ),
    ("budgeting", "Managed a $2M budget across four sites", "managed … budget"),
    ("budgeting", "Owned the $1.2M marketing budget", "owned … budget"),
    ("data modeling", "Led dimensional modeling of the sales warehouse", "dimensional modeling"),
    ("data modeling", "Wrote dbt models for the month-end close", "dbt models"),
    ("data modeling", "Designed a star schema for order analytics", "star schema"),
    (
        "stream processing",
        "Built Kafka consumers in Python that fed real-time stock levels to 900 stores",
        "Kafka consumers",
    ),
    ("streaming", "Built Kafka consumers in Python", "Kafka consumers"),
    ("stream processing", "Ran real-time data pipelines on Flink", "real-time data pipelines"),
    ("survival analysis", "Plotted Kaplan-Meier curves for two trials", "Kaplan-Meier"),
    ("airway management", "Secured airways with video laryngoscopy", "video laryngoscopy"),
    ("predictive modeling", "Built GLMs for claim frequency by state", "GLM … claim frequency"),
    ("loss reserving", "Projected losses with Bornhuetter-Ferguson", "Bornhuetter-Ferguson"),
    ("high-performance computing", "Ran 2,000-core jobs on a Slurm cluster", "Slurm"),
    ("fundraising", "Grew individual giving 30% in two years", "individual giving"),
    (
        "financial consolidation",
        "Eliminated intercompany balances for 9 subsidiaries",
        "eliminated … intercompany",
    ),
    (
        "usability testing",
        "Watched customers try 5 tasks while thinking aloud",
        "tasks … thinking aloud",
    ),
    ("flight planning", "Reviewed NOTAMs before each leg", "NOTAMs"),
    ("news writing", "Broke the story on eviction filings", "broke … story"),
    ("stage management", "Called light and sound cues for 40 shows", "called … cues"),
    ("claims adjusting", "Wrote 300 estimates in Xactimate", "Xactimate"),
    (
        "animal training",
        "Ran positive reinforcement training for sea lions",
        "positive reinforcement training",
    ),
]


@pytest.mark.parametrize(("asked", "text", "phrase"), SHOWN, ids=[r[2] for r in SHOWN])
def test_the_line_shows_the_skill(shipped: Taxonomy, asked: str, text: str, phrase: str):
    names, evidence = hits(shipped, asked, text)
    assert names == [] and phrase in evidence


NOT_SHOWN = [
    ("vendor management", "Built a scorecard for the sales team. Met suppliers monthly."),
    ("Scrum", "Planned sprint workouts for the 400 m squad"),
    ("transportation engineering", "Site civil engineer on highway and bridge projects"),
    ("collections management", "Accessioned 300 blood samples a day in the LIMS"),
    ("activities of daily living", "Changed wound dressings twice a day"),
    ("medical nutrition therapy", "Monitored potassium and phosphorus levels on telemetry"),
    ("incident command system", "Hardened ICS networks at two water plants"),
    ("stream processing", "Built real-time dashboards for the sales team"),
    ("stream processing", "Answered patient calls in real time"),
    ("vendor management", "Ran quarterly SLA reviews with our enterprise customers"),
    ("vendor management", "Renegotiated two customer contracts"),
    ("budgeting", "Worked on budget reports for the CFO"),
    ("data modeling", "Modeled for a fashion catalog"),
    ("fundraising", "Raised menu prices 4% without losing covers"),
    ("usability testing", "Modeled think-alouds during guided reading"),
    ("predictive modeling", "Fit GLMs to longitudinal cohort outcomes"),
    ("financial consolidation", "Eliminated 40 manual journal entries"),
    ("high-performance computing", "Ran a small Kubernetes cluster for staging"),
    ("conduit bending", "Served as a conduit between sales and engineering"),
    ("news writing", "Broke ground on the new clinic"),
    ("volunteer management", "Volunteered at the food bank every week"),
]


@pytest.mark.parametrize(("asked", "text"), NOT_SHOWN, ids=[r[1][:30] for r in NOT_SHOWN])
def test_a_weak_reading_is_not_evidence(shipped: Taxonomy, asked: str, text: str):
    assert hits(shipped, asked, text) == ([], [])


def test_streaming_names_stream_processing_only_about_data(shipped: Taxonomy):
    """'streaming' is a name of stream processing in a data line, not in live video."""
    assert shipped.resolve("streaming").name == "stream processing"
    line = "Moved order ingestion from batch to streaming"
    assert hits(shipped, "streaming", line)[0] == ["streaming"]
    for text in ("Hosted a live streaming show every week", "Grew video streaming revenue 20%"):
        assert hits(shipped, "streaming", text) == ([], [])
    # a framework's name is evidence, not the word 'streaming' naming the skill
    assert hits(shipped, "streaming", "Ran Spark Streaming jobs on EMR") == (
        [],
        ["Spark Streaming"],
    )
