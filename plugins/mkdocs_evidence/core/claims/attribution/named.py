"""Named sources given as the authority for a claim ("according to the NHS", "a Cochrane
review found", "Smith et al. reported"), anchored at capitalised words.
"""

from __future__ import annotations

import re

from ...text.numbers import MONTHS
from .grammar import GAP as _S
from .grammar import alternation as _alt
from .lexicon import LEXICON

__all__ = ["named_spans"]


# Named sources. Case-sensitive: organisation names and acronyms are capitalised.
_CAP = "[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['\u2019]s)?"  # "Alzheimer's Association"
_ORG = (
    "(?:" + _alt(LEXICON.organisations)
    + "|(?:" + _CAP + _S + "){0,5}" + _alt(LEXICON.organisation_suffixes) + "(?:" + _S + "(?:of|for)(?:" + _S
    + "(?:the|and|&)" + _S + "?)?(?:" + _S + "?(?:" + _CAP + "|and|&)){1,5})"
    + "|(?:" + _CAP + _S + "){1,5}" + _alt(LEXICON.organisation_suffixes)
    + ")\\b"
)
_NAMED_DOC = (
    "(?i:reviews?|guidance|guidelines?|advice|reports?|figures|data|statistics|study|"
    "studies|survey|website|factsheet|fact" + _S + "sheet|leaflet|analysis|research|"
    "researchers|experts|scientists|recommendations?|estimates?|page|trial|paper)"
)
_NAMED_VERB = (
    "(?i:(?:(?:also|now|currently|still|strongly|clearly|recently)" + _S + ")?(?:(?:has|have)"
    + _S + ")?(?:(?:never|not|also|now|recently|just)" + _S + ")?(?:reports?|ranks?|ranked|approved|approves|gives?|reported|says?|said|states?|stated|recommends?|recommended|"
    "advises?|advised|suggests?|suggested|estimates?|estimated|warns?|warned|found|finds|"
    "notes?|noted|shows?|showed|shown|concluded|concludes|indicates?|indicated|explains?|"
    "explained|describes?|confirms?|confirmed|defines?|urges?|urged|publishe[sd]|lists?|"
    "calls?|puts?|agrees?|agreed|classifies|considers?|tells?|"
    "backs?|supports?|rates?|adds?|added|claims?|claimed)\\b)"
)
# Named sources are looked for only where a capital letter starts a word (a character-set
# scan that runs in C), then matched forward (name, document, verb) and backward
# (determiner or "according to") from there.
_CAPITAL = re.compile("[A-Z](?<![\\w.'\u2019-][A-Z])|[A-Z](?<=^[A-Z])", re.MULTILINE)
_ORG_AT = re.compile(_ORG + "(?:['\u2019]s?)?(?:" + _S + "\\([A-Z][A-Za-z&/]{1,9}\\))?")  # "(PCFA)"
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
# "..., says the MS Discovery Forum": a reporting verb before the name (reversed, with "the"
# and an abbreviation allowed between).
_SAYS_ORG_REV = re.compile(
    "[ \\t\\u00a0\\u2009\\u202f\\n]+(?:[A-Z]{2,6}" + _S + ")?(?:eht" + _S + ")?(?:syas|dias|stroper|detroper|"
    "seton|deton|setats|detats|sesivda|desivda|sdnemmocer|dednemmocer)(?![\\w])"
)
_ACCORDING_ORG_REV = re.compile(
    "[ \\t\\u00a0\\u2009\\u202f\\n]+(?:(?:\\d\\d(?:91|02))" + _S + ")?(?:(?:tsetal|tnecer"
    + _S + "tsom|tnecer|laiciffo|wen|tnerruc)" + _S + ")?(?:eht" + _S + ")?ot" + _S
    + "gnidrocc[aA](?![\\w])"
)


_JOURNAL_WORD = re.compile("\\b(?:Journal|Archives|Annals|Proceedings)\\b")
_IN_JOURNAL_REV = re.compile(  # reversed "in the April 24, 2006", "in the Jan. 19 issue of"
    "[ \\t\\u00a0\\n]+(?:fo" + _S + "eussi" + _S + ")?(?:\\d{4}" + _S + ")?(?:,?\\d{1,2}" + _S
    + "\\.?[a-z]{2,8}[A-Z]" + _S + ")?(?:eht" + _S + ")?ni(?![\\w])"
)
_PUBLISHED_BY_REV = re.compile(
    "[ \\t\\u00a0\\n]+(?:eht" + _S + ")?yb" + _S + "(?:dehsilbup|deussi|desaeler|delipmoc|decudorp)(?![\\w])"
)
_FROM_REV = re.compile("[ \\t\\u00a0\\n]+(?:eht" + _S + ")?(?:morf|gnisu|desu)(?![\\w])")
_SOURCE_DOC_AT = re.compile(
    "(?:" + _S + "(?:[a-z-]+" + _S + ")?(?i:data(?:base|set)?|figures|statistics|survey|registry|records|"
    "report|website|estimates)\\b)"
)


