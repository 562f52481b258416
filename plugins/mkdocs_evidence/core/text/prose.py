r"""Find the prose in Markdown, so that checks never look inside code, URLs or HTML.

``mask_non_prose`` returns a copy of the text in which everything that is not prose is replaced
by spaces. The copy has the same length and keeps every newline, so an offset found in it is an
offset in the original, and so is its line and column. Every pattern here is linear: no nested
quantifiers, and hand-written scans where a regular expression would have to backtrack.

The rule is: mask only what a reader cannot see (or sees as code, a URL or an address). Template
braces (``{{ ... }}``), escaped characters (``60\%``), lines that look like link definitions
but are not, footnote text and the text after an unclosed ``<code>`` are all shown, so they are
all checked. How the text reaches the page decides the rest (``markup``): ``"markdown"`` for a
hand-written page (raw HTML is HTML), ``"yaml"`` for YAML prose (``<`` and ``{`` are shown as
written, see ``core/text/inert.py``) and ``"plain"`` for plain YAML values (shown as written).
"""

from __future__ import annotations

import bisect
import html
import re
from bisect import bisect_right
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FENCE_OPEN = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Raw blocks (script, style, pre, code) are found by hand (_raw_block_spans): as a regular
# expression, an opener with no closer made it scan to the end of the text from every opener
# (quadratic on "<pre <pre <pre ..."). Template braces ("{{ ... }}") are text a reader sees.
_RAW_BLOCK_OPEN = re.compile(r"<(script|style|pre|code)\b", re.IGNORECASE)
_HIDES_TO_END = frozenset({"script", "style"})  # an unclosed <pre> or <code> hides nothing
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|mailto:)[^<>\s]*>")
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\[\]()]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>\[\]()]+|\bdoi:\s?10\.\S+", re.IGNORECASE)
# E-mail addresses are found from each "@" (_email_spans): as one regular expression, a long run
# of letters or digits with no "@" was rescanned from every character (quadratic).
_EMAIL_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# `](target "title")` after link text; the target may hold one level of balanced parentheses.
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)")
_REF_LINK = re.compile(r"\]\[[^\[\]\n]*\]")
# A real link definition, as Python-Markdown reads one: label, one destination, an optional
# title, nothing else on the line ("[Note]: about 60% of people" is a paragraph). Not "[^1]:".
_LINK_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*(?:\n[ \t]*)?\S++[ \t]*+"
    r"(?:(?:\n[ \t]*)?(?:([\"'])[^\n]*\1|\([^\n]*\))[ \t]*)?$",
    re.MULTILINE,
)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
# A definition-list marker later in the same block: the def_list extension reads the block
# first and shows a link definition in it as a term, so it is visible text.
_DEFINITION_MARKER = re.compile(r"\n[ ]{0,3}:[ \t]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# A block that opens with a table (a row with a pipe, then a separator row): the tables
# extension reads the whole block, so a link definition in it is a row, shown as text.
_TABLE_OPENING = re.compile(r"[ ]{0,3}[^\n]*\|[^\n]*\n[ ]{0,3}[|:\t -]*-[|:\t -]*(?:\n|$)")


def _link_definitions(text: str):
    """Real link definitions, less those a definition list or a table shows as text."""
    block_starts = [0] + [m.end() for m in _BLANK_LINE.finditer(text)]
    for match in _LINK_DEFINITION.finditer(text):
        block_end = _BLANK_LINE.search(text, match.end())
        block = text[match.end() : block_end.start() if block_end else len(text)]
        if _DEFINITION_MARKER.search(block):
            continue
        block_start = block_starts[bisect_right(block_starts, match.start()) - 1]
        if block_start < match.start() and _TABLE_OPENING.match(text, block_start):
            continue
        yield match
_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.:][^{}\n]*\}")
_BACKTICKS = re.compile(r"`+")
_MD_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|<>%$@]")
# Escaped characters that are syntax for the checks (brackets, "@", backticks): blanked with
# their backslash. Any other escaped character is shown ("60\%" reads 60%), so only the
# backslash is blanked.
_SYNTAX_ESCAPES = frozenset("\\`{}[]<>@")
# Character references shown as one character ("60&#37;" reads 60%): the character, then spaces.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NOT_DECODED = frozenset("&<>[]@`{}\\\n\r")


def _blank(chars: list[str], start: int, end: int) -> None:
    """Replace characters with spaces, keeping newlines so line numbers survive."""
    for index in range(start, end):
        if chars[index] not in "\r\n":
            chars[index] = " "


