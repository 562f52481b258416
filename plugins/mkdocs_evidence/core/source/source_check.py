"""Check each statistic against what its source says: the same figure, about the same thing.

For a statistic and the references cited in its sentence:

1. find the source sentences (abstract, excerpt, ``figures`` items: :mod:`.source_text`) that
   state the same figure, with the honest rounding of :func:`.figures.matches_figure`;
2. none: the figure is not in the source (``absent``);
3. for each such sentence compare what is counted and about whom (:mod:`.context`): the unit
   or noun after the number, the words the source attaches to the figure (its *label*), the
   population, the time point, a total against a subgroup result. One sentence that agrees is
   enough; otherwise the closest one is reported as a mismatch, with the words that differ.

Everything here is deterministic; every verdict names the words it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.references import Reference
from .context import Comparison, compare
from .source_text import SourceSentence, has_source_text, source_sentences

__all__ = ["Candidate", "Verdict", "candidates", "verify"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source sentence holding the statistic's figure; ``span`` is the figure in it, when found."""

    sentence: SourceSentence
    span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the sources say about one statistic.

    ``state`` is ``no-source`` (no source text and no ``figures``), ``absent`` (no sentence has
    the figure), ``match`` or ``mismatch``; ``comparison`` is the agreeing sentence's or the
    closest disagreeing sentence's comparison; ``text_checked`` says the references carry their
    source's own words (not only the editor's ``figures``).
    """

    state: str
    comparison: Comparison | None = None
    text_checked: bool = False
    candidates: int = 0


def candidates(statistic: str, references: Sequence[Reference]) -> list[Candidate]:
    """Every source sentence of ``references`` that states ``statistic``'s figure."""
    from ..claims.figures import matches_figure

    found: list[Candidate] = []
    for reference in references:
        own_text = has_source_text(reference)  # then `figures` items are checked against it, not used
        for sentence in source_sentences(reference):
            if own_text and sentence.origin == "figures":
                continue
            spans = [
                (f.start, f.end)
                for f in sentence.figures
                if matches_figure(statistic, [f.text])
                and _same_time_unit(statistic, f.text)
                and _same_time_unit(statistic, sentence.text, strict=True)
            ]
            if spans:
                found.extend(Candidate(sentence, span) for span in spans)
            elif _same_time_unit(statistic, sentence.text, strict=True) and matches_figure(
                statistic, [sentence.reading or sentence.text]
            ):
                found.append(Candidate(sentence, _number_span(statistic, sentence.reading or sentence.text)))
    return found


def verify(statistic: str, claim: str, references: Sequence[Reference], *, before: str = "") -> Verdict:
    """Compare one statistic (its text and its claim sentence) with the cited references;
    ``before`` is the claim's previous sentence (see :func:`.context.compare`)."""
    text_checked = any(has_source_text(r) for r in references)
    if not text_checked and not any(r.figures for r in references):
        return Verdict("no-source")
    found = candidates(statistic, references)
    if not found:
        return Verdict("absent", text_checked=text_checked)
    comparisons = [compare(claim, statistic, c.sentence, c.span, _others(c, references), before) for c in found]
    agreeing = [c for c in comparisons if c.agrees]
    if agreeing:
        return Verdict("match", max(agreeing, key=lambda c: c.overlap), text_checked, len(found))
    return Verdict("mismatch", max(comparisons, key=lambda c: c.overlap), text_checked, len(found))


_NUMBER = re.compile(r"\d[\d,.]*(?:\s*%)?")


def _number_span(statistic: str, text: str) -> tuple[int, int] | None:
    """Where a number the finder did not read as a statistic stands ("sitting cross-legged
    (6 patients)"), so its own words can still be read; None when no single number agrees."""
    from ..claims.figures import matches_figure

    spans = [(m.start(), m.end()) for m in _NUMBER.finditer(text) if matches_figure(statistic, [m.group(0)])]
    return spans[0] if len(spans) == 1 else None


_TIME_UNIT = re.compile(r"\b(day|week|month|year|hour|minute)s?\b", re.IGNORECASE)


def _same_time_unit(statistic: str, figure: str, *, strict: bool = False) -> bool:
    """ "three months" is not "three years": durations agree only in the same unit. ``strict``
    (a whole sentence): a duration needs its unit somewhere in the sentence."""
    mine = _TIME_UNIT.search(statistic)
    if mine is None:
        return True
    units = {m.group(1).lower() for m in _TIME_UNIT.finditer(figure)}
    return mine.group(1).lower() in units if (units or strict) else True


def _others(candidate: Candidate, references: Sequence[Reference]) -> tuple[str, ...]:
    """The rest of the candidate's source (and its title): where a population may be named."""
    for reference in references:
        if reference.key == candidate.sentence.key:
            return (reference.title, *(s.text for s in source_sentences(reference)))
    return ()
