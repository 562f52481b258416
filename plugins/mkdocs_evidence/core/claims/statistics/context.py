"""Compiled context tests of the statistics finder: the words around a match that make a
number a statistic or not (hedges, labels, concentrations, dates, ages, scores, schedules).

Look-backs are matched with ``.match`` on the reversed window before a match
(``text[start - 40:start][::-1]``), so they never scan.
"""

from __future__ import annotations

import re

from ...text.numbers import DIGNUM, HEDGES, NUM, OPT_SPACES, SCALE_BIG, SPACES
from .grammar import (
    DOSE_UNIT,
    DRUG,
    OUTCOME_VERB,
    PARTICIPANT_NOUN,
    STUDY_NOUN,
    TIME_UNIT,
    reversed_words,
)
from .lexicon import LEXICON

__all__ = [
    "AGE_REV", "BETWEEN_REV", "CHANGE_BACK", "COST_CONTEXT", "COUNT_NOUN_END", "DENOMINATOR",
    "DRUG_AFTER", "DRUG_BACK_REV", "DUR_AROUND_EVENT", "DUR_CONTEXT", "DUR_GUIDANCE", "DUR_PREP_BACK", "DUR_SCHEDULE",
    "FOLLOW_TIME_OR_DOSE", "FRAC_QUANT", "HEDGE_REV", "LABEL_REV", "MEASURE_AFTER_OF",
    "NUM_TOKEN", "OF_SPLIT", "ON_REV", "ORDINAL_NEXT", "OUTCOME_END", "SCALE_BIG_RE",
    "SCALE_IN", "SCORE_REV", "STUDY_CONTEXT_REV", "YEAR_REV", "YEAR_TOKEN",
]

_F = re.IGNORECASE
_SPAN_HEDGES = tuple(h for h in HEDGES if h[0].isalpha())

