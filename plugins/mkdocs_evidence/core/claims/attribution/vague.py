"""Appeals to unnamed research: a head noun ("studies", "a trial") with what makes it an
appeal around it (a reporting verb, "according to", a recency modifier), and fixed phrases
("it has been shown").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.numbers import MONTHS
from ...text.regex import trie as _trie
from .grammar import GAP as _S
from .grammar import GAP0 as _S0
from .grammar import alternation as _alt
from .lexicon import LEXICON

__all__ = ["FIXED_VAGUE", "HEAD_RE", "fixed_vague", "named_near", "vague_at"]


_HEADS = LEXICON.plural_heads + LEXICON.singular_heads
_SINGULAR = frozenset(w.lower() for w in LEXICON.singular_heads)  # heads are compared lower-case ("RCT")
_HEAD_WORDS = "(?:" + "|".join(sorted({h for w in _HEADS for h in (w, w.capitalize())}, key=len, reverse=True)) + ")"
HEAD_RE = re.compile(  # a trie scans fast; not after a hyphen ("self-report")
    "(?<![\\w-])(?:" + _trie(sorted({h for w in _HEADS for h in (w, w.capitalize())})) + ")\\b"
)


_INTERJECTION = "(?:though|however|too|also|meanwhile|in" + _S + "fact|for" + _S + "example|for" + _S + "instance)"
_GAP = (  # a short phrase, not a new clause ("to see if", "when", "because")
    "(?:[a-z]+ly" + _S + ")?(?:" + _alt(LEXICON.gap_starters) + ")\\b(?:(?!(?:if|whether|when|because|while|"
    "although|so|then|until|unless|help|helps|helped|helping|try|trying|aim|aims|designed)\\b)(?:[^.!?;:,\\n]|(?<=\\d)[,.](?=\\d))){0,60}?"
)


_BEFORE_A_NOUN = (
    "the", "a", "an", "its", "their", "our", "his", "her", "your", "some", "no", "much", "more", "little",
    "considerable", "strong", "good", "great", "financial", "public", "further",
)


def _verb_after(gap: bool) -> re.Pattern[str]:
    """A reporting verb after a head noun, over a citation marker, a bracketed abbreviation,
    an interjection (", though,") and, when ``gap``, a short phrase ("of 80 patients")."""
    return re.compile(
        "(?:" + _S0 + "\\[[^\\]\\n]{0,80}\\])?(?:" + _S0 + "\\([^()\\n]{0,40}\\))?"
        "(?:," + _S + _INTERJECTION + ",?)?"
        + ("(?:," + _S + _GAP + ",|" + _S + _GAP + ")?" if gap else "")
        + "(?:" + _S + "(?:and|or)" + _S + "(?:[a-z-]+" + _S + ")?" + _HEAD_WORDS + ")?"  # "reviews and guidelines report"
        + "(?:" + _S + "(?:which|that|who)(?:" + _S + "(?:have|has|had))?(?=" + _S + _alt(LEXICON.finding_verbs)
        + "\\b))?"  # "studies which found": a finding verb only ("a study that recruited" is not)
        + "(?:" + _S + "(?:" + _alt(LEXICON.adverbs) + "|[a-z]+ly)\\b){0,3}"
        "(?<!\\bwere)(?<!\\bwas)(?<!\\bis)(?<!\\bare)(?<!\\bbeen)(?<!\\bbe)"  # passives: "were analysed"
        "(?<!\\band)(?<!\\bor)"  # "the study used data from trials and found": another subject's verb
        + "".join(f"(?<!\\b{w})" for w in _BEFORE_A_NOUN)  # "considerable support": a noun, not a verb
        + _S + _alt(LEXICON.verbs) + "\\b",
        re.IGNORECASE,
    )


_VERB_AFTER = _verb_after(gap=True)
_VERB_RIGHT_AFTER = _verb_after(gap=False)  # heads that are counted ("reports of 300 cases")
_NOT_NEEDED_AFTER = re.compile(
    _S + "(?:is|are|was|were|remains?)" + _S + "(?:still" + _S + ")?(?:needed|required|"
    "lacking|limited|ongoing|under" + _S + "way|scarce|sparse|mixed|unclear|weak|thin|"
    "inconclusive|conflicting)\\b|(?:" + _S + "(?:on|into|in)" + _S + "[^.,;:!?\\n]{0,40}?)?" + _S + "(?:is|are)"
    + _S + "(?:still" + _S + ")?(?:being|going)\\b|"
    + _S + "(?:needs|need)\\b",
    re.IGNORECASE,
)
_ACCORDING_REV = re.compile("[ \\t\\u00a0\\u2009\\u202f\\n]*ot" + _S + "gnidrocca\\b", re.I)
_TOKEN = re.compile("[^\\s]+")
_HEADLINE_VERB = re.compile(_S + "(?:finds|shows|suggests|says|links|reveals|confirms|warns)\\b", re.IGNORECASE)
_IN_REV = re.compile("[ \\t\\u00a0\\u2009\\u202f\\n]+ni(?![\\w])", re.IGNORECASE)
_APPOSITION_REV = re.compile("[ \\t]*,(?:\\)|[a-z]*[A-Z])")  # "the HRS Study (HRS), a national survey"
# "join a new study", "we are running a new trial": taking part or running it (reversed)
_JOINING_REV = re.compile(
    "[ \\t\\u00a0\\n]+(?:nioj|gninioj|denioj|lorne|llorne|dellorne|gnillorne|gninnur|dehcnual|gnihcnual|"
    "gninnalp|gningised|gnidnuf|gnitiurcer|gnitrats|sdael|dael|gnidael|rof" + _S + "(?:pu|reetnulov))(?![\\w])", re.IGNORECASE
)
# "take part in a study", "enrolled in a trial": taking part, not an appeal (reversed)
_TAKING_PART_REV = re.compile(
    "[ \\t\\u00a0\\n]+ni" + _S + "(?:trap|etapicitrap|detapicitrap|gnitapicitrap|dellorne|llorne|lorne|"
    "devlovni|dedulcni|tseretni|deretsetni|reetnulov|dereetnulov|detiurcer|tsil|nioj|gninioj|denioj)(?![\\w])", re.IGNORECASE
)
_INSIDE_NAME_REV = re.compile("[ \\t\\u00a0]+(?:&|[A-Za-z]*[A-Z](?<![.!?]))(?![\\w])|[ \\t\\u00a0]+[a-z]+[A-Z]")
_IN_CLAUSE = re.compile("(?:" + _S + "(?:of|with|in|on|involving|among)\\b[^.,;:!?\\n]{0,60})?,")
_COORDINATED = re.compile(_S + "(?:and|or)\\b")  # "new studies and products": a topic, not an appeal
_QUANTITY = frozenset(("several", "many", "some", "other", "two", "three", "four", "numerous", "multiple"))

FIXED_VAGUE = re.compile(
    "\\b[Ii]t(?:" + _S + "has|['\u2019]s)" + _S + "(?:(?:long|also|now|often|repeatedly|consistently)" + _S
    + ")?been" + _S + "(?:(?:clearly|well|widely|repeatedly|consistently|convincingly)" + _S
    + ")?(?:shown|found|proven|proved|demonstrated|reported|suggested|established|observed|"
    "documented|known|confirmed|argued|claimed|noted|estimated)\\b"
    "|\\b[Ii]t(?:['\u2019]s|" + _S + "is|" + _S + "was)" + _S + "(?:(?:now|widely|well|generally|commonly|"
    "increasingly|also)" + _S + ")?(?:known|accepted|believed|established|recogni[sz]ed|documented|proven|"
    "found|shown|reported|observed|agreed)" + _S + "that\\b"
    "|\\b(?:[Dd]octor|[Dd]ermatologist|[Pp]hysician|[Ll]ab|[Ll]aboratory)[- ](?:recommended|approved|tested|"
    "proven)\\b"
    "|\\b[Tt]here(?:['\u2019]s|" + _S + "is|" + _S + "are|" + _S + "have" + _S + "been)" + _S
    + "(?:(?:now|also)" + _S + ")?(?:(?:many|several|numerous|some)" + _S + ")?(?:(?:scientific|clinical)"
    + _S + ")?(?:(?:evidence|research)" + _S + "that|(?:evidence|research|studies|trials)" + _S + "(?:that" + _S
    + "(?:show|suggest|find|found|link|indicate|support|prove)|to" + _S + "(?:suggest|show|support)|showing|"
    "suggesting|linking))\\b"
    "|\\b[Tt]here" + _S + "is" + _S + "(?:(?:growing|strong|good|clear|increasing|mounting|"
    "some|solid|scientific|overwhelming|convincing|considerable)" + _S
    + "|a" + _S + "(?:lot|wealth|growing" + _S + "body|large" + _S + "body|body)" + _S + "of"
    + _S + "|plenty" + _S + "of" + _S + ")(?:scientific" + _S + ")?(?:evidence|research)" + _S
    + "(?:that|for|to" + _S + "suggest|to" + _S + "show|showing|suggesting)\\b"
    # estimates by nobody in particular
    "|\\b[Ii]t(?:['\u2019]s|" + _S + "is|" + _S + "has" + _S + "been)" + _S + "(?:(?:now|widely|generally|"
    "currently|often)" + _S + ")?estimated\\b(?:" + _S + "(?:that|to))?"
    "|\\b(?:is|are|was|were|has" + _S + "been|have" + _S + "been)" + _S + "(?:(?:currently|now|also|"
    "widely|often)" + _S + ")?estimated" + _S + "(?:to|at|that)\\b"
    "|\\b(?:[Aa]ccording" + _S + "to" + _S + "(?:recent" + _S + "|current" + _S + "|the" + _S
    + "latest" + _S + "|some" + _S + ")?estimates|[Ee]stimates" + _S + "(?:show|suggest|indicate))\\b"
    # passive appeals: "has been well researched", "have been shown", "is clinically proven"
    "|\\b(?:has|have)" + _S + "(?:also" + _S + ")?been" + _S + "(?:(?:well|widely|extensively|"
    "thoroughly|clinically|scientifically|repeatedly|widely|frequently|often|commonly)" + _S + ")?(?:shown|"
    "studied|researched|proven|proved|documented|demonstrated|validated|tested)\\b"
    "|\\b(?:is|are)" + _S + "(?:(?:clinically|scientifically|medically|well)" + _S + ")?"
    "(?:proven|documented|researched)\\b(?!" + _S + "(?:wrong|otherwise)\\b)"
    "|\\b(?:clinically|scientifically)" + _S + "(?:well" + _S + ")?(?:proven|tested|shown|documented|supported|validated|recogni[sz]ed)\\b"
    "|\\bwell[- ](?:studied|researched|documented)\\b"
    "|\\b(?:[Rr]esearch|[Ss]cience|[Ee]vidence|[Cc]linically|[Ss]cientifically)-(?:backed|proven|supported|tested)\\b"
    "|\\b(?:[Bb]acked|[Ss]upported|[Vv]alidated|[Pp]roven)" + _S + "by" + _S + "(?:[a-z-]+" + _S + "){0,3}?"
    "(?:research|science|studies|evidence|trials|data)\\b"
    # a treatment that "has shown promise": results from somewhere unnamed
    "|\\b(?:has|have)" + _S + "(?:(?:also|already|repeatedly|consistently)" + _S + ")?shown" + _S
    + "(?:[a-z-]+" + _S + "){0,2}?(?:promise|benefits?|effects?|results|improvements?|efficacy|potential)\\b"
    # a passive whose agent is unnamed research: "have been identified by researchers"
    "|\\b(?:identified|found|shown|confirmed|recommended|reported|linked|described|documented)" + _S + "by"
    + _S + "(?:(?:some|many|most|several|other|leading|medical|scientific)" + _S + ")?(?:researchers|scientists|"
    "experts|studies|research|doctors|clinicians|specialists)\\b"
    # passive findings without a finder: "have been linked to", "are reported to", "has been found to"
    "|\\b(?:has|have)" + _S + "(?:(?:also|long|consistently|repeatedly|strongly|widely|often)" + _S
    + ")?been" + _S + "(?:(?:consistently|strongly|repeatedly|widely|often|closely)" + _S + ")?"
    "(?:associated|linked|tied|connected|correlated)" + _S + "(?:with|to)\\b"
    "|\\b(?:has|have)" + _S + "(?:also" + _S + ")?been" + _S + "found" + _S + "to\\b"
    "|\\b(?:is|are|was|were)" + _S + "(?:(?:widely|often|commonly|also|sometimes)" + _S + ")?reported"
    + _S + "(?:to\\b(?!" + _S + "(?:the|a|an|your|their|us|our)\\b)|in" + _S + "(?:some|many|most|a" + _S + "few)" + _S + "(?:cases|people|patients)\\b)"
    "|\\b(?:reported|shown|described|found|seen|observed|noted|demonstrated|documented)" + _S + "in" + _S
    + "(?:(?:a|one|another|several|many|some|numerous|multiple|recent|large|small|clinical|randomi[sz]ed|"
    "animal|human|other|early|laboratory|lab)" + _S + "){0,3}(?:research|studies|trials|meta-analys[ie]s|study|"
    "trial|reviews?|experiments)\\b"
    "|\\b(?:shown|proven|proved|demonstrated)" + _S + "to" + _S + "(?!(?:the|a|an|you|your|his|her|their|my|our|its|him|them|me|us|this|that|these|those|"
    "every|each|some|any|all|people|patients|doctors)\\b)[a-z]+\\b"
    "|\\bfound" + _S + "to" + _S + "(?:work|help|be" + _S + "effective|reduce|improve|lower|ease|relieve|"
    "prevent|raise|increase|cut|protect|slow|boost|benefit|cause|double|halve)\\b"
    # a headline's inverted appeal: "..., finds study", "..., says new research"
    "|(?<=,[ ])(?:finds|says|suggests|shows|reports|claims)" + _S + "(?:a" + _S + ")?(?:(?:new|recent|latest|"
    "large|small)" + _S + ")?(?:study|research|survey|report|review|trial|scientists|researchers|experts)\\b"
    # "..., estimated at £12 billion a year": the participle after a comma
    "|(?<=,[ ])estimated" + _S + "(?:at|to)\\b"
    "|(?<=the )most" + _S + "(?:studied|researched|evidence-backed)\\b"  # "the" is too common an anchor
    "|\\b(?:general|scientific|medical)" + _S + "consensus\\b"
    "|\\bcommon" + _S + "knowledge\\b"
    # care-givers as the authority: "doctors agree", "many doctors say"
    "|(?<![Yy]our )(?<![Oo]ur )(?<!the )(?<!his )(?<!her )\\b(?:(?:[Mm]any|[Mm]ost|[Ss]ome|[Ll]eading)"
    + _S + ")?(?:[Dd]octors|[Pp]hysicians|[Cc]linicians|[Dd]entists|[Ss]urgeons|[Dd]ermatologists|"
    "[Aa]udiologists|[Nn]utritionists|[Dd]ietitians|[Pp]harmacists|[Hh]ealth" + _S + "experts|"
    "[Pp]hysiotherapists|[Pp]hysical" + _S + "therapists|[Cc]hiropractors|[Pp]odiatrists|[Pp]sychologists|"
    "[Pp]sychiatrists|[Nn]eurologists|[Cc]ardiologists|[Oo]rthopa?edic" + _S + "surgeons|[Nn]urses|GPs|"
    "[Mm]edical" + _S + "experts|[Hh]ealth" + _S + "professionals)" + _S + "(?:(?:now|often|generally|"
    "widely|all|also)" + _S + ")?(?i:agree|recommend|recommended|say|said|believe|advise|warn|"
    "consider)\\b"
)
# FIXED_VAGUE is tried only where one of its first words starts (a case-sensitive trie scan).
_FIXED_FIRST = (
    "it", "it's", "there", "is", "are", "was", "were", "has", "have", "according", "estimates",
    "clinically", "scientifically", "well", "backed", "supported", "validated", "proven", "reported",
    "shown", "described", "proved", "found", "demonstrated", "seen", "identified", "confirmed", "recommended",
    "linked", "observed", "noted", "documented", "estimated", "general", "scientific", "medical",
    "common", "many", "most", "some", "leading", "doctors", "physicians", "clinicians", "dentists",
    "surgeons", "dermatologists", "physiotherapists", "physical", "chiropractors", "podiatrists",
    "psychologists", "psychiatrists", "neurologists", "cardiologists", "orthopaedic", "orthopedic", "nurses",
    "GPs", "audiologists", "nutritionists", "dietitians", "pharmacists",
    "health", "doctor", "dermatologist", "research", "science", "evidence", "finds", "says", "suggests", "shows",
    "reports", "claims", "physician", "lab", "laboratory",
)


FIXED_ANCHOR = re.compile(
    "\\b(?:" + _trie(sorted({v for w in _FIXED_FIRST for v in (w, w.capitalize())})) + ")(?![\\w'])"
)


def fixed_vague(text: str) -> list[tuple[int, int]]:
    """Spans of the fixed appeal phrases ("it is estimated that", "has been well researched")."""
    spans: list[tuple[int, int]] = []
    last = 0
    for anchor in FIXED_ANCHOR.finditer(text):
        if anchor.start() < last:
            continue
        m = FIXED_VAGUE.match(text, anchor.start())
        if m:
            spans.append((m.start(), m.end()))
            last = m.end()
    return spans


# A named journal, organisation or person right after an appeal's head makes it a named source.
_JOURNAL = (
    "Journal|Archives|Annals|Lancet|BMJ|JAMA|Nature|Science|Neurology|Circulation|Medicine|Pediatrics|"
    "Paediatrics|Cardiology|Menopause|Headache|Frontiers|Proceedings|Review|Bulletin|PLOS|PLoS|NEJM|"
    "Diabetologia|Cell|Pain|Spine|Thorax|Brain|Stroke|Rheumatology"
)
_NAMED_NEAR = re.compile(
    "[^.;!?\\n]{0,60}?\\b(?:in|of|published" + _S + "in|appeared" + _S + "in)" + _S + "(?:the" + _S
    + ")?(?:(?:[A-Z][\\w&'\u2019-]*" + _S + "){0,6}(?:[a-z]+" + _S + ")?journal" + _S + "[A-Z]|(?:[Tt]he" + _S
    + ")?(?:[A-Z][\\w&'-]*" + _S + "){0,6}?(?:" + _JOURNAL + ")\\b)"
    "|[^A-Z.;!?\\n]{0,40}?\\b(?:from|by|at|of|led" + _S + "by)" + _S + "(?:(?:the|a|an)" + _S + ")?(?:(?:[A-Z][\\w'-]*"
    + _S + "){0,4}" + _alt(LEXICON.organisation_suffixes) + "\\b|[A-Z][A-Za-z]+" + _S + "[A-Z][A-Za-z]+)"
    "|[^A-Z.;!?\\n]{0,40}?\\b(?:from|by|at|led" + _S + "by)" + _S + "(?:the" + _S + ")?"
    + _alt(LEXICON.organisations) + "\\b"  # "scientists at Oxford"
    "|[^A-Z.;!?\\n]{0,40}?\\b(?:by|from|of|led" + _S + "by)" + _S + "[A-Z][a-z]+" + _S + "et" + _S + "al\\b"  # "by Roe et al."
    # an abbreviation as the one who did it: "a survey by PCFA", "data from the CDC"
    "|[^A-Z.;!?\\n]{0,40}?\\b(?:from|by|at|led" + _S + "by)" + _S + "(?:the" + _S + ")?(?!(?:"
    + "|".join(LEXICON.non_source_acronyms) + ")\\b)[A-Z]{2,6}\\b"
)


def named_near(text: str, head_end: int) -> int:
    """The end of a named journal, organisation or person that follows an appeal's head
    closely ("a 2009 study in the journal Circulation", "scientists from the University of
    X"), or 0."""
    m = _NAMED_NEAR.match(text, head_end)
    return m.end() if m else 0


_PLAIN_WORD = re.compile("[\\w.-]+,?")


def _determiner_within(tokens: list[re.Match[str]], index: int, reach: int = 3) -> int:
    """How many unknown words before a head to take when a singular determiner comes within
    ``reach`` plain words ("a new Finnish study", "a year-long trial"), else 0."""
    for back in range(reach):
        at = index - back
        if at < 0:
            return 0
        word = tokens[at].group(0).lower()
        if word in LEXICON.singular_determiners:
            return back
        if word in LEXICON.negators or not _PLAIN_WORD.fullmatch(word) or word.endswith(","):
            return 0
    return 0


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What stands before a head noun: where the phrase starts, the lower-case words taken
    (in reading order), and the word that stopped the walk (lower-case and as written)."""

    start: int
    consumed: tuple[str, ...]
    stop: str
    stop_raw: str
    named: bool  # a capitalised unknown word inside the phrase ("a Harvard study")


def _opens_definite(tokens: list[re.Match[str]], index: int, consumed: list[str]) -> int:
    """1 when "the" opens a definite phrase that still appeals to research ("the latest
    research shows", "in the largest study so far"), else 0."""
    if tokens[index].group(0).lower() != "the":
        return 0
    if any(w in LEXICON.definite_modifiers for w in consumed) or consumed[:2] == ["most", "recent"]:
        return 1
    if consumed[1:2] == ["of"] and consumed[0] in ("majority", "bulk", "weight"):  # "the majority of studies"
        return 1
    return 0


def _is_name(word: str) -> bool:
    """A capitalised word that is not a place or a nationality ("Harvard", not "Danish-led",
    "UK-based")."""
    base = word.split("-")[0].rstrip(",")
    return (
        base[:1].isupper() and base.lower() not in LEXICON.modifiers
        and base not in LEXICON.non_source_acronyms and base not in _MONTHS
    )


def _walk_back(text: str, head_start: int) -> _Phrase:
    """Walk back over determiners, quantifiers and modifiers before a head noun; the stop
    word is "" at the start of the text."""
    window_start = max(0, head_start - 100)
    tokens = list(_TOKEN.finditer(text, window_start, head_start))
    start = head_start
    consumed: list[str] = []
    named = False
    index = len(tokens) - 1
    if window_start > 0 and tokens:
        tokens = tokens[1:]  # the first token may be cut
        index -= 1
    while index >= 0 and len(consumed) < 6:
        token = tokens[index]
        word = token.group(0).lower()
        if word.endswith(",") and consumed and word[:-1] in LEXICON.modifiers and any(
            t.group(0).lower() in LEXICON.singular_determiners for t in tokens[max(0, index - 3) : index]
        ):
            word = word[:-1]  # "a large, randomised, placebo-controlled trial"
        if word == "few" and index > 0 and tokens[index - 1].group(0).lower() == "a":
            consumed.insert(0, "a few")  # "a few studies suggest": a quantity, not "few studies"
            start = tokens[index - 1].start()
            index -= 2
            break
        opening = 1 if word in LEXICON.singular_determiners else _opens_definite(tokens, index, consumed)
        if opening:
            consumed[:0] = [t.group(0).lower() for t in tokens[index - opening + 1 : index + 1]]
            start = tokens[index - opening + 1].start()
            index -= opening
            break
        if (
            word in LEXICON.modifiers
            or (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"))
            or (word == "of" and index > 0 and tokens[index - 1].group(0).lower() in LEXICON.collectives)
        ):
            consumed.insert(0, word)
            start = token.start()
            index -= 1
            continue
        if word in LEXICON.collectives and consumed[:1] == ["of"]:
            consumed.insert(0, word)
            start = token.start()
            index -= 1
            continue
        skipped = _determiner_within(tokens, index)
        if skipped:
            for token in reversed(tokens[index - skipped + 1 : index + 1]):
                consumed.insert(0, token.group(0).lower())
                named = named or _is_name(token.group(0))  # "a Harvard study": a name
            start = tokens[index - skipped + 1].start()
            index -= skipped
            continue
        break
    raw = tokens[index].group(0) if index >= 0 else ""
    return _Phrase(start, tuple(consumed), raw.lower(), raw, named)


_MONTHS = frozenset(MONTHS)
_ONE_WORD_SOURCES = frozenset(o for o in LEXICON.organisations if " " not in o)  # "Harvard researchers"
_ACRONYM = re.compile("\\(?([A-Z][A-Z0-9&/-]{1,9})\\)?")


def _named_before(raw: str) -> bool:
    """Whether the word before an appeal's phrase is a source's abbreviation ("the WHI data
    found", "BLSA scientists have shown"): the appeal then names its source."""
    m = _ACRONYM.fullmatch(raw)
    if m is not None and m.group(1) not in LEXICON.non_source_acronyms:
        return True
    return raw.rstrip(",") in _ONE_WORD_SOURCES


def vague_at(text: str, head: re.Match[str]) -> tuple[int, int, bool] | None:
    """The appeal's span around one head noun and whether it names its source, or None."""
    # one reading of the phrase, then one rule after another: a short function would hide it
    word = head.group(0).lower()
    verb = (_VERB_RIGHT_AFTER if word in LEXICON.gapless_heads else _VERB_AFTER).match(text, head.end())
    if head.group(0)[0].isupper() and _INSIDE_NAME_REV.match(text[max(0, head.start() - 30) : head.start()][::-1]):
        if not (verb and verb.group(0).lstrip()[:1].isupper()):
            return None  # "Arthritis Care & Research", "UK Evidence Report": part of a name
        # else a title-case headline: "Clinical Studies Prove It Works"
    phrase = _walk_back(text, head.start())
    start, consumed, stop = phrase.start, list(phrase.consumed), phrase.stop
    name_before = _named_before(phrase.stop_raw) and not (consumed and consumed[0] in LEXICON.singular_determiners)
    named = phrase.named or name_before
    if name_before:
        start -= len(phrase.stop_raw) + 1
    singular = word in _SINGULAR
    definite = bool(consumed) and consumed[0] == "the"
    if stop == "the" and word in ("literature", "science", "experts", "scientists", "researchers"):
        according_the = _ACCORDING_REV.match(text[max(0, start - 34) : start - 4][::-1])
        if according_the and text[start - 4 : start].lower() == "the ":
            return start - 4 - according_the.end(), head.end(), named  # "according to the literature"
    if stop == "which" and verb and any(w in _QUANTITY for w in consumed):
        stop = ""  # "which some studies say": the quantity makes it an appeal
    if stop in LEXICON.negators or stop.endswith(("'s", "\u2019s")):
        return None
    if "a" in consumed[1:] or "an" in consumed[1:]:
        return None
    determined = bool(consumed) and (consumed[0] in LEXICON.singular_determiners or definite)
    if singular and not determined:
        if name_before and verb:
            return start, verb.end(), True  # "the ATLAS study found"
        headline = _HEADLINE_VERB.match(text, head.end())
        if headline and stop not in LEXICON.negators and all(w in LEXICON.modifiers or w.isdigit() for w in consumed):
            return start, headline.end(), named  # "Study finds": a headline's appeal
        return None
    if not singular and determined and consumed[0] in ("a", "an") and "of" not in consumed:
        return None  # "a research nurse", "an evidence base"
    if _NOT_NEEDED_AFTER.match(text, head.end()):
        return None
    back = text[max(0, start - 30) : start][::-1]
    according = _ACCORDING_REV.match(back)
    if according:
        return start - according.end(), head.end(), named
    if verb:
        return start, verb.end(), named
    if stop == "in" and (determined or any(w in _QUANTITY for w in consumed)) and not _TAKING_PART_REV.match(
        text[max(0, start - 20) : start][::-1]
    ):
        opening = _IN_REV.match(text[max(0, start - 10) : start][::-1])
        return (start - opening.end() if opening else start), head.end(), named  # "In a 2015 study"
    if stop == "in" and not singular and text[start - 3 : start - 1] == "In" and _IN_CLAUSE.match(text, head.end()):
        return start - 3, head.end(), named  # "In clinical trials, the drug ..." ("used in studies" is no appeal)
    if (
        not singular
        and not definite
        and stop != "about"
        and word in LEXICON.standalone_heads
        and any(w in LEXICON.standalone_modifiers for w in consumed if w != "some" or word in ("research", "evidence"))
        # ("some trials involve ..." describes trials; "some research" is an appeal)
        and not _COORDINATED.match(text, head.end())
    ):
        return start, head.end(), named
    if singular and consumed[0] in ("a", "an") and any(_pins_down(w) for w in consumed):
        before = text[max(0, start - 24) : start][::-1]
        if not (_JOINING_REV.match(before) or _TAKING_PART_REV.match(before) or _APPOSITION_REV.match(before)):
            return start, head.end(), named  # "we covered a 2019 Danish study": one particular study
    return None


def _pins_down(word: str) -> bool:
    """A year, a nationality or "new"/"recent": words that make "a study" one particular study."""
    return (len(word) == 4 and word.isdigit()) or word in LEXICON.nationalities or word in ("new", "recent", "latest")
