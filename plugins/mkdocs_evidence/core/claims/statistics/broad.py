"""The second pass of the statistics finder: every other number and quantity word is a candidate.

The precise patterns (:mod:`.patterns`) find statistics whose form alone makes them one. This
pass looks at what they leave: every number in digits or words, proportions in words ("most
people", "the majority"), ranks ("the third most common cause"), age groups ("aged 65 and
over"), comparisons ("more likely") and multiples as verbs ("doubles"). Each candidate is
decided from its context with the negative lexicon (labels and codes, years, doses and
measurements, times of day, phone numbers, adjectival durations, one person's case,
instructions, reference-list entries). What survives is flagged: ``sure`` when its form is a
finding ("214,000 males", "the leading cause"), ``uncertain`` with a reason otherwise, because
a missed unsourced figure reaches patients while a false alarm costs an editor one waiver.

Bare numbers are decided in :mod:`.bare`, comparisons and ranks against all others in
:mod:`.comparisons`; what every test needs to know about the text (sentence starts, guidance
and case-story words, reference-like lines, the anchor words) comes from :mod:`.scan`.

Linear time: one scan per anchor kind; every context test reads a bounded window, and the
reference-like lines are found in one pass over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ...text.numbers import NUMBER_WORDS, OPT_SPACES, SPACES
from .bare import DIGITS, NUMBER_AT, number_candidate
from .candidate import Candidate
from .comparisons import comparison_candidate, superlative_of_all
from .lexicon import LEXICON
from .scan import SCAN_DIGIT_ANCHOR, TextContext

__all__ = ["Candidate", "broad_candidates"]

_S, _S0 = SPACES, OPT_SPACES
_F = re.IGNORECASE
_PLURAL = (
    "(?!(?:is|was|has|does|this|thus|always|perhaps|its|less|unless|across|plus|us)\\b)"
    "[a-z-]{2,}(?<!ss)(?<!ous)(?<!ly)s\\b"
)


_ORDINAL = (
    "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,3}(?:st|nd|rd|th)"
    "|number" + _S + "(?:one|two|three|1|2|3))"
)
_SUPERLATIVE = (
    "(?:most" + _S + "(?:common(?:ly)?|frequent(?:ly)?|prevalent|widespread|popular|deadly|costly|"
    "curable|likely|important|serious|disabling|diagnosed|prescribed|used|often|effective|popular)|commonest|leading|"
    "smallest|"
    "biggest|largest|greatest|highest|lowest|top|"
    "single" + _S + "biggest)"
)
_RANK = re.compile(
    "#\\d{1,3}\\b(?:" + _S + "[\\w-]+){0,2}|(?:(?:one" + _S + "of" + _S + "|among" + _S
    + ")?(?:the|its|their|a)" + _S + ")?(?:" + _ORDINAL + _S + "(?:" + _SUPERLATIVE
    + "|most|least|common(?:est)?)|\\d{1,3}(?:st|nd|rd|th)" + _S + "(?:overall|among|place)|number"
    + _S + "(?:one|1)|" + _SUPERLATIVE + ")\\b(?:" + _S + "(?:[^\\W\\d_]|-)+\\b){0,2}"
    # (the words after it hold no digits: "used most often were GB34" keeps the point's code out)
    # "one of the major causes": one of the few that lead
    "|one" + _S + "of" + _S + "the" + _S + "(?:major|main|chief|principal)" + _S
    + "(?:causes|reasons|killers|risk" + _S + "factors|sources|contributors)\\b",
    _F,
)
_RANK_NOUN = re.compile(
    "(?:" + _S + "[\\w-]+){0,2}?" + _S + "(?:causes?|killers?|reasons?|risk" + _S + "factors?|"
    "types?|forms?|kinds?|cancers?|conditions?|diseases?|symptoms?|sites?|sources?|contributors?|"
    "diagnos[ie]s|problems?|injur(?:y|ies)|disorders?|complaints?)\\b",
    _F,
)
_PROPORTION = re.compile(
    "(?:(?:the" + _S + "(?:vast" + _S + "|great" + _S + "|overwhelming" + _S + ")?)?majority\\b(?:" + _S
    + "of)?|(?:an?|the)" + _S + "(?:small" + _S + ")?minority" + _S + "of\\b"
    "|(?:nearly|almost|virtually)" + _S + "(?:all|everyone|every" + _S + "\\w+)\\b"
    "|all" + _S + "but" + _S + "(?:\\d+|" + "|".join(w for w in NUMBER_WORDS if w != "zero") + ")\\b"
    "|(?<![Aa]t" + " )(?<![Tt]he )(?<!one )most\\b(?!" + _S + "(?:of" + _S + ")?(?-i:[A-Z])|" + _S + "(?:importantly|of" + _S + "all|likely" + _S + "to" + _S
    + "be" + _S + "asked)\\b)(?:" + _S + "(?:of" + _S + ")?[\\w-]+)?)",
    _F,
)
_AGE_NUM = (
    "(?:\\d{1,3}(?![\\d%]|,\\d|[.]\\d)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\\b)"
)
# "80 years of age and older", "40-60 years old", "90 days old": an age in any form.
_AGE_SPAN = (
    "(?<![\\w.,])\\d{1,3}(?:" + _S0 + "[-\u2013]" + _S0 + "\\d{1,3}|" + _S + "to" + _S + "\\d{1,3})?" + _S
    + "(?:years?" + _S + "(?:of" + _S + "age|old)|days" + _S + "old)\\b(?:" + _S + "(?:and|or)" + _S
    + "(?:over|older|above|under|younger))?"
)
_AGE = re.compile(
    "(?:aged|ages?|age" + _S + "of|ages" + _S + "of|between" + _S + "the" + _S + "ages" + _S
    + "of|over" + _S + "the" + _S + "age" + _S + "of|under" + _S + "the" + _S + "age" + _S
    + "of|older" + _S + "than|younger" + _S + "than|(?:aged|ages)" + _S + "between|by" + _S + "(?:the" + _S + ")?age(?:"
    + _S + "of)?|after" + _S + "age|from" + _S + "age|before" + _S + "age)" + _S0 + "[<>\u2264\u2265]?"
    + _S0 + _AGE_NUM + "(?:" + _S0 + "(?:-|\u2013|to|and|or)" + _S0 + _AGE_NUM + ")?(?:" + _S
    + "years?)?(?:" + _S + "(?:old|of" + _S + "age))?(?:" + _S + "(?:and|or)" + _S
    + "(?:over|older|above|under|younger|up))?"
    "|(?<![\\w.,])\\d{2}\\+(?!\\w)|(?<![\\w.,])\\d{2}(?:" + _S + "years?)?" + _S + "(?:and|or)" + _S
    + "(?:over|older|above)\\b"
    "|\\b(?:in|from|until|by|through)" + _S + "(?:his|her|their|our|your|the)" + _S + "(?:early"
    + _S + "|mid-?|late" + _S + ")?\\d0s\\b"
    "|" + _AGE_SPAN + "|(?<=[(<>\u2264\u2265])" + _AGE_NUM + "(?:" + _S0 + "[-\u2013]" + _S0
    + _AGE_NUM + ")?" + _S + "years" + _S0 + "(?=\\))"
    "|(?:(?<=people )|(?<=adults )|(?<=women )|(?<=men )|(?<=patients )|(?<=those )|(?<=children ))"
    "(?:over|under)" + _S + "(?:[2-9]\\d|1[5-9])\\b(?!" + _S0 + "(?:%|per\\b|percent|[.,]\\d))"
    "|\\b(?:over|under|past)" + _S + "(?:[2-9]\\d|1[5-9])(?:" + _S + "years" + _S
    + "(?:old|of" + _S + "age))?(?=" + _S0 + "(?:[.,;:)!?]|$|and\\b|or\\b|who\\b|are\\b|is\\b|"
    "have\\b|has\\b|were\\b|was\\b|in\\b|with\\b|\\[))",
    _F,
)
_WHO_IS = re.compile("\\bwho" + _S + "(?:is|are|was|were)" + _S + "$", _F)
_OPINION = re.compile(
    _S + "(?:think|thinks|say|says|said|believe|believed|assume|assumed|argue|feel|agree|suggest)\\b", _F
)
_AGE_HAS_NUMBER = re.compile("\\d|ty\\b|ty-", _F)
_COMPARISON = re.compile(
    "(?:risen|rose|fell|fallen|dropped|grew|grown|increased|decreased)" + _S
    + "(?:slightly|sharply|dramatically|steadily|significantly|faster|rapidly)\\b",
    _F,
)
_MULTIPLE = re.compile(
    "(?:more" + _S + "than|nearly|almost|roughly|about)" + _S + "(?:doubled|tripled|trebled|halved|"
    "quadrupled)\\b|(?:doubled|tripled|trebled|halved|quadrupled)\\b(?!" + _S + "(?:up|back|as)\\b|" + _S
    + "over\\b(?!" + _S + "(?:the|a|an|\\d)))"
    "|(?:two|three|four|five|six|seven|eight|nine|ten)fold\\b"
    "|(?:doubles|triples|quadruples|double|triple)\\b(?!" + _S0 + "[-]|" + _S
    + "(?:check|vision|bed|room|dose|click|up|chin|jointed|glazing)\\b)"
    "|\\d+(?:[.]\\d+)?" + _S0 + "[x\u00d7]" + _S + "(?:more|less|higher|lower|greater|as|the)\\b"
    "|by" + _S + "(?:(?:a|one|two|three|four)(?:-|" + _S + "))?(?:half|thirds?|quarters?|fifths?|tenths?)\\b"
    "|(?<![\\d:.])\\d{1,3}(?:[.]\\d+)?" + _S0 + ":" + _S0 + "\\d{1,3}(?:[.]\\d+)?(?![\\d:])"
    "(?=" + _S + "(?:ratio|women|men|female|male|in" + _S + "favour)|" + _S0 + "[.,;)]|$)",
    _F,
)
_BODY_PARTS = frozenset(("legs", "limbs", "feet", "knees", "ankles", "hips", "nerves", "eyes"))
_TIME_UNITS = "(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_VAGUE_QUANTITY = re.compile(
    "(?:tens" + _S + "of" + _S + "|hundreds" + _S + "of" + _S + ")?(?:thousands|millions|billions)\\b"
    "(?!" + _S + "of" + _S + "(?:years|miles|pounds|dollars|euros|nerve|cells|neurons)\\b)(?:" + _S + "(?:more|of))?"
    "|(?:a" + _S + ")?(?:large|high|small|low|significant|growing|substantial|considerable)" + _S
    + "(?:and" + _S + "[\\w-]+" + _S + ")?(?:proportion|percentage|share|minority)\\b(?:" + _S + "of)?"
    "|statistically" + _S + "significant(?:ly)?" + _S + "(?:difference|change|relief|gains?|"
    "improvements?|reductions?|increases?|fewer|more|less|lower|higher|better|greater|worse)\\b"
    "|no" + _S + "(?:statistically" + _S + ")?significant" + _S + "(?:difference|change|effect)\\b"
    "|(?<![Aa] )(?<![Tt]his )few" + _S + "(?:[a-z-]+" + _S + ")?" + "(?:people|patients|adults|children|"
    "women|men|cases|adverse" + _S + "events|side" + _S + "effects|who)\\b"
    "|(?<![Hh]ow )(?<![Tt]oo )(?<![Ss]o )(?<![Aa]s )many" + _S + "(?:(?:[a-z-]+" + _S + ")?(?:"
    + "|".join(sorted({w.lower() for w in LEXICON.participant_nouns if w not in _BODY_PARTS}
                      | {"cases", "sufferers", "doctors", "experts"}, key=len, reverse=True))
    + ")\\b|of" + _S + "(?:us|them|whom)\\b|(?:get|do|have|are|will|say|find)\\b)"
    "|(?<=[Ff]or )many\\b|(?<=by )many\\b"
    "|\\d+(?:[.]\\d+)?(?:" + _S0 + "[-\u2013]" + _S0 + "\\d+(?:[.]\\d+)?)?" + _S + _TIME_UNITS + _S
    + "(?:longer|shorter|younger|older|earlier|more|less|reduction|increase|sooner)\\b"
    "|by" + _S + "(?:about" + _S + "|around" + _S + "|almost" + _S + "|nearly" + _S + "|up" + _S
    + "to" + _S + ")?\\d+(?:[.]\\d+)?(?:" + _S0 + "[-\u2013]" + _S0 + "\\d+(?:[.]\\d+)?)?" + _S
    + _TIME_UNITS + "\\b"
    "|(?:(?:more|less|fewer)" + _S + "than|only" + _S + "about|only|nearly|almost|about|over|under|"
    "just" + _S + "over|just" + _S + "under)" + _S + "(?:half|a" + _S + "(?:third|quarter|fifth|tenth)|"
    "(?:one|two|three)[- ](?:thirds?|quarters?|fifths?))\\b(?!" + _S + "(?:of|the|an?|hour|mile|"
    "litre|liter|cup|tablet|dose)\\b)"
    "|\\d+(?:[.]\\d+)?" + _S + "times(?:" + _S + "over)?\\b(?!" + _S + "(?:a|per|each|every|daily|weekly|"
    "more|less|higher|lower|greater|as|the)\\b)",
    _F,
)
_RATIO_CONTEXT = re.compile("\\b(?:ratio|women|men|female|male|females|males|girls|boys)\\b", _F)
_EVERY = re.compile(
    "(?:(?:one|a|1)" + _S + "(?:person|man|woman|child|adult|death|case|people)|someone|somebody)"
    "(?:" + _S + "[\\w-]+){0,3}?" + _S + "every" + _S + "(?:\\d+|[a-z]+" + _S + ")?" + _S0
    + "(?:seconds?|minutes?|hours?|days?)\\b"
    "|\\bevery" + _S + "(?:\\d+" + _S + ")?(?:seconds?|minutes?)\\b",
    _F,
)
_NEEDS_NOUN = re.compile(
    "\\b(?:leading|top|biggest|largest|greatest|smallest|single|important|serious|effective)\\b", _F
)
_MOST_NEXT = re.compile(
    _S + "(?:(?:of|people|men|women|children|adults|patients|cases|us|them|will|can|are|have|do|"
    "get|recover|experts|doctors)\\b|(?:[a-z-]+" + _S + "){0,2}?" + _PLURAL + ")"
    "|" + _S0 + "[.,;:!?()]",
    _F,
)
_WORD_SCAN = re.compile(
    "(?P<rank>(?:\\b(?:one" + _S + "of" + _S + "|among" + _S + ")?(?:the|its|their|a)" + _S
    + ")?(?:\\b" + _ORDINAL + "|\\b" + _SUPERLATIVE + ")\\b|#\\d{1,3}\\b|\\bone" + _S + "of" + _S + "the" + _S
    + "(?:major|main|chief|principal)\\b)"
    "|(?P<prop>\\b(?:the|an?|nearly|almost|virtually|all|most|majority)\\b)"
    "|(?P<age>\\b(?:aged|ages?|between|over|under|past|older|younger|by|after|from|before|in|until)\\b"
    "|(?<![\\w.,])\\d{2}(?=\\+|(?:" + _S + "years?)?" + _S + "(?:and|or)" + _S + "(?:over|older|above))"
    "|(?<![\\w.,])\\d{1,3}(?=(?:" + _S0 + "[-\u2013]" + _S0 + "\\d{1,3}|" + _S + "to" + _S + "\\d{1,3})?" + _S
    + "(?:years?" + _S + "(?:of" + _S + "age|old)|days" + _S + "old)\\b)|(?<=[(<>\u2264\u2265])\\d{1,3}(?=(?:"
    + _S0 + "[-\u2013]" + _S0 + "\\d{1,3})?" + _S + "years" + _S0 + "\\)))"
    "|(?P<cmp>\\b(?:risen|rose|fell|fallen|dropped|grew|grown|increased|decreased)\\b)"
    "|(?P<mult>\\b(?:roughly|doubled|tripled|trebled|halved|quadrupled|doubles|"
    "triples|quadruples|double|triple|twofold|threefold|fourfold|fivefold|sixfold|sevenfold|eightfold|"
    "ninefold|tenfold)\\b|(?<![\\w.,:])\\d+(?:[.]\\d+)?(?=" + _S0 + "(?:[x\u00d7]" + _S + "|:" + _S0 + "\\d)))"
    "|(?P<vq>\\b(?:tens|hundreds|thousands|millions|billions|large|high|small|low|significant|"
    "growing|substantial|considerable|statistically|significantly|no|few|[Mm]any|by|more|less|fewer|only|"
    "nearly|almost|about|over|under|just)\\b|(?<![\\w.,])\\d+(?:[.]\\d+)?(?=(?:" + _S0
    + "[-\u2013]" + _S0 + "\\d+(?:[.]\\d+)?)?" + _S + "(?:times|" + _TIME_UNITS + ")\\b))"
    "|(?P<every>\\b(?:one|a|1|someone|somebody|every)\\b)",
    _F,
)


# An age in a chart's title or a table's row label: followed by ", by ..." or ", 2018".
_AGE_IN_TITLE = re.compile(_S0 + "\\+?" + _S0 + "," + _S0 + "(?:by\\b|(?:19|20)\\d\\d\\b)")
_TITLE_START = re.compile(_S0 + "(?:[#*|>-]+" + _S0 + ")?(?:Figure|Fig\\.|Table|Chart|Map|Graph)\\b")
_TITLE_BODY = re.compile("[^\\d.!?:;]*")
_TITLE_REACH = 200


def _title_line(text: str, start: int, end: int) -> bool:
    """A figure or table title, or a short label line with no other number and no sentence end
    ("IVF success rates for women under 35", "Under 35")."""
    floor = max(0, start - _TITLE_REACH)
    newline = text.rfind("\n", floor, start)
    if newline < 0 and floor > 0:
        return False  # the line starts too far back to be a title (bounded: linear time)
    line_start = newline + 1
    if _TITLE_START.match(text, line_start):
        return True
    line_end = text.find("\n", end, end + 81)
    if line_end < 0:
        line_end = len(text) if len(text) - end <= 80 else end + 81
    if line_end - line_start > 80:
        return False
    head = _TITLE_BODY.match(text, line_start, start)
    tail = _TITLE_BODY.match(text, end, line_end)
    return head is not None and head.end() == start and tail is not None and tail.end() == line_end


_CASE_NEXT = re.compile("[,;:]?" + _S0 + "(?:she|he|I|my|his|her)\\b")  # "Aged 34, she had"


_RISK_NEXT = re.compile(_S + "(?:your|the|their|a" + _S + "person's)" + _S + "(?:risk|chance|odds|likelihood)\\b", _F)


def _word_candidate_mult(ctx: TextContext, pos: int) -> Candidate | None:
    """Multiples, changes by a fraction and ratios ("more than doubled", "by a fifth", "3:1")."""
    text = ctx.text
    x = _MULTIPLE.match(text, pos)
    if x is None or (ctx.guidance(pos) and not _RISK_NEXT.match(text, x.end())):
        return None  # "double the dose"; but "triples your risk of dementia" is a finding
    if ":" in x.group(0) and not _RATIO_CONTEXT.search(text, max(0, pos - 40), min(len(text), x.end() + 40)):
        return None  # "8:30": a time, not a ratio
    return Candidate(pos, x.end(), "multiple", "multiple", "sure", "")


def _rank_candidate(ctx: TextContext, m: re.Match[str]) -> Candidate | None:
    """"the third most common cause", "the leading cause", "the highest of any"."""
    text, pos = ctx.text, m.start()
    best = superlative_of_all(text, pos)
    if best is not None:
        return best
    r = _RANK.match(text, pos)
    if r is None:
        return None
    noun = _RANK_NOUN.match(text, m.end())
    if noun is None and _NEEDS_NOUN.search(r.group(0)):
        return None  # "a leading brand", "the main thing"
    sure = noun is not None or re.search("\\b(?:commonest|most" + _S + "common)", r.group(0), _F)
    if not sure and not re.search(_ORDINAL + "|#\\d|most|leading|commonest", r.group(0), _F):
        return None  # "the main thing", "the top of the page"
    ordinal = re.search(_ORDINAL, r.group(0), _F) is not None
    if _WHO_IS.search(text, max(0, pos - 12), pos):
        return None  # "we do not know who is most likely to benefit": which group, not how often
    if not sure and (ctx.guidance(pos) or ctx.case(pos) or (not ordinal and re.search(
            "\\b(?:top|biggest|largest|greatest|highest|lowest|single)\\b", r.group(0), _F))):
        return None
    return Candidate(pos, r.end(), "rank", "rank", "sure" if sure else "uncertain",
                     "" if sure else "a ranking word: a finding, unless it is an opinion")


def _word_candidate(ctx: TextContext, m: re.Match[str]) -> Candidate | None:
    """Decide one quantity phrase found by the word scan."""
    text, group, pos = ctx.text, m.lastgroup, m.start()
    if ctx.in_reference(pos):
        return None
    if group == "age" and _AGE.match(text, pos) is None:
        group = "vq"  # "by a fifth", "over half": not an age
    if group == "prop" and _PROPORTION.match(text, pos) is None:
        group = "vq"  # "nearly half", "about 3 times"
    if group == "rank":
        return _rank_candidate(ctx, m)
    if group == "prop":
        p = _PROPORTION.match(text, pos)
        if p is None:
            return None
        if p.group(0).lower().startswith("most") and (
            ctx.imperative(pos) or not _MOST_NEXT.match(text, pos + 4)
        ):
            return None  # "the most thorough", "most clearly": a superlative, not a proportion
        return Candidate(pos, p.end(), "proportion", "proportion", "uncertain",
                         "a proportion in words: say how many and cite the source")
    if group == "vq":
        q = _VAGUE_QUANTITY.match(text, pos)
        if q is None:
            return _word_candidate_mult(ctx, pos)
        if ctx.imperative(pos) or ctx.guidance(pos) or ctx.case(pos) or _OPINION.match(text, q.end()):
            return None  # "many doctors say": an appeal to authority, not a count
        return Candidate(pos, q.end(), "proportion", "vague-quantity", "uncertain",
                         "a quantity in words ('many', 'millions', 'a large share', 'significantly'):"
                         " a finding that needs a source")
    if group == "age":
        a = _AGE.match(text, pos)
        if a is None or not _AGE_HAS_NUMBER.search(a.group(0)) or ctx.case(pos) or _CASE_NEXT.match(text, a.end()):
            return None
        if _AGE_IN_TITLE.match(text, a.end()) or _title_line(text, pos, a.end()):
            return None  # "Figure 1: Stroke among people aged 15 and over, by sex, 2018"
        return Candidate(pos, a.end(), "age-group", "age", "uncertain",
                         "an age group: a finding about a group, unless it says who the advice is for")
    if group == "cmp":
        c = _COMPARISON.match(text, pos)
        if c is None or ctx.guidance(pos):
            return None
        return Candidate(pos, c.end(), "comparison", "comparison", "uncertain",
                         "a comparison between groups: a finding that needs a source")
    if group == "mult":
        return _word_candidate_mult(ctx, pos)
    if group == "every":
        e = _EVERY.match(text, pos)
        if e is None or ctx.guidance(pos):
            return None
        return Candidate(pos, e.end(), "rate", "every", "sure", "")
    return None


def _number_candidates(ctx: TextContext, found: list[Candidate], free) -> Iterator[Candidate]:
    """Bare numbers (digits and words) outside the precise spans and the word candidates."""
    text = ctx.text
    numbers = sorted([(m.start(), m.end()) for m in DIGITS.finditer(text)] + ctx.number_words)
    covered = [(c.start, c.end) for c in found]
    cstarts = [s for s, _ in covered]
    last_end = 0
    for start, _ in numbers:
        if start < last_end:
            continue
        token_match = NUMBER_AT.match(text, start)
        if token_match is None:
            continue
        end = token_match.end()
        index = bisect.bisect_right(cstarts, start) - 1
        if (index >= 0 and covered[index][1] > start) or not free(start, end):
            continue
        c = number_candidate(ctx, start, end, token_match.group(0))
        if c is not None and free(c.start, c.end):
            yield c
            last_end = c.end


def broad_candidates(ctx: TextContext, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Candidates outside the ``taken`` spans (sorted, non-overlapping), in order, non-overlapping."""
    text = ctx.text
    starts = [s for s, _ in taken]

    def free(start: int, end: int) -> bool:
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and taken[index][1] > start:
            return False
        nxt = index + 1
        return not (nxt < len(taken) and taken[nxt][0] < end)

    found: list[Candidate] = []
    last_end = 0
    anchors = sorted(ctx.anchors + [m.start() for m in SCAN_DIGIT_ANCHOR.finditer(text)])
    for pos in anchors:
        if pos < last_end:
            continue
        m = _WORD_SCAN.match(text, pos)
        if m is None:
            continue
        c = _word_candidate(ctx, m)
        if c is not None and c.end > c.start and free(c.start, c.end):
            found.append(c)
            last_end = c.end
    extra = list(_number_candidates(ctx, found, free))
    for pos, word in ctx.comparisons:
        c = comparison_candidate(ctx, word, pos)
        if c is not None and c.end > c.start and free(c.start, c.end) and not ctx.in_reference(pos):
            extra.append(c)
    merged = sorted(found + extra, key=lambda c: c.start)
    last = -1
    for c in merged:
        if c.start >= last:
            yield c
            last = c.end