# Named sources without a known name: "according to" a capitalised name, an author-year
# citation in brackets, an acronym with a reporting verb or a year, "data from" a name.
_GENERIC = re.compile(
    "\\b[Aa]ccording" + _S + "to" + _S + "(?:the" + _S + ")?(?:(?:Dr\\.?|Professor|Prof\\.)" + _S
    + ")?[A-Z][\\w&'.-]*(?:" + _S + "(?:[A-Z][\\w&'.-]*|of|for|and|&|the))*(?<![ ,])"
    "|\\((?!(?:" + "|".join(MONTHS) + ")\\b)"
    "[A-Z][\\w&'.-]*(?:,?" + _S + "(?:et" + _S + "al\\.?|&|and|[A-Z][\\w'.-]*))*,?" + _S
    + "(?:19|20)\\d\\d[a-z]?(?:[.,;:][^()\\n]{0,40})?\\)"
    "|\\b(?!(?:" + "|".join(LEXICON.non_source_acronyms) + ")\\b)[A-Z]{2,6}(?:/[A-Z]{2,6})?"
    + _S + "(?:also" + _S + ")?(?:expects|estimates|reports|rates|ranks|analy[sz]ed|recommends|says|"
    "found|finds|warns|advises|puts|classifies|lists)\\b"
    "|(?<=[;,][ ])(?!(?:" + "|".join(LEXICON.non_source_acronyms) + ")\\b)[A-Z]{2,6}" + _S
    + "(?:19|20)\\d\\d[a-z]?(?=[);,])"
    # people: "said Dr. Jane Roe", "Dr Roe said", "lead author Jane Roe", "Roe et al. (2016)"
    # (a role or a title: a bare "said Jane Roe" is often an opinion, not a source)
    "|\\b(?:said|says|notes|noted|told|explains|explained)" + _S + "(?:(?:(?:(?:senior|lead|first)" + _S
    + "|co-)?(?:author|researcher|investigator|study" + _S + "(?:leader|author))" + _S + ")(?:(?:Dr\\.?|"
    "Professor|Prof\\.)" + _S + ")?|(?:Dr\\.?|Professor|Prof\\.)" + _S + ")[A-Z][a-z]+(?:" + _S
    + "[A-Z][\\w.'-]+){1,3}"
    # a name's own document: "GlobalData's analysis found" (not a disease: "Alzheimer's research")
    "|\\b(?=[A-Z][\\w&.-]*['\u2019]s\\s)(?!(?:" + "|".join(LEXICON.eponyms) + ")['\u2019])[A-Z][\\w&.-]*['\u2019]s" + _S + "(?:[a-z-]+" + _S
    + ")?(?:analysis|report|survey|data|figures|review|study|estimates|guidelines|research|statistics|"
    "website|guidance|advice|factsheet)"
    + _S + _NAMED_VERB
    + "|\\b(?:Dr\\.?|Professor|Prof\\.)" + _S + "[A-Z][\\w.'-]+(?:" + _S + "[A-Z][\\w.'-]+){0,3}"
    "(?=[^.;!?\\n]{0,80}\\b(?:said|says|notes|noted|told|found|explains|explained|reported)\\b)"
    "|\\b(?:(?:senior|lead|first)" + _S + "author|[Ll]ead" + _S + "researcher)" + _S + "[A-Z][a-z]+(?:"
    + _S + "[A-Z][\\w.'-]+){1,3}"
    "|\\b[A-Z][a-z]+" + _S + "et" + _S + "al\\.?(?:" + _S + "?\\((?:19|20)\\d\\d[a-z]?\\))?"
    # journals: "published in Spine", "the journal Sleep", "appeared in Neurology"
    "|\\b(?:appeared|appears|published|reported)" + _S + "(?:online" + _S + ")?(?:[\\w.,']+" + _S
    + "){0,5}?in" + _S + "(?:the" + _S + ")?(?:journal" + _S + ")?(?!(?:" + "|".join(LEXICON.places) + ")\\b)"
    "[A-Z][\\w&'-]*(?:" + _S
    + "(?:[A-Z][\\w&'-]*|of|and|&))*"
    "|(?<=[Tt]he )journal" + _S + "[A-Z][\\w&'-]*(?:" + _S + "(?:[A-Z][\\w&'-]*|of|and|&))*"
    "|\\b(?:[Ss]tatistics|[Dd]ata|[Ff]igures|[Ee]stimates)" + _S + "(?:come" + _S + ")?from" + _S
    + "(?:the" + _S + ")?[A-Z][\\w&'.-]*(?:" + _S + "(?:[A-Z][\\w&'.-]*|of|for|and|&))*(?<![ ,])"
    "|\\b[Ss]ources?:" + _S + "(?:the" + _S + ")?[A-Z][\\w&'.-]*(?:" + _S + "(?:[A-Z][\\w&'.-]*|of|for|and|&))*"
)


