"""The ``mkdocs-evidence`` command line: exit codes, formats and messages, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_evidence.cli import main

CLAIM = "A study found that 23% of people with foot drop had a nerve injury."
BIB = r"""@article{aprile2005,
  author = {Aprile, Irene}, title = {Multicenter study of peroneal mononeuropathy},
  journal = {J Peripher Nerv Syst}, year = {2005}, design = {case-series},
  figures = {69 patients; 23.1\% prolonged posture}
}
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return tmp_path


def test_uncited_statistic_and_vague_attribution_exit_1(workdir, capsys):
    (workdir / "page.md").write_text(CLAIM + "\n")
    assert main(["check", "page.md"]) == 1
    out = capsys.readouterr().out
    assert "page.md:1:20: error:" in out and "[uncited-statistic]" in out
    assert "[vague-attribution]" in out


def test_same_sentence_citing_a_source_that_records_the_figure_passes(workdir, capsys):
    (workdir / "page.md").write_text(CLAIM.replace(".", " [@aprile2005].", 1)[:-1] + "\n")
    text = "A study found that 23% of people with foot drop had a nerve injury [@aprile2005].\n"
    (workdir / "page.md").write_text(text)
    assert main(["check", "page.md", "--bib", "refs.bib"]) == 0, capsys.readouterr().out


def test_figure_not_in_source(workdir, capsys):
    (workdir / "page.md").write_text("In one study, 45% of people had a nerve injury [@aprile2005].\n")
    assert main(["check", "page.md", "--bib", "refs.bib"]) == 1
    assert "[figure-not-in-source]" in capsys.readouterr().out


def test_json_contract(workdir, capsys):
    (workdir / "page.md").write_text(CLAIM + "\n")
    assert main(["check", "page.md", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1 and "summary" in data
    finding = next(f for f in data["findings"] if f["kind"] == "uncited-statistic")
    assert {"path", "line", "column", "end_line", "end_column", "kind", "severity", "text", "sentence", "message", "citations"} <= set(finding)
    assert finding["text"] == "23%" and (finding["line"], finding["column"], finding["end_column"]) == (1, 20, 23)


def test_sarif_output_to_file(workdir, capsys):
    (workdir / "page.md").write_text(CLAIM + "\n")
    assert main(["check", "page.md", "--format", "sarif", "--output", "out.sarif"]) == 1
    sarif = json.loads((workdir / "out.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"uncited-statistic", "vague-attribution"}


def test_usage_and_input_errors_exit_2_without_traceback(workdir):
    for args in (["check", "missing.md"], ["check", "--bib", "nope.bib", "refs.bib"], ["check"]):
        result = subprocess.run([sys.executable, "-m", "mkdocs_evidence.cli", *args], cwd=workdir, capture_output=True, text=True)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and "error:" in result.stderr
