"""The claim-checking pipeline: one Markdown text in, located findings out.

Order of work: mask what is not prose; find citation markers (and report missing keys); find
rating markers; blank both so their digits are never read as statistics; find statistics and
appeals to research; split into sentences (list items and table rows count as sentences); link
each statistic to the citations of its own sentence; verify the figure against the cited
entries' ``figures``; check each rating against the designs of its sources.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, TypedDict

from . import ratings
from .bib.bibliography import Bibliography
from .findings import Finding, make_finding
from .ratings.scales import get_scale
from .text.citations import find_citations
from .text.excerpt import MAX_SENTENCE, sentence_excerpt
from .text.prose import LineIndex, mask_non_prose
from .text.sentences import split_sentences

__all__ = [
    "CheckOptions",
    "Located",
    "TextCheck",
    "check_text",
]

if TYPE_CHECKING:
    from .attribution import Attribution
    from .statistics import Statistic


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What to check; the plugin and the CLI build this from their configuration."""

    statistics: bool = True
    attributions: bool = True
    ratings: bool = True
    rating_scale: str = "grade"
    max_evidence_age_years: int = 10
    today: date = field(default_factory=date.today)  # checks read only its year: see cache_key

    @property
    def cache_key(self) -> CheckOptions:
        """These options as the key of cached checks: the only use of ``today`` in a check is
        the age of evidence in years, so a cache stays valid all year instead of a day."""
        return replace(self, today=date(self.today.year, 1, 1))


@dataclass(frozen=True, slots=True)
class Located:
    """Where a text sits in its file: the file, and the line and column of its first character.

    Texts taken from YAML block scalars are indented; ``column`` is applied to every line, which
    is exact for block scalars and close for folded plain scalars.
    """

    path: str
    line: int = 1
    column: int = 1
    field: str = ""


@dataclass(frozen=True, slots=True)
class TextCheck:
    """Findings for one text, plus what the report wants to show beside them."""

    findings: tuple[Finding, ...]
    cited_keys: tuple[str, ...]
    statistics: int
    ratings: tuple = ()


class Span(TypedDict):
    """Where a finding sits in its file, as ``make_finding`` takes it (1-based, end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


class _Locator:
    """Offsets in a text -> positions in its file.

    ``position`` maps an offset to a 1-based (line, column) in the file; by default the text is
    the whole file (or starts at ``where.line``/``where.column``). Content fields pass their own
    mapping, which knows how YAML folded and indented the text.
    """

    def __init__(self, text: str, where: Located, position: Callable[[int], tuple[int, int]] | None = None) -> None:
        self.where = where
        if position is None:
            index = LineIndex.of(text)

            def position(offset: int) -> tuple[int, int]:
                line, column = index.position(offset)
                return line + where.line - 1, column + where.column - 1

        self.position = position

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        return {"path": self.where.path, "line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _sentence_of(bounds: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> int:
    index = bisect.bisect_right(starts, offset) - 1
    return max(index, 0) if bounds else -1


def _clean(text: str) -> str:
    return " ".join(text.split())


def check_text(
    text: str,
    where: Located,
    bibliography: Bibliography,
    options: CheckOptions | None = None,
    *,
    position: Callable[[int], tuple[int, int]] | None = None,
    markup: str = "markdown",
) -> TextCheck:
    """Check one Markdown text; never raises on any input. ``markup`` is how the text reaches
    the page (``core/text/prose.py``): a page's Markdown, YAML prose, or a plain YAML value (shown
    as written, so it cannot cite: any statistic in it is uncited)."""
    options = options or CheckOptions()
    run = _TextRun(text, where, bibliography, options, position, markup)
    findings = run.citation_findings()
    found_statistics, statistic_findings = run.statistic_findings()
    findings += statistic_findings
    if options.statistics and run.keys_by_sentence:  # a cited sentence's other numbers against its sources
        from .source.source_findings import unread_number_findings
        findings += unread_number_findings(run.prose, run.bounds, run.keys_by_sentence, run.statistics, run.bibliography.references, run.locate.span, run.sentence_text)
    if options.statistics and run.keys_by_sentence:
        findings += _overstatements(run)
    if options.attributions:
        findings += run.attribution_findings()
    findings += run.rating_findings()
    if options.statistics:
        findings += run.dense_decimal_findings()
    cited = tuple(dict.fromkeys(key for group in run.groups for key in group.keys))
    return TextCheck(tuple(findings), cited, found_statistics, tuple(run.markers))


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span blanked (same length, newlines kept)."""
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


