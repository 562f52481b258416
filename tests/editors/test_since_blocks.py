"""``check --since``: a finding counts as changed when any line of its YAML block, or the
bibliography entry it cites, changed (not only the finding's own line)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from editors_site import copy_example_site, yaml_line
from mkdocs_evidence.cli import main
from mkdocs_evidence.core.report.changed_findings import bib_entry_span, yaml_block_spans

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
AFO = "content/foot-drop/treatments/ankle-foot-orthosis.yml"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    root = copy_example_site(tmp_path / "site")
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test Editor")
    git(root, "config", "user.email", "editor@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "site")
    monkeypatch.chdir(root)
    return root


def _since(root: Path, capsys) -> list[dict]:
    main(["check", "--since", "HEAD", "--format", "json", "--output", "out.json"])
    capsys.readouterr()
    return json.loads((root / "out.json").read_text(encoding="utf-8"))["findings"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_only_an_outcomes_citations_reports_its_rating(repo, capsys):
    _edit(repo / AFO, "citations: [nascimento2020, wada2022, choo2021, johnston2021]", "citations: [aprile2005]")
    rating_line = yaml_line(repo / AFO, "rating: moderate")
    found = [(f["kind"], f["path"], f["line"]) for f in _since(repo, capsys)]
    assert ("rating-above-evidence", AFO, rating_line) in found


def test_editing_a_bib_entry_reports_the_figure_that_cites_it(repo, capsys):
    bib = next(
        p for p in (repo / "citations").glob("*.bib") if "@article{prenton2016," in p.read_text(encoding="utf-8")
    )
    _edit(bib, "815 stroke participants", "816 stroke participants")
    figure_line = yaml_line(repo / AFO, "815 people after a stroke")
    found = [(f["kind"], f["path"], f["line"]) for f in _since(repo, capsys)]
    assert ("figure-not-in-source", AFO, figure_line) in found
    assert not [f for f in found if f[1] == "content/foot-drop/guide.yml"]  # nothing else drags in


def test_blocks_and_entries_are_the_smallest_enclosing_item():
    text = "slug: x\nbenefits:\n  - outcome: a\n    rating: low\n    citations: [k]\n  - outcome: b\n    rating: high\n"
    spans = yaml_block_spans(text)
    assert (3, 5) in spans and (6, 7) in spans
    bib = "@article{a,\n  title = {A}\n}\n\n@article{b,\n  title = {B}\n}\n"
    assert bib_entry_span(bib, 1) == (1, 4) and bib_entry_span(bib, 5) == (5, 8)
