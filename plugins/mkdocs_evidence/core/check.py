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
from typing import TYPE_CHECKING

from . import ratings
from .bib.bibliography import Bibliography
from .findings import Finding, make_finding
from .ratings.scales import get_scale
from .text.citations import find_citations
from .text.excerpt import MAX_SENTENCE, sentence_excerpt
from .text.prose import LineIndex, mask_non_prose
from .text.sentences import split_sentences

if TYPE_CHECKING:
    from .attribution import Attribution


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

    def span(self, start: int, end: int) -> dict[str, int | str]:
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
    # The finders compile hundreds of patterns (0.1 s); imported on first use, so a build
    # whose pages all come from the cache never pays for them.
    from . import attribution, statistics
    from .claims import figures, natural_frequencies
    from .source import source_check
    from .source.context_report import context_finding

    options = options or CheckOptions()
    locate = _Locator(text, where, position)
    masked = mask_non_prose(text, markup=markup)
    # Narrative citations ("@key found ...") count only for keys the bibliography has: another
    # "@name" is not a citation (and stays as written on the page). Plain fields cannot cite.
    groups = [g for g in find_citations(masked) if not g.narrative or g.keys[0] in bibliography] if markup != "plain" else []
    markers = ratings.find_rating_markers(masked) if options.ratings and "{rating" in masked and markup != "plain" else []
    # Prose for the finders: citation and rating markers blanked (same length).
    chars = list(masked)
    for start, end in [(g.start, g.end) for g in groups] + [(m.start, m.end) for m in markers]:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "
    prose = "".join(chars)

    bounds = split_sentences(prose)
    starts = [start for start, _ in bounds]
    keys_by_sentence: dict[int, list[str]] = {}

    def owner(offset: int) -> int:
        """The sentence a marker supports. Markers are blanked before splitting, so one that
        follows its sentence ("... 23%. [@a]", or a rating marker after the paragraph it
        rates) lies in that sentence's trailing whitespace and belongs to it."""
        return _sentence_of(bounds, starts, offset)

    for group in groups:
        keys_by_sentence.setdefault(owner(group.start), []).extend(group.keys)
    for marker in markers:
        keys_by_sentence.setdefault(owner(marker.start), []).extend(getattr(marker, "citations", ()))

    cleaned: dict[int, str] = {}  # a sentence with many findings is cleaned once

    def sentence_text(offset: int) -> tuple[int, str]:
        """The sentence at ``offset``; a long one as a bounded excerpt around it (excerpt.py)."""
        number = _sentence_of(bounds, starts, offset)
        if number < 0:
            return number, ""
        start, end = bounds[number]
        if end - start > 2 * MAX_SENTENCE:
            return number, sentence_excerpt(text, start, end, offset)
        if number not in cleaned:
            cleaned[number] = _clean(text[start:end])
        whole = cleaned[number]
        return number, whole if len(whole) <= MAX_SENTENCE else sentence_excerpt(text, start, end, offset)

    findings: list[Finding] = []

    # 1. Citation markers: missing keys and empty markers are errors; the text stays visible.
    for group in groups:
        original = text[group.start : group.end]
        for part in group.malformed:
            findings.append(
                make_finding("malformed-citation", **locate.span(group.start, group.end), text=original, sentence=sentence_text(group.start)[1], message=f"citation '{original}' has no key ('{part}')")
            )
        for item in group.items:
            if item.key not in bibliography:
                findings.append(
                    make_finding(
                        "unknown-citation",
                        **locate.span(group.start, group.end),
                        text=original,
                        sentence=sentence_text(group.start)[1],
                        message=f"citation key '{item.key}' is not in the bibliography",
                        citations=(item.key,),
                    )
                )

    # 2. Statistics: cited in the same sentence, key known, figure recorded by a cited source.
    found_statistics = statistics.find_statistics(prose) if options.statistics else []
    for stat in found_statistics:
        number, sentence = sentence_text(stat.start)
        keys = tuple(dict.fromkeys(keys_by_sentence.get(number, ())))
        span = locate.span(stat.start, stat.end)
        if not keys:
            findings.append(
                make_finding("uncited-statistic", **span, text=stat.text, sentence=sentence, message=f"statistic '{stat.text}' has no citation in its sentence")
                if stat.certainty == "sure"
                else make_finding("uncertain-statistic", **span, text=stat.text, sentence=sentence, message=f"'{stat.text}' may be a statistic ({stat.reason}) and has no citation in its sentence")
            )
            continue
        known = [bibliography.references[k] for k in keys if k in bibliography]
        if not known:
            continue  # every key is unknown: already reported as unknown-citation
        if stat.certainty != "sure" or not figures.parse_quantities(stat.text):
            continue  # "most people", "the leading cause": no figure to compare, the citation is the check
        verdict = source_check.verify(stat.text, sentence, known, before=sentence_text(bounds[number - 1][0])[1] if number > 0 else "")
        if verdict.state == "no-source":
            findings.append(
                make_finding(
                    "source-records-no-figures",
                    **span,
                    text=stat.text,
                    sentence=sentence,
                    message=f"statistic '{stat.text}' cites {', '.join(r.key for r in known)}, which record no figures",
                    citations=keys,
                )
            )
        elif verdict.state == "absent":
            recorded_in = "source text or figures" if verdict.text_checked else "figures"
            findings.append(
                make_finding(
                    "figure-not-in-source",
                    **span,
                    text=stat.text,
                    sentence=sentence,
                    message=f"'{stat.text}' is not among the {recorded_in} recorded by {', '.join(r.key for r in known)}",
                    citations=keys,
                )
            )
        elif verdict.state == "mismatch":
            findings.append(context_finding(verdict.comparison, span, keys))

    # 2b. Overstatement: absolute words the cited sources hedge or the rating does not allow.
    if options.statistics and keys_by_sentence:
        findings.extend(_overstatements(prose, bounds, keys_by_sentence, markers, bibliography, locate, sentence_text))

    # 3. Appeals to research: vague ones need a citation in the sentence; named ones should.
    if options.attributions:
        for found in attribution.find_attributions(prose):
            number, sentence = sentence_text(found.start)
            if keys_by_sentence.get(number):
                continue
            findings.append(
                make_finding(found.kind, **locate.span(found.start, found.end), text=found.text, sentence=sentence, message=_attribution_message(found))
            )

    # 4. Ratings against the designs of their sources; unknown keys reported like citations.
    scale = get_scale(options.rating_scale)
    for marker in markers:
        span = locate.span(marker.start, marker.end)
        sentence = sentence_text(marker.start)[1]
        if isinstance(marker, ratings.MalformedRatingMarker):
            findings.append(ratings.malformed_marker_finding(marker, **span, sentence=sentence))
            continue
        for key in marker.citations:
            if key not in bibliography:
                findings.append(
                    make_finding("unknown-citation", **span, text=marker.raw, sentence=sentence, message=f"citation key '{key}' is not in the bibliography", citations=(key,))
                )
        rating = ratings.rating_from_marker(marker, **span, sentence=sentence)
        findings.extend(
            ratings.check_rating(rating, scale, bibliography.references, today=options.today, max_age_years=options.max_evidence_age_years)
        )

    # 5. Paragraphs dense with one-decimal percentages: offer natural frequencies (info).
    for dense in natural_frequencies.find_dense_decimals(prose) if options.statistics else ():
        span = locate.span(dense.start, dense.end)
        findings.append(make_finding("dense-decimals", **span, text=dense.text, sentence=sentence_text(dense.start)[1], message=dense.message))

    cited = tuple(dict.fromkeys(key for group in groups for key in group.keys))
    return TextCheck(tuple(findings), cited, len(found_statistics), tuple(markers))


