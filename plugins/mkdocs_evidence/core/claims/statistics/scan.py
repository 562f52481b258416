"""What the second pass knows about a whole text before it decides any candidate, each fact
found in one pass: where its sentences start, which lines read like reference-list entries,
and where the words are that mark guidance ("you", an instruction), one person's case ("she",
"a 52-year-old"), number words and the anchor words of the word scan.

:class:`TextContext` answers each question with a few bisections, so a megabyte line with a
number every few characters stays linear. The anchor words are found by one
:class:`~.grammar.WordScan` over a trie of every word the pass needs.
"""

from __future__ import annotations

import bisect
import re

from ...text.numbers import NUMBER_WORDS, OPT_SPACES, SCALE_BIG, SPACES
from .comparisons import WORDS as _CMP_WORDS
from .grammar import WordScan, cased, trie
from .lexicon import LEXICON

__all__ = ["SCAN_DIGIT_ANCHOR", "TextContext"]

_S, _S0 = SPACES, OPT_SPACES
_F = re.IGNORECASE
_IMPERATIVE = re.compile(
    _S0 + "(?:[-*]" + _S + ")?(?:take|hold|repeat|do|try|ask|see|call|phone|ring|offer|use|wear|"
    "put|keep|avoid|stop|start|wait|rest|apply|place|lie|stand|sit|walk|drink|eat|make|book|get|"
    "go|give|let|aim|limit|allow|consider|check|remember)\\b",
    _F,
)

# Where the word scan can match: its first words (a trie, case-sensitive, so most positions are
# rejected after one comparison), "#" and digits. The scan itself is then tried only there.
_SCAN_WORDS = (
    "one", "among", "the", "its", "their", "a", "an", "first", "second", "third", "fourth", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth", "number", "most", "commonest", "leading",
    "biggest", "largest", "greatest", "highest", "lowest", "top", "single", "nearly", "almost",
    "virtually", "all", "majority", "aged", "age", "ages", "between", "over", "under", "past",
    "older", "younger", "by", "after", "from", "before", "in", "until", "risen", "rose", "fell", "fallen",
    "dropped", "grew", "grown", "increased", "decreased", "roughly", "doubled", "tripled", "trebled",
    "halved", "quadrupled", "doubles", "triples", "quadruples", "double", "triple", "twofold",
    "threefold", "fourfold", "fivefold", "sixfold", "sevenfold", "eightfold", "ninefold", "tenfold",
    "tens", "hundreds", "thousands", "millions", "billions", "large", "high", "small", "low",
    "significant", "growing", "substantial", "considerable", "statistically", "significantly", "no",
    "few", "many", "more", "less", "fewer", "only", "about", "just", "someone", "somebody", "every",
)
# Frequent small words start a match only before a few words: they are anchors only there.
_SCAN_SMALL = (
    "one", "among", "the", "its", "their", "a", "an", "in", "by", "from", "after", "before", "over",
    "until",
    "under", "between", "past", "no", "more", "less", "fewer", "only", "nearly", "almost", "about",
    "just", "all", "large", "high", "small", "low",
)
_SCAN_NEXT = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "number", "most", "least", "commonest", "leading", "biggest", "largest", "greatest", "highest",
    "smallest",
    "lowest", "top", "single", "majority", "minority", "vast", "great", "overwhelming", "small", "his",
    "her", "their", "our", "your", "age", "ages", "half", "quarter", "statistically", "significant",
    "than", "everyone", "every", "but", "proportion", "percentage", "share", "few", "many", "all",
    "about", "around", "almost", "nearly",
)
_NEXT_OK = (
    "(?=" + _S + "(?:(?:" + trie(_SCAN_NEXT) + ")\\b|\\d|(?:the|of" + _S + "the)" + _S + "(?:\\d0s|early|late|mid|age|ages|most|"
    "leading|first|second|third|majority|minority|vast|great|number|commonest|major|main|chief|principal)\\b|(?:an?|one|two|three|"
    "four)[- ](?:half|thirds?|quarters?|fifths?|tenths?|large|high|small|low|growing|significant|"
    "minority|leading)\\b|one" + _S + "of\\b|and" + _S + "(?:over|older|above)\\b|(?:person|man|woman|"
    "child|adult|death|case)\\b))"
)
_NUMBER_WORDS_2 = tuple(w for w, v in NUMBER_WORDS.items() if v >= 2)
# "we" and "our" are left out: a page's own findings ("our research finds thousands") are claims.
_YOU_WORDS = ("you", "your", "yourself")
_CASE_WORDS = ("she", "he", "her", "his", "him", "i", "my", "me", "mrs", "mr", "ms")


def _word_trie(entries) -> str:
    """One trie over ``(word, end)`` entries: a word matches where its ``end`` (``\\b`` or a
    look-ahead) holds; a word with several ends matches where any of them does."""
    tree: dict = {}
    for word, end in entries:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node.setdefault("", set()).add(end)

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        ends = sorted(node.get("", set()))
        if ends:
            branches.append(ends[0] if len(ends) == 1 else "(?:" + "|".join(ends) + ")")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


