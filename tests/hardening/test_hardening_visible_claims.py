"""Issue 17's invariant, tested differentially: every statistic a reader sees is checked.

Render a page, take its visible text (visible_text.py), run the finder on it, and require a
finding from the source-level check for each statistic there. The bibliography knows every key
but records no figures, so each statistic the source check reads gives exactly one finding
(uncited-statistic or source-records-no-figures). Run over hypothesis-generated Markdown pages
and YAML guides mixing Markdown, HTML, Jinja-like braces, footnotes, attribute lists, escapes,
character references and plain fields; the built foot drop guide and hardening corpus are in
test_hardening_visible_site.py.
"""

from __future__ import annotations

import markdown
import pytest
from hardening_helpers import FIXTURE_CONTENT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.core.check import Located, check_text
from mkdocs_evidence.core.guide.content import parse_guide, parse_treatment
from mkdocs_evidence.core.guide.guides import render_guide_pages
from mkdocs_evidence.markdown_ext import EvidenceExtension
from mkdocs_evidence.rendering import make_environment
from visible_text import number_key, statistics_in, visible_text

EXTENSIONS = ["admonition", "attr_list", "abbr", "def_list", "md_in_html", "tables", "footnotes", "pymdownx.details"]
STATISTIC_KINDS = {"uncited-statistic", "source-records-no-figures", "figure-not-in-source"}

# {s}: a statistic ("12.3%"); {v}: its number; {i}: a unique label. One statistic each.
PAGE_FORMS = [
    "About {s} of people get better.",
    "{{{{ {s} }}}} of people, as a template would print it.",
    "{{% if {s} %}} shown {{% endif %}}",
    "About <most: {s} of people> get better.",
    "About {v}\\% of people get better.",
    "[Note {i}]: about {s} of people recover.",
    "Text[^f{i}] here.\n\n[^f{i}]: In one study {s} of people got better [@k1].",
    "![p](data:,x){{: title=\"{s}\" }}",
    "<b>{s}</b> of people.",
    "<code>{s} in an unclosed code tag",
    "<!-- {s} in a comment -->",
    "`{s}` in code.",
    "*{s}* of people.",
    "[{s} of people](https://example.org/)",
    "# {s} of people",
    "- {s} of people\n- and more",
    "{v}&#37; of people.",
    "> {s} in a quotation.",
    "| a | b |\n| - | - |\n| {s} | x |",
    "Term {i}\n:   {s} of people.",
    '!!! note "{s} in a title"\n    Body text.',
    '<div markdown="1">{s} inside HTML.</div>',
    "{s} of people [@k1].",
    '<span title="{s}">x</span> y.',
    "[x{i}]: https://example.org/ \"{s} title\"",
    "A {s} {{: .klass }} attribute list.",
]
# YAML prose: the same forms as they reach a generated page (no raw HTML there).
YAML_FORMS = [form for form in PAGE_FORMS if not form.startswith(("# ", "!!!", "| a", "Term"))]


def _statistic(index: int) -> tuple[str, str]:
    value = f"{10 + index}.{index % 9 + 1}"
    return value, f"{value}%"


def _fill(forms: list[str]) -> tuple[str, set[str]]:
    parts, values = [], set()
    for index, form in enumerate(forms):
        value, statistic = _statistic(index)
        values.add(value)
        parts.append(form.format(s=statistic, v=value, i=index))
    return "\n\n".join(parts), values


