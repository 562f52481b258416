"""Shared helpers for the hardening suite (issue 9): temporary sites and subprocess runs.

Not a conftest.py: tests/browser/test_xss.py imports it too, and tests/browser has its own conftest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
BIN = Path(sys.executable).parent
FIXTURE_CONTENT = REPO / "tests" / "fixtures" / "content" / "foot-drop"
# The project's theme: Material; the plugin adds its packaged templates (theme/) itself.
PROJECT_THEME = {"name": "material", "font": False, "language": "en"}

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}


@dataclass
class Run:
    """One finished subprocess: exit code and combined output (no time: tests assert none)."""

    args: list[str]
    returncode: int
    output: str

    def lines(self) -> list[str]:
        return self.output.splitlines()


def run(args: list[str], cwd: Path, timeout: float = 120) -> Run:
    done = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout)
    return Run(args, done.returncode, done.stdout + "\n" + done.stderr)


def cli(*args: str) -> list[str]:
    return [str(BIN / "mkdocs-evidence"), *args]


def mkdocs(*args: str) -> list[str]:
    """An ``mkdocs`` command; builds run with ``--verbose``, because the build log gives a line
    per kind of finding and only a verbose log gives each finding at its place (issue 21)."""
    if args and args[0] == "build" and "--verbose" not in args:
        args = ("build", "--verbose", *args[1:])
    return [str(BIN / "mkdocs"), *args]


def write_base_site(root: Path, *, theme: dict | None = None, plugin: dict | None = None, extra_config: dict | None = None) -> Path:
    """A small site: base/ refs.bib, index.md and sentinel.md (an uncited 23%)."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "citations").mkdir(exist_ok=True)
    shutil.copyfile(CASES / "base" / "refs.bib", root / "citations" / "refs.bib")
    shutil.copyfile(CASES / "base" / "index.md", root / "docs" / "index.md")
    shutil.copyfile(CASES / "base" / "sentinel.md", root / "docs" / "sentinel.md")
    # fail_on: never keeps a plain build of the sentinel's error finding going, so the cases
    # can look at what was written; strict builds still fail on it.
    options = {"bibliography": "citations", "content": "content", "today": "2026-11-22", "fail_on": "never"}
    options.update(plugin or {})
    config = {
        "site_name": "Hardening",
        "theme": theme or {"name": "mkdocs"},
        "plugins": [{"evidence": options}],
    }
    config.update(extra_config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


def copy_fixture_guide(root: Path, slug: str) -> Path:
    """tests/fixtures/content/foot-drop as content/<slug>/ (the guide's slug renamed)."""
    target = root / "content" / slug
    shutil.copytree(FIXTURE_CONTENT, target)
    guide = target / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("slug: foot-drop\n", f"slug: {slug}\n"), encoding="utf-8")
    return target


SENTINEL = ("docs/sentinel.md:3:1", "statistic 'About 23%' has no citation")


def has_message(run_: Run, at: str, says: str) -> bool:
    """One output line holds the location ``at`` (followed by ':') and the text ``says``."""
    return any(f"{at}" in line and says in line and _located(line, at) for line in run_.lines())


def _located(line: str, at: str) -> bool:
    index = line.find(at)
    rest = line[index + len(at) :]
    return at.endswith(":") or rest.startswith(":")