# The precise pass's anchor words (:mod:`.finder`): number, fraction and multiple words and
# measure names (any case as listed, and Capitalised), measure abbreviations (as written), "a"
# or "an" before a fraction or scale word, and the letters of "p = 0.03", "d = 0.4", "n = 120".
_FINDER_END = "\\b(?!-year)"
_FINDER_PLAIN = tuple(cased(
    tuple(w for w in NUMBER_WORDS if w != "zero") + LEXICON.fraction_words + LEXICON.multiple_words
    + LEXICON.measure_keywords
)) + tuple(LEXICON.measure_abbreviations)
_FINDER_A = (
    "(?=(?:" + _S + "|-)(?:half|third|quarter|fifth|sixth|tenth|dozen|hundred|thousand|"
    + SCALE_BIG + ")\\b)"
)
_FINDER_LETTER = "(?=" + _S0 + "(?:[<>=\u2264\u2265]|[- ]?values?\\b))"
_FINDER_GUARDED = {w: _FINDER_A for w in ("a", "an", "A", "An")} | {w: _FINDER_LETTER for w in "pPdgnN"}
_FINDER_A_RE = re.compile(_FINDER_A)
_FINDER_LETTER_RE = re.compile(_FINDER_LETTER)
_FINDER_SET = frozenset(_FINDER_PLAIN)
_NEXT_OK_RE = re.compile(_NEXT_OK)


_PLAIN_WORDS = frozenset(
    [w for w in _SCAN_WORDS if w not in _SCAN_SMALL] + list(_NUMBER_WORDS_2) + list(_YOU_WORDS)
    + list(_CASE_WORDS) + list(_CMP_WORDS)
)
# The one word scan of this pass: its anchors, number words, "you" words and "she" words.
_WORD_SCAN_ANCHOR = WordScan(_word_trie(
    [(w, "\\b") for w in cased(sorted(_PLAIN_WORDS))] + [(w, _NEXT_OK) for w in cased(_SCAN_SMALL)]
    + [(w, _FINDER_END) for w in _FINDER_PLAIN] + list(_FINDER_GUARDED.items())
))
_SMALL_SET = frozenset(cased(_SCAN_SMALL))
_SCAN_SET = frozenset(v for w in _SCAN_WORDS for v in (w, w.capitalize()))
_NUMBER_SET = frozenset(v for w in _NUMBER_WORDS_2 for v in (w, w.capitalize()))
_YOU_SET = frozenset(v for w in _YOU_WORDS for v in (w, w.capitalize()))
_CASE_SET = frozenset(v for w in _CASE_WORDS for v in (w, w.capitalize()))
_CMP_SET = frozenset(v for w in _CMP_WORDS for v in (w, w.capitalize()))
SCAN_DIGIT_ANCHOR = re.compile("[#\\d](?<![\\w.,:#][#\\d])")

# Context windows (reversed look-backs match at the window's end, forward ones at the start).
_GUIDANCE_START = re.compile(
    _S0 + "(?:[-*]" + _S + ")?(?:take|hold|repeat|do|try|ask|see|call|phone|ring|offer|use|wear|"
    "put|keep|avoid|stop|start|wait|rest|apply|place|lie|stand|sit|walk|drink|eat|make|book|get|"
    "go|give|let|aim|limit|allow|consider|check|remember|if|when|for" + _S
    + "(?:adults|children))\\b",
    _F,
)
_BOUNDARY = re.compile("[.!?\n]")
_CASE_AGE = re.compile("-year-old\\b")  # "a 52-year-old": checked for "a" before it
# Marks of a reference-list entry: literal words (found with str.find), a "2019;12(3):45" citation
# and initials after a surname ("Smith, J."). Digit- and comma-led, so the scans skip fast.
_REFERENCE_WORDS = ("doi", "Retrieved", "retrieved", "ISBN", "pp.", "vol.")
# Weak marks ("et al", initials after a surname) count only near the start of a line and
# outside brackets: "(Yetiser et al., 2002)" and "said Dr Kim, M.D." sit in prose.
_REFERENCE_LINE = re.compile(
    "(?:19|20)\\d\\d[a-z]?\\)?[.;:]" + _S0 + "\\d+" + _S0 + "(?:\\(\\d+\\))?" + _S0 + "[:,]"
    "|(?P<weak>," + _S + "(?!M\\.D\\.|D\\.O\\.|R\\.N\\.|M\\.S\\.|B\\.S\\.|D\\.C\\.|P\\.T\\.)"
    "[A-Z]\\.(?:" + _S0 + "[A-Z]\\.)*[,;&])"
)
_WEAK_REACH = 100
# "Smith et al. found": authors as the subject of a sentence of prose, not a reference entry.
_ET_AL_FOUND = re.compile(
    "et" + _S + "al[.]?,?" + _S + "(?:\\((?:19|20)\\d\\d\\)" + _S + ")?(?:found|find|report\\w*|show\\w*|"
    "suggest\\w*|conclud\\w*|observ\\w*|not\\w*|demonstrat\\w*|describ\\w*|argu\\w*|stud\\w*|"
    "compar\\w*|look\\w*|test\\w*|measur\\w*|recruit\\w*|randomi[sz]\\w*)\\b"
)
_LINE = re.compile("[^\n]*")


