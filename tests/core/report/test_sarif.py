"""SARIF 2.1.0 output, validated against the official OASIS schema."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import jsonschema
import pytest
from factories import finding
from factories import waiver as make_waiver
from mkdocs_evidence.core.findings import RULES, Severity
from mkdocs_evidence.core.report.sarif import FINGERPRINT_KEY, artifact_uri, findings_to_sarif
from mkdocs_evidence.core.report.waivers import apply_waivers

SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


f = partial(finding, path="docs/foot drop.md", line=4, sentence="About 30% recover.", message="No citation for 30%")


def findings():
    waiver = make_waiver(kind="vague-attribution", text="Studies show", reason="Quoted leaflet.", path=None, line=3)
    raw = [
        f(),
        f("vague-attribution", text="Studies show", sentence="Studies show it helps.", line=9),
        f("figure-not-in-source", severity=Severity.WARNING, citations=("a", "b")),
        f("reading-level", path="docs/index.md", line=1, text="", sentence=""),
        f("bibliography-error", path="citations/refs.bib", line=0, text="", sentence=""),
    ]
    return apply_waivers(raw, [waiver], today=date(2026, 11, 22)).findings


def test_sarif_validates_against_the_official_schema(validator):
    log = findings_to_sarif(findings(), tool_version="0.1.0", root_uri="file:///work/repo")
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [e.message for e in errors]
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/repo/"
    # an empty run is valid too
    assert not list(validator.iter_errors(findings_to_sarif([], tool_version="0.1.0")))


def test_rules_come_from_the_registry():
    log = findings_to_sarif(findings(), tool_version="0.1.0")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "mkdocs-evidence" and driver["version"] == "0.1.0"
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(RULES) <= set(rules)
    rule = rules["uncited-statistic"]
    assert rule["shortDescription"]["text"] == RULES["uncited-statistic"].title
    assert rule["fullDescription"]["text"] == RULES["uncited-statistic"].explanation
    assert RULES["uncited-statistic"].fix in rule["help"]["text"]
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_levels_locations_and_suppressions():
    results = findings_to_sarif(findings(), tool_version="0.1.0")["runs"][0]["results"]
    by_kind = {r["ruleId"]: r for r in results}
    assert by_kind["uncited-statistic"]["level"] == "error"
    assert by_kind["figure-not-in-source"]["level"] == "warning"
    assert by_kind["reading-level"]["level"] == "note"

    loc = by_kind["uncited-statistic"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "docs/foot%20drop.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 4, "startColumn": 7, "endLine": 4, "endColumn": 10, "snippet": {"text": "30%"}}
    assert "region" not in by_kind["bibliography-error"]["locations"][0]["physicalLocation"]

    suppressed = by_kind["vague-attribution"]["suppressions"]
    assert suppressed[0]["kind"] == "external"
    assert suppressed[0]["justification"] == "Quoted leaflet."
    assert "suppressions" not in by_kind["uncited-statistic"]
    assert by_kind["figure-not-in-source"]["properties"]["citations"] == ["a", "b"]


def test_fingerprints_ignore_line_moves_but_tell_apart_repeats():
    def fp(items):
        results = findings_to_sarif(items, tool_version="x")["runs"][0]["results"]
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]

    [at_4] = fp([f(line=4)])
    [at_90] = fp([f(line=90, sentence="Moved: about 30% recover.")])
    assert at_4 == at_90
    assert fp([f(text="31%")]) != [at_4]
    assert fp([f(path="docs/other.md")]) != [at_4]
    first, second = fp([f(line=4), f(line=20)])
    assert first == at_4 and second != first
    assert fp([replace(f(), kind="vague-attribution")]) != [at_4]


def test_artifact_uri_is_relative_and_encoded():
    assert artifact_uri("./docs\\a b#c.md") == "docs/a%20b%23c.md"
