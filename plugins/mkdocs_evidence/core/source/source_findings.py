"""Project-level findings about sources: recorded figures the source text lacks, and rated
statements worded more certainly than their rating.

* ``figure-item-not-in-source``: an item of an entry's ``figures`` field states a number that
  the entry's own text (abstract, excerpt file) does not contain, read with the same number
  reader and honest rounding as the prose. Entries without source text are not checked: their
  ``figures`` field is the only record.
* ``overstated-claim`` on structured ratings: the benefit's statement against GRADE's wording
  for its level (see :mod:`.overstatement`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..bib.references import Reference
from ..findings import Finding, make_finding
from .overstatement import rating_wording
from .source_text import has_source_text, source_sentences

__all__ = ["figure_item_findings", "rating_wording_finding"]


def figure_item_findings(references: Iterable[Reference]) -> list[Finding]:
    """One warning per ``figures`` item whose numbers the entry's source text does not state."""
    from ..claims.figures import matches_figure, parse_quantities

    out: list[Finding] = []
    for reference in references:
        if not reference.figures or not has_source_text(reference):
            continue
        texts = [s.text for s in source_sentences(reference) if s.origin != "figures"]
        for item in reference.figures:
            if not parse_quantities(item) or _stated(item, texts, matches_figure):
                continue
            out.append(
                make_finding(
                    "figure-item-not-in-source",
                    path=reference.path,
                    line=max(reference.line, 1),
                    column=1,
                    end_line=max(reference.line, 1),
                    end_column=1,
                    text=item,
                    sentence="",
                    message=f"{reference.key}: figures item '{item}' is not stated in the entry's abstract or excerpt",
                    citations=(reference.key,),
                )
            )
    return out


def _stated(item: str, texts: list[str], matches) -> bool:
    """Whether every number of the item is in one sentence of the source (each read alone)."""
    from ..statistics import find_statistics

    pieces = [s.text for s in find_statistics(item)] or [item]
    return all(any(matches(piece, [text]) for text in texts) for piece in pieces)


def rating_wording_finding(
    statement: str, level: str, *, path: str, line: int, column: int, citations: tuple[str, ...]
) -> Finding | None:
    """``overstated-claim`` when a structured benefit's statement is worded above its rating."""
    found = rating_wording(statement, level)
    if found is None:
        return None
    sentence = " ".join(statement.split())
    return make_finding(
        "overstated-claim",
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(level),
        text=found.word or level,
        sentence=sentence,
        message=f"overstated: {found.reason}",
        citations=citations,
    )