def _weak_mark(text: str, at: int) -> bool:
    """A weak mark within a line's first ``_WEAK_REACH`` characters, outside brackets."""
    floor = max(0, at - _WEAK_REACH)
    newline = text.rfind("\n", floor, at)  # bounded: a long line stays linear
    if newline < 0 and floor > 0:
        return False
    line_start = newline + 1
    head = text[line_start:at]
    return head.count("(") <= head.count(")")


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that reads like a reference-list entry, in order (one scan)."""
    marks = [m.start() for m in _REFERENCE_LINE.finditer(text)
             if m.group("weak") is None or _weak_mark(text, m.start())]
    at = text.find("et al")
    while at >= 0:
        if _weak_mark(text, at) and not text[at - 1 : at].isalnum() and not _ET_AL_FOUND.match(text, at):
            marks.append(at)
        at = text.find("et al", at + 5)
    for word in _REFERENCE_WORDS:
        at = text.find(word)
        while at >= 0:
            before = text[at - 1 : at]
            if not before or not (before.isalnum() or before == "_"):
                marks.append(at)
            at = text.find(word, at + len(word))
    spans: list[tuple[int, int]] = []
    for mark in sorted(marks):
        if spans and mark < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, mark) + 1
        end = text.find("\n", mark)
        spans.append((start, len(text) if end < 0 else end))
    return spans


class TextContext:
    """What the tests of one text share, each found in one pass over the text: its
    reference-like lines, sentence boundaries, and the words that mark guidance ("you") and
    one person's case ("she"). Each question is then a few bisections, so a megabyte line
    with a number every few characters stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.refs = _reference_lines(text)
        self.ref_starts = [s for s, _ in self.refs]
        self.bounds = [m.end() for m in _BOUNDARY.finditer(text)]
        self.anchors: list[int] = []
        self.number_words: list[tuple[int, int]] = []
        self.you: list[int] = []
        self.comparisons: list[tuple[int, str]] = []
        self.finder_words: list[tuple[int, str]] = []
        cases: list[int] = []
        for start, end, word in _WORD_SCAN_ANCHOR.finditer(text):
            if self._for_finder(word, end):
                self.finder_words.append((start, word))
            if word in _SCAN_SET and (word not in _SMALL_SET or _NEXT_OK_RE.match(text, end)):
                self.anchors.append(start)
            if word in _NUMBER_SET:
                self.number_words.append((start, end))
            if word in _YOU_SET:
                self.you.append(start)
            if word in _CASE_SET:
                cases.append(start)
            if word in _CMP_SET:
                self.comparisons.append((start, word))
        cases += [m.start() for m in _CASE_AGE.finditer(text)]
        self.cases = sorted(cases)
        self.starts: dict[int, tuple[bool, bool]] = {}

    def _for_finder(self, word: str, end: int) -> bool:
        """Whether a scanned word is also an anchor of the precise pass at this place."""
        if word in _FINDER_SET:
            return self.text[end : end + 5] != "-year"
        if word in ("a", "an", "A", "An"):
            return _FINDER_A_RE.match(self.text, end) is not None
        if len(word) == 1 and word in "pPdgnN":
            return _FINDER_LETTER_RE.match(self.text, end) is not None
        return False

    def in_reference(self, pos: int) -> bool:
        index = bisect.bisect_right(self.ref_starts, pos) - 1
        return index >= 0 and self.refs[index][0] <= pos < self.refs[index][1]

    def _sentence_start(self, pos: int, width: int = 160) -> int:
        index = bisect.bisect_right(self.bounds, pos) - 1
        start = self.bounds[index] if index >= 0 else 0
        return max(start, pos - width)

    def _opening(self, pos: int) -> tuple[bool, bool]:
        """(guidance opening, imperative opening) of the sentence holding ``pos``."""
        index = bisect.bisect_right(self.bounds, pos) - 1
        start = self.bounds[index] if index >= 0 else 0
        if start not in self.starts:
            self.starts[start] = (
                _GUIDANCE_START.match(self.text, start) is not None,
                _IMPERATIVE.match(self.text, start) is not None,
            )
        return self.starts[start]

    @staticmethod
    def _any(positions: list[int], start: int, end: int) -> bool:
        return bisect.bisect_left(positions, start) < bisect.bisect_left(positions, end)

    def guidance(self, pos: int) -> bool:
        """The sentence so far addresses the reader or opens with an instruction."""
        return self._any(self.you, self._sentence_start(pos), pos) or self._opening(pos)[0]

    def imperative(self, pos: int) -> bool:
        return self._opening(pos)[1]

    def case(self, pos: int) -> bool:
        """The sentence so far is about one person ("she", "his", "a 52-year-old")."""
        return self._any(self.cases, self._sentence_start(pos), pos)

