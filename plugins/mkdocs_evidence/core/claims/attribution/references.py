"""Lines that are bibliographic entries ("Smith J, Roe A. Title. J Foot Care. 2019;12(3):45-9."):
names and "found" in a reference list are data, not appeals or sources of a claim."""

from __future__ import annotations

import re

__all__ = ["in_reference_entry"]

_YEAR = re.compile("\\b(?:19|20)\\d\\d[a-z]?\\b|\\(n\\.d\\.\\)")
# Marks of a bibliographic entry: volume(issue):pages, "2016;375:794", a DOI, PMID or ISBN,
# "Retrieved from", or a line that opens with an author list ("Messier, S. P., Legault, C.").
_ENTRY = re.compile(
    "\\b\\d{1,4}\\s*\\(\\d{1,4}\\)\\s*[:,]\\s*[eE]?\\d"
    "|\\b(?:19|20)\\d\\d(?:\\s+[A-Z][a-z]{2}(?:\\s+\\d{1,2})?)?\\s*;\\s*\\d{1,4}\\s*[(:]"
    "|\\b(?i:doi)\\b|doi\\.org/|\\bPMID\\b|\\bISBN\\b|\\b[Rr]etrieved\\s+(?:from|\\d)|\\b[Aa]ccessed\\s+(?:on\\s+)?\\d"
    "|^[ \\t]*(?:\\d{1,3}[.)][ \\t]+)?[A-Z][A-Za-z'\u2019-]+,?[ \\t]+(?:[A-Z]\\.?[ \\t]?){1,3}[,.;]"
    "[ \\t]*(?:[A-Z][A-Za-z'\u2019-]+,?[ \\t]+(?:[A-Z]\\.?[ \\t]?){1,3}[,.;&]|et al|&|and\\b)",
    re.MULTILINE,
)


def in_reference_entry(text: str, start: int) -> bool:
    """Whether the line holding ``start`` reads as a bibliographic entry."""
    reach = 600  # a longer line is a paragraph of prose, whatever it cites (and the look stays short)
    back = text.rfind("\n", max(0, start - reach), start)
    if back < 0 and start > reach:
        return False
    ahead = text.find("\n", start, start + reach)
    if ahead < 0 and len(text) > start + reach:
        return False
    line = text[back + 1 : ahead if ahead >= 0 else len(text)]
    if len(line) > reach:
        return False
    return bool(_ENTRY.search(line)) and (bool(_YEAR.search(line)) or "doi" in line.lower())
