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

__all__ = ["Attribution", "find_attributions"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution phrase; ``kind`` is ``vague-attribution`` or ``named-but-uncited``."""

    start: int
    end: int
    kind: str
    text: str


VAGUE = "vague-attribution"
NAMED = "named-but-uncited"

_S = "[ \\t\\u00a0\\u2009\\u202f\\n]+"  # soft-wrapped prose may break a phrase over lines

_PLURAL_HEADS = (
    "studies", "research", "trials", "evidence", "data", "scientists", "researchers",
    "experts", "specialists", "reviews", "surveys", "investigations", "analyses", "findings",
    "papers", "literature", "science", "experiments", "statistics",
)
_SINGULAR_HEADS = (
    "study", "trial", "survey", "review", "report", "paper", "analysis", "experiment",
    "meta-analysis", "investigation", "researcher", "scientist", "expert",
)
_HEADS = _PLURAL_HEADS + _SINGULAR_HEADS
_HEAD_RE = re.compile(
    "\\b(?:" + "|".join(sorted({h for w in _HEADS for h in (w, w.capitalize())}, key=len,
                                reverse=True)) + ")\\b"
)

_MODIFIERS = frozenset((
    "recent", "new", "large", "small", "smaller", "larger", "clinical", "landmark", "major",
    "randomised", "randomized", "controlled", "scientific", "medical", "published",
    "independent", "high-quality", "observational", "growing", "emerging", "current",
    "previous", "past", "latest", "modern", "several", "many", "numerous", "some", "multiple",
    "various", "countless", "most", "much", "other", "different", "separate", "british",
    "american", "european", "australian", "canadian", "national", "international", "big",
    "key", "important", "influential", "well-known", "famous", "systematic", "pilot",
    "laboratory", "lab", "animal", "human", "population", "cohort", "case-control",
    "long-term", "short-term", "well-designed", "rigorous", "robust", "extensive",
    "existing", "available", "solid", "strong", "good", "increasing", "mounting",
    "accumulating", "substantial", "considerable", "limited-size", "university", "hospital",
    "placebo-controlled", "double-blind", "peer-reviewed", "follow-up", "early", "earlier",
    "promising", "preliminary", "exciting", "ground-breaking", "groundbreaking", "german",
    "french", "swedish", "dutch", "danish", "chinese", "japanese", "us", "uk", "quality",
    "high", "neuroscience", "nursing", "physiotherapy", "sports", "nutrition", "health",
    "medicine", "rehabilitation", "stroke", "dozens", "hundreds", "thousands", "lots",
))
_COLLECTIVES = frozenset((
    "number", "body", "lot", "lots", "range", "variety", "handful", "majority", "host",
    "wealth", "series", "couple", "dozens", "hundreds", "thousands", "plenty", "pile",
))
_SINGULAR_DETERMINERS = frozenset(("a", "an", "one", "another"))
_NEGATORS = frozenset((
    "further", "more", "additional", "future", "no", "few", "little", "limited", "these",
    "those", "the", "this", "our", "their", "its", "such", "both", "each", "any", "which",
    "what", "your", "my", "his", "her", "whose", "own", "same", "fewer", "not", "without",
    "than", "enough", "next", "ongoing", "larger-scale", "planned", "we", "i", "you",
    "better", "nor", "lack", "lacking",
))
_STANDALONE = frozenset((
    "recent", "some", "new", "emerging", "growing", "latest", "current", "modern",
    "increasing", "mounting", "accumulating", "numerous", "countless", "much",
))
_STANDALONE_HEADS = frozenset(("research", "studies", "evidence", "trials"))

_ADVERBS = (
    "have", "has", "had", "now", "also", "consistently", "repeatedly", "clearly", "generally",
    "largely", "often", "even", "all", "both", "increasingly", "recently", "strongly",
    "so far", "to date", "not", "already", "actually", "indeed", "since", "frequently",
    "convincingly", "conclusively", "apparently", "seem to", "seems to", "appear to",
    "appears to", "tend to", "tends to", "may", "might", "can", "would", "could", "do",
    "does", "did", "really", "in fact", "long", "previously", "further", "suggested",
)
_VERBS = (
    "shown", "show", "shows", "showed", "showing", "suggest", "suggests", "suggested",
    "suggesting", "indicate", "indicates", "indicated", "indicating", "found", "find",
    "finds", "reported", "report", "reports", "demonstrate", "demonstrates", "demonstrated",
    "prove", "proves", "proved", "proven", "confirm", "confirms", "confirmed", "reveal",
    "reveals", "revealed", "say", "says", "said", "agree", "agreed", "agrees", "claim",
    "claims", "claimed", "believe", "believes", "believed", "recommend", "recommends",
    "recommended", "point to", "points to", "pointed to", "support", "supports", "supported",
    "conclude", "concludes", "concluded", "noted", "observed", "estimate", "estimates",
    "estimated", "tell us", "tells us", "told us", "linked", "link", "links", "establish",
    "established", "discovered", "discover", "highlight", "highlights", "highlighted",
    "backs", "back", "backed", "warn", "warns", "warned", "identified", "determined",
)
_GAP_STARTERS = (
    "of", "in", "from", "on", "with", "involving", "published", "conducted", "carried out",
    "done", "run", "looking at", "that looked at", "among", "at", "by", "comparing", "led by",
    "funded by", "into", "across", "including", "over", "using", "testing", "out of",
    "from the", "in the",
)


def _alt(words) -> str:
    return "(?:" + "|".join(
        w.replace(" ", _S) for w in sorted(set(words), key=len, reverse=True)
    ) + ")"


_VERB_AFTER = re.compile(
    "(?:" + _S + "(?:" + _alt(_GAP_STARTERS) + ")\\b(?:[^.!?;:,\\n]|(?<=\\d)[,.](?=\\d)){0,60}?)?"
    "(?:" + _S + _alt(_ADVERBS) + "\\b){0,3}"
    + _S + _alt(_VERBS) + "\\b",
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

_FIXED_VAGUE = re.compile(
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
)

# Named sources. Case-sensitive: organisation names and acronyms are capitalised.
_ORG_NAMES = (
    "WHO", "NHS", "NICE", "CDC", "FDA", "MHRA", "EMA", "NIH", "NINDS", "AAN", "AHA", "ASA",
    "BMA", "SIGN", "RCP", "CSP", "BNF", "Cochrane", "ONS", "UKHSA", "PHE", "NHS England",
    "NHS Choices", "NHS Inform", "NHS website", "Public Health England", "Mayo Clinic",
    "Cleveland Clinic", "Stroke Association", "MS Society", "Versus Arthritis", "Diabetes UK",
    "Cochrane Collaboration", "Cochrane Library", "British Medical Journal", "BMJ", "Lancet",
    "The Lancet", "JAMA", "New England Journal of Medicine", "NEJM", "Office for National Statistics",
    "World Health Organization", "World Health Organisation", "UN", "United Nations",
    "Centers for Disease Control and Prevention", "Centers for Disease Control",
    "Food and Drug Administration", "National Institute for Health and Care Excellence",
    "National Institutes of Health", "National Institute of Neurological Disorders and Stroke",
    "Harvard Medical School", "Johns Hopkins", "Chartered Society of Physiotherapy",
    "Royal College of Physicians", "Royal College of Surgeons", "Royal College of GPs",
    "American Academy of Neurology", "American Heart Association", "American Stroke Association",
)
_ORG_SUFFIX = (
    "Association", "Society", "Academy", "College", "Institute", "Foundation", "Organization",
    "Organisation", "Agency", "Council", "Federation", "Trust", "Service", "Department",
    "Board", "Alliance", "Clinic", "University", "Hospital", "Institutes", "Collaboration",
    "Centre", "Center", "Charity", "Network", "Commission", "Authority", "Ministry",
)
_CAP = "[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_ORG = (
    "(?:" + _alt(_ORG_NAMES)
    + "|(?:" + _CAP + _S + "){1,5}" + _alt(_ORG_SUFFIX) + "(?:" + _S + "(?:of|for)(?:" + _S
    + "(?:the|and|&)" + _S + "?)?(?:" + _S + "?(?:" + _CAP + "|and|&)){1,5})?"
    + ")\\b"
)
_NAMED_DOC = (
    "(?i:reviews?|guidance|guidelines?|advice|reports?|figures|data|statistics|study|"
    "studies|survey|website|factsheet|fact" + _S + "sheet|leaflet|analysis|research|"
    "researchers|experts|scientists|recommendations?|estimates?|page|trial|paper)"
)
_NAMED_VERB = (
    "(?i:(?:(?:also|now|currently|still|strongly|clearly|recently)" + _S + ")?(?:(?:has|have)"
    + _S + ")?(?:reports?|reported|says?|said|states?|stated|recommends?|recommended|"
    "advises?|advised|suggests?|suggested|estimates?|estimated|warns?|warned|found|finds|"
    "notes?|noted|shows?|showed|shown|concluded|concludes|indicates?|indicated|explains?|"
    "explained|describes?|confirms?|confirmed|defines?|urges?|urged|publishe[sd]|lists?|"
    "calls?" + _S + "for|puts?" + _S + "it|agrees?|agreed|classifies|considers?|tells?|"
    "backs?|supports?|rates?)\\b)"
)
# Named sources are looked for only where a capital letter starts a word (a character-set
# scan that runs in C), then matched forward (name, document, verb) and backward
# (determiner or "according to") from there.
_CAPITAL = re.compile("[A-Z](?<![\\w.'\u2019-][A-Z])|[A-Z](?<=^[A-Z])", re.MULTILINE)
_ORG_AT = re.compile(_ORG + "(?:['\u2019]s?)?")
_ETAL_AT = re.compile(
    "[A-Z][a-z]+(?:" + _S + "and" + _S + "[A-Z][a-z]+)?" + _S + "(?:et" + _S
    + "al\\.?|and" + _S + "(?:colleagues|co-workers|coworkers|others|team))(?:" + _S
    + "?\\((?:19|20)\\d\\d\\))?" + _S + _NAMED_VERB
)
_NAMED_TAIL = re.compile(
    "(?:" + _S + "(?:(?:19|20)\\d\\d" + _S + ")?(?:(?:systematic|recent|latest|new|own|"
    "clinical|official|national|annual)" + _S + ")?" + _NAMED_DOC + ")?" + _S + _NAMED_VERB
)
_NAMED_DOC_AT = re.compile(_S + _NAMED_DOC + "\\b")
_DETERMINER_REV = re.compile(
    "[ \\t\\u00a0\\u2009\\u202f\\n]+(?:(?:\\d\\d(?:91|02))" + _S + "(?:tnecer" + _S + ")?[aA]"
    "|eht|ehT|na|nA|a|A|enO|eno|rehtona|rehtonA|tnecer" + _S + "a|tnecer" + _S + "A|wen" + _S
    + "a|wen" + _S + "A|egral" + _S + "a|egral" + _S + "A)(?![\\w])"
)
_ACCORDING_ORG_REV = re.compile(
    "[ \\t\\u00a0\\u2009\\u202f\\n]+(?:(?:\\d\\d(?:91|02))" + _S + ")?(?:(?:tsetal|tnecer"
    + _S + "tsom|tnecer|laiciffo|wen|tnerruc)" + _S + ")?(?:eht" + _S + ")?ot" + _S
    + "gnidrocc[aA](?![\\w])"
)


def _named(text: str) -> list[tuple[int, int]]:
    """Spans of named-but-uncited phrases, anchored at capitalised words."""
    spans: list[tuple[int, int]] = []
    last_end = 0
    for anchor in _CAPITAL.finditer(text):
        pos = anchor.start()
        if pos < last_end:
            continue
        etal = _ETAL_AT.match(text, pos)
        if etal:
            spans.append((pos, etal.end()))
            last_end = etal.end()
            continue
        org = _ORG_AT.match(text, pos)
        if org is None:
            continue
        back = text[max(0, pos - 50) : pos][::-1]
        tail = _NAMED_TAIL.match(text, org.end())
        if tail:
            determiner = _DETERMINER_REV.match(back)
            start = pos - determiner.end() if determiner else pos
            spans.append((start, tail.end()))
            last_end = tail.end()
            continue
        according = _ACCORDING_ORG_REV.match(back)
        if according:
            end = org.end()
            doc = _NAMED_DOC_AT.match(text, end)
            end = doc.end() if doc else end
            spans.append((pos - according.end(), end))
            last_end = end
    return spans


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
        if word in _SINGULAR_DETERMINERS:
            consumed.insert(0, word)
            start = token.start()
            index -= 1
            break
        if (
            word in _MODIFIERS
            or (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"))
            or (word == "of" and index > 0 and tokens[index - 1].group(0).lower() in _COLLECTIVES)
        ):
            consumed.insert(0, word)
            start = token.start()
            index -= 1
            continue
        if word in _COLLECTIVES and consumed[:1] == ["of"]:
            consumed.insert(0, word)
            start = token.start()
            index -= 1
            continue
        break
    stop = tokens[index].group(0).lower() if index >= 0 else ""
    return start, consumed, stop


def _vague_at(text: str, head: re.Match[str]) -> tuple[int, int] | None:
    """The vague-attribution span around one head noun, or None."""
    word = head.group(0).lower()
    start, consumed, stop = _walk_back(text, head.start())
    if stop in _NEGATORS or stop.endswith(("'s", "\u2019s")):
        return None
    if "a" in consumed[1:] or "an" in consumed[1:]:
        return None
    singular = word in _SINGULAR_HEADS
    determined = bool(consumed) and consumed[0] in _SINGULAR_DETERMINERS
    if singular and not determined:
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
    if (
        not singular
        and word in _STANDALONE_HEADS
        and any(w in _STANDALONE for w in consumed)
    ):
        return start, head.end()
    return None


def find_attributions(text: str) -> list[Attribution]:
    """All attribution phrases in ``text``, in order, without overlaps (named wins)."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int, str]] = []
    for start, end in _named(text):
        spans.append((start, end, NAMED))
    for m in _FIXED_VAGUE.finditer(text):
        spans.append((m.start(), m.end(), VAGUE))
    for head in _HEAD_RE.finditer(text):
        span = _vague_at(text, head)
        if span is not None:
            spans.append((span[0], span[1], VAGUE))
    spans.sort(key=lambda s: (s[0], s[2] != NAMED, -(s[1] - s[0])))
    found: list[Attribution] = []
    for start, end, kind in spans:
        if found and start < found[-1].end:
            last = found[-1]
            if kind == NAMED and last.kind == VAGUE:
                found[-1] = Attribution(
                    min(start, last.start), max(end, last.end), NAMED,
                    text[min(start, last.start) : max(end, last.end)],
                )
            continue
        found.append(Attribution(start, end, kind, text[start:end]))
    return found
