"""Render evidence ratings into pages: badges for rating markers and the comparison table.

The ratings module knows scales, ceilings and templates; this module only supplies what a page
needs (the references cited, the link targets in the page's reference list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import jinja2

from .core import ratings
from .core.bib.bibliography import Bibliography
from .core.guide.content import Treatment
from .core.guide.guides import rating_marker
from .core.project import rating_for
from .core.ratings.scales import Scale
from .rendering import anchor_for


class RatingRenderer:
    """Turns ``{rating: ...}`` markers into badges and benefits into comparison rows."""

    def __init__(self, *, scale: Scale, bibliography: Bibliography, env: jinja2.Environment, treatments: Sequence[Treatment] = ()) -> None:
        self.scale = scale
        self.bibliography = bibliography
        self.env = env
        # A generated page's marker stands for a YAML benefit: its badge is built from the
        # benefit itself, which knows more than the marker text (why it was rated down).
        self._benefits = {
            rating_marker(treatment, benefit): entry
            for treatment in treatments
            for benefit, entry in zip(treatment.benefits, treatment.iter_ratings(), strict=True)
        }

    def _hrefs(self, keys: Sequence[str]) -> dict[str, str]:
        return {key: f"#ref-{anchor_for(key)}" for key in keys}

    def badge(self, raw: str, how_we_rate_href: str | None) -> tuple[str, tuple[str, ...]] | None:
        """Badge HTML for one marker's text and the keys it cites (for the reference list).

        A marker that cannot be read stays as typed (the checker reports it).
        """
        found = ratings.find_rating_markers(raw)
        if not found or not isinstance(found[0], ratings.RatingMarker):
            return None
        marker = found[0]
        entry = self._benefits.get(marker.raw)
        rating = rating_for(entry) if entry else ratings.rating_from_marker(marker, path="", line=1, column=1, end_line=1, end_column=1)
        summary = ratings.rating_summary(rating, self.scale, self.bibliography.references)
        known = tuple(key for key in marker.citations if key in self.bibliography)
        html = ratings.render_badge(self.env, summary, hrefs=self._hrefs(known), how_we_rate_href=how_we_rate_href)
        return html, known

    def comparison(self, *, caption: str, treatments: Sequence[Treatment], href: Callable[[Treatment], str | None], how_we_rate_href: str | None) -> str:
        rows = []
        for treatment in treatments:
            for entry in treatment.iter_ratings():
                rating = rating_for(entry)
                summary = ratings.rating_summary(rating, self.scale, self.bibliography.references)
                rows.append(ratings.ComparisonRow(treatment=treatment.name, treatment_href=href(treatment), summary=summary))
        return ratings.render_comparison(self.env, caption=caption, rows=rows, how_we_rate_href=how_we_rate_href)

    def ranges(self, *, caption: str, treatments: Sequence[Treatment], href: Callable[[Treatment], str | None]) -> str:
        """One row per treatment with the range of its ratings, least to most certain: the
        printed summary has room for one line a treatment, and a range hides nothing."""
        rows = []
        for treatment in treatments:
            summaries = [
                ratings.rating_summary(rating_for(entry), self.scale, self.bibliography.references) for entry in treatment.iter_ratings()
            ]
            if not summaries:
                continue
            ranked = sorted(summaries, key=lambda summary: self._rank(summary.level))
            rows.append({"treatment": treatment.name, "href": href(treatment), "summary_text": treatment.summary, "low": ranked[0], "high": ranked[-1]})
        return self.env.get_template("evidence/range-table.html").render(caption=caption, rows=rows).strip()

    def _rank(self, level_id: str) -> int:
        level = self.scale.level(level_id)
        return level.rank if level is not None else -1
