"""Typed findings: the one record every check produces and every output consumes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import Enum

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "make_finding",
    "sort_findings",
]


class Severity(str, Enum):
    """How serious a finding is; ``error`` fails a strict build and exits 1 in the CLI."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Rule:
    """What a kind of finding means to an editor, and how to fix it."""

    kind: str
    severity: Severity
    title: str
    explanation: str
    fix: str


# The registry of finding kinds. Every check names one of these; the report, the SARIF
# output and the documentation read their wording from here, so it is written once.
RULES: dict[str, Rule] = {
    rule.kind: rule
    for rule in (
        Rule(
            "uncited-statistic",
            Severity.ERROR,
            "Statistic with no citation",
            "A figure in the text has no citation in the same sentence, list item or table row.",
            "Cite the source that records this figure in the same sentence, e.g. [@key], or remove the figure.",
        ),
        Rule(
            "uncertain-statistic",
            Severity.WARNING,
            "Possible statistic with no citation",
            "A number or quantity word that is probably a finding (a proportion in words such as 'most"
            " people', an age group, a ranking, a rate, a decimal of an unknown kind) has no citation in"
            " the same sentence; the message says why it was flagged.",
            "Cite the source of the figure in the same sentence, e.g. [@key]; if it is not a finding (a"
            " schedule, a product detail, advice), reword it or waive the finding with a reason.",
        ),
        Rule(
            "unknown-citation",
            Severity.ERROR,
            "Citation key not in the bibliography",
            "The text cites a key that no .bib file defines.",
            "Fix the spelling of the key or add the reference to a .bib file under citations/.",
        ),
        Rule(
            "figure-not-in-source",
            Severity.ERROR,
            "Figure not recorded by the cited source",
            "None of the references cited in this sentence records this figure in its `figures` field.",
            "Check the figure against the source and correct it. Record it in the entry's `figures` field "
            "only if the source really reports it (same people, outcome and time point).",
        ),
        Rule(
            "figure-context-mismatch",
            Severity.WARNING,
            "Figure is in the source but about something else",
            "The cited source states this figure, but in its sentence the figure counts another thing, other "
            "people, another outcome or time point, or a total where the claim states a subgroup result.",
            "Reword the claim to say what the source's figure counts (the message quotes the source), or cite "
            "the figure the claim means.",
        ),
        Rule(
            "overstated-claim",
            Severity.WARNING,
            "Claim more certain than its source or rating",
            "The claim says 'all', 'every', 'always', 'proven', 'cures', 'guaranteed' or 'no risk' where its source "
            "hedges ('most', 'some', 'may') or its rating is below high; or a rated statement's wording is more "
            "certain than its rating (GRADE: high 'does', moderate 'probably', low 'may', very low 'we are very uncertain').",
            "Use the source's own hedge, or the wording that goes with the rating.",
        ),
        Rule(
            "figure-item-not-in-source",
            Severity.WARNING,
            "Recorded figure not found in the source text",
            "An item of the entry's `figures` field states a number that the entry's abstract or excerpt file does not contain.",
            "Correct the item to the figure the source states, or add the passage that states it to citations/sources/KEY.md.",
        ),
        Rule(
            "source-records-no-figures",
            Severity.WARNING,
            "Cited source records no figures",
            "A statistic cites a reference whose entry has no `figures` field, so the figure cannot be checked.",
            "Add a `figures = {...}` field to the entry with the figures the source reports.",
        ),
        Rule(
            "vague-attribution",
            Severity.ERROR,
            "Appeal to unnamed research",
            "The sentence appeals to research ('studies show') without citing it.",
            "Cite the studies meant, or rewrite the sentence without the appeal.",
        ),
        Rule(
            "named-but-uncited",
            Severity.WARNING,
            "Named source without a citation",
            "The sentence names an organisation or source as saying something but cites nothing.",
            "Add a citation for the named source.",
        ),
        Rule(
            "malformed-citation",
            Severity.ERROR,
            "Citation that cannot be read",
            "A citation marker such as [@] has no key.",
            "Write the citation as [@key] with a key from the bibliography.",
        ),
        Rule(
            "bibliography-error",
            Severity.ERROR,
            "Bibliography file cannot be read",
            "A .bib file has a syntax error, a duplicate key or cannot be decoded.",
            "Fix the .bib file at the line given.",
        ),
        Rule(
            "bibliography-file-not-read",
            Severity.WARNING,
            "File in the bibliography folder is not read",
            "Only BibTeX (.bib) and CSL-JSON (.json) files are read as references; this file is skipped, so none of its references can be cited.",
            "Export the references as BibTeX (.bib), or move the file out of the bibliography folder.",
        ),
        Rule(
            "missing-design",
            Severity.WARNING,
            "Cited source has no study design",
            "A reference cited by a rating has no `design` field, or one outside the controlled list.",
            "Add `design = {rct}` (or another design from the controlled list) to the entry.",
        ),
        Rule(
            "rating-above-evidence",
            Severity.ERROR,
            "Rating higher than the evidence supports",
            "The evidence rating is above the ceiling computed from the designs of the cited studies.",
            "Lower the rating, cite stronger evidence, or declare an allowed upgrade with its reason.",
        ),
        Rule(
            "rating-single-study",
            Severity.WARNING,
            "High rating resting on one study",
            "A rating at the top of the scale cites only one study.",
            "Cite the body of evidence or lower the rating.",
        ),
        Rule(
            "dense-decimals",
            Severity.INFO,
            "Many figures with decimals in one paragraph",
            "Several percentages with a decimal point in one paragraph read like a results section. "
            "Readers understand whole numbers and natural frequencies (\"about 4 in 10 people\") better.",
            "Round the figures, or give them as natural frequencies as the message suggests, keeping the "
            "source's exact figures in the bibliography entry; a table suits figures to compare.",
        ),
        Rule(
            "rating-lowered-without-reason",
            Severity.INFO,
            "Rating below what the studies allow, with no reason given",
            "The kinds of study cited would allow a higher rating, but the outcome does not say what "
            "lowered it. GRADE names five reasons: risk of bias, inconsistency, indirectness, "
            "imprecision and publication bias. Readers see them as \"Why not higher\".",
            "Add rated_down to the outcome, for example rated_down: [{reason: imprecision, why: "
            "\"The studies were small.\"}], or raise the rating if nothing lowers it.",
        ),
        Rule(
            "rating-old-evidence",
            Severity.WARNING,
            "All sources for a rating are old",
            "Every source cited for this rating is older than the configured number of years.",
            "Look for newer evidence and update the sources, or record why none exists.",
        ),
        Rule(
            "invalid-rating",
            Severity.ERROR,
            "Rating that cannot be read",
            "A rating names a level that is not on the configured scale, or an upgrade that is not allowed.",
            "Use a level of the configured scale; upgrades need a declared reason and are at most two steps.",
        ),
        Rule(
            "unreadable-file",
            Severity.ERROR,
            "File cannot be read",
            "A page is not valid UTF-8 or cannot be opened, so nothing in it could be checked.",
            "Save the file as UTF-8 (most editors have an encoding option) and build again.",
        ),
        Rule(
            "content-error",
            Severity.ERROR,
            "Structured content is invalid",
            "A YAML content file does not match the condition-guide schema.",
            "Fix the field named in the message at the line given.",
        ),
        Rule(
            "review-overdue",
            Severity.WARNING,
            "Page overdue for review",
            "The page's next-review-due date has passed.",
            "Review the page and update last_reviewed and next_review_due in its content.",
        ),
        Rule(
            "review-missing",
            Severity.WARNING,
            "Page has no review dates",
            "A guide page has no last-reviewed and next-review-due dates.",
            "Add review dates to the page's content or front matter.",
        ),
        Rule(
            "placeholder-text",
            Severity.WARNING,
            "Placeholder text from the scaffold",
            "The text still says \"Replace this with...\": it came from `new-guide` or `init` and would be published as it is. "
            "It is an error with --production.",
            "Write the real text in its place, or delete the field if it is optional.",
        ),
        Rule(
            "third-party-asset",
            Severity.ERROR,
            "Font or file loaded from another website",
            "The configuration makes every page load a font, stylesheet, script or picture from another website, "
            "which learns who reads which health page. The site otherwise makes no third-party request.",
            "Remove the setting, or put the file in docs/ and give its path (for fonts: `theme: font: false`).",
        ),
        Rule(
            "waiver-unmatched",
            Severity.WARNING,
            "Waiver matches no finding",
            "A waiver in the waivers file no longer matches any finding; the claim changed or was removed.",
            "Remove the waiver or update its text to the current claim.",
        ),
        Rule(
            "waiver-too-long",
            Severity.WARNING,
            "Waiver lasts more than 12 months",
            "A waiver should be looked at again within a year: the evidence, the page or the reason may have changed.",
            "Set 'expires' no more than 12 months after 'created' (or after today, without 'created'); renew it when it runs out.",
        ),
        Rule(
            "waiver-expired",
            Severity.INFO,
            "Waiver has expired",
            "A waiver's expiry date has passed, so the finding it covered counts again.",
            "Review the claim again and renew the waiver with a new expiry date, or fix the claim.",
        ),
        Rule(
            "reading-level",
            Severity.INFO,
            "Reading level above target",
            "The page's Flesch-Kincaid grade is above the configured target for patient pages.",
            "Use shorter sentences and everyday words.",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged claim or problem, located in its source file.

    Lines and columns are 1-based; columns count characters; ``end_column`` is exclusive.
    ``path`` is relative to the project (the folder holding ``mkdocs.yml``) where possible.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: str
    severity: Severity
    text: str
    sentence: str
    message: str
    citations: tuple[str, ...] = ()
    waived_by: str | None = None
    data: dict = field(default_factory=dict, compare=False, hash=False)
    # where ``text`` sits in ``sentence`` ((-1, -1): not in it), found once, when the finding is
    # made (``replace`` makes it again): the report shows thousands of findings without a search
    span: tuple[int, int] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", sentence_span(self.sentence, self.text))

    @property
    def rule(self) -> Rule:
        return RULES[self.kind]

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @property
    def counts(self) -> bool:
        """Whether the finding still counts (it is not waived)."""
        return self.waived_by is None

    def waive(self, waiver_id: str) -> Finding:
        return replace(self, waived_by=waiver_id)

    def to_dict(self) -> dict:
        if any(not _is_plain(value) for value in self.data.values()):
            record = asdict(self)  # records inside ``data`` become dicts, as they always did
            del record["span"]
        else:  # the common case, without asdict's deep copy (the report's JSON holds thousands)
            record = {name: getattr(self, name) for name in _FIELDS}
            record["data"] = dict(self.data)
        record["severity"] = self.severity.value
        record["citations"] = list(self.citations)
        return record


_FIELDS = ("path", "line", "column", "end_line", "end_column", "kind", "severity", "text", "sentence", "message",
           "citations", "waived_by")


def _is_plain(value: object) -> bool:
    """A value ``asdict`` would copy as it is: text, numbers, None, and lists or tuples of them."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    return isinstance(value, (list, tuple)) and type(value) in (list, tuple) and all(
        item is None or type(item) in (str, int, float, bool) for item in value
    )


def sentence_span(sentence: str, text: str) -> tuple[int, int]:
    """``(start, end)`` of the first occurrence of ``text`` in ``sentence`` (case-insensitive if
    not verbatim), or ``(-1, -1)``. A plain search first: a regex per finding is compiled once
    per finding (the pattern cache holds 512), which a report of thousands of findings felt."""
    if not sentence or not text:
        return (-1, -1)
    start = sentence.find(text)
    if start >= 0:
        return (start, start + len(text))
    import re

    match = re.search(re.escape(text), sentence, re.IGNORECASE)
    return (match.start(), match.end()) if match else (-1, -1)


def make_finding(kind: str, *, severity: Severity | None = None, **fields) -> Finding:
    """Build a finding whose severity defaults to its rule's."""
    return Finding(kind=kind, severity=severity or RULES[kind].severity, **fields)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.kind))