def _overstatements(prose, bounds, keys_by_sentence, markers, bibliography, locate, sentence_text) -> list[Finding]:
    """``overstated-claim`` findings for the cited sentences of one text (see core/source/overstatement.py)."""
    from .source import overstatement

    starts = [start for start, _ in bounds]
    levels = {_sentence_of(bounds, starts, m.start): m.level for m in markers if isinstance(m, ratings.RatingMarker)}
    out = []
    for number, keys in keys_by_sentence.items():
        if number < 0:
            continue
        start, end = bounds[number]
        known = [bibliography.references[k] for k in dict.fromkeys(keys) if k in bibliography]
        found = overstatement.overstated(prose[start:end], known, levels.get(number))
        if found is None and number in levels:
            found = overstatement.rating_wording(prose[start:end], levels[number])
        if found is None:
            continue
        at, to = (start + found.start, start + found.end) if found.end else (start, end)
        out.append(
            make_finding(
                "overstated-claim", **locate.span(at, to), text=prose[at:to].strip() or found.word, sentence=sentence_text(start)[1],
                message=f"overstated: {found.reason}" + (f'. The source says: "{found.source}"' if found.source else ""),
                citations=tuple(dict.fromkeys(keys)), data={"source": found.source} if found.source else {},
            )
        )
    return out


def _attribution_message(found: Attribution) -> str:
    if found.kind == "vague-attribution":
        return f"'{found.text}' appeals to research without citing it"
    return f"'{found.text}' names a source but cites nothing"