def _fenced_code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (``` or ~~~), closed by a fence of the same kind and length."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _FENCE_OPEN.search(text, position)
        if opening is None:
            return spans
        fence = opening.group(1)
        closer = re.compile(r"^[ \t>]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", opening.end())
        if line_end == -1:
            spans.append((opening.start(), len(text)))
            return spans
        closing = closer.search(text, line_end + 1)
        end = len(text) if closing is None else closing.end()
        spans.append((opening.start(), end))
        position = end


def _code_span_spans(text: str) -> list[tuple[int, int]]:
    """Inline code: a run of backticks up to the next run of the same length (CommonMark)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    consumed_until = -1
    for index, (start, end) in enumerate(runs):
        if start < consumed_until:
            continue
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            _closing_start, closing_end = runs[same[later]]
            spans.append((start, closing_end))
            consumed_until = closing_end
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline code spans, in order and not overlapping."""
    fences = _fenced_code_spans(text)
    chars = list(text)
    for start, end in fences:
        _blank(chars, start, end)
    return sorted([*fences, *_code_span_spans("".join(chars))])


def _email_spans(text: str) -> list[tuple[int, int]]:
    """What ``[A-Za-z0-9._%+-]+@domain`` would find, left to right, in linear time."""
    spans: list[tuple[int, int]] = []
    floor = 0
    at = text.find("@")
    while at != -1:
        start = at
        while start > floor and text[start - 1] in _EMAIL_LOCAL:
            start -= 1
        domain = _EMAIL_DOMAIN.match(text, at + 1) if start < at else None
        if domain is not None:
            spans.append((start, domain.end()))
            floor = domain.end()
            at = text.find("@", floor)
        else:
            at = text.find("@", at + 1)
    return spans


def _raw_block_spans(text: str) -> list[tuple[int, int]]:
    """``<script|style|pre|code ...>`` up to its closing tag (or the end), in linear time."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _RAW_BLOCK_OPEN.search(text, position)
        if opening is None:
            return spans
        tag_end = text.find(">", opening.end())
        if tag_end == -1:
            return spans  # no ">" left: no later opener can be a tag either
        closer = re.compile(r"</" + re.escape(opening.group(1)) + r"\s*>", re.IGNORECASE).search(text, tag_end + 1)
        if closer is None and opening.group(1).lower() not in _HIDES_TO_END:
            position = tag_end + 1  # the text after an unclosed <code> or <pre> is shown
            continue
        end = len(text) if closer is None else closer.end()
        spans.append((opening.start(), end))
        position = end


def _spans(found) -> list[tuple[int, int]]:
    return [item if isinstance(item, tuple) else (item.start(), item.end()) for item in found]


def _blank_all(chars: list[str], found) -> str:
    for start, end in _spans(found):
        _blank(chars, start, end)
    return "".join(chars)


def _escapes_and_entities(chars: list[str], masked: str) -> str:
    for match in _MD_ESCAPE.finditer(masked):
        start = match.start()
        _blank(chars, start, start + (2 if masked[start + 1] in _SYNTAX_ESCAPES else 1))
    for match in _ENTITY.finditer(masked):
        shown = html.unescape(match.group())
        if len(shown) == 1 and shown not in _NOT_DECODED and shown != match.group():
            chars[match.start()] = shown if not shown.isspace() else " "
            _blank(chars, match.start() + 1, match.end())
    return "".join(chars)


def mask_non_prose(text: str, *, keep_citations: bool = True, markup: str = "markdown") -> str:
    """Blank everything in Markdown that a patient does not read as prose.

    Blanked: YAML front matter, fenced and inline code, HTML comments, tags and attributes,
    script/style/pre/code blocks, autolinks, URLs, e-mail addresses, link targets and reference
    labels, real link definitions, footnote markers and attribute lists. ``markup`` says how the
    text reaches the page (see the module notes): for ``"yaml"`` nothing HTML-like is blanked
    (it is shown as text), for ``"plain"`` only URLs and addresses are. Citation markers are
    kept (the citation parser needs them); ``keep_citations=False`` blanks them too.
    """
    chars = list(text)
    if markup == "plain":
        return _blank_all(chars, [*_URL.finditer(text), *_email_spans(text)])
    html_shown = markup == "markdown"
    masked = _blank_all(chars, _fenced_code_spans(text))
    front = _FRONT_MATTER.match(text) if html_shown else None
    if front:
        _blank(chars, 0, front.end())
    masked = _blank_all(chars, _code_span_spans("".join(chars)))
    finders = (_HTML_COMMENT.finditer, _raw_block_spans, _AUTOLINK.finditer, _HTML_TAG.finditer) if html_shown else ()
    for finder in (*finders, _link_definitions, _URL.finditer, _email_spans):
        masked = _blank_all(chars, finder(masked))
    for pattern in (_LINK_TARGET, _REF_LINK):
        for match in pattern.finditer(masked):
            # keep "](" or "][" so the citation parser can tell a link from a citation
            _blank(chars, match.start() + 2, match.end())
        masked = "".join(chars)
    for pattern in (_FOOTNOTE_REF, _ATTR_LIST) if html_shown else (_FOOTNOTE_REF,):
        masked = _blank_all(chars, pattern.finditer(masked))
    masked = _escapes_and_entities(chars, masked)
    if not keep_citations:
        from .citations import blank_citation_markers  # local: citations imports this module

        masked = blank_citation_markers(masked)
    return masked


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Turns character offsets into 1-based (line, column) pairs in O(log n)."""

    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        starts.extend(match.end() for match in re.finditer("\n", text))
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1
