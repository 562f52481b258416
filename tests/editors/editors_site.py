"""A copy of the example site (mkdocs.yml, content, citations, docs) in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def copy_example_site(target: Path, *, today: str | None = None) -> Path:
    """The repository's own site, copied to ``target`` (screenshots left out); ``today`` pins
    the date the plugin checks against."""
    for name in ("content", "citations", "overrides", "sources"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    shutil.copytree(REPO / "docs", target / "docs", ignore=shutil.ignore_patterns("screenshots", "*.png", "*.txt"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if today:
        config = config.replace("      content: content/\n", f"      content: content/\n      today: {today}\n")
        assert f"today: {today}" in config
    (target / "plugins" / "mkdocs_evidence").mkdir(parents=True)  # named under `watch:`
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def yaml_line(path: Path, needle: str) -> int:
    """1-based line of the first line of ``path`` containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def build_site(root: Path) -> Path:
    """``mkdocs build`` of the site at ``root`` (events run for real); returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir)))
    return site_dir