# Hedges before a statistic belong to its span; group "w" ends at the phrase's first character.
HEDGE_REV = re.compile(
    OPT_SPACES + "(?:(?P<w>" + reversed_words(_SPAN_HEDGES) + ")(?![\\w])|[~\u2248<>\u2264\u2265])", _F
)
# Prepositions that belong to a duration finding ("within 4 months").
DUR_PREP_BACK = re.compile("\\b(?:within|in|after|by|over|for|at)" + SPACES + "$", _F)
DUR_CONTEXT = re.compile(
    "\\b(?:recover\\w*|improv\\w*|resolv\\w*|heal\\w*|took|take[sn]?|lasted|surviv\\w*|"
    "regain\\w*|return\\w*|relaps\\w*|get" + SPACES + "better|got" + SPACES + "better|gets"
    + SPACES + "better|getting" + SPACES + "better|went" + SPACES + "away|go" + SPACES
    + "away|goes" + SPACES + "away|persist\\w*|settl\\w*|disappear\\w*|died|death|"
    "mortality|recurr\\w*|remission|eas(?:e|es|ed|ing)" + SPACES + "(?:[\\w-]+" + SPACES + "){0,3}?"
    "(?:pain|symptoms|stiffness)|last|lasts|lasting|clear(?:s|ed)?" + SPACES + "up|comes|live[sd]?"
    + SPACES + "(?:for" + SPACES + ")?(?:beyond|longer|more" + SPACES + "than|at" + SPACES + "least)|back" + SPACES + "to" + SPACES + "normal|walking" + SPACES
    + "again|walk" + SPACES + "again)\\b[^.!?\\n\\d;]{0,40}$",
    _F,
)
# A number directly after a label is a label, not a statistic ("page 3 of 10", "GB34").
LABEL_REV = re.compile(
    OPT_SPACES + "(?:(?i:" + reversed_words(LEXICON.labels) + ")|"
    + reversed_words(LEXICON.codes) + ")(?!\\w)"
)
DRUG_AFTER = re.compile(
    OPT_SPACES + "(?!of\\b)(?:[\\w-]+" + SPACES + "){0,2}(?:\\(?w/v\\)?|" + DRUG + "\\b)", _F
)
DRUG_BACK_REV = re.compile(
    "(?:" + OPT_SPACES + "\\(|" + SPACES + "ta|" + SPACES + "ni)?" + OPT_SPACES
    + reversed_words(LEXICON.drug_words) + "(?!\\w)", _F
)
YEAR_REV = re.compile(SPACES + reversed_words(LEXICON.year_context) + "(?!\\w)", _F)
ON_REV = re.compile(OPT_SPACES + "no(?!\\w)", _F)
AGE_REV = re.compile(
    OPT_SPACES + "(?:(?:dega|sega|ega)|(?:revo|rednu|evoba|woleb|naht" + SPACES
    + "(?:redlo|regnuoy))" + SPACES + "(?:"
    + reversed_words((*LEXICON.participant_nouns, "those", "anyone", "everyone", "person", "man",
                      "woman", "child", "adult"))
    + "))(?!\\w)",
    _F,
)
SCORE_REV = re.compile(OPT_SPACES + reversed_words(LEXICON.score_context) + "(?!\\w)", _F)
STUDY_CONTEXT_REV = re.compile(OPT_SPACES + reversed_words(LEXICON.study_context) + "(?!\\w)", _F)
DUR_SCHEDULE = re.compile(
    "\\b(?:trials?|study|studies|programmes?|programs?|courses?|sessions?|treatments?|therapy|"
    "interventions?|follow-up|class(?:es)?|appointments?|operations?|surgery|procedures?|"
    "visits?|tests?|scans?|exercises?|training|recruitment)" + SPACES + "(?:\\w+" + SPACES + ")?"
    "(?:lasted|took|lasts|takes|last|ran|runs)\\b[^.!?\\n]{0,25}$",
    _F,
)
CHANGE_BACK = re.compile(
    "\\b(?:improv\\w*|increas\\w*|decreas\\w*|reduc\\w*|fell|fall|falls|rose|rise|rises|"
    "dropped|drop|went" + SPACES + "(?:up|down)|gain\\w*|lost|los\\w+|faster|slower|further|"
    "longer|shorter|higher|lower|better|worse|chang\\w*|differ\\w*|shifted|boosted|cut)"
    + SPACES + "(?:\\w+" + SPACES + "){0,2}by" + SPACES + "(?:(?:about|around|roughly|nearly|"
    "almost|approximately|up" + SPACES + "to|over|more" + SPACES + "than|only|just|an" + SPACES
    + "average" + SPACES + "of|a" + SPACES + "mean" + SPACES + "of|on" + SPACES + "average)"
    + SPACES + ")?$"
    # a change verb right before the measurement: "joint space grew 0.04 mm", "fell to 2.4"
    "|\\b(?:grew|shrank|shrunk|fell|rose|dropped|increased|decreased|declined|improved|widened|"
    "narrowed|gained|lost)" + SPACES + "(?:(?:from|to|about|around|nearly|almost|only|just)"
    + SPACES + ")?$",
    _F,
)
# Words that make a duration guidance, not a finding ("see a GP if it lasts more than 6 weeks").
DUR_GUIDANCE = re.compile(
    "\\b(?:you|your|she|he|her|his|him|I|my|me)\\b|\\b(?:see|call|contact|ask|talk" + SPACES + "to|tell)"
    + SPACES + "(?:a|your|the)" + SPACES + "(?:GP|doctor|pharmacist|nurse|midwife)\\b",
    _F,
)
# A time before or after a daily event is a schedule ("taken 30-60 minutes before bed").
DUR_AROUND_EVENT = re.compile(SPACES + "(?:before|after)" + SPACES + "(?:bed|bedtime|meals?|food|eating|exercise|sleep|sex|doses?|taking|driving)\\b", _F)
BETWEEN_REV = re.compile(SPACES + "neewteb(?!\\w)", _F)
FRAC_QUANT = re.compile("(?:an?|one|two|three|four|five|six|seven|eight|nine)(?:-|" + SPACES + ")", _F)
COST_CONTEXT = re.compile(
    "\\b(?:NHS|health" + SPACES + "service|health" + SPACES + "system|healthcare|health"
    + SPACES + "care|economy|taxpayers?|employers|society|insurers?|budget)\\b[^.!?\\n]{0,60}$",
    _F,
)
NUM_TOKEN = re.compile(NUM, _F)
DENOMINATOR = re.compile("per" + SPACES + "(" + DIGNUM + ")", _F)
ORDINAL_NEXT = re.compile(SPACES + "the" + SPACES + "(?:first|last|next)\\b", _F)
MEASURE_AFTER_OF = re.compile(
    "(?:it|its|an?|" + TIME_UNIT + "|" + DOSE_UNIT + "|cups?|glass|teaspoons?|spoons?|"
    "miles?|metres?|meters?|way|length|distance|page|leaflet|body|foot|leg|day|night)\\b",
    _F,
)
SCALE_BIG_RE = re.compile(SCALE_BIG, _F)
OUTCOME_END = re.compile(SPACES + OUTCOME_VERB + "$", _F)
OF_SPLIT = re.compile(SPACES + "(?:out" + SPACES + ")?of" + SPACES, _F)
COUNT_NOUN_END = re.compile("(?:" + PARTICIPANT_NOUN + "|" + STUDY_NOUN + ")$", _F)
YEAR_TOKEN = re.compile("(?:1[89]|20)\\d\\d(?![\\d,.])")
SCALE_IN = re.compile("(?:" + SCALE_BIG + "|bn|m|k)\\b|(?:per|a|each|every)" + SPACES, _F)
FOLLOW_TIME_OR_DOSE = re.compile(SPACES + "(?:" + TIME_UNIT + "|" + DOSE_UNIT + ")\\b", _F)
