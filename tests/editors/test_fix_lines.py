"""Every finding in the terminal and in SARIF carries one fix line; figure findings say what
the cited source records; an unknown key suggests the nearest one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
from mkdocs_evidence.cli import main

DEMO = Path(__file__).resolve().parents[2] / "examples" / "check-demo"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json"


def _demo(tmp_path: Path, monkeypatch) -> None:
    for name in ("page.md", "refs.bib"):
        shutil.copy(DEMO / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)


def test_terminal_output_has_a_fix_line_under_every_finding(tmp_path, monkeypatch, capsys):
    _demo(tmp_path, monkeypatch)
    assert main(["check", "page.md", "--bib", "refs.bib"]) == 1
    lines = capsys.readouterr().out.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("page.md:")]
    kinds = {lines[i].rsplit("[", 1)[1].rstrip("]") for i in heads}
    assert kinds == {"figure-not-in-source", "vague-attribution", "unknown-citation"}
    for i in heads:
        assert lines[i + 1].startswith("    fix: "), lines[i : i + 2]
    text = "\n".join(lines)
    assert "    @prenton2016 records: 7 RCTs; 815 participants; 5 trials" in text
    assert "only if the source really reports it" in text
    assert "Did you mean '@prenton2016'?" in text


def test_sarif_messages_carry_the_fix(tmp_path, monkeypatch, capsys):
    _demo(tmp_path, monkeypatch)
    main(["check", "page.md", "--bib", "refs.bib", "--format", "sarif", "--output", "out.sarif"])
    capsys.readouterr()
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
    results = log["runs"][0]["results"]
    assert len(results) == 3
    for result in results:
        assert "\nfix: " in result["message"]["text"]
    figure = next(r for r in results if r["ruleId"] == "figure-not-in-source")
    assert "@prenton2016 records: 7 RCTs; 815 participants" in figure["message"]["text"]


def test_the_saved_example_output_shows_three_kinds_with_fixes():
    saved = (Path(__file__).resolve().parents[2] / "docs" / "assets" / "check-output.txt").read_text(encoding="utf-8")
    assert saved.count("\n    fix: ") == 3
    for kind in ("figure-not-in-source", "vague-attribution", "unknown-citation"):
        assert f"[{kind}]" in saved
