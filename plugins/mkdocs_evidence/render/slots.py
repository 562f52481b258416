"""Where rendered HTML goes into a page that Markdown made: slots marked by an HTML comment.

A generated page's Markdown holds a comment where a part is put in once the whole site is known
(the editor report, the bibliography page) or once the page's own links are (the comparison and
range tables, whose comments the guide templates write: :mod:`..core.guides`). Python-Markdown
wraps a comment alone on its line in ``<p>``; :func:`fill` takes that wrapper away with it.
The marks that keep parts of a page out of the search index are another protocol, in
:mod:`.search_view`.
"""

from __future__ import annotations

from ..core.guide.guides import COMPARISON_PLACEHOLDER, RANGES_PLACEHOLDER

__all__ = ["BIBLIOGRAPHY", "COMPARISON", "RANGES", "REPORT", "fill"]

REPORT = "<!-- evidence:report -->"
BIBLIOGRAPHY = "<!-- evidence:bibliography -->"
COMPARISON = COMPARISON_PLACEHOLDER  # in the Markdown of a guide's treatments page
RANGES = RANGES_PLACEHOLDER  # in the Markdown of a guide's printable summary


def fill(content: str, slot: str, html: str) -> str:
    """``content`` (a page's HTML) with ``html`` in the slot, and the ``<p>`` round it gone."""
    return content.replace(f"<p>{slot}</p>", slot).replace(slot, html)
