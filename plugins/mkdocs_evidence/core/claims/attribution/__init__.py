"""Find appeals to research or to named sources that readers cannot check without a citation.

Two kinds:

* ``vague-attribution``: unnamed research as the authority ("studies show", "a 2019 study
  found", "experts say", "it has been shown", "according to recent studies", "recent
  research");
* ``named-but-uncited``: a named organisation or author as the authority ("the World Health
  Organization reports", "according to the NHS", "NICE guidance says", "a Cochrane review
  found", "Smith et al. reported").

The finder only locates phrases; whether the sentence cites something is decided by the
caller per sentence. It is deliberately narrow to keep false alarms low:

* statements about unknowns are not appeals: "further studies are needed", "more research",
  "future trials", "no studies", "little evidence";
* definite references point back to something already named: "this study", "the study",
  "these trials", "our review", "the evidence" are not flagged;
* a singular study needs an indefinite determiner ("a study", "one trial", "another
  review"); plural and mass nouns need a reporting verb ("studies show"), "according to",
  or a recency/quantity modifier that makes the phrase an appeal on its own ("recent
  research", "some research", "emerging evidence");
* "doctors" and "your doctor" describe care, not research, and are not flagged.

Look-ups are anchored at a small set of head nouns and walk back at most a few words, so the
cost is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .named import named_spans
from .references import in_reference_entry
from .vague import HEAD_RE, fixed_vague, named_near, vague_at

__all__ = ["NAMED", "VAGUE", "Attribution", "find_attributions"]

_PEOPLE = frozenset(("researchers", "scientists", "experts", "researcher", "scientist", "investigators"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution phrase; ``kind`` is ``vague-attribution`` or ``named-but-uncited``."""

    start: int
    end: int
    kind: str
    text: str


VAGUE = "vague-attribution"
NAMED = "named-but-uncited"


def find_attributions(text: str) -> list[Attribution]:
    """All attribution phrases in ``text``, in order, without overlaps (named wins)."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int, str]] = []
    for start, end in named_spans(text):
        spans.append((start, end, NAMED))
    for start, end in fixed_vague(text):
        spans.append((start, end, VAGUE))
    for head in HEAD_RE.finditer(text):
        span = vague_at(text, head)
        named = named_near(text, head.end()) if span is not None or head.group(0).lower() in _PEOPLE else 0
        if span is not None:
            kind = NAMED if named or span[2] else VAGUE
            spans.append((span[0], max(span[1], named or 0), kind))
        elif named and head.group(0).lower() in _PEOPLE:
            spans.append((head.start(), named, NAMED))  # "researchers at the University of X"
    spans.sort(key=lambda s: (s[0], s[2] != NAMED, -(s[1] - s[0])))
    found: list[list] = []  # [start, end, kind]; the text is cut once at the end (linear time)
    for start, end, kind in spans:
        last = found[-1] if found else None
        if last is not None and start < last[1]:
            if kind == NAMED and last[2] == VAGUE:
                found[-1] = [min(start, last[0]), max(end, last[1]), NAMED]
            continue
        if kind == VAGUE and last is not None and _same_clause(text, last[1], start):
            if last[2] == NAMED:
                continue  # "According to the NYT, researchers found": the named source is the authority
            if start - last[1] <= _MERGE_REACH and end - last[0] <= _MERGE_MAX:
                last[1] = end  # "In one study, researchers found": one appeal
                continue
        found.append([start, end, kind])
    return [
        Attribution(start, end, kind, text[start:end])
        for start, end, kind in found
        if not in_reference_entry(text, start)  # a reference list's entries are data
    ]


_CLAUSE_REACH = 80
_MERGE_REACH = 30  # two appeals this close are one finding ...
_MERGE_MAX = 160  # ... unless that makes a long one
_CLAUSE_BREAK = re.compile("[.!?;\\n]")


def _same_clause(text: str, end: int, start: int) -> bool:
    """Whether a named source that ends at ``end`` governs an appeal at ``start``: close
    behind it in the same sentence."""
    return start - end <= _CLAUSE_REACH and _CLAUSE_BREAK.search(text, end, start) is None
