"""Issue 17's invariant on built sites: the project's foot drop guide and the hardening corpus.

The project is copied (mkdocs.yml, overrides, content, docs) with the hardening corpus's
Markdown cases added as pages and every ``figures`` field removed from the bibliography, so each
statistic the source check reads gives one finding. Built with ``mkdocs build``; for every page,
each statistic in its visible text must have a finding in the report, at the page's own file
(hand-written pages) or in the guide's YAML files (generated pages).
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from hardening_helpers import CASES, REPO, mkdocs, run
from visible_text import number_key, statistics_in, visible_text

STATISTIC_KINDS = {"uncited-statistic", "source-records-no-figures", "figure-not-in-source"}
FIGURES = re.compile(r"^\s*figures\s*=\s*\{.*\},?\s*$", re.MULTILINE)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("visible-site")
    for name in ("mkdocs.yml",):
        shutil.copyfile(REPO / name, root / name)
    for folder in ("overrides", "content", "docs"):
        if (REPO / folder).is_dir():  # overrides/ moved into the package's theme
            shutil.copytree(REPO / folder, root / folder)
    (root / "content" / "waivers.yml").unlink(missing_ok=True)
    (root / "citations").mkdir()
    for bib in (REPO / "citations").glob("*.bib"):
        (root / "citations" / bib.name).write_text(FIGURES.sub("", bib.read_text(encoding="utf-8")), encoding="utf-8")
    cases = root / "docs" / "cases"
    cases.mkdir()
    for page in (CASES / "markdown").glob("*.md"):
        shutil.copyfile(page, cases / page.name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - plugins/mkdocs_evidence\n", "").replace("      content: content/\n", "      content: content/\n      cache: false\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run(mkdocs("build", "-d", str(root / "site")), root, timeout=300)
    assert "Traceback" not in result.output, result.output[-3000:]
    report = json.loads((root / "site" / "editor" / "report" / "report.json").read_text(encoding="utf-8"))
    return root, report


def _checked(report: dict) -> dict[str, set]:
    by_source: dict[str, set] = defaultdict(set)
    for finding in report["findings"]:
        if finding["kind"] in STATISTIC_KINDS:
            path = finding["path"]
            by_source["content" if path.startswith("content/") else path].add(number_key(finding["text"]))
    return by_source


def test_every_statistic_a_reader_sees_is_checked(built):
    root, report = built
    checked = _checked(report)
    site = root / "site"
    missed: list[str] = []
    pages = 0
    seen_total = 0
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).parent.as_posix()
        if rel.startswith(("editor", "search")) or rel == "how-we-rate-evidence":
            continue  # the editors' report and the plugin's own page hold no author text
        source = _source_of(root, rel)
        if source is None:
            continue
        pages += 1
        text = visible_text(page.read_text(encoding="utf-8"))
        for line in text.split("\n"):
            for statistic in statistics_in(line):
                seen_total += 1
                if number_key(statistic) not in checked.get(source, set()):
                    missed.append(f"{rel}: {statistic!r} in {line.strip()[:120]!r}")
    assert pages >= 20 and seen_total >= 20  # the guide's pages and the corpus were all read
    assert missed == []


def _source_of(root: Path, rel: str) -> str | None:
    """The file a page's text comes from: docs/<page>.md, or the guide's YAML ("content")."""
    if rel == ".":
        return "docs/index.md"
    for candidate in (f"docs/{rel}.md", f"docs/{rel}/index.md"):
        if (root / candidate).is_file():
            return candidate
    return "content" if (root / "content" / rel.split("/")[0]).is_dir() else None
