"""Appeals to unnamed research: a head noun ("studies", "a trial") with what makes it an
appeal around it (a reporting verb, "according to", a recency modifier), and fixed phrases
("it has been shown").
"""

from __future__ import annotations

import re

from ...text.regex import trie as _trie
from .grammar import GAP as _S
from .grammar import alternation as _alt
from .lexicon import LEXICON

__all__ = ["FIXED_VAGUE", "HEAD_RE", "fixed_vague", "named_near", "vague_at"]


_HEADS = LEXICON.plural_heads + LEXICON.singular_heads
HEAD_RE = re.compile(
    "\\b(?:" + "|".join(sorted({h for w in _HEADS for h in (w, w.capitalize())}, key=len,
                                reverse=True)) + ")\\b"
)


_VERB_AFTER = re.compile(
    "(?:,(?:" + _S + "(?:though|however|too|also|meanwhile|in" + _S + "fact))?,?)?"
    "(?:" + _S + "(?:" + _alt(LEXICON.gap_starters) + ")\\b(?:[^.!?;:,\\n]|(?<=\\d)[,.](?=\\d)){0,60}?)?"
    "(?:" + _S + _alt(LEXICON.adverbs) + "\\b){0,3}"
    + _S + _alt(LEXICON.verbs) + "\\b",
    re.IGNORECASE,
)
_NOT_NEEDED_AFTER = re.compile(
    _S + "(?:is|are|was|were|remains?)" + _S + "(?:still" + _S + ")?(?:needed|required|"
    "lacking|limited|ongoing|under" + _S + "way|scarce|sparse|mixed|unclear|weak|thin|"
    "inconclusive|conflicting)\\b|" + _S + "(?:is|are)" + _S + "(?:being|going)\\b|"
    + _S + "(?:needs|need)\\b",
    re.IGNORECASE,
)
_ACCORDING_REV = re.compile("[ \\t\\u00a0\\u2009\\u202f\\n]*ot" + _S + "gnidrocca\\b", re.I)
_TOKEN = re.compile("[^\\s]+")
_HEADLINE_VERB = re.compile(_S + "(?:finds|shows|suggests|says|links|reveals|confirms|warns)\\b", re.IGNORECASE)
_IN_REV = re.compile("[ \\t\\u00a0\\u2009\\u202f\\n]+ni(?![\\w])", re.IGNORECASE)
_INSIDE_NAME_REV = re.compile("[ \\t\\u00a0]+(?:&|[a-z]*[A-Z](?<![.!?]))(?![\\w])|[ \\t\\u00a0]+[a-z]+[A-Z]")
_QUANTITY = frozenset(("several", "many", "some", "other", "two", "three", "four", "numerous", "multiple"))

