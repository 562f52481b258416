"""Safe output by construction: what Markdown builds from content can never carry script.

``SafeAttributesTreeprocessor`` runs last on every page's element tree (hand-written and
generated): it removes every event-handler attribute (``on*``, whatever its case, for example
from an attribute list ``{: onerror="..." }``) and every URL attribute whose scheme is not
allowed. Schemes are read the way a browser reads them: after decoding character references
(``&#106;avascript:``) and dropping the control characters and whitespace browsers ignore
(``java\\tscript:``). Raw HTML that a hand-written page holds on purpose is not in the tree
(Python-Markdown stashes it) and is the page author's; YAML prose cannot hold raw HTML
(``core/text/inert.py``).
"""

from __future__ import annotations

import html
import re

from markdown.treeprocessors import Treeprocessor

__all__ = ["LINK_SCHEMES", "SafeAttributesTreeprocessor", "link_scheme", "safe_link"]

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SOURCE_SCHEMES = frozenset({"http", "https"})
# data: images that cannot hold script (an SVG can, when opened on its own).
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp|avif)[;,]", re.IGNORECASE)
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "srcset", "longdesc"}
    | {"ping", "manifest", "codebase"}
)
# Attributes no content needs and that run or load something.
DROPPED_ATTRIBUTES = frozenset({"srcdoc"})
# Inline styles that load from elsewhere or hide code in escapes; plain ones ("width: 50%") stay.
_UNSAFE_STYLE = re.compile(r"url\s*\(|image-set|expression|@import|behavior|binding|[\\&<]", re.IGNORECASE)


def link_scheme(value: str) -> str | None:
    """The scheme a browser would use for ``value`` (lower case), or None for a relative URL."""
    decoded = html.unescape(html.unescape(value))  # "&amp;#106;" is "&#106;" once serialised
    found = _SCHEME.match(_IGNORED.sub("", decoded))
    return found.group(1).lower() if found else None


def safe_link(value: str, allowed: frozenset[str] = LINK_SCHEMES) -> bool:
    scheme = link_scheme(value)
    return scheme is None or scheme in allowed


def _safe_source(tag: str, value: str) -> bool:
    scheme = link_scheme(value)
    if scheme is None or scheme in SOURCE_SCHEMES:
        return True
    if scheme == "data" and tag == "img":
        return _DATA_IMAGE.match(_IGNORED.sub("", html.unescape(value))) is not None
    return False


def _unsafe(tag: str, name: str, value: str) -> bool:
    lowered = name.lower()
    if lowered.startswith("on") or lowered in DROPPED_ATTRIBUTES:
        return True
    if lowered == "style":
        return _UNSAFE_STYLE.search(value) is not None
    if lowered == "href":
        return not safe_link(value)
    if lowered == "srcset":
        return not all(_safe_source("img", part.strip()) for part in value.split(","))
    return lowered in URL_ATTRIBUTES and not _safe_source(tag, value)


class SafeAttributesTreeprocessor(Treeprocessor):
    """No handler attribute, no style that loads anything and no unsafe URL on any element."""

    def run(self, root):
        for element in root.iter():
            for name in [n for n, v in element.attrib.items() if _unsafe(str(element.tag), n, v)]:
                del element.attrib[name]
        return None
