"""The editor report: model, JSON, standalone HTML and fragment (escaped)."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from factories import finding
from factories import waiver as make_waiver
from jinja2 import Environment
from mkdocs_evidence.core.guide.review import PageReview, review_findings, review_status
from mkdocs_evidence.core.report.editor_report import (
    PageInfo,
    build_report,
    render_report_html,
    report_to_json,
    split_sentence,
    write_report_files,
)
from mkdocs_evidence.core.report.waivers import apply_waivers

TODAY = date(2026, 11, 22)
EVIL = "<script>alert('x')</script>"


f = finding  # its defaults are this module's: docs/afo.md, line 3, "30%"


@pytest.fixture
def report():
    rows = review_status(
        [
            PageReview("content/foot-drop/guide.yml", "Foot drop", date(2025, 1, 1), date(2026, 1, 1), 80),
            PageReview("docs/afo.md", "AFOs", date(2026, 6, 1), date(2027, 6, 1), 2),
        ],
        TODAY,
        production=False,
    )
    row = {r.path: r for r in rows}
    waiver = make_waiver(
        id="afo-w", kind="vague-attribution", text="Studies show", reviewer="Dr <b>A</b>",
        reason="Quoted leaflet & discussed.", path=None, line=4,
    )
    raw = [
        f(),
        f("vague-attribution", text="Studies show", sentence="Studies show braces help.", line=9),
        f("figure-not-in-source", text="12%", sentence="A review found 12% fewer falls [@prenton2016; @ghost].",
          citations=("prenton2016", "ghost"), line=5),
        f("uncited-statistic", path="content/foot-drop/guide.yml", line=12, text="1 in 3",
          sentence=f"About 1 in 3 people {EVIL} get better."),
        f("bibliography-error", path="citations/refs.bib", line=2, text="", sentence="", message="Duplicate key."),
        *review_findings(rows),
    ]
    findings = apply_waivers(raw, [waiver], today=TODAY).findings
    pages = [
        PageInfo("docs/foot-drop/index.md", "Foot drop", "/foot-drop/", fk_grade=9.4, smog=8.2,
                 review=row["content/foot-drop/guide.yml"], sources=("content/foot-drop/guide.yml",)),
        PageInfo("docs/afo.md", f"AFOs {EVIL}", "javascript:alert(1)", fk_grade=6.0, smog=None, review=row["docs/afo.md"]),
        PageInfo("docs/empty.md", "Empty", "/empty/"),
    ]
    refs = {"prenton2016": ("Prenton S, et al. Functional electrical stimulation... 2016.", ("7 RCTs", "815 participants"))}
    return build_report(findings, pages, references=refs)


def test_summary_counts_by_kind_and_severity_with_waived_apart(report):
    s = report.summary
    assert s.total.total == 6 and s.total.waived == 1 and s.total.counting == 5
    assert s.by_kind["vague-attribution"].waived == 1 and s.by_kind["vague-attribution"].counting == 0
    assert s.by_kind["uncited-statistic"].counting == 2
    assert s.by_severity["error"].counting == 4  # 2 uncited, figure, bibliography
    assert s.by_severity["error"].waived == 1
    assert s.by_severity["warning"].counting == 1  # review-overdue (not production)
    assert s.errors == 4
    assert next(iter(s.by_kind)) == "uncited-statistic"  # registry order


def test_findings_grouped_by_page_including_sources_and_other_files(report):
    groups = {p.path: [v.finding.kind for v in p.findings] for p in report.pages}
    assert groups["docs/foot-drop/index.md"] == ["uncited-statistic", "review-overdue"]
    assert groups["docs/afo.md"] == ["uncited-statistic", "figure-not-in-source", "vague-attribution"]
    assert groups["docs/empty.md"] == []
    assert groups["citations/refs.bib"] == ["bibliography-error"]
    assert [p.path for p in report.pages][-1] == "citations/refs.bib"
    assert report.pages[-1].info is None
    assert [p.path for p in report.dashboard] == ["docs/foot-drop/index.md", "docs/afo.md", "docs/empty.md"]


def test_json_output(report):
    data = report_to_json(report)
    json.dumps(data)  # JSON-safe
    assert data["version"] == 1
    assert len(data["findings"]) == 6
    assert data["summary"]["waived"] == 1 and data["summary"]["errors"] == 4
    assert data["summary"]["by_kind"]["vague-attribution"] == {"counting": 0, "waived": 1}
    page = next(p for p in data["pages"] if p["path"] == "docs/foot-drop/index.md")
    assert page["reading_level"] == {"fk_grade": 9.4, "smog": 8.2, "target": 8.0, "above_target": True}
    assert page["review"]["state"] == "overdue" and page["review"]["next_review_due"] == "2026-01-01"
    assert page["findings"] == {"counting": 2, "waived": 0}
    waived = next(x for x in data["findings"] if x["waived_by"])
    assert waived["data"]["waiver"]["reason"] == "Quoted leaflet & discussed."


def test_report_html_escapes_script_in_finding_text(report):
    for standalone in (True, False):
        html = render_report_html(report, None, standalone=standalone)
        assert EVIL not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
        assert "Dr &lt;b&gt;A&lt;/b&gt;" in html
        assert "javascript:" not in html
    # the only script element is our own filter in the standalone document
    html = render_report_html(report, None, standalone=True)
    assert html.count("<script") == 1
    assert "<script" not in render_report_html(report, None, standalone=False)


def test_standalone_document_is_self_contained(report):
    html = render_report_html(report, None, standalone=True)
    assert html.startswith("<!doctype html>")
    assert "<style>" in html and ".evidence-report" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # no external requests
    assert "@import" not in html
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "sha256-" in csp


def test_finding_details_in_html(report):
    html = render_report_html(report, None, standalone=True)
    assert "docs/afo.md:3:7" in html
    assert "About <mark>30%</mark> of people recover." in html
    assert "Statistic with no citation" in html
    assert "Cite the source that records this figure" in html  # fix, from RULES
    assert "815 participants" in html and "Prenton S" in html
    assert "Not in the bibliography" in html  # @ghost
    assert "Quoted leaflet &amp; discussed." in html and "2027-01-01" in html
    assert "9.4" in html and "above target" in html
    assert "Overdue" in html and "Current" in html and "Not tracked" in html


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    VOID = {"meta", "br", "input", "link", "hr", "img"}

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


@pytest.mark.parametrize("standalone", [True, False])
def test_html_is_well_nested(report, standalone):
    parser = _Parser()
    parser.feed(render_report_html(report, None, standalone=standalone))
    assert parser.errors == [] and parser.stack == []


def test_env_without_autoescape_is_refused(report):
    from jinja2 import select_autoescape

    with pytest.raises(ValueError):
        render_report_html(report, Environment(autoescape=False), standalone=False)
    with pytest.raises(ValueError):  # select_autoescape() would not escape *.html.j2
        render_report_html(report, Environment(autoescape=select_autoescape()), standalone=False)


def test_split_sentence():
    assert split_sentence("About 30% recover.", "30%") == ("About ", "30%", " recover.")
    assert split_sentence("STUDIES show it.", "studies show") == ("", "STUDIES show", " it.")
    assert split_sentence("", "30%") == ("", "30%", "")
    assert split_sentence("Nothing here.", "30%") == ("Nothing here.", "", "")


def test_write_report_files_atomically(report, tmp_path):
    html_path, json_path = write_report_files(report, tmp_path / "out")
    assert html_path.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert json.loads(json_path.read_text(encoding="utf-8"))["version"] == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "report.json"]
    assert html_path.stat().st_mode & 0o044  # readable by others, unlike a raw mkstemp file


def test_empty_report_renders():
    empty = build_report([], [])
    assert report_to_json(empty)["summary"]["total"] == 0
    assert "No error findings" in render_report_html(empty, None, standalone=True)


def test_sections_rendered_alone_give_the_same_report(report):
    from mkdocs_evidence.core.report.editor_report import page_digests, render_page_sections

    pages = [page for page in report.pages if page.findings]
    sections = render_page_sections(report, pages)
    assert set(sections) == set(page_digests(report)) == {page.anchor for page in pages}
    whole = render_report_html(report, standalone=False)
    assert render_report_html(report, standalone=False, sections=sections) == whole
    assert render_report_html(report, standalone=False, sections={pages[0].anchor: "<p>kept</p>"}).count("<p>kept</p>") == 1
