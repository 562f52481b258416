"""What the search plugin reads: a page without the parts that are not worth indexing.

Citation previews, reference lists and the panels of evidence badges repeat text that is
elsewhere (the reference list, "How we rate evidence"); they carry ``data-search-exclude``, but
Material's search still parses every tag inside them, which made indexing five times slower
than on a plain page. Our templates mark those parts with a pair of HTML comments; just before
the search plugin reads the page, each marked part becomes a short placeholder comment, and just
after, the parts go back (without the marks). Nothing else in the page is touched, so whatever
the search plugin or another plugin changed in between is kept.
"""

from __future__ import annotations

import re

START = "<!--ev:search-exclude-->"
END = "<!--/ev:search-exclude-->"
_PART = re.compile(re.escape(START) + "(.*?)" + re.escape(END), re.DOTALL)
_PLACEHOLDER = re.compile(r"<!--ev:hidden:(\d+)-->")


def hide(html: str) -> tuple[str, list[str]]:
    """The page with each marked part replaced by a placeholder, and the parts in order."""
    if START not in html:
        return html, []
    parts: list[str] = []

    def placeholder(match: re.Match) -> str:
        parts.append(match.group(1))
        return f"<!--ev:hidden:{len(parts) - 1}-->"

    return _PART.sub(placeholder, html), parts


def restore(html: str, parts: list[str]) -> str:
    """Put the hidden parts back and drop any mark left over: the reader never sees them."""
    if parts:
        html = _PLACEHOLDER.sub(lambda match: parts[int(match.group(1))] if int(match.group(1)) < len(parts) else "", html)
    if START in html or END in html:
        html = html.replace(START, "").replace(END, "")
    return html
