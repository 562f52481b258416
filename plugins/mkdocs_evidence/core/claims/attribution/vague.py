"""Appeals to unnamed research: a head noun ("studies", "a trial") with what makes it an
appeal around it (a reporting verb, "according to", a recency modifier), and fixed phrases
("it has been shown").
"""

from __future__ import annotations

import re

from .grammar import GAP as _S
from .grammar import alternation as _alt
from .lexicon import LEXICON

__all__ = ["FIXED_VAGUE", "HEAD_RE", "vague_at"]


_HEADS = LEXICON.plural_heads + LEXICON.singular_heads
HEAD_RE = re.compile(
    "\\b(?:" + "|".join(sorted({h for w in _HEADS for h in (w, w.capitalize())}, key=len,
                                reverse=True)) + ")\\b"
)


_VERB_AFTER = re.compile(
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
)


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
        break
    stop = tokens[index].group(0).lower() if index >= 0 else ""
    return start, consumed, stop


def vague_at(text: str, head: re.Match[str]) -> tuple[int, int] | None:
    """The vague-attribution span around one head noun, or None."""
    word = head.group(0).lower()
    start, consumed, stop = _walk_back(text, head.start())
    if stop in LEXICON.negators or stop.endswith(("'s", "\u2019s")):
        return None
    if "a" in consumed[1:] or "an" in consumed[1:]:
        return None
    singular = word in LEXICON.singular_heads
    determined = bool(consumed) and consumed[0] in LEXICON.singular_determiners
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
        and word in LEXICON.standalone_heads
        and any(w in LEXICON.standalone_modifiers for w in consumed)
    ):
        return start, head.end()
    return None


