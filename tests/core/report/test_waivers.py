"""Waivers: loading with file:line errors, matching by claim text (never line), expiry."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

import pytest
from factories import finding as make_test_finding
from factories import waiver
from mkdocs_evidence.core.findings import Severity
from mkdocs_evidence.core.report.waivers import (
    apply_waivers,
    default_waiver_id,
    load_waivers,
    normalise_claim,
    parse_waivers,
    path_matches,
)

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "waivers"
TODAY = date(2026, 11, 22)


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


finding = partial(
    make_test_finding,
    line=10,
    column=5,
    text="about 1 in 3 people",
    sentence="Foot drop gets better for about 1 in 3 people within a year.",
    message="test",
)


# --- loading -------------------------------------------------------------------------------


def test_load_fixture_waivers_with_lines():
    path = FIXTURES / "waivers.yml"
    load = load_waivers(path, display_path="content/waivers.yml")
    assert load.errors == ()
    assert [w.id for w in load.waivers] == ["afo-third", "studies-show", "old-figure", "gone"]
    first = load.waivers[0]
    assert first.line == line_of(path, "- id: afo-third")
    assert first.source == "content/waivers.yml"
    assert first.expires == date(2027, 6, 30) and first.created == date(2026, 11, 1)
    assert load.waivers[2].path is None  # applies to every file


def test_invalid_entries_give_errors_at_their_lines_and_valid_ones_load():
    path = FIXTURES / "invalid.yml"
    load = load_waivers(path, display_path="content/waivers.yml")
    assert [w.id for w in load.waivers] == ["ok"]
    by_line = {(e.line, e.message) for e in load.errors}
    assert all(e.kind == "content-error" and e.severity is Severity.ERROR for e in load.errors)
    assert all(e.path == "content/waivers.yml" for e in load.errors)

    def has(needle_line: str, fragment: str) -> bool:
        n = line_of(path, needle_line)
        return any(line == n and fragment in message for line, message in by_line)

    assert has("kind: not-a-kind", "'not-a-kind' is not a finding kind")
    assert has("expires: next year", "'expires': 'next year' is not a date; write it as YYYY-MM-DD")
    assert has("reviewr:", "'reviewr' is not a waiver field; did you mean 'reviewer'?")
    item_line = line_of(path, 'text: "z"') - 1  # a missing field is reported at its entry
    assert (item_line, "Waivers file: 'reviewer' is missing; every waiver needs kind, text, reviewer, reason and expires") in by_line
    dup_line = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line == "- id: ok"][1]
    assert any(line == dup_line and "duplicate waiver id 'ok'" in m for line, m in by_line)


def test_broken_yaml_is_an_error_not_an_exception():
    load = load_waivers(FIXTURES / "broken.yml", display_path="w.yml")
    assert load.waivers == ()
    assert len(load.errors) == 1
    assert load.errors[0].path == "w.yml" and load.errors[0].line >= 2
    assert "invalid YAML" in load.errors[0].message


def test_missing_file_is_no_waivers_unless_required(tmp_path):
    assert load_waivers(tmp_path / "none.yml") == load_waivers(tmp_path / "none.yml")
    assert load_waivers(tmp_path / "none.yml").errors == ()
    required = load_waivers(tmp_path / "none.yml", required=True)
    assert required.errors and "not found" in required.errors[0].message


def test_mapping_form_and_empty_file():
    text = "waivers:\n  - kind: uncited-statistic\n    text: '5%'\n    reviewer: R\n    reason: why\n    expires: 2027-01-01\n"
    load = parse_waivers(text, "w.yml")
    assert load.errors == () and load.waivers[0].line == 2
    assert parse_waivers("", "w.yml").waivers == ()
    assert parse_waivers("# only a comment\n", "w.yml").errors == ()
    assert parse_waivers("waivers:\n", "w.yml") == parse_waivers("waivers: []\n", "w.yml") == parse_waivers("", "w.yml")
    assert parse_waivers("just text\n", "w.yml").errors[0].message.endswith("expected a list of waivers")


def test_waiver_findings_cannot_be_waived():
    text = "- kind: waiver-unmatched\n  text: x\n  reviewer: R\n  reason: r\n  expires: 2027-01-01\n"
    load = parse_waivers(text, "w.yml")
    assert load.waivers == () and "cannot be waived" in load.errors[0].message


def test_default_id_is_stable_across_reordering():
    a = "- kind: uncited-statistic\n  text: '5%'\n  reviewer: R\n  reason: r\n  expires: 2027-01-01\n"
    b = "- kind: uncited-statistic\n  text: '7%'\n  reviewer: R\n  reason: r\n  expires: 2027-01-01\n"
    ids_ab = [w.id for w in parse_waivers(a + b, "w.yml").waivers]
    ids_ba = [w.id for w in parse_waivers(b + a, "w.yml").waivers]
    assert ids_ab == ids_ba[::-1]
    assert ids_ab[0] == default_waiver_id("uncited-statistic", None, "5%")


# --- matching --------------------------------------------------------------------------------


def test_matching_survives_line_moves():
    w = waiver()
    before = apply_waivers([finding(line=10, column=5)], [w], today=TODAY)
    # The editor added two paragraphs above and re-wrapped the sentence.
    moved = finding(
        line=42,
        column=1,
        sentence="Foot drop gets better\nfor about 1 in 3 people within a year.",
    )
    after = apply_waivers([moved], [w], today=TODAY)
    assert before.findings[0].waived_by == "w1"
    assert after.findings[0].waived_by == "w1"
    assert after.findings[0].line == 42
    assert after.extra == ()


def test_normalisation_of_case_quotes_dashes_and_spaces():
    assert normalise_claim("  “Studies   SHOW”\u00a0— 10–20%  ") == normalise_claim('"studies show" - 10-20%')
    assert normalise_claim("**30%** of people") == normalise_claim("30% of people")
    w = waiver(kind="vague-attribution", text="‘Research  suggests’", path=None)
    f = finding("vague-attribution", text="'research suggests'", sentence="'Research suggests' it helps.")
    assert apply_waivers([f], [w], today=TODAY).findings[0].waived_by == "w1"


def test_fragment_of_sentence_matches_but_not_inside_another_number():
    fragment = waiver(text="30% of people", path=None)
    hit = finding(text="30%", sentence="About 30% of people recover.")
    miss = finding(text="30%", sentence="About 130% of people recover and 30% do not.")
    result = apply_waivers([hit, miss], [fragment], today=TODAY)
    assert result.findings[0].waived_by == "w1"
    assert result.findings[1].waived_by is None
    # a bare "30%" waiver does not cover the "130%" finding either
    bare = waiver(text="30%", path=None)
    other = finding(text="130%", sentence="About 130% of people recover.")
    assert apply_waivers([other], [bare], today=TODAY).findings[0].waived_by is None


def test_kind_and_path_must_match_and_globs_work():
    w = waiver(path="docs/*.md")
    assert apply_waivers([finding(path="docs/other.md")], [w], today=TODAY).findings[0].waived_by == "w1"
    assert apply_waivers([finding(path="content/x.yml")], [w], today=TODAY).findings[0].waived_by is None
    wrong_kind = finding("figure-not-in-source")
    assert apply_waivers([wrong_kind], [w], today=TODAY).findings[0].waived_by is None
    assert path_matches("content/**/*.yml", "content/foot-drop/treatments/afo.yml")
    assert path_matches("./docs/a.md", "docs/a.md")
    assert not path_matches("docs/a.md", "docs/ab.md")


def test_sentence_tells_apart_the_same_text_in_two_sentences():
    w = waiver(
        kind="vague-attribution",
        text="Studies show",
        sentence="Studies show that exercise helps most people walk further.",
        path=None,
    )
    same = finding("vague-attribution", text="Studies show", sentence="Studies show that exercise helps most people walk further [@x].")
    other = finding("vague-attribution", text="Studies show", sentence="Studies show that braces are uncomfortable.")
    result = apply_waivers([same, other], [w], today=TODAY)
    assert result.findings[0].waived_by == "w1"
    assert result.findings[1].waived_by is None


def test_one_waiver_covers_a_claim_repeated_on_a_page():
    w = waiver()
    first, second = finding(line=3), finding(line=30)
    result = apply_waivers([first, second], [w], today=TODAY)
    assert [f.waived_by for f in result.findings] == ["w1", "w1"]


def test_waived_finding_records_the_waiver_for_report_and_sarif():
    result = apply_waivers([finding()], [waiver(reason="Checked in full text.")], today=TODAY)
    data = result.findings[0].data["waiver"]
    assert data["reason"] == "Checked in full text." and data["reviewer"] == "Dr A"
    assert data["expires"] == "2027-01-01"
    assert not result.findings[0].counts


# --- expiry and stale waivers -------------------------------------------------------------------


def test_expiry_with_a_fixed_today():
    w = waiver(expires=date(2026, 12, 31))
    on_last_day = apply_waivers([finding()], [w], today=date(2026, 12, 31))
    assert on_last_day.findings[0].waived_by == "w1" and on_last_day.extra == ()

    next_day = apply_waivers([finding()], [w], today=date(2027, 1, 1))
    assert next_day.findings[0].waived_by is None
    assert next_day.findings[0].counts
    [expired] = next_day.extra
    assert expired.kind == "waiver-expired" and expired.severity is Severity.INFO
    assert (expired.path, expired.line) == ("content/waivers.yml", 2)
    assert "2026-12-31" in expired.message and "docs/afo.md:10:5" in expired.message


def test_active_waiver_wins_over_expired_one_and_expired_is_still_reported():
    old = waiver(id="old", expires=date(2025, 1, 1))
    new = waiver(id="new", expires=date(2027, 1, 1))
    result = apply_waivers([finding()], [old, new], today=TODAY)
    assert result.findings[0].waived_by == "new"
    assert [(f.kind, f.data["waiver"]["id"]) for f in result.extra] == [("waiver-expired", "old")]


def test_unmatched_waivers_are_reported_at_their_line():
    path = FIXTURES / "waivers.yml"
    load = load_waivers(path, display_path="content/waivers.yml")
    findings = [
        finding(),  # afo-third
        finding("vague-attribution", path="docs/exercise.md", text="Studies show",
                sentence="Studies show that exercise helps most people walk further."),
        finding("figure-not-in-source", path="content/foot-drop/treatments/afo.yml",
                text="815 participants", sentence="A review of 815 participants [@prenton2016]."),
    ]
    result = apply_waivers(findings, load.waivers, today=TODAY)
    assert [f.waived_by for f in result.findings] == ["afo-third", "studies-show", None]
    kinds = {(f.kind, f.line) for f in result.extra}
    assert ("waiver-unmatched", line_of(path, "- id: gone")) in kinds
    assert ("waiver-expired", line_of(path, "- id: old-figure")) in kinds
    unmatched = next(f for f in result.extra if f.kind == "waiver-unmatched")
    assert unmatched.path == "content/waivers.yml" and unmatched.severity is Severity.WARNING
    assert "gone" in unmatched.message
    # + the unmatched and the expired waiver, and "gone" (no created, expires 2030) runs too long
    assert {f.kind for f in result.extra} == {"waiver-unmatched", "waiver-expired", "waiver-too-long"}
    assert len(result.all) == len(findings) + 3


def test_already_waived_and_waiver_findings_pass_through():
    pre = finding().waive("elsewhere")
    result = apply_waivers([pre], [waiver()], today=TODAY)
    assert result.findings[0].waived_by == "elsewhere"
    assert result.extra[0].kind == "waiver-unmatched"


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_rejected(text):
    load = parse_waivers(f"- kind: uncited-statistic\n  text: '{text}'\n  reviewer: R\n  reason: r\n  expires: 2027-01-01\n", "w.yml")
    assert load.waivers == () and load.errors[0].line == 2
