"""Ratings as HTML and Markdown: the badge, the comparison table, "How we rate evidence".

Templates escape their own output, whatever the environment's autoescape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import jinja2

from ..templating import template_environment as package_environment
from ..text.citations import reference_href
from .ceiling import no_evidence_level
from .model import ComparisonRow, RatingSummary
from .scales import INHERIT, UNGRADED, Catalogue, Scale, load_catalogue


def template_environment() -> jinja2.Environment:
    """A private environment over the package templates, for the CLI, tests and Zensical."""
    return package_environment()


def default_href(key: str) -> str:
    """The in-page anchor of a reference in the reference list (the list's own ``id``)."""
    return reference_href(key)


def render_badge(
    env: jinja2.Environment,
    summary: RatingSummary,
    *,
    hrefs: Mapping[str, str] | None = None,
    how_we_rate_href: str | None = None,
    expandable: bool = True,
) -> str:
    """The evidence badge: a keyboard- and no-JS-friendly ``<details>``, or a static ``<span>``.

    The expandable badge is block-level HTML: put it after the paragraph, not inside a ``<p>``.
    ``hrefs`` maps citation keys to link targets (default ``#ref-KEY``).
    """
    links = [
        {"href": (hrefs or {}).get(s.key, default_href(s.key)), "source": s} for s in summary.sources
    ]
    return env.get_template("evidence/badge.html").render(
        summary=summary, links=links, how_we_rate_href=how_we_rate_href, expandable=expandable
    ).strip()


def render_comparison(
    env: jinja2.Environment,
    *,
    caption: str,
    rows: Sequence[ComparisonRow],
    how_we_rate_href: str | None = None,
) -> str:
    """A condition's comparison table: treatment, outcome, rating (text badge), sources."""
    return env.get_template("evidence/comparison.html").render(
        caption=caption, rows=list(rows), how_we_rate_href=how_we_rate_href
    ).strip()


def render_how_we_rate(
    env: jinja2.Environment,
    scale: Scale,
    *,
    condition: str = "",
    max_age_years: int | None = 10,
    catalogue: Catalogue | None = None,
) -> str:
    """The Markdown page "How we rate evidence" for ``scale``, generated from the scale data."""
    catalogue = catalogue or load_catalogue()
    design_rows = []
    for design in catalogue.designs.values():
        raw = scale.design_level(design.id)
        if raw == INHERIT:
            ceiling = "We use the guideline's own rating"
        elif raw == UNGRADED:
            ceiling = f"Not counted as a study: {scale.bottom.name}"
        else:
            ceiling = (scale.level(raw) or scale.bottom).name
        design_rows.append({"design": design, "ceiling": ceiling})
    no_evidence = no_evidence_level(scale, catalogue)
    surrogate = scale.level(scale.surrogate_level) if scale.surrogate_level else None
    # Markdown is whitespace-sensitive, so fix the block trimming whatever ``env`` uses.
    page_env = env.overlay(trim_blocks=True, lstrip_blocks=True, autoescape=True)
    text = page_env.get_template("evidence/how-we-rate.md").render(
        scale=scale,
        design_rows=design_rows,
        no_evidence=no_evidence,
        surrogate=surrogate,
        condition=condition,
        max_age_years=max_age_years,
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
