"""Content words of a sentence, compared the same way on both sides: the claim and its source.

Deterministic and explainable: lower-case words; medical synonyms (``synonyms.yml``, as data)
are read first as whole phrases, longest first, and each becomes its group's *concept*; every
other word is stemmed with the Snowball English stemmer (``snowballstemmer``, the stemmer
Sphinx and Lunr use) and dropped when it is a function word or a word that carries no content
in a claim about a study ("found", "showed", "reported", "study" ...). Two words agree when
their concepts or stems are equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["Word", "concept_name", "content_words", "words"]

_SYNONYMS_FILE = Path(__file__).with_name("synonyms.yml")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d+(?:[.,]\d+)*", re.IGNORECASE)  # letters of any script: "Barré"

# Function words and words that say nothing about what is counted or about whom.
STOPWORDS = frozenset(
    """
    a an the and or but nor of in on at to for from by with without within into onto over under about
    around than then that this these those there their they them it its is are was were be been being
    has have had having do does did done not no as so such which who whom whose what when where while if
    also only just more most less least very much many some any all each every both either neither other
    another same one ones our we us you your he she his her him i me my after before during between
    among per via up down out off again once here can could may might must shall should will
    would found find finds showed show shows shown reported report reports noted observed observe seen
    see study studies research researchers review reviewed author authors data result results evidence
    suggest suggests suggested indicate indicated according overall total approximately nearly almost
    roughly around respectively due because including include included involving involved enrolled
    enroll received got get gets given per cent percent proportion rate rates number numbers mean median
    average range ranged ranging whereas however although though yet still even among whom people
    patient patients participant participants person persons individual individuals subject subjects
    case cases group groups had experienced another consecutive prospectively retrospectively
    md smd underwent undergoing results methods background objective objectives conclusion conclusions
    undergone examined examine assessed evaluated investigated consecutively whether using used use uses
    hazard ratio ratios odds hr hrs rr ci confidence interval difference differences adjusted unadjusted
    versus vs against compared
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


@dataclass(frozen=True, slots=True)
class Word:
    """One content word: ``key`` compares (a concept ``=name`` or a stem), ``text`` is shown.
    ``parts`` are the keys of a phrase's own words ("after surgery" -> ``=surgery``), so a
    phrase still agrees with a source that names only one of its words."""

    key: str
    text: str
    start: int
    end: int
    parts: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, *self.parts)


_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,}s")


def _token(raw: str) -> str:
    """A word as it is compared: lower case, no accents; "TKRs" and "RCTs" as "tkr", "rct"."""
    if _PLURAL_ABBREVIATION.fullmatch(raw):
        raw = raw[:-1]
    return _fold(raw.lower().replace("\u2019", "'"))


def _fold(token: str) -> str:
    """Accents off, so "Barré" and "Barre" are one word."""
    if token.isascii():
        return token
    return "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer  # on first use: it imports every language's stemmer (20 ms)

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[tuple[str, ...], str], int]:
    """Stemmed phrase -> concept key (``=`` + the group's first entry), and the longest phrase."""
    data = yaml.safe_load(_SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    table: dict[tuple[str, ...], str] = {}
    longest = 1
    for group in data.get("groups", []):
        name = "=" + str(group[0])
        for phrase in group:
            stems = tuple(_stem(w.lower()) for w in _WORD.findall(str(phrase)))
            if stems and stems not in table:
                table[stems] = name
                longest = max(longest, len(stems))
    return table, longest


def concept_name(key: str) -> str:
    """How the report names a word key: a concept's name, or the stem."""
    return key[1:] if key.startswith("=") else key


def words(text: str) -> tuple[Word, ...]:
    """Every word of ``text`` in order, synonyms joined into concepts; numbers kept as ``#``.
    Cached: a source sentence is read once for every claim that cites it (words are frozen)."""
    return _words(text or "")


@lru_cache(maxsize=32768)
def _words(text: str) -> tuple[Word, ...]:
    tokens = [(_token(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]
    stems = [_stem(token) for token, _, _ in tokens]
    table, longest = _phrases()
    out: list[Word] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            phrase = tuple(stems[i : i + size])
            concept = table.get(phrase)
            if concept is not None:
                start, end = tokens[i][1], tokens[i + size - 1][2]
                parts = tuple(table.get((stem,), stem) for stem in phrase)
                out.append(Word(concept, text[start:end], start, end, parts))
                i += size
                break
        else:
            token, start, end = tokens[i]
            concept = table.get((stems[i],))
            key = concept or ("#" if token[0].isdigit() else _stem(token.strip("'-")))
            out.append(Word(key, text[start:end], start, end))
            i += 1
    return tuple(out)


@lru_cache(maxsize=32768)
def content_words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` that carry content: no function words, no numbers."""
    return tuple(w for w in words(text) if _is_content(w))


def _is_content(word: Word) -> bool:
    if word.key == "#" or (len(word.key) < 2 and not word.key.startswith("=")):
        return False
    if word.key.startswith("="):
        return word.key not in _GENERIC_CONCEPTS
    return word.text.lower() not in STOPWORDS and word.key not in _STOP_STEMS


_GENERIC_CONCEPTS = frozenset({"=participant"})
_STOP_STEMS = frozenset(_stem(w) for w in STOPWORDS)
