"""The whole project path (CLI): abstracts and excerpt files are the source text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs_evidence.cli import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "source-check"


def test_check_reports_context_mismatch_overstatement_and_unlisted_figure(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    monkeypatch.chdir(site)
    assert main(["check", "--format", "json"]) == 1  # "30% had surgery" is not in the source: an error
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_kind: dict[str, list[dict]] = {}
    for finding in findings:
        by_kind.setdefault(finding["kind"], []).append(finding)
    context = [f for f in by_kind["figure-context-mismatch"] if f["line"] == 3]
    assert len(context) == 1 and context[0]["text"] == "23%"
    assert (
        'The source says: "PM had no known cause (16%) or followed prolonged posture (23.1%)' in context[0]["message"]
    )
    assert [f["text"] for f in by_kind["overstated-claim"]] == ["All"]
    assert [f["text"] for f in by_kind["figure-item-not-in-source"]] == ["75% with a cyst"]
    assert [f["line"] for f in by_kind["figure-not-in-source"]] == [13]
    # the excerpt file (citations' sources/review2020.md) holds the 40%: no finding on line 11
    assert not [f for f in findings if f["line"] == 11]
