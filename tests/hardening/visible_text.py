"""The text a reader sees on a built page, and the statistics in it (issue 17's invariant).

``visible_text`` reads a page's HTML as a browser shows it: text nodes only (never attributes,
comments or unknown tags' attributes), without code, scripts and styles, and without what the
plugin itself adds around content (citation superscripts, reference lists, badge panels,
footnote arrows), which holds no author text. ``statistics_in`` runs the finder on it, URLs and
e-mail addresses masked as the source check masks them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mkdocs_evidence.core.statistics import find_statistics
from mkdocs_evidence.core.text.prose import mask_non_prose

HIDDEN_TAGS = frozenset({"code", "pre", "script", "style", "template", "noscript", "kbd", "samp", "title"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
PLUGIN_CLASSES = ("ev-cite", "ev-references", "evidence-badge", "footnote-backref", "footnote-ref", "headerlink")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class _Visible(HTMLParser):
    def __init__(self, root_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.stack: list[tuple[str, bool]] = []  # open elements: tag, is its content hidden?
        self.inside = root_class is None
        self.root_depth = -1
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if not self.inside and self.root_class and self.root_class in classes.split():
            self.inside, self.root_depth = True, len(self.stack)
        hidden = (self.stack[-1][1] if self.stack else False) or tag in HIDDEN_TAGS
        hidden = hidden or any(c.startswith(PLUGIN_CLASSES) for c in classes.split())
        hidden = hidden or "data-search-exclude" in attributes or "hidden" in attributes
        self.stack.append((tag, hidden))
        if tag in ("p", "li", "div", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID or tag not in [open_tag for open_tag, _ in self.stack]:
            return  # a stray end tag: browsers ignore it
        while self.stack.pop()[0] != tag:
            pass  # elements left open inside it end with it
        if self.root_class and self.inside and len(self.stack) == self.root_depth:
            self.inside = False
        self.parts.append(" " if tag not in ("p", "li", "div", "td", "tr") else "\n")

    def handle_data(self, data):
        if self.inside and not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def visible_text(html: str, root_class: str | None = "md-content__inner") -> str:
    parser = _Visible(root_class)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).replace("\u00a0", " ")


def statistics_in(text: str) -> list[str]:
    return [stat.text for stat in find_statistics(mask_non_prose(text, markup="plain"))]


def number_key(statistic: str) -> tuple[str, ...]:
    """What two spellings of one statistic share ("60%" in the page, "60 %" from "60\\%")."""
    return tuple(NUMBER.findall(statistic.replace("\u00a0", " ")))
