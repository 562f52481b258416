"""An overdue guide is one finding at the YAML line of its date, not one per generated page."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from editors_site import copy_example_site, yaml_line
from mkdocs_evidence.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    copy_example_site(tmp_path, today="2030-01-01")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_one_overdue_finding_at_the_date_line_in_valid_sarif(site, capsys):
    main(["check", "--format", "sarif", "--output", "out.sarif"])
    capsys.readouterr()
    log = json.loads((site / "out.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert not [e.message for e in validator.iter_errors(log)]
    overdue = [r for r in log["runs"][0]["results"] if r["ruleId"] == "review-overdue"]
    guides = sorted(p.relative_to(site).as_posix() for p in site.glob("content/*/guide.yml"))
    assert len(overdue) == len(guides) >= 1  # one finding a guide, not one a page
    places = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in overdue
    }
    assert places == {g: yaml_line(site / g, "next_review_due:") for g in guides}
    overdue = [r for r in overdue if "foot-drop" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    text = overdue[0]["message"]["text"]
    assert "foot-drop/causes.md" in text and "foot-drop/treatments/footwear.md" in text
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert not any("generated" in uri for uri in uris)
    assert all((site / uri).is_file() for uri in uris)


def test_a_waiver_copied_from_the_log_line_matches(site, capsys):
    main(["check"])
    out = capsys.readouterr().out.splitlines()
    line = next(line for line in out if "[review-overdue]" in line and line.startswith("content/foot-drop/"))
    path = line.split(":", 1)[0]
    quoted = line.split("'")[1]  # the name the message quotes
    (site / "content/waivers.yml").write_text(
        f'- kind: review-overdue\n  path: {path}\n  text: "{quoted}"\n  reviewer: Dr A. Editor\n'
        "  reason: The clinical review is booked.\n  expires: 2030-03-01\n",
        encoding="utf-8",
    )
    main(["check", "--format", "json", "--output", "out.json"])
    capsys.readouterr()
    data = json.loads((site / "out.json").read_text(encoding="utf-8"))
    overdue = [f for f in data["findings"] if f["kind"] == "review-overdue" and f["path"] == path]
    assert len(overdue) == 1 and overdue[0]["waived_by"]
    # the report names the guide's pages once each, by the same name the log uses
    paths = [page["path"] for page in data["pages"]]
    assert "foot-drop/causes.md" in paths and len(paths) == len(set(paths))
    assert not any(
        p.startswith("(generated)") or "(content)" in page["title"]
        for p, page in zip(paths, data["pages"], strict=True)
    )


def test_the_site_build_reports_the_same_one_finding(tmp_path):
    from editors_site import build_site

    root = copy_example_site(tmp_path / "built", today="2030-01-01")
    data = json.loads((build_site(root) / "editor/report/report.json").read_text(encoding="utf-8"))
    overdue = sorted((f["path"], f["line"]) for f in data["findings"] if f["kind"] == "review-overdue")
    guides = sorted(p.relative_to(root).as_posix() for p in root.glob("content/*/guide.yml"))
    assert overdue == [(g, yaml_line(root / g, "next_review_due:")) for g in guides]
