"""Shared fixtures: temporary MkDocs sites built with the real ``mkdocs.commands.build``."""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent

SMALL_BIB = r"""
@article{prenton2016,
  author  = {Prenton, Sarah and Hollands, Kristen L. and Kenney, Laurence P. J.},
  title   = {Functional electrical stimulation versus ankle foot orthoses for foot-drop: a meta-analysis of orthotic effects},
  journal = {Journal of Rehabilitation Medicine},
  year    = {2016},
  volume  = {48},
  number  = {8},
  pages   = {646--656},
  doi     = {10.2340/16501977-2136},
  design  = {meta-analysis},
  figures = {7 RCTs; 815 participants; 5 trials}
}

@article{aprile2005,
  author  = {Aprile, Irene and Caliandro, Pietro and La Torre, Giuseppe},
  title   = {Multicenter study of peroneal mononeuropathy},
  journal = {Journal of the Peripheral Nervous System},
  year    = {2005},
  design  = {case-series},
  figures = {69 patients; 23.1\% prolonged posture; 20.3\% surgery}
}

@article{doe.2020:x,
  author  = {Doe, Jane},
  title   = {A key with dots and colons},
  journal = {Journal of Keys},
  year    = {2020},
  design  = {cohort}
}
"""


@dataclass
class Site:
    root: Path

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def page(self, uri: str) -> str:
        return (self.site_dir / uri).read_text(encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    """Write a small site: pages (name -> Markdown), a .bib, optional content and plugin options."""

    def factory(pages: dict[str, str], *, bib: str | dict[str, str] = SMALL_BIB, options: dict | None = None, extra: dict | None = None, files: dict[str, str] | None = None) -> Site:
        root = tmp_path / "site-src"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        for name, text in pages.items():
            target = root / "docs" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        bibs = {"refs.bib": bib} if isinstance(bib, str) else bib
        (root / "citations").mkdir(exist_ok=True)
        for name, text in bibs.items():
            (root / "citations" / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        for name, text in (files or {}).items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        # fail_on: never, so tests can look at the pages and the report of a site with error
        # findings; the default (error) is tested in tests/test_clinic_site.py.
        plugin_options = {"bibliography": "citations", "cache": False, "today": "2026-11-22", "fail_on": "never"}
        plugin_options.update(options or {})
        config = {
            "site_name": "Test site",
            "theme": {"name": "material", "font": False},
            "plugins": ["search", {"evidence": plugin_options}],
            "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables"],
        }
        config.update(extra or {})
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        return Site(root)

    return factory


def build(site: Site, *, strict: bool = False) -> None:
    """Build like ``mkdocs build`` does (load_config + build), so events run for real."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(site.root / "mkdocs.yml"), strict=strict, site_dir=str(site.site_dir))
    try:
        mkdocs_build(config)
    finally:
        # MkDocs leaves its strict counter attached when a build aborts
        for handler in list(logging.getLogger("mkdocs").handlers):
            if type(handler).__name__ == "CountHandler":
                logging.getLogger("mkdocs").removeHandler(handler)


@pytest.fixture
def build_site():
    return build


@pytest.fixture
def small_bib() -> str:
    """The small bibliography of make_site (a fixture: ``from conftest import`` is ambiguous
    when the browser tests' conftest was imported first)."""
    return SMALL_BIB


@pytest.fixture
def site_at() -> Callable[[Path], Site]:
    """``site_at(root)``: a Site for a project written some other way (e.g. by ``init``)."""
    return Site