@pytest.fixture(scope="module")
def bibliography(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bib")
    (folder / "refs.bib").write_text(
        "".join(f"@article{{{key},\n  title = {{T}},\n  journal = {{J}},\n  year = {{2020}},\n  design = {{cohort}}\n}}\n" for key in ("k1", "k2")),
        encoding="utf-8",
    )
    return BibliographyCache().load([folder], folder)


def _render(text: str, bibliography) -> str:
    extension = EvidenceExtension(bibliography=bibliography, env=make_environment())
    return markdown.Markdown(extensions=[*EXTENSIONS, extension]).convert(text)


def _seen(html: str, values: set[str]) -> list[tuple[str, ...]]:
    keys = [number_key(s) for s in statistics_in(visible_text(html, root_class=None))]
    return [key for key in keys if any(part in values for part in key)]


def _checked(findings) -> set[tuple[str, ...]]:
    return {number_key(f.text) for f in findings if f.kind in STATISTIC_KINDS}


def _assert_seen_is_checked(seen, checked, source: str) -> None:
    missed = [key for key in seen if key not in checked]
    assert not missed, f"seen but not checked: {missed}\n--- source ---\n{source}"


forms = st.lists(st.sampled_from(PAGE_FORMS), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(forms, st.sampled_from(["\n\n", " ", "\n"]))
def test_every_statistic_seen_on_a_markdown_page_is_checked(bibliography, chosen, joiner):
    text, values = _fill(chosen)
    text = text.replace("\n\n", joiner) if joiner != "\n\n" else text
    checked = _checked(check_text(text, Located("page.md"), bibliography).findings)
    _assert_seen_is_checked(_seen(_render(text, bibliography), values), checked, text)


def test_each_form_alone(bibliography):
    """Every form on its own (hypothesis may not draw all of them); most forms are seen."""
    shown = 0
    for form in PAGE_FORMS:
        text, values = _fill([form])
        checked = _checked(check_text(text, Located("page.md"), bibliography).findings)
        seen = _seen(_render(text, bibliography), values)
        shown += bool(seen)
        _assert_seen_is_checked(seen, checked, text)
    assert shown >= len(PAGE_FORMS) - 8  # comments, attributes, code and titles are not shown


def _yaml(value: str, indent: str = "  ") -> str:
    return "|\n" + "\n".join(indent + line if line else "" for line in value.split("\n"))


def _guide_with(prose: str, plain: str) -> tuple[str, str]:
    guide = (FIXTURE_CONTENT / "guide.yml").read_text(encoding="utf-8")
    old = "what_it_is: |\n  Foot drop means you cannot lift the front of your foot properly [@stewart2008].\n\n  It can affect one foot or both.\n"
    guide = guide.replace(old, "what_it_is: " + _yaml(prose) + "\n", 1)
    guide = guide.replace("    title: Call 999 or go to A&E if\n", f"    title: '{plain} now'\n", 1)
    treatment = (FIXTURE_CONTENT / "treatments" / "physiotherapy.yml").read_text(encoding="utf-8")
    treatment = treatment.replace("name: Physiotherapy and exercise", f"name: 'Shoes that help {plain} of people'", 1)
    return guide, treatment


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(YAML_FORMS), min_size=1, max_size=6))
def test_every_statistic_seen_on_a_generated_page_is_checked(bibliography, chosen):
    prose, values = _fill(chosen)
    plain_value, plain = _statistic(90)
    values.add(plain_value)
    guide_text, treatment_text = _guide_with(prose, plain)
    guide, errors = parse_guide(guide_text, "content/foot-drop/guide.yml")
    treatment, treatment_errors = parse_treatment(treatment_text, "content/foot-drop/treatments/physiotherapy.yml")
    assert guide is not None and treatment is not None, (errors, treatment_errors)
    findings = []
    for model in (guide, treatment):
        for field in model.iter_prose():
            where = Located(field.path, field.line, field.column, field.field)
            findings.extend(check_text(field.text, where, bibliography, position=field.position, markup=field.markup).findings)
    checked = _checked(findings)
    assert (plain_value,) in checked  # the treatment's name and the care card's title
    seen = []
    for page in render_guide_pages(guide, [treatment], base_uri=""):
        seen.extend(_seen(_render(page.markdown, bibliography), values))
    assert (plain_value,) in seen
    _assert_seen_is_checked(seen, checked, prose)


def test_a_statistic_in_a_treatment_name_is_reported_at_its_line(bibliography):
    _guide_text, treatment_text = _guide_with("Plain words.", "91%")
    treatment, _ = parse_treatment(treatment_text, "content/foot-drop/treatments/physiotherapy.yml")
    found = [
        finding
        for field in treatment.iter_prose()
        for finding in check_text(field.text, Located(field.path, field.line, field.column, field.field), bibliography, position=field.position, markup=field.markup).findings
    ]
    assert [(f.kind, f.line, f.text) for f in found] == [("uncited-statistic", 2, "91%")]


def test_footnote_text_is_checked_and_its_citation_rendered(bibliography):
    text = "Some text[^a].\n\n[^a]: In one study 40% of people got better [@k1].\n"
    findings = check_text(text, Located("page.md"), bibliography).findings
    assert [(f.kind, f.text) for f in findings] == [("source-records-no-figures", "40%")]
    html = _render(text, bibliography)
    assert "[@k1]" not in html and 'class="ev-cite__link"' in html


def test_the_rest_of_a_file_after_an_unclosed_code_tag_is_checked(bibliography):
    text = "Intro <code>x\n\nAbout 60% of people.\n\nAnd 70% more.\n"
    findings = check_text(text, Located("page.md"), bibliography).findings
    assert {number_key(f.text) for f in findings} == {("60",), ("70",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ About 60% }} of people", {"About 60%"}),
        ("{% 61% %} of people", {"61%"}),
        ("About 62\\% of people", {"62 %"}),
        ("[Note]: about 63% of people recover.", {"about 63%"}),
        ("About 64&#37; of people", {"64%"}),
        ("[x]: https://example.org/ \"65% title\"", set()),  # a real definition: its title is not shown
        ("<!-- 66% -->", set()),
    ],
)
def test_what_a_reader_sees_is_what_is_checked(bibliography, text, expected):
    found = {number_key(f.text) for f in check_text(text, Located("page.md"), bibliography).findings}
    assert found == {number_key(t) for t in expected}


def test_yaml_prose_shows_tag_look_alikes_and_they_are_checked(bibliography):
    text = "About <most: 60% of people> get better."
    assert check_text(text, Located("page.md"), bibliography).findings == ()  # a tag on a page: not shown
    yaml_findings = check_text(text, Located("guide.yml"), bibliography, markup="yaml").findings
    assert [f.text for f in yaml_findings if f.kind == "uncited-statistic"] == ["60%"]


def test_plain_fields_cannot_cite(bibliography):
    findings = check_text("Shoes that help 91% of people [@k1]", Located("t.yml"), bibliography, markup="plain").findings
    assert [(f.kind, f.text) for f in findings] == [("uncited-statistic", "91%")]