class _TextRun:
    """One text being checked: its prose, sentences, the citations of each sentence, and one
    method per kind of check, in the order the findings are reported."""

    def __init__(
        self,
        text: str,
        where: Located,
        bibliography: Bibliography,
        options: CheckOptions,
        position: Callable[[int], tuple[int, int]] | None,
        markup: str,
    ) -> None:
        self.text, self.bibliography, self.options = text, bibliography, options
        self.locate = _Locator(text, where, position)
        masked = mask_non_prose(text, markup=markup)
        # Narrative citations ("@key found ...") count only for keys the bibliography has: another
        # "@name" is not a citation (and stays as written on the page). Plain fields cannot cite.
        self.groups = (
            [g for g in find_citations(masked) if not g.narrative or g.keys[0] in bibliography] if markup != "plain" else []
        )
        self.markers = (
            ratings.find_rating_markers(masked) if options.ratings and "{rating" in masked and markup != "plain" else []
        )
        # Prose for the finders: citation and rating markers blanked (same length).
        self.prose = _blank(masked, [(g.start, g.end) for g in self.groups] + [(m.start, m.end) for m in self.markers])
        self.bounds = split_sentences(self.prose)
        self.starts = [start for start, _ in self.bounds]
        self.keys_by_sentence: dict[int, list[str]] = {}
        # The sentence a marker supports. Markers are blanked before splitting, so one that
        # follows its sentence ("... 23%. [@a]", or a rating marker after the paragraph it
        # rates) lies in that sentence's trailing whitespace and belongs to it.
        for group in self.groups:
            self.keys_by_sentence.setdefault(self.sentence_number(group.start), []).extend(group.keys)
        for marker in self.markers:
            cited = marker.citations if isinstance(marker, ratings.RatingMarker) else ()
            self.keys_by_sentence.setdefault(self.sentence_number(marker.start), []).extend(cited)
        self._cleaned: dict[int, str] = {}  # a sentence with many findings is cleaned once

    def sentence_number(self, offset: int) -> int:
        return _sentence_of(self.bounds, self.starts, offset)

    def sentence_text(self, offset: int) -> tuple[int, str]:
        """The sentence at ``offset``; a long one as a bounded excerpt around it (excerpt.py)."""
        number = self.sentence_number(offset)
        if number < 0:
            return number, ""
        start, end = self.bounds[number]
        if end - start > 2 * MAX_SENTENCE:
            return number, sentence_excerpt(self.text, start, end, offset)
        if number not in self._cleaned:
            self._cleaned[number] = _clean(self.text[start:end])
        whole = self._cleaned[number]
        return number, whole if len(whole) <= MAX_SENTENCE else sentence_excerpt(self.text, start, end, offset)

    def citation_findings(self) -> list[Finding]:
        """Citation markers: missing keys and empty markers are errors; the text stays visible."""
        findings = []
        for group in self.groups:
            unknown = [item.key for item in group.items if item.key not in self.bibliography]
            if not group.malformed and not unknown:
                continue
            original = self.text[group.start : group.end]
            span = self.locate.span(group.start, group.end)
            sentence = self.sentence_text(group.start)[1]
            for part in group.malformed:
                findings.append(
                    make_finding("malformed-citation", **span, text=original, sentence=sentence, message=f"citation '{original}' has no key ('{part}')")
                )
            for key in unknown:
                findings.append(
                    make_finding(
                        "unknown-citation",
                        **span,
                        text=original,
                        sentence=sentence,
                        message=f"citation key '{key}' is not in the bibliography",
                        citations=(key,),
                    )
                )
        return findings

    def statistic_findings(self) -> tuple[int, list[Finding]]:
        """Statistics: cited in the same sentence, key known, figure recorded by a cited source.
        Returns how many statistics were found, and the findings."""
        # The finders compile hundreds of patterns (0.1 s); imported on first use, so a build
        # whose pages all come from the cache never pays for them.
        from . import statistics

        found = statistics.find_statistics(self.prose) if self.options.statistics else []
        self.statistics = found  # for the unread numbers of cited sentences (source/source_findings.py)
        findings: list[Finding] = []
        for stat in found:
            number, sentence = self.sentence_text(stat.start)
            keys = tuple(dict.fromkeys(self.keys_by_sentence.get(number, ())))
            span = self.locate.span(stat.start, stat.end)
            if not keys:
                findings.append(
                    make_finding("uncited-statistic", **span, text=stat.text, sentence=sentence, message=f"statistic '{stat.text}' has no citation in its sentence")
                    if stat.certainty == "sure"
                    else make_finding("uncertain-statistic", **span, text=stat.text, sentence=sentence, message=f"'{stat.text}' may be a statistic ({stat.reason}) and has no citation in its sentence")
                )
                continue
            finding = self._source_finding(stat, number, sentence, keys, span)
            if finding is not None:
                findings.append(finding)
        return len(found), findings

    def _source_finding(self, stat: Statistic, number: int, sentence: str, keys: tuple[str, ...], span: Span) -> Finding | None:
        """A cited statistic against what its known sources record."""
        from .claims import quantities
        from .source import source_check
        from .source.context_report import context_finding

        known = [self.bibliography.references[k] for k in keys if k in self.bibliography]
        if not known:
            return None  # every key is unknown: already reported as unknown-citation
        if not quantities.parse_quantities(stat.text):
            return None  # "most people", "the leading cause": no figure to compare, the citation is the check
        # An uncertain statistic with a figure ("241 who did not") is compared too: its sentence
        # cites a source, so the source should hold the figure whatever kind of number it is.
        before = self.sentence_text(self.bounds[number - 1][0])[1] if number > 0 else ""
        verdict = source_check.verify(stat.text, sentence, known, before=before)
        sources = ", ".join(r.key for r in known)
        if verdict.state == "no-source":
            message = f"statistic '{stat.text}' cites {sources}, which record no figures"
            return make_finding("source-records-no-figures", **span, text=stat.text, sentence=sentence, message=message, citations=keys)
        if verdict.state == "absent":
            recorded_in = "source text or figures" if verdict.text_checked else "figures"
            message = f"'{stat.text}' is not among the {recorded_in} recorded by {sources}"
            return make_finding("figure-not-in-source", **span, text=stat.text, sentence=sentence, message=message, citations=keys)
        if verdict.state == "mismatch" and verdict.comparison is not None:
            return context_finding(verdict.comparison, dict(span), keys)
        return None

    def attribution_findings(self) -> list[Finding]:
        """Appeals to research: vague ones need a citation in the sentence; named ones should."""
        from . import attribution

        findings = []
        for found in attribution.find_attributions(self.prose):
            number, sentence = self.sentence_text(found.start)
            if self.keys_by_sentence.get(number):
                continue
            span = self.locate.span(found.start, found.end)
            findings.append(make_finding(found.kind, **span, text=found.text, sentence=sentence, message=_attribution_message(found)))
        return findings

    def rating_findings(self) -> list[Finding]:
        """Ratings against the designs of their sources; unknown keys reported like citations."""
        scale = get_scale(self.options.rating_scale)
        findings: list[Finding] = []
        for marker in self.markers:
            span = self.locate.span(marker.start, marker.end)
            sentence = self.sentence_text(marker.start)[1]
            if isinstance(marker, ratings.MalformedRatingMarker):
                findings.append(ratings.malformed_marker_finding(marker, **span, sentence=sentence))
                continue
            for key in marker.citations:
                if key not in self.bibliography:
                    message = f"citation key '{key}' is not in the bibliography"
                    findings.append(make_finding("unknown-citation", **span, text=marker.raw, sentence=sentence, message=message, citations=(key,)))
            rating = ratings.rating_from_marker(marker, **span, sentence=sentence)
            findings.extend(
                ratings.check_rating(
                    rating, scale, self.bibliography.references,
                    today=self.options.today, max_age_years=self.options.max_evidence_age_years,
                )
            )
        return findings

    def dense_decimal_findings(self) -> list[Finding]:
        """Paragraphs dense with one-decimal percentages: offer natural frequencies (info)."""
        from .claims import natural_frequencies

        findings = []
        for dense in natural_frequencies.find_dense_decimals(self.prose):
            span = self.locate.span(dense.start, dense.end)
            findings.append(make_finding("dense-decimals", **span, text=dense.text, sentence=self.sentence_text(dense.start)[1], message=dense.message))
        return findings


