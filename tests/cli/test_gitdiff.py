"""``--since`` support: changed lines from a temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs_evidence.cli.gitdiff import (
    GitUnavailableError,
    NotAGitRepositoryError,
    UnknownRefError,
    changed_lines,
    filter_findings_to_changed,
    parse_unified_diff,
    unquote_git_path,
)
from mkdocs_evidence.core.findings import make_finding

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test Editor")
    git(root, "config", "user.email", "editor@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    (root / "docs" / "a.md").write_text("".join(f"line {n}\n" for n in range(1, 11)), encoding="utf-8")
    (root / "docs" / "b.md").write_text("one\ntwo\nthree\n", encoding="utf-8")
    (root / "docs" / "gone.md").write_text("bye\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


def finding(path: str, line: int, end_line: int | None = None):
    return make_finding(
        "uncited-statistic",
        path=path,
        line=line,
        column=1,
        end_line=end_line or line,
        end_column=4,
        text="30%",
        sentence="30% of people.",
        message="m",
    )


def test_changed_lines_since_head(repo: Path):
    lines = (repo / "docs" / "a.md").read_text().splitlines(keepends=True)
    lines[2] = "line 3 edited\n"  # change line 3
    lines.insert(6, "new line\n")  # insert as line 7
    del lines[9]  # delete old line 9 (now at index 9, after the insert)
    (repo / "docs" / "a.md").write_text("".join(lines), encoding="utf-8")
    (repo / "docs" / "new.md").write_text("fresh\nfile\n", encoding="utf-8")  # untracked
    (repo / "docs" / "gone.md").unlink()
    git(repo, "add", "docs/a.md")  # staged edits count as well as unstaged ones

    changed = changed_lines(repo, "HEAD")
    assert changed["docs/a.md"] >= {3, 7}
    assert 1 not in changed["docs/a.md"] and 5 not in changed["docs/a.md"]
    assert {9, 10} & changed["docs/a.md"]  # the lines around the deletion
    assert changed["docs/new.md"] == {1, 2}
    assert "docs/b.md" not in changed
    assert "docs/gone.md" not in changed


def test_since_an_older_commit_and_paths(repo: Path):
    (repo / "docs" / "b.md").write_text("one\nTWO\nthree\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    (repo / "docs" / "a.md").write_text("changed\n" + (repo / "docs" / "a.md").read_text(), encoding="utf-8")
    assert changed_lines(repo, "HEAD") == {"docs/a.md": {1}}
    since_first = changed_lines(repo, "HEAD~1")
    assert since_first == {"docs/a.md": {1}, "docs/b.md": {2}}
    assert changed_lines(repo, "HEAD~1", ["docs/b.md"]) == {"docs/b.md": {2}}


def test_project_in_a_subfolder_gets_paths_relative_to_it(repo: Path):
    (repo / "docs" / "b.md").write_text("one\ntwo\nthree\nfour\n", encoding="utf-8")
    assert changed_lines(repo / "docs", "HEAD") == {"b.md": {4}}


def test_filter_findings_to_changed_lines_after_edits(repo: Path):
    text = (repo / "docs" / "a.md").read_text().replace("line 5\n", "line 5 with 30%\n")
    (repo / "docs" / "a.md").write_text(text, encoding="utf-8")
    changed = changed_lines(repo, "HEAD")
    findings = [
        finding("docs/a.md", 5),  # on the edited line
        finding("docs/a.md", 2),  # old, untouched
        finding("docs/a.md", 4, end_line=5),  # spans into the edited line
        finding("./docs/a.md", 5),  # path spelled differently
        finding("docs/b.md", 1),  # untouched file
    ]
    kept = filter_findings_to_changed(findings, changed)
    assert [(f.path, f.line) for f in kept] == [("docs/a.md", 5), ("docs/a.md", 4), ("./docs/a.md", 5)]


def test_clear_errors_for_missing_ref_repo_and_git(repo: Path, tmp_path: Path, monkeypatch):
    with pytest.raises(UnknownRefError, match="no-such-branch"):
        changed_lines(repo, "no-such-branch")
    with pytest.raises(UnknownRefError):
        changed_lines(repo, "--output=/tmp/x")
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(NotAGitRepositoryError):
        changed_lines(outside, "HEAD")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(GitUnavailableError):
        changed_lines(repo, "HEAD")


def test_parse_unified_diff_and_quoted_paths():
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,2 @@\n+c\n+d\n@@ -9,2 +10,0 @@\n-e\n-f\n"
        'diff --git "a/na\\303\\257ve.md" "b/na\\303\\257ve.md"\n--- "a/na\\303\\257ve.md"\n+++ "b/na\\303\\257ve.md"\n'
        "@@ -0,0 +1,2 @@\n+x\n+y\n"
        "diff --git a/old.md b/old.md\n--- a/old.md\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-1\n-2\n-3\n"
    )
    assert parse_unified_diff(diff) == {"x.md": {1, 6, 7, 10, 11}, "naïve.md": {1, 2}}
    assert unquote_git_path('"tab\\there.md"') == "tab\there.md"
    assert unquote_git_path("plain.md") == "plain.md"
