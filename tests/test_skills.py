"""The skills matcher: where naive substring search is wrong, and the taxonomy rules.

The trap pairs run against the shipped taxonomy (they are product requirements: the
data and the matcher together must get them right); the rule semantics run against small
taxonomies built here, so they test the matcher and not the data.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumetool.errors import ValidationFailed
from resumetool.skills import (
    SkillDef,
    Taxonomy,
    load_base_skills,
    load_taxonomy,
    matcher,
    skill_from_table,
)


@pytest.fixture(scope="module")
def shipped() -> Taxonomy:
    return load_taxonomy()


def named(text: str, skill: SkillDef, *, is_list: bool = False, title: str | None = None):
    """The words of ``text`` that name ``skill``."""
    m = matcher()
    m.prepare([skill])
    doc = m.docs([text])[0]
    title_doc = m.docs([title])[0] if title else None
    hits = m.find(doc, text, {skill.key}, title=title_doc, is_list=is_list)
    return [h.matched for h in hits if h.kind == "name"]


def implied(text: str, skill: SkillDef) -> list[str]:
    m = matcher()
    m.prepare([skill])
    hits = m.find(m.docs([text])[0], text, {skill.key})
    return [h.form for h in hits if h.kind == "evidence"]


def make(**table) -> SkillDef:
    table.setdefault("category", "test")
    return skill_from_table(table)


# -- the traps, with the shipped taxonomy -------------------------------------

TRAPS = [
    ("Go", "Wrote the billing service in Go.", "Owned the go-to-market plan."),
    ("Go", "Languages: Go, Python", "Super-user during the Epic go-live."),
    ("R", "Modelled churn in R and Python.", "Prepared the R&D tax credit study."),
    ("C", "Wrote firmware in C for microcontrollers.", "Presented to C-suite buyers."),
    ("Java", "Built Java microservices on Kafka.", "Added JavaScript form validation."),
    ("Excel", "Built forecasting models in Excel.", "Excelled at excellent family rapport."),
    ("React", "Built the checkout UI in React.", "Reacted to on-call pages in 5 minutes."),
    ("Spring", "Built Spring Boot services in Java.", "Graduated in Spring 2021."),
    ("Swift", "Shipped two iOS apps in Swift.", "Responded swiftly to every incident."),
    ("Rust", "Rewrote the parser in Rust.", "Managed rust-proofing for the fleet."),
    ("Scala", "Wrote Spark jobs in Scala.", "Designed a scalable metrics layer."),
    ("machine learning", "Applied ML to churn forecasting.", "Gave 30 mL/kg fluid boluses."),
    ("Agile", "Led Agile delivery for three Scrum teams.", "Kept older members agile."),
    ("Spring", "Built Spring MVC services in Java.", "Interned Spring/Summer 2020."),
    ("Spring", "Built Spring MVC services in Java.", "Joined the Winter/Spring 2021 cohort."),
    (
        "Scrum",
        "Certified ScrumMaster (CSM), 2019.",
        "Partnered with each account's CSM on renewals.",
    ),
    ("Scrum", "Agile coach; CSM since 2019.", "Customer Success Manager (CSM) for 40 accounts."),
    ("Canva", "Designed flyers in Canva.", "Filmed artists stretching canvas."),
    ("Kafka", "Streamed events through Kafka topics.", "Taught Kafka's The Metamorphosis."),
    ("Google Cloud", "Ran BigQuery jobs on GCP.", "CITI Good Clinical Practice (GCP), 2024."),
    ("business intelligence", "Built BI dashboards for finance.", "Built dashboards in Power BI."),
    ("digital marketing", "Led digital marketing for 3 brands.", "Expanded into digital markets."),
    ("IV therapy", "Started IV therapy for 20 patients.", "Ran Phase IV trials."),
    (
        "artificial intelligence",
        "Shipped AI features.",
        "Ran the AI (artificial insemination) program.",
    ),
    ("Java", "Built Java microservices.", "Served Java Jacket coffee at events."),
    ("Python", "Wrote python scripts for reports.", "Handled the ball python at school visits."),
    ("Scrum", "Ran agile/scrum ceremonies.", "Coached the forwards in scrum technique."),
    ("SAP", "Processed purchase orders in SAP.", "Measured sap flow in maples."),
    ("SAP", "Processed purchase orders in SAP.", "Wrote statistical analysis plans (SAPs)."),
    ("C#", "Built billing services in C# and .NET.", "Taught Chopin's Nocturne in C# minor."),
    ("Django", "Built the booking API in Django.", "Played gypsy jazz after Django Reinhardt."),
    ("pandas", "Cleaned claims data with pandas.", "Fed the red pandas twice a day."),
    ("Final Cut Pro", "Edited promos in Final Cut.", "Approved the final cut of the ad."),
    ("Consul", "Ran service discovery on Consul.", "Deputy to the Consul General."),
    ("Godot", "Shipped two jam games in Godot.", "Directed Waiting for Godot."),
    ("ZooKeeper", "Ran Kafka and ZooKeeper clusters.", "Senior Zookeeper for the Asia trail."),
    ("Packer", "Built golden AMIs with Packer.", "Trained six packers on the night shift."),
    ("EMT", "Worked as an EMT on a 911 ambulance.", "Bent EMT and rigid conduit."),
    ("CBT", "Delivered CBT for anxiety to 30 clients.", "Built CBT modules for onboarding."),
    ("ATP", "Earned the ATP certificate at 1,500 hours.", "Measured ATP levels in muscle cells."),
    ("NEC", "Wired circuits to NEC 2023.", "Installed NEC projectors in classrooms."),
    ("Logic Pro", "Mixed the album in Logic Pro.", "Took the logic pro bono."),
    (
        "Step Functions",
        "Orchestrated jobs with Step Functions.",
        "Taught step functions to 9th grade.",
    ),
    ("Great Expectations", "Added Great Expectations checks to dbt.", "Taught Great Expectations."),
    ("Microsoft Office", "Fluent in the Office Suite.", "Moved the team into an office suite."),
    (
        "Material Design",
        "Built Android screens to Material Design.",
        "Led material design for parts.",
    ),
    ("Prometheus", "Scraped service metrics with Prometheus.", "Vases of Prometheus."),
    ("Gatsby", "Built the marketing site in Gatsby.", "Ran a Gatsby night for readers."),
    ("Jekyll", "Kept the docs site on Jekyll and GitHub Pages.", "Read Jekyll and Hyde."),
    ("Gusto", "Ran payroll in Gusto for 40 staff.", "The choir sang with gusto."),
    ("Caddy", "Served HTTPS with Caddy as a reverse proxy.", "Trained caddies on pace of play."),
    ("Svelte", "Built the dashboard in Svelte and TypeScript.", "Bought svelte tailoring."),
    ("Docker", "Shipped services as Docker images.", "Ran 40 dockers at a container terminal."),
    (
        "After Effects",
        "Animated titles in After Effects.",
        "Managed the after effects of a merger.",
    ),
]


@pytest.mark.parametrize(("skill", "good", "trap"), TRAPS, ids=[f"{t[0]}-{t[2]}" for t in TRAPS])
def test_trap_words_are_not_mentions(shipped: Taxonomy, skill: str, good: str, trap: str):
    resolved = shipped.resolve(skill)
    assert resolved.known, f"{skill} should be in the shipped taxonomy"
    assert named(good, resolved, is_list=good.startswith("Languages:")), good
    assert named(trap, resolved) == [], trap


@pytest.mark.parametrize(
    ("asked", "text", "form"),
    [
        ("Kubernetes", "Ran multi-tenant k8s clusters.", "k8s"),
        ("JavaScript", "Wrote JS for the storefront.", "JS"),
        ("PostgreSQL", "TS services on Postgres.", "Postgres"),
        ("TypeScript", "TS services on Postgres.", "TS"),
        ("Scrum", "Agile coach; CSM since 2019.", "CSM"),
        ("accounts receivable", "Cut days in A/R from 50 to 32.", "A/R"),
        ("Bluetooth Low Energy", "Wrote BLE drivers for wearables.", "BLE"),
        ("endpoint detection and response", "Tuned EDR detections.", "EDR"),
        ("augmentative and alternative communication", "Trained staff on AAC.", "AAC"),
    ],
)
def test_aliases_name_the_skill(shipped: Taxonomy, asked: str, text: str, form: str):
    assert named(text, shipped.resolve(asked)) == [form]


def test_an_alias_asked_resolves_to_its_skill(shipped: Taxonomy):
    assert shipped.resolve("k8s").name == "Kubernetes"
    assert shipped.resolve("postgres").name == "PostgreSQL"
    assert shipped.resolve("SCRUM").name == "Scrum"
    assert shipped.resolve("REST APIs").name == "REST API"


@pytest.mark.parametrize(
    ("asked", "text", "matched"),
    [
        ("REST API", "Designed public REST APIs for partners.", "REST APIs"),
        ("Scrum", "Coached two Scrum-based teams.", "Scrum"),
        ("stakeholder management", "Known for Stakeholder Management.", "Stakeholder Management"),
        ("machine learning", "Shipped machine-learning models.", "machine-learning"),
        ("machine learning", "Built ML-based pricing models.", "ML"),
        ("artificial intelligence", "Served AI-powered search.", "AI"),
        ("machine learning", "Applied Machine Learning to churn.", "Machine Learning"),
        ("R", "Analyzed survey data in R.", "R"),
        ("C", "Wrote the firmware in C.", "C"),
    ],
)
def test_inflections_and_spellings(shipped: Taxonomy, asked: str, text: str, matched: str):
    assert named(text, shipped.resolve(asked)) == [matched]


def test_a_swift_banking_code_in_a_skills_list_is_not_the_language(shipped: Taxonomy):
    swift = shipped.resolve("Swift")
    assert named("SWIFT, Fedwire, Excel, SQL", swift, is_list=True) == []
    assert named("SWIFT, SEPA, ACH", swift, is_list=True) == []
    assert named("SWIFT, KOTLIN, XCODE", swift, is_list=True) == ["SWIFT"]


def test_managed_is_not_management(shipped: Taxonomy):
    assert (
        named("Managed stakeholders across finance.", shipped.resolve("stakeholder management"))
        == []
    )


@pytest.mark.parametrize(
    ("asked", "text", "matched"),
    [
        ("C++", "Real-time engines in C++ and C#.", ["C++"]),
        ("C#", "Real-time engines in C++ and C#.", ["C#"]),
        ("C", "Real-time engines in C++ and C#.", []),
        (".NET", "Services on .NET and Node.js.", [".NET"]),
        ("Node.js", "Services on .NET 8 and Node.js.", ["Node.js"]),
        ("CI/CD", "Owned CI/CD pipelines in GitHub Actions.", ["CI/CD"]),
        ("C#", "Stack: C#/.NET, Node.js/React.", ["C#"]),
        (".NET", "Stack: C#/.NET, Node.js/React.", [".NET"]),
        ("Node.js", "Stack: C#/.NET, Node.js/React.", ["Node.js"]),
        ("machine learning", "Led the ML/AI guild.", ["ML"]),
    ],
)
def test_symbols(shipped: Taxonomy, asked: str, text: str, matched: list[str]):
    assert named(text, shipped.resolve(asked)) == matched


def test_evidence_implies_without_naming(shipped: Taxonomy):
    scrum = shipped.resolve("Scrum")
    text = "Ran sprint planning, daily stand-ups and retrospectives for two teams."
    assert named(text, scrum) == []
    assert "sprint planning" in implied(text, scrum)


def test_docker_is_not_evidence_of_kubernetes(shipped: Taxonomy):
    k8s = shipped.resolve("Kubernetes")
    text = "Packaged every service with Docker."
    assert named(text, k8s) == [] and implied(text, k8s) == []


# -- rule semantics, on small taxonomies ----------------------------------------------


def test_strict_is_case_sensitive_and_never_inflected():
    excel = make(name="Wexcel", strict=True)
    assert named("Models in Wexcel.", excel) == ["Wexcel"]
    assert named("MODELS IN WEXCEL", excel) == ["WEXCEL"]
    assert named("wexcel at teaching; Wexcelled; Wexcels", excel) == []


def test_loose_names_take_number_but_no_other_inflection():
    skill = make(name="blorp audit")
    assert named("Led three Blorp Audits.", skill) == ["Blorp Audits"]
    analysis = make(name="frob analysis")
    assert named("Ran frob analyses.", analysis) == ["frob analyses"]
    gerund = make(name="frob marketing")
    assert named("Expanded frob markets; frob-marketing lead.", gerund) == ["frob-marketing"]
    verb = make(name="frob auditing")
    assert named("Frob audited 11 clients.", verb) == []
    plural = make(name="frob charts")
    assert named("Drew a frob chart.", plural) == ["frob chart"]


def test_a_made_up_plural_that_is_another_word_is_not_a_name():
    assert named("Stretched the canvas.", make(name="Canva")) == []
    assert named("Built two Canvas designs.", make(name="Canva")) == []
    assert named("Owned the APIs.", make(name="API")) == ["APIs"]


def test_short_forms_are_strict_without_the_flag():
    skill = make(name="quantum widgets", aliases=["QW"])
    assert named("Built QW tooling.", skill) == ["QW"]
    assert named("Sold 3 qw units; QW-ready; QW&A.", skill) == []


def test_glue_vetoes_a_strict_name_but_punctuation_does_not():
    go = make(name="Zo", strict=True)
    for text in ("Zo-to-market", "Zo&D", "Zo/No-Zo", "Zo#", "Ro-Zo"):
        assert named(text, go) == [], text
    for text in ("(Zo)", "Zo, Rust", "in Zo.", "Zo's runtime", "Python/Zo", "Zo/Python"):
        assert named(text, go) == ["Zo"], text
    for text in ("Zo-based services", "Zo-powered search", "Zo-native tooling"):
        assert named(text, go) == ["Zo"], text
    assert named("Zo-based-ish", go) == ["Zo"]
    assert named("Zo-proofing; Zo-suite", go) == []


def test_all_caps_of_a_mixed_case_name_needs_a_caps_line_and_context():
    swift = make(name="Swiff", strict=True)
    assert named("SWIFF, KOTLIN, JAVA", swift, is_list=True) == ["SWIFF"]
    assert named("SWIFF", swift, is_list=True) == ["SWIFF"]
    assert named("SWIFF, Fedwire, Excel", swift, is_list=True) == []
    in_context = make(name="Swiff", strict=True, context=["iOS"])
    assert named("SWIFF, SEPA, ACH", in_context, is_list=True) == []
    assert named("IOS, SWIFF", in_context, is_list=True) == ["SWIFF"]
    listed = make(name="Swiff", aliases=["SWIFF"], strict=True)
    assert named("SWIFF, Fedwire, Excel", listed, is_list=True) == ["SWIFF"]


def test_an_acronym_the_text_spells_out_as_something_else_is_not_the_skill():
    wop = make(name="widget operations platform", aliases=["WOP"])
    assert named("Ran the Wide Open Plans (WOP) team.", wop) == []
    assert named("Ran WOP (Wide Open Plans) reviews.", wop) == []
    assert named("Ran WOP (widget open plans) reviews.", wop) == []
    assert "WOP" in named("Ran the Widget Operations Platform (WOP) team.", wop)
    assert named("Ran the WOP team.", wop) == ["WOP"]
    assert named("Wrote the Wide Open Plans (WOPs) for trials.", wop) == []


def defined_named(lines: list[str], skill: SkillDef) -> list[str]:
    """The words naming ``skill`` in any of ``lines``, read as one document."""
    from resumetool.skills import acronym_definitions

    m = matcher()
    m.prepare([skill])
    docs = m.docs(lines)
    defined = acronym_definitions(docs, lines)
    return [
        h.matched
        for doc, text in zip(docs, lines, strict=True)
        for h in m.find(doc, text, {skill.key}, defined=defined)
        if h.kind == "name"
    ]


def test_an_acronym_defined_once_keeps_its_meaning_in_the_whole_document():
    wop = make(name="widget operations platform", aliases=["WOP"])
    other = ["Led Wide Open Plans (WOP) for the region.", "Ran WOP reviews monthly."]
    assert defined_named(other, wop) == []
    own = ["Ran the Widget Operations Platform (WOP).", "Ran WOP reviews monthly."]
    assert defined_named(own, wop).count("WOP") == 2
    both = ["Led Wide Open Plans (WOP).", "Owned the widget operations platform (WOP).", "WOP"]
    assert defined_named(both, wop)[-1] == "WOP"
    assert defined_named(["Ran WOP reviews monthly."], wop) == ["WOP"]


def test_not_before_and_not_after():
    spring = make(name="Sprung", strict=True, not_before=["break", "#year"], not_after=["in"])
    assert named("Built Sprung services.", spring) == ["Sprung"]
    assert named("Graduated Sprung 2021; Sprung break; in Sprung", spring) == []
    assert named("Sprung '21 intern; Sprung breaks", spring) == []
    winter = make(name="Sprung", strict=True, not_after=["winter"])
    assert named("Winter/Sprung 2021 cohort; Winter-Sprung", winter) == []
    assert named("Sprung/Winter", winter) == ["Sprung"]
    per = make(name="zorbs", not_before=["/kg"])
    assert named("Gave 3 zorbs/kg.", per) == []
    assert named("Gave 3 zorbs.", per) == ["zorbs"]


def test_context_in_line_or_heading_and_waived_in_skills_lists():
    swift = make(name="Swiff", strict=True, context=["iOS", "mobile app"])
    assert named("Shipped Swiff code.", swift) == []
    assert named("Shipped iOS features in Swiff.", swift) == ["Swiff"]
    assert named("Built mobile apps in Swiff.", swift) == ["Swiff"]
    assert named("Shipped Swiff code.", swift, title="iOS Engineer") == ["Swiff"]
    assert named("Swiff, Kotlin", swift, is_list=True) == ["Swiff"]


def test_strict_evidence_is_matched_as_written_in_context():
    ats = make(
        name="hiring systems",
        evidence=["Greenhouse"],
        strict=["Greenhouse"],
        context=["requisitions"],
    )
    assert implied("Ran requisitions in Greenhouse.", ats) == ["Greenhouse"]
    assert implied("Cut greenhouse requisitions.", ats) == []
    assert implied("Measured Greenhouse gas emissions.", ats) == []


def test_gapped_evidence_joins_its_pieces_within_a_clause():
    deals = make(name="frob deals", evidence=["negotiated … frobs"])
    assert implied("Negotiated 300+ customer and vendor frobs a year.", deals) == [
        "negotiated … frobs"
    ]
    assert implied("Negotiates frobs.", deals) == ["negotiated … frobs"]
    assert implied("Negotiated rates. Sold frobs.", deals) == []
    assert implied("Negotiated a b c d e f g h frobs.", deals) == []
    assert implied("Sold frobs, then negotiated.", deals) == []
    assert named("Negotiated frobs.", deals) == []


def test_cooccurring_evidence_needs_every_term_in_one_sentence_in_any_order():
    vendors = make(name="frob management", evidence=["scorecard + frobbers"])
    assert implied("Ran quarterly scorecards for 35 frobbers.", vendors) == ["scorecard + frobbers"]
    assert implied("Graded frobbers on fill rate with a scorecard.", vendors) == [
        "scorecard + frobbers"
    ]
    assert implied("Met 35 frobbers. Built a scorecard.", vendors) == []
    assert implied("Built a scorecard for the sales team.", vendors) == []
    assert named("Ran scorecards for frobbers.", vendors) == []


def test_a_gerund_phrase_is_also_shown_verb_first_as_evidence():
    parties = make(name="party planning")
    assert implied("Planned 40 corporate parties a year.", parties) == ["plan … party"]
    assert implied("Planned parties, dinners and galas.", parties) == ["plan … party"]
    assert named("Planned 40 corporate parties a year.", parties) == []
    # the noun must end the object ('party buses' are buses), and stand close
    assert implied("Planned party buses for the squad.", parties) == []
    assert implied("Planned a very long and careful party.", parties) == []
    # a bare verb form counts only where a bullet opens; inside a line it is the noun
    assert implied("Forecast party demand.", make(name="demand forecasting")) == [
        "forecast … demand"
    ]
    assert implied("Site engineer on highway work.", make(name="highway engineering")) == []
    # a phrase whose first word is not the gerund's object never turns round
    assert implied("Learned to run the machine.", make(name="machine learning")) == []


def test_evidence_is_loose_and_never_a_mention():
    skill = make(name="Frobnication", evidence=["frob planning"])
    assert implied("Ran Frob Planning weekly.", skill) == ["frob planning"]
    assert named("Ran Frob Planning weekly.", skill) == []


# -- the taxonomy: loading, user skills, unknown terms --------------------------------


def test_user_skills_extend_known_and_add_new(shipped: Taxonomy):
    tax = load_taxonomy(
        [
            {"name": "kubernetes", "aliases": ["kubey"]},
            {"name": "Widgetry", "category": "craft", "aliases": ["WGT"], "evidence": ["gizmo"]},
        ]
    )
    k8s = tax.resolve("Kubernetes")
    assert k8s.name == "Kubernetes" and "kubey" in k8s.aliases
    assert set(shipped.resolve("Kubernetes").aliases) < set(k8s.aliases)
    assert named("Ran kubey and k8s.", k8s) == ["kubey", "k8s"]
    widget = tax.resolve("wgt")
    assert widget.name == "Widgetry" and widget.known
    assert implied("Built a gizmo.", widget) == ["gizmo"]


def test_an_unknown_term_matches_as_a_phrase_with_plurals_only():
    tax = Taxonomy()
    term = tax.resolve("  Gizmo   calibration ")
    assert not term.known and term.name == "Gizmo calibration"
    assert named("Owned gizmo calibrations for the lab.", term) == ["gizmo calibrations"]
    verb = tax.resolve("Frobnicate")
    assert named("Frobnicated the logs.", verb) == []
    assert named("Frobnicates: 3", verb) == ["Frobnicates"]
    short = tax.resolve("QX")
    assert named("Led QX and qx; QX-ish", short) == ["QX"]


def test_bad_skill_tables_name_the_field():
    assert skill_from_table({"name": "X", "aliases": "Ex"}).aliases == ("Ex",)
    with pytest.raises(ValidationFailed, match=r"skills\[2\]\.aliases"):
        skill_from_table({"name": "X", "aliases": [{"a": 1}]}, where="skills[2]")
    with pytest.raises(ValidationFailed, match="name"):
        skill_from_table({"category": "x"})
    with pytest.raises(ValidationFailed, match="strict"):
        skill_from_table({"name": "X", "strict": ["Y"]})
    assert skill_from_table({"name": "X", "evidence": ["Y"], "strict": ["Y"]}).strict == {"Y"}


def test_taxonomy_cache_follows_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMETOOL_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "tax"
    folder.mkdir()
    data = folder / "one.yaml"
    data.write_text("field: one\nskills:\n  - name: Alpha\n    category: a\n", "utf-8")
    assert [s.name for s in load_base_skills(folder)] == ["Alpha"]
    assert list((tmp_path / "cache").glob("taxonomy-*.json"))
    data.write_text("field: one\nskills:\n  - name: Beta\n    category: b\n", "utf-8")
    assert [s.name for s in load_base_skills(folder)] == ["Beta"]


def test_broken_taxonomy_file_names_file_and_line(tmp_path):
    folder = tmp_path / "tax"
    folder.mkdir()
    (folder / "bad.yaml").write_text("field: x\nskills:\n  - name: [unclosed\n", "utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_base_skills(folder, use_cache=False)
    assert "bad.yaml:" in failure.value.one_line()


# -- properties -----------------------------------------------------------------------


PIECES = [
    "Go",
    "go",
    "-",
    "&",
    "/",
    "C++",
    "C#",
    "Excel",
    "excel",
    "led",
    " ",
    ", ",
    ".",
    "(",
    ")",
    "'s",
    "\u00a0",
    "\u2011",
    "İ",
    "\n",
    "2021",
    "Java",
    "Script",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_hits_point_at_their_text(text: str):
    skills = [make(name="Go", strict=True), make(name="C++"), make(name="Excel", strict=True)]
    m = matcher()
    m.prepare(skills)
    doc = m.docs([text])[0]
    for hit in m.find(doc, text, {s.key for s in skills}):
        assert text[hit.start : hit.end] == hit.matched
        if hit.skill in ("go", "excel"):
            assert hit.matched.replace(" ", "") in (hit.form, hit.form.upper())