def _overstatements(run: _TextRun) -> list[Finding]:
    """``overstated-claim`` findings for the cited sentences of one text (see core/source/overstatement.py)."""
    from .source import overstatement

    prose, bounds = run.prose, run.bounds
    levels = {run.sentence_number(m.start): m.level for m in run.markers if isinstance(m, ratings.RatingMarker)}
    out = []
    for number, keys in run.keys_by_sentence.items():
        if number < 0:
            continue
        start, end = bounds[number]
        known = [run.bibliography.references[k] for k in dict.fromkeys(keys) if k in run.bibliography]
        found = overstatement.overstated(prose[start:end], known, levels.get(number))
        if found is None and number in levels:
            found = overstatement.rating_wording(prose[start:end], levels[number])
        if found is None:
            continue
        at, to = (start + found.start, start + found.end) if found.end else (start, end)
        out.append(
            make_finding(
                "overstated-claim", **run.locate.span(at, to), text=prose[at:to].strip() or found.word,
                sentence=run.sentence_text(start)[1],
                message=f"overstated: {found.reason}" + (f'. The source says: "{found.source}"' if found.source else ""),
                citations=tuple(dict.fromkeys(keys)), data={"source": found.source} if found.source else {},
            )
        )
    return out


def _attribution_message(found: Attribution) -> str:
    if found.kind == "vague-attribution":
        return f"'{found.text}' appeals to research without citing it"
    return f"'{found.text}' names a source but cites nothing"