# _GENERIC is tried only at a capital letter, a bracket or one of its lower-case first words.
_GENERIC_ANCHOR = re.compile(
    "[A-Z(]|\\b(?:according|said|says|notes|noted|told|explains|explained|senior|lead|first|appeared|"
    "appears|published|reported|journal|statistics|data|figures|estimates|sources?)\\b"
)


def named_spans(text: str) -> list[tuple[int, int]]:
    """Spans of named-but-uncited phrases: known and suffix-named organisations with their
    reporting words, and the generic forms of :data:`_GENERIC`, in order, without overlaps."""
    spans = _org_spans(text)
    generic = []
    last = 0
    for anchor in _GENERIC_ANCHOR.finditer(text):
        if anchor.start() < last:
            continue
        m = _GENERIC.match(text, anchor.start())
        if m:
            generic.append((m.start(), m.end()))
            last = m.end()
    generic.extend(_study_spans(text))
    if not generic:
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + generic):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _org_spans(text: str) -> list[tuple[int, int]]:
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
        according = _ACCORDING_ORG_REV.match(back) or _SAYS_ORG_REV.match(back)
        if according is None:
            according = _PUBLISHED_BY_REV.match(back)  # "a report published by the Lancet Commission"
        if according is None and _JOURNAL_WORD.search(org.group(0)):
            according = _IN_JOURNAL_REV.match(back)  # "the results, in the Journal of X, show"
        if according is None and (_FROM_REV.match(back) or back[:1] == "("):
            doc = _SOURCE_DOC_AT.match(text, org.end())
            if doc and (back[:1] != "(" or text.startswith(")", doc.end())):
                spans.append((pos, doc.end()))  # "from the CDC's national database", "(X Website)"
                last_end = doc.end()
                continue
        if according:
            end = org.end()
            doc = _NAMED_DOC_AT.match(text, end)
            end = doc.end() if doc else end
            spans.append((pos - according.end(), end))
            last_end = end
    return spans




# Named studies and data sets: capitalised words ending in a study word ("the Framingham Heart
# Study", "Women's Health Initiative (WHI) results", "UK Biobank"), found from the study word
# backwards; method words alone ("A Pilot Study", "Randomised Controlled Trial") are no name.
_STUDY_WORDS = ("Study", "Trial", "Survey", "Initiative", "Biobank", "Database", "Registry", "Cohort")
_NAME_TOKEN = re.compile("[A-Z][\\w'\u2019-]*|of|and|for|on|&")
_STUDY_AFTER = re.compile("(?:" + _S + "\\([A-Z][A-Za-z0-9&/-]{1,9}\\))?,?(?:" + _S
                          + "(?P<claim>(?i:data|results|findings|figures)\\b|" + _NAMED_VERB + "))?")
_STUDY_USED_REV = re.compile("[ \\t\\u00a0\\u2009\\u202f\\n]+(?:eht" + _S + ")?(?:gnisu|desu|morf|esu)(?![\\w])", re.I)


def _study_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for at, end in _whole_words(text, _STUDY_WORDS):
        words = text[max(0, at - 80) : at].split(" ")[:-1]
        start, distinct = at, False
        for token in reversed(words):
            if not _NAME_TOKEN.fullmatch(token):
                break
            start -= len(token) + 1
            lower = token.lower()
            distinct = distinct or (token[0].isupper() and lower not in LEXICON.modifiers
                                    and lower not in LEXICON.study_method_words)
        while text[start : start + 4] in ("of ", "and ", "for ", "on ", "& "):
            start += text.index(" ", start) + 1 - start
        after = _STUDY_AFTER.match(text, end)
        used = _STUDY_USED_REV.match(text[max(0, start - 12) : start][::-1])
        claim = after.group("claim") if after else None
        if claim and claim[:1].isupper():
            continue  # a title-case headline ("Coffee Study Finds ..."): every word is capitalised
        if distinct and after and (claim or used):
            spans.append((start, after.end()))  # the study is the source of a claim
    return sorted(spans)


def _whole_words(text: str, words: tuple[str, ...]):
    """(start, end) of each whole-word occurrence of ``words`` (str.find runs in C)."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                yield at, end
            at = text.find(word, end)
