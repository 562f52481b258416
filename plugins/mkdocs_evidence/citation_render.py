"""Citations and reference lists as HTML, in the site's citation style (used by the Markdown
extension; no MkDocs here).

A plain numbered citation ``[@a; @b]`` is a superscript in the default style and in styles
that use superscripts (AMA); with a prefix or a locator, or as a narrative citation, numbers go
on the line in brackets ("see [3], p. 3", "Aprile et al. [3]"). Author-date styles show
"(Aprile et al., 2005)" and "Aprile et al. (2005)". Rendered HTML is kept in ``memo`` by what
it shows, so the same marker renders once for the whole site.
"""

from __future__ import annotations

from collections.abc import Mapping

import jinja2

from .core.bib.bibliography import Bibliography
from .core.bib.intext import in_text_items
from .core.ratings.scales import load_catalogue
from .core.text.citations import CitationGroup, anchor_for
from .csl_styles import CitationStyle, resolve_style
from .rendering import ReferenceFormatter

__all__ = ["CitationRenderer", "design_label"]


def design_label(design: str | None) -> str:
    """The name of a study design as every page shows it: from ``scales.yml``, the one list."""
    found = load_catalogue().design(design) if design else None
    return found.name if found is not None else ""


class CitationRenderer:
    """Renders one citation group or one reference list in ``style``."""

    def __init__(
        self,
        *,
        bibliography: Bibliography,
        env: jinja2.Environment,
        formatter: ReferenceFormatter,
        style: CitationStyle | None = None,
        memo: dict | None = None,
    ) -> None:
        self.bibliography = bibliography
        self.env = env
        self.formatter = formatter
        self.style = style or resolve_style(None)
        self.memo = memo if memo is not None else {}

    def superscript(self, group: CitationGroup) -> bool:
        """Whether the group renders as a superscript (the space before it then goes)."""
        affixed = any(item.prefix or item.locator for item in group.items)
        return self.style.numeric and self.style.superscript and not group.narrative and not affixed

    def citation(self, group: CitationGroup, numbers: Mapping[str, int], first: frozenset[str] = frozenset()) -> str:
        """The HTML of one citation; ``numbers`` already holds a number for each known key.
        Keys in ``first`` are cited here for the first time on the page: their link carries
        ``id="cite-..."``, where the reference list links back to."""
        style = self.style
        shown = in_text_items(group, self.bibliography.references, numbers)
        memo_key = ("cite", self.bibliography.signature, style.digest, group.narrative, shown, tuple(sorted(first)))
        cached = self.memo.get(memo_key)
        if cached is not None:
            return cached
        records, previews = [], []
        backs = set(first)
        for item in shown:
            record = {
                "key": item.key, "anchor": item.anchor, "number": item.number, "resolved": item.resolved,
                "names": item.names, "year": item.year, "prefix": item.prefix, "locator": item.locator,
                "suppress_author": item.suppress_author,
                "first": item.resolved and item.key in backs,
            }
            backs.discard(item.key)
            if item.resolved:
                formatted = self.formatter.format(item.key, self.bibliography.entries, style)
                record.update(html=formatted.html, text=formatted.text)
                previews.append(record)
            records.append(record)
        if self.superscript(group):
            html = self.env.get_template("citations/cite.html").render(items=records, previews=previews)
        else:
            open_, close = style.brackets if style.numeric else ("(", ")")
            if group.narrative and style.numeric and style.superscript:
                open_, close = "[", "]"
            html = self.env.get_template("citations/cite_inline.html").render(
                items=records,
                previews=previews,
                narrative=group.narrative,
                numeric=style.numeric,
                affixed=any(item.prefix or item.locator for item in shown),
                open=open_,
                close=close,
            )
        self.memo[memo_key] = html
        return html

    def reference_list(self, numbers: Mapping[str, int], title: str, backlinks: frozenset[str] = frozenset()) -> str:
        """The page's reference list: numbered by first citation, or alphabetical; a key in
        ``backlinks`` links back to its first citation."""
        memo_key = ("references", self.bibliography.signature, self.style.digest, tuple(numbers.items()), title, tuple(sorted(backlinks)))
        cached = self.memo.get(memo_key)
        if cached is not None:
            return cached
        references = [{**self.reference_record(key, number), "backlink": key in backlinks} for key, number in numbers.items()]
        if not self.style.numeric:
            references.sort(key=lambda ref: (ref["text"].casefold(), ref["key"]))
        html = self.env.get_template("citations/references.html").render(
            references=references, title=title, numbered=self.style.numeric
        )
        self.memo[memo_key] = html
        return html

    def reference_record(self, key: str, number: int | None = None) -> dict:
        """What a reference list shows of one entry."""
        formatted = self.formatter.format(key, self.bibliography.entries, self.style)
        reference = self.bibliography.references[key]
        return {
            "key": key,
            "number": number,
            "anchor": anchor_for(key),
            "html": formatted.html,
            "text": formatted.text,
            "design_label": design_label(reference.design),
        }