FIXED_VAGUE = re.compile(
    "\\b[Ii]t" + _S + "has" + _S + "(?:(?:long|also|now|often|repeatedly|consistently)" + _S
    + ")?been" + _S + "(?:(?:clearly|well|widely|repeatedly|consistently|convincingly)" + _S
    + ")?(?:shown|found|proven|proved|demonstrated|reported|suggested|established|observed|"
    "documented|known|confirmed)\\b"
    "|\\b[Ii]t" + _S + "is" + _S + "(?:(?:now|widely|well|generally|commonly|increasingly)"
    + _S + ")?(?:known|accepted|believed|established|recogni[sz]ed|documented|proven)"
    + _S + "that\\b"
    "|\\b[Tt]here" + _S + "is" + _S + "(?:(?:growing|strong|good|clear|increasing|mounting|"
    "some|solid|scientific|overwhelming|convincing|considerable)" + _S
    + "|a" + _S + "(?:lot|wealth|growing" + _S + "body|large" + _S + "body|body)" + _S + "of"
    + _S + "|plenty" + _S + "of" + _S + ")(?:scientific" + _S + ")?(?:evidence|research)" + _S
    + "(?:that|to" + _S + "suggest|to" + _S + "show|showing|suggesting)\\b"
    # estimates by nobody in particular
    "|\\b[Ii]t(?:['\u2019]s|" + _S + "is|" + _S + "has" + _S + "been)" + _S + "(?:(?:now|widely|generally|"
    "currently|often)" + _S + ")?estimated\\b(?:" + _S + "(?:that|to))?"
    "|\\b(?:is|are|was|were|has" + _S + "been|have" + _S + "been)" + _S + "(?:(?:currently|now|also|"
    "widely|often)" + _S + ")?estimated" + _S + "(?:to|at|that)\\b"
    "|\\b(?:[Aa]ccording" + _S + "to" + _S + "(?:recent" + _S + "|current" + _S + "|the" + _S
    + "latest" + _S + "|some" + _S + ")?estimates|[Ee]stimates" + _S + "(?:show|suggest|indicate))\\b"
    # passive appeals: "has been well researched", "have been shown", "is clinically proven"
    "|\\b(?:has|have)" + _S + "(?:also" + _S + ")?been" + _S + "(?:(?:well|widely|extensively|"
    "thoroughly|clinically|scientifically|repeatedly)" + _S + ")?(?:shown|studied|researched|proven|"
    "proved|documented|demonstrated|validated|tested)\\b"
    "|\\b(?:is|are)" + _S + "(?:(?:clinically|scientifically|medically|well)" + _S + ")?"
    "(?:proven|documented|researched)\\b(?!" + _S + "(?:wrong|otherwise)\\b)"
    "|\\b(?:clinically|scientifically)" + _S + "(?:well" + _S + ")?(?:proven|tested|shown|documented)\\b"
    "|\\bwell[- ](?:studied|researched|documented)\\b"
    "|\\b(?:backed|supported|validated|proven)" + _S + "by" + _S + "(?:(?:peer-reviewed|scientific|"
    "clinical|medical|modern)" + _S + ")?(?:research|science|studies|evidence)\\b"
    "|\\b(?:reported|shown|described)" + _S + "in" + _S + "(?:research|studies|a" + _S
    + "(?:meta-analysis|study|trial|review))\\b"
    "|\\b(?:shown|proven|proved|found|demonstrated)" + _S + "to" + _S + "(?:work|help|be" + _S
    + "effective|reduce|improve|lower|ease|relieve|prevent)\\b"
    "|\\bthe" + _S + "most" + _S + "(?:studied|researched|evidence-backed)\\b"
    "|\\b(?:the" + _S + ")?(?:general|scientific|medical)" + _S + "consensus\\b"
    "|\\bcommon" + _S + "knowledge\\b"
    # care-givers as the authority: "doctors agree", "many doctors say"
    "|(?<![Yy]our )(?<![Oo]ur )(?<!the )(?<!his )(?<!her )\\b(?:(?:[Mm]any|[Mm]ost|[Ss]ome|[Ll]eading)"
    + _S + ")?(?:[Dd]octors|[Pp]hysicians|[Cc]linicians|[Dd]entists|[Ss]urgeons|[Dd]ermatologists|"
    "[Aa]udiologists|[Nn]utritionists|[Dd]ietitians|[Pp]harmacists|[Hh]ealth" + _S + "experts|"
    "[Mm]edical" + _S + "experts|[Hh]ealth" + _S + "professionals)" + _S + "(?:(?:now|often|generally|"
    "widely|all|also)" + _S + ")?(?:agree|recommend|recommended|say|said|believe|advise|warn|"
    "consider)\\b"
)
# FIXED_VAGUE is tried only where one of its first words starts (a case-sensitive trie scan).
_FIXED_FIRST = (
    "it", "it's", "there", "is", "are", "was", "were", "has", "have", "according", "estimates",
    "clinically", "scientifically", "well", "backed", "supported", "validated", "proven", "reported",
    "shown", "described", "proved", "found", "demonstrated", "the", "general", "scientific", "medical",
    "common", "many", "most", "some", "leading", "doctors", "physicians", "clinicians", "dentists",
    "surgeons", "dermatologists", "audiologists", "nutritionists", "dietitians", "pharmacists",
    "health",
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
_NAMED_NEAR = re.compile(
    "[^.;!?\\n]{0,60}?\\b(?:in|published" + _S + "in|appeared" + _S + "in)" + _S + "(?:the" + _S
    + ")?(?:journal" + _S + "[A-Z]|(?:[Tt]he" + _S + ")?(?:[A-Z][\\w&'-]*" + _S + "){0,6}?(?:Journal|"
    "Archives|Annals|Lancet|BMJ|JAMA|Nature|Science|Neurology|Circulation|Medicine|Pediatrics|"
    "Paediatrics|Cardiology|Menopause|Headache|Frontiers|Proceedings|Review|Bulletin|PLOS|PLoS|NEJM|"
    "Diabetologia|Cell|Pain|Spine|Thorax|Brain|Stroke|Rheumatology)\\b)"
    "|[^.;!?\\n]{0,40}?\\b(?:from|by|at|of|led" + _S + "by)" + _S + "(?:the" + _S + ")?(?:(?:[A-Z][\\w'-]*"
    + _S + "){0,4}(?:University|Institute|College|School|Society|Association|Foundation|Hospital|"
    "Clinic|Center|Centre|Council|Agency|Department|Organization|Organisation|Academy|Trust|Bureau|"
    "Office|Commission|Ministry)\\b|[A-Z][A-Za-z]+" + _S + "[A-Z][A-Za-z]+)"
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


def _walk_back(text: str, head_start: int) -> tuple[int, list[str], str]:
    """Walk back over determiners, quantifiers and modifiers before a head noun.

    Returns (start of the phrase, lower-case words consumed in reading order, the word that
    stopped the walk, lower-case, or "" at the start of the text / after punctuation).
    """
    window_start = max(0, head_start - 100)
    tokens = list(_TOKEN.finditer(text, window_start, head_start))
    start = head_start
    consumed: list[str] = []
    index = len(tokens) - 1
    if window_start > 0 and tokens:
        tokens = tokens[1:]  # the first token may be cut
        index -= 1
    while index >= 0 and len(consumed) < 6:
        token = tokens[index]
        word = token.group(0).lower()
        if word.endswith(",") and consumed and word[:-1] in LEXICON.modifiers:
            word = word[:-1]  # "a large, randomised, placebo-controlled trial"
        if word in LEXICON.singular_determiners:
            consumed.insert(0, word)
            start = token.start()
            index -= 1
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
            start = tokens[index - skipped + 1].start()
            index -= skipped
            continue
        break
    stop = tokens[index].group(0).lower() if index >= 0 else ""
    return start, consumed, stop


def vague_at(text: str, head: re.Match[str]) -> tuple[int, int] | None:
    """The vague-attribution span around one head noun, or None."""
    word = head.group(0).lower()
    if head.group(0)[0].isupper() and _INSIDE_NAME_REV.match(text[max(0, head.start() - 30) : head.start()][::-1]):
        return None  # "Arthritis Care & Research", "UK Evidence Report": part of a name
    start, consumed, stop = _walk_back(text, head.start())
    if stop in LEXICON.negators or stop.endswith(("'s", "\u2019s")):
        return None
    if "a" in consumed[1:] or "an" in consumed[1:]:
        return None
    singular = word in LEXICON.singular_heads
    determined = bool(consumed) and consumed[0] in LEXICON.singular_determiners
    if singular and not determined:
        headline = _HEADLINE_VERB.match(text, head.end())
        if headline and not consumed and stop not in LEXICON.negators:
            return start, headline.end()  # "Study finds": a headline's appeal
        return None
    if not singular and determined and consumed[0] in ("a", "an") and "of" not in consumed:
        return None  # "a research nurse", "an evidence base"
    if _NOT_NEEDED_AFTER.match(text, head.end()):
        return None
    back = text[max(0, start - 30) : start][::-1]
    according = _ACCORDING_REV.match(back)
    if according:
        return start - according.end(), head.end()
    verb = _VERB_AFTER.match(text, head.end())
    if verb:
        return start, verb.end()
    if stop == "in" and (determined or any(w in _QUANTITY for w in consumed)):
        opening = _IN_REV.match(text[max(0, start - 10) : start][::-1])
        return (start - opening.end() if opening else start), head.end()  # "In a 2015 study"
    if (
        not singular
        and word in LEXICON.standalone_heads
        and any(w in LEXICON.standalone_modifiers for w in consumed)
    ):
        return start, head.end()
    return None


