"""Project-level findings about sources: recorded figures the source text lacks, and rated
statements worded more certainly than their rating.

* ``figure-item-not-in-source``: an item of an entry's ``figures`` field states a number that
  the entry's own text (abstract, excerpt file) does not contain, read with the same number
  reader and honest rounding as the prose. Entries without source text are not checked: their
  ``figures`` field is the only record.
* ``overstated-claim`` on structured ratings: the benefit's statement against GRADE's wording
  for its level (see :mod:`.overstatement`).
* ``figure-context-mismatch`` for the numbers of a cited sentence that the statistics finder
  does not read as statistics (:mod:`.cited_numbers`): only a mismatch is reported, since
  whether such a number needs a source at all is the finder's call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..bib.references import Reference
from ..findings import Finding, make_finding
from .overstatement import rating_wording
from .source_text import has_source_text, source_sentences

__all__ = ["figure_item_findings", "rating_wording_finding", "unread_number_findings"]


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


def unread_number_findings(
    prose: str,
    bounds: Sequence[tuple[int, int]],
    keys_by_sentence: Mapping[int, Sequence[str]],
    statistics: Sequence,
    references: Mapping[str, Reference],
    span: Callable[[int, int], Mapping[str, Any]],
    sentence_text: Callable[[int], tuple[int, str]],
) -> list[Finding]:
    """``figure-context-mismatch`` for each number of a cited sentence, outside the statistics
    the build compares itself (sure ones with a figure), that its source states about
    something else. ``span`` and ``sentence_text`` are the check's own locators."""
    from ..claims.quantities import parse_quantities
    from .cited_numbers import unread_numbers
    from .context_report import context_finding
    from .source_check import verify

    checked = [(s.start, s.end) for s in statistics if s.certainty == "sure" and parse_quantities(s.text)]
    out: list[Finding] = []
    for number, keys in sorted(keys_by_sentence.items()):
        known = [references[k] for k in dict.fromkeys(keys) if k in references]
        if number < 0 or number >= len(bounds) or not known:
            continue
        start, end = bounds[number]
        read = [(a - start, b - start) for a, b in checked if start <= a < end]
        before = sentence_text(bounds[number - 1][0])[1] if number > 0 else ""
        for found in unread_numbers(prose[start:end], read):
            text = " ".join(found.text.split())
            sentence = sentence_text(start + found.start)[1]
            verdict = verify(text, sentence, known, before=before)
            if verdict.state == "mismatch" and verdict.comparison is not None:
                where = dict(span(start + found.start, start + found.end))
                out.append(context_finding(verdict.comparison, where, tuple(dict.fromkeys(keys))))
    return out
