"""Find the statistics stated in prose, so that each one can be required to carry a citation.

The finder is rule-based and precision-first: a number is a statistic only when its context
makes it one (a percent sign, "1 in 5", "twice as likely", "OR 1.4", "815 participants", ...).
Bare numbers are never reported, which is what keeps doses, anatomical levels, acupuncture
points, dates, phone numbers, versions, list numbers and page numbers out. A small negative
lexicon removes the contexts that look like statistics but are not (concentrations such as
"5% dextrose", "page 3 of 10", "three times a week").

Linear time: one anchor scan finds the few places where a statistic can start (a digit that
does not continue a word or number, a number word, a currency sign, a measure name) and the
anchored patterns tried there are bounded or possessive, so no input makes them backtrack
over more than a short window. Spans never overlap; the longest match at an anchor wins.

Policy decisions (documented so the corpus and the rules agree):

* vague magnitudes ("hundreds of patients", "thousands of people", "many studies") are not
  statistics: there is no figure to check against a source;
* "one study", "a trial" and "two people" are not counts; "three trials" is. A count of
  people under 10 needs an outcome verb ("6 children needed surgery") or a study context
  ("a study of 5 patients"), so guidance such as "three people can help you" is not one;
  an event count needs at least 10 events ("14 falls", not "he had 2 falls");
* a bare number with a strong outcome verb is an outcome count ("61 improved", "12 died");
* a change with a measurement unit after a change verb is an effect ("improved by 0.15 m/s",
  "the difference was 3.4 points");
* scores for one person ("her pain was 7 out of 10", "strength 3/5") and ages ("people over
  65") are not frequencies or counts;
* a duration is a finding only after an outcome word ("recovered within 4 months", "recovery
  took 6 months"); schedules ("for 6 weeks", "sessions last 30 minutes") are not;
* money is a finding only with a per-unit or population scale ("£2,000 per patient", "£1.2
  billion a year") or next to the NHS / health service; a shop price is not;
* "1 in 2019" is read as a year, so natural frequencies with a year-like denominator need a
  comma ("1 in 2,000").
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

__all__ = ["KINDS", "NUMBER_WORDS", "Statistic", "find_statistics", "number_value"]


@dataclass(frozen=True, slots=True)
class Statistic:
    """One statistic: ``text == source[start:end]``; ``kind`` is one of :data:`KINDS`."""

    start: int
    end: int
    kind: str
    text: str


KINDS = (
    "percentage",
    "percent-range",
    "natural-frequency",
    "rate",
    "multiple",
    "relative-measure",
    "p-value",
    "confidence-interval",
    "effect-size",
    "mean-median-sd",
    "study-count",
    "participant-count",
    "outcome-count",
    "burden",
    "duration-finding",
    "cost-finding",
)

# Number words and their values; shared with :mod:`.figures` so both read numbers alike.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}

# ---------------------------------------------------------------------------------------
# Building blocks (strings), compiled once below.

_SP = "[ \\t\\u00a0\\u2009\\u202f]"  # horizontal space incl. no-break and thin spaces
_S = _SP + "+"
_S0 = _SP + "*"


def _alt(words) -> str:
    """Alternation, longest first so "seventeen" is tried before "seven"."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_UNITS = _alt(w for w, v in NUMBER_WORDS.items() if 0 < v < 20)
_UNITS19 = _alt(w for w, v in NUMBER_WORDS.items() if 0 < v < 10)
_TENS = _alt(w for w, v in NUMBER_WORDS.items() if 20 <= v <= 90)
_SCALE_BIG = "(?:million|billion|trillion)"
# Digits: comma- or space-grouped thousands, or a plain run; optional decimal part.
# \d is Unicode-aware, so Arabic-Indic digits work; U+066B is the Arabic decimal separator.
_DIGNUM = (
    "(?:\\d{1,3}(?:,\\d{3})++(?![\\d,])"
    "|\\d{1,3}(?:[ \\u00a0\\u2009\\u202f]\\d{3})++(?![\\d,])"
    "|\\d++)(?:[.\\u066b]\\d++)?"
)
_WORDNUM = (
    f"(?:{_TENS}(?:[- ]{_UNITS19})?|{_UNITS}"
    f"|an?{_S}(?:dozen|hundred|thousand|{_SCALE_BIG})|dozen|hundred|thousand)\\b"
)
_NUM = f"(?:{_DIGNUM}|{_WORDNUM})"
_SNUM = f"(?:[-\\u2212\\u2013]?{_DIGNUM}|[-\\u2212]?[.]\\d++)"
_SCALED = f"{_NUM}(?:{_S}(?:hundred|thousand|{_SCALE_BIG})\\b)?"
_PCT = "(?:%|\\uff05|\\u066a|per[ -]?cent\\b|percentage" + _S + "points?\\b|pc\\b)"
_RANGE_SEP = f"(?:{_S0}[-\\u2010\\u2011\\u2013\\u2014]{_S0}|{_S}to{_S}|{_S}and{_S})"
_TIME_UNIT = "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|times?|sessions?|sets?|reps?|repetitions?)"
_DOSE_UNIT = "(?:tablets?|pills?|capsules?|doses?|mg|ml|g|kg|drops?|puffs?|sachets?)"

_PNOUN_WORDS = (
    "participants", "patients", "people", "persons", "adults", "children", "kids", "infants",
    "babies", "newborns", "women", "men", "girls", "boys", "volunteers", "subjects",
    "individuals", "survivors", "runners", "athletes", "workers", "residents", "veterans",
    "soldiers", "players", "cases", "respondents", "users", "walkers", "smokers", "drivers",
    "pupils", "students", "twins", "mothers", "fathers", "parents", "carers", "caregivers",
    "nurses", "doctors", "physiotherapists", "clinicians", "surgeons", "GPs", "teenagers",
    "adolescents", "pensioners", "Britons", "Americans", "inpatients", "outpatients",
    "legs", "limbs", "feet", "knees", "ankles", "hips", "nerves", "eyes",
    "dancers", "footballers", "cyclists", "diabetics", "controls", "households", "families",
)
_PNOUN = _alt(_PNOUN_WORDS)
_PADJ_WORDS = (
    "older", "younger", "young", "elderly", "adult", "healthy", "stroke", "diabetic", "male",
    "female", "eligible", "consecutive", "hospitalised", "hospitalized", "new", "more",
    "other", "further", "additional", "injured", "affected", "treated", "untreated",
    "British", "UK", "US", "American", "local", "disabled", "frail", "pregnant",
    "postmenopausal", "overweight", "obese", "sedentary", "active", "amateur", "professional",
    "elite", "recreational", "middle-aged", "school-age", "teenage", "randomised",
    "randomized", "enrolled", "recruited", "hospital", "community", "care-home", "surgical",
    "trial", "study", "eligible", "adult", "paediatric", "pediatric", "working-age",
    "MS", "ICU", "NHS", "cancer", "dementia", "arthritis", "neuropathy", "amputee", "elderly",
    "black", "white", "Asian", "Scottish", "Welsh", "English", "Irish", "European", "other",
    "affected", "separate", "different", "individual", "distinct", "unique",
)
_PADJ = _alt(_PADJ_WORDS)
_SNOUN_WORDS = (
    "trials", "studies", "RCTs", "reviews", "meta-analyses", "cohorts", "papers",
    "reports", "case series", "case reports", "experiments", "surveys", "articles",
    "publications", "datasets", "analyses", "investigations", "evaluations",
)
_SNOUN = _alt(_SNOUN_WORDS)
_SADJ_WORDS = (
    "randomised", "randomized", "controlled", "clinical", "small", "smaller", "large",
    "larger", "high-quality", "good-quality", "low-quality", "high quality", "good quality",
    "observational", "cohort", "published", "separate", "more", "further", "other", "new",
    "independent", "pilot", "relevant", "eligible", "included", "previous", "earlier",
    "recent", "well-designed", "placebo-controlled", "double-blind", "case-control",
    "prospective", "retrospective", "cross-sectional", "crossover", "systematic",
    "national", "international", "European", "British", "American", "UK", "US",
    "additional", "different", "individual", "qualitative", "quantitative", "experimental",
    "comparative", "diagnostic", "follow-up", "feasibility", "laboratory", "animal",
    "human", "quasi-randomised", "non-randomised", "non-randomized", "blinded", "blind",
    "sham-controlled", "multicentre", "multicenter", "primary", "key", "major", "similar",
)
_SADJ = _alt(_SADJ_WORDS)
_RATE_NOUN_WORDS = (
    "cases", "deaths", "diagnoses", "admissions", "strokes", "injuries", "infections",
    "births", "amputations", "hospitalisations", "hospitalizations", "falls", "fractures",
    "episodes", "events", "new cases", "attacks", "ulcers", "consultations", "referrals",
)
_RATE_NOUN = _alt(_RATE_NOUN_WORDS)
_OUTCOME_VERB = _alt((
    "recovered", "improved", "died", "regained", "developed", "reported", "fell", "needed",
    "required", "relapsed", "responded", "healed", "survived", "had", "have", "got",
    "experienced", "returned", "stopped", "dropped", "withdrew", "complained", "walked",
    "benefited", "benefitted", "suffered", "showed", "achieved", "went", "made", "were",
    "became", "lost", "gained", "noticed", "said", "felt", "used", "chose", "underwent",
))
_COST_NOUN = _alt((
    "patient", "person", "year", "annum", "case", "treatment", "admission", "QALY", "course",
    "episode", "stroke", "operation", "procedure", "visit", "fall", "child", "head",
    "month", "fracture", "bed day", "life-year", "life year", "participant", "user",
))
_DRUG_WORDS = (
    "dextrose", "glucose", "saline", "sodium", "lidocaine", "lignocaine", "bupivacaine",
    "hydrocortisone", "chlorhexidine", "iodine", "alcohol", "ethanol", "capsaicin", "menthol",
    "solution", "solutions", "cream", "creams", "gel", "gels", "ointment", "lotion", "spray",
    "patch", "patches", "strength", "concentration", "povidone", "potassium", "urea",
    "salicylic", "benzoyl", "glycerin", "glycerine", "zinc", "hypertonic", "isotonic",
    "dilution", "albumin", "formulation", "emulsion", "suspension", "drops", "mannitol",
    "magnesium", "acid", "diclofenac", "ibuprofen", "cotton", "off", "discount", "pure",
    "proof", "humidity", "battery", "charge", "abv", "w/v", "v/v", "w/w", "wool", "nylon",
    "polyester", "elastane", "spandex", "lycra", "cocoa", "chloride", "peroxide",
    "phenol", "prilocaine", "ropivacaine", "arnica", "camphor", "methyl", "silicone",
    "NaCl", "KCl", "oxygen", "sucrose", "heparin", "nitroglycerin", "glyceryl", "benzocaine",
    "tetracaine", "ketoprofen", "piroxicam", "capsicum", "hyaluronic", "dextran",
    "bicarbonate", "hydrogen", "tincture", "solvent", "mouthwash", "shampoo", "soap",
)
_DRUG = _alt(_DRUG_WORDS)

# ---------------------------------------------------------------------------------------
# Compiled patterns.

_F = re.IGNORECASE



def _trie(words) -> str:
    """A regex matching any of ``words``, shaped as a trie so that the engine rejects a
    position after one or two character comparisons instead of trying every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(tree)


def _cased(words) -> list[str]:
    """Each word as written, lower-case and Capitalised (the keyword scan is case-sensitive,
    which lets the regex engine fail fast on the first letter)."""
    out: set[str] = set()
    for w in words:
        out.update((w, w[:1].upper() + w[1:]))
    return sorted(out, key=len, reverse=True)


# Where a statistic can start. Pass one finds digits and currency signs (a character-set
# scan that runs in C); pass two finds number words and measure names.
_DIGIT_ANCHOR = re.compile("\\d(?<![\\w.,/\u066b]\\d)")
_CURRENCY_ANCHOR = re.compile("[\u00a3$\u20ac]")
_NUMBER_WORD_SET = frozenset(w for w in NUMBER_WORDS if w != "zero")
_FRACTION_WORDS = ("half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                   "sixth", "sixths", "tenth", "tenths")
_MULT_WORDS = ("twice", "thrice", "double", "doubled", "doubles", "doubling", "halve",
               "halved", "halves", "halving", "triple", "tripled", "tripling", "treble",
               "trebled", "quadrupled")
_KW_WORDS = ("odds", "risk", "relative", "hazard", "rate", "incidence", "adjusted", "pooled",
             "summary", "confidence", "credible", "standardised", "standardized", "weighted",
             "mean", "median", "average", "standard", "interquartile", "cohen", "cohen's",
             "hedges", "effect", "number", "absolute", "difference", "differences")
_ABBR_WORDS = ("OR", "aOR", "RR", "HR", "IRR", "aHR", "aRR", "RRR", "ARR", "CI", "CrI", "SMD",
               "WMD", "MD", "SD", "IQR", "NNT", "NNH", "GBP", "USD", "EUR", "Cohen\u2019s")
_WORD_ANCHOR = re.compile(
    "\\b(?:(?:" + _trie(_cased(tuple(_NUMBER_WORD_SET) + _FRACTION_WORDS + _MULT_WORDS + _KW_WORDS)
                     + list(_ABBR_WORDS)) + ")\\b(?!-year)"
    "|(?:an?|An?)(?=(?:" + _S + "|-)(?:half|third|quarter|fifth|sixth|tenth|dozen|"
    "hundred|thousand|" + _SCALE_BIG + ")\\b)"
    "|[pPdgnN](?=" + _S0 + "(?:[<>=\u2264\u2265]|[- ]?values?\\b)))"
)
# The token after a number decides which patterns are worth trying.
_FOLLOW = re.compile(_S0 + "([%\uff05\u066a\u00b1\\-\u2010\u2011\u2013\u2014]|\\+/?-|[^\\W\\d_]+)")
_NUM_AT = re.compile(_NUM, _F)

_HEDGES = (
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "up to",
    "over", "more than", "less than", "fewer than", "at least", "at most", "under",
    "just over", "just under", "close to", "as many as", "as few as", "an estimated",
    "estimated", "some", "only", "between", "well over", "below", "above", "in excess of",
    "barely", "nearly all", "an average of", "on average", "almost exactly", "exactly",
    "just", "more", "less", "fewer", "upwards of", "in the region of", "nearly half of",
)


def _reversed_words(phrases) -> str:
    """Alternation of ``phrases`` written backwards, spaces allowing any horizontal run, to
    match look-backs as an anchored ``match`` on the reversed window (no scanning)."""
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        out.append(_S.join(re.escape(word[::-1]) for word in reversed(phrase.split())))
    return "(?:" + "|".join(out) + ")"


# Look-backs: matched on ``window[::-1]``; group "w" ends at the phrase's first character.
_HEDGE_REV = re.compile(
    _S0 + "(?:(?P<w>" + _reversed_words(_HEDGES) + ")(?![\\w])|[~\u2248<>\u2264\u2265])", _F
)
# Prepositions that belong to a duration finding ("within 4 months").
_DUR_PREP_BACK = re.compile("\\b(?:within|in|after|by|over|for|at)" + _S + "$", _F)
_DUR_CONTEXT = re.compile(
    "\\b(?:recover\\w*|improv\\w*|resolv\\w*|heal\\w*|took|take[sn]?|lasted|surviv\\w*|"
    "regain\\w*|return\\w*|relaps\\w*|get" + _S + "better|got" + _S + "better|gets" + _S +
    "better|getting" + _S + "better|went" + _S + "away|go" + _S + "away|goes" + _S + "away|"
    "persist\\w*|settled?|settles|disappear\\w*|died|death|mortality|recurr\\w*|remission|"
    "back" + _S + "to" + _S + "normal|walking" + _S + "again|walk" + _S + "again)\\b"
    "[^.!?\\n\\d;]{0,40}$",
    _F,
)
# A number directly after one of these labels is a label, not a statistic ("page 3 of 10").
_LABELS = (
    "step", "steps", "page", "pages", "p.", "pp.", "vol.", "volume", "chapter", "section",
    "part", "stage", "grade", "level", "version", "v", "no.", "number", "question", "item",
    "figure", "fig.", "table", "appendix", "phase", "room", "ward", "bed", "bay", "floor",
    "exercise", "week", "day", "session", "visit", "line", "point", "lesson", "module", "unit",
    "box", "issue", "edition", "class", "type", "size", "score", "scale", "call", "phone",
    "ring", "dial", "text", "option", "tip", "rule", "principle", "reason", "round", "set",
    "lap", "book", "series", "quiz", "task", "position", "ref", "ref.", "code", "chart",
    "tel", "tel.", "telephone", "mobile", "extension", "ext.", "sheet", "slide", "row",
    "column", "col.", "exhibit", "year", "month", "hour", "minute", "stop", "platform",
)
_CODES = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "SJ", "TE", "GB", "LR", "LV",
          "DU", "CV", "GV", "REN", "EX", "C", "T", "L", "S")
_LABEL_REV = re.compile(
    _S0 + "(?:(?i:" + _reversed_words(_LABELS) + ")|" + _reversed_words(_CODES) + ")(?!\\w)"
)
_DRUG_AFTER = re.compile(
    _S0 + "(?!of\\b)(?:[\\w-]+" + _S + "){0,2}(?:\\(?w/v\\)?|" + _DRUG + "\\b)", _F
)
_DRUG_BACK_REV = re.compile(
    "(?:" + _S0 + "\\(|" + _S + "ta|" + _S + "ni)?" + _S0 + _reversed_words(_DRUG_WORDS)
    + "(?!\\w)", _F
)
_YEAR_REV = re.compile(
    _S + _reversed_words((
        "in", "since", "from", "by", "until", "till", "of", "a", "an", "the", "during", "before",
        "after", "to", "and", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn",
        "winter", "year",
    )) + "(?!\\w)", _F
)
_ON_REV = re.compile(_S0 + "no(?!\\w)", _F)
_AGE_REV = re.compile(
    _S0 + "(?:(?:dega|sega|ega)|(?:revo|rednu|evoba|woleb|naht" + _S + "(?:redlo|regnuoy))"
    + _S + "(?:" + _reversed_words(_PNOUN_WORDS + ("those", "anyone", "everyone", "person",
                                                  "man", "woman", "child", "adult"))
    + "))(?!\\w)",
    _F,
)
_SCORE_REV = re.compile(
    _S0 + _reversed_words(("was", "is", "were", "are", "scored", "rated", "graded", "score of",
                           "rating of", "at", "be", "been", "remained", "stayed", "reached",
                           "improved to", "fell to", "rose to", "went up to", "came down to"))
    + "(?!\\w)",
    _F,
)
_STUDY_CONTEXT_REV = re.compile(
    _S0 + _reversed_words(("of", "in", "included", "includes", "include", "enrolled",
                           "recruited", "involving", "among", "with", "from", "on", "only",
                           "studied", "followed", "treated", "assessed", "tested",
                           "randomised", "randomized", "all", "the", "these"))
    + "(?!\\w)",
    _F,
)
_DUR_SCHEDULE = re.compile(
    "\\b(?:trials?|study|studies|programmes?|programs?|courses?|sessions?|treatments?|therapy|"
    "interventions?|follow-up|class(?:es)?|appointments?|operations?|surgery|procedures?|"
    "visits?|tests?|scans?|exercises?|training|recruitment)" + _S + "(?:\\w+" + _S + ")?"
    "(?:lasted|took|lasts|takes|last|ran|runs)\\b[^.!?\\n]{0,25}$",
    _F,
)
_CHANGE_BACK = re.compile(
    "\\b(?:improv\\w*|increas\\w*|decreas\\w*|reduc\\w*|fell|fall|falls|rose|rise|rises|"
    "dropped|drop|went" + _S + "(?:up|down)|gain\\w*|lost|los\\w+|faster|slower|further|"
    "longer|shorter|higher|lower|better|worse|chang\\w*|differ\\w*|shifted|boosted|cut)"
    + _S + "(?:\\w+" + _S + "){0,2}by" + _S + "(?:(?:about|around|roughly|nearly|almost|"
    "approximately|up" + _S + "to|over|more" + _S + "than|only|just|an" + _S + "average"
    + _S + "of|a" + _S + "mean" + _S + "of|on" + _S + "average)" + _S + ")?$",
    _F,
)
_BETWEEN_REV = re.compile(_S + "neewteb(?!\\w)", _F)
_FRAC_QUANT = re.compile("(?:an?|one|two|three|four|five|six|seven|eight|nine)(?:-|" + _S + ")", _F)
_COST_CONTEXT = re.compile(
    "\\b(?:NHS|health" + _S + "service|health" + _S + "system|healthcare|health" + _S + "care|"
    "economy|taxpayers?|employers|society|insurers?|budget)\\b[^.!?\\n]{0,60}$",
    _F,
)
_NUM_TOKEN = re.compile(_NUM, _F)
_WORD_SPLIT = re.compile("[-\\s]+")
_DENOMINATOR = re.compile("per" + _S + "(" + _DIGNUM + ")", _F)
_ORDINAL_NEXT = re.compile(_S + "the" + _S + "(?:first|last|next)\\b", _F)
_MEASURE_AFTER_OF = re.compile(
    "(?:it|its|an?|" + _TIME_UNIT + "|" + _DOSE_UNIT + "|cups?|glass|teaspoons?|spoons?|"
    "miles?|metres?|meters?|way|length|distance|page|leaflet|body|foot|leg|day|night)\\b",
    _F,
)
_SCALE_BIG_RE = re.compile(_SCALE_BIG, _F)
_OUTCOME_END = re.compile(_S + _OUTCOME_VERB + "$", _F)
_OF_SPLIT = re.compile(_S + "(?:out" + _S + ")?of" + _S, _F)
_COUNT_NOUN_END = re.compile("(?:" + _PNOUN + "|" + _SNOUN + ")$", _F)
_MULTIPLIERS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "trillion": 1e12, "dozen": 12.0}
_YEAR_TOKEN = re.compile("(?:1[89]|20)\\d\\d(?![\\d,.])")

_CI_NAME = "(?:(?-i:CI|CrI)|confidence" + _S + "intervals?|credible" + _S + "intervals?)"
_CI_UNIT = "(?:" + _S0 + "(?:%|m/s|cm|mm|kg|points?|m)(?![a-z]))?"
_CI_TAIL = (
    "\\b" + _S0 + "[:=,]?" + _S0 + "(?:(?:of|from|was|were|is|ranged" + _S + "from)" + _S + ")?"
    "[(\\[]?" + _S0 + _SNUM + _CI_UNIT + "(?:" + _S0 + "[-\\u2010\\u2011\\u2013\\u2014,;]" + _S0
    + "|" + _S + "(?:to|and)" + _S + ")" + _SNUM + _CI_UNIT
)
_UNIT_TAIL = (
    "(?:" + _S0 + "(?:%|m/s|metres?|meters?|cm|mm|kg|seconds|secs?|points?|degrees|\\u00b0|"
    "years|months|weeks|days|hours|minutes|steps|mmHg|m)(?![a-z]))?"
)
_RM_LONG = (
    "(?:(?:adjusted|pooled|summary)" + _S + ")?(?:odds" + _S + "ratios?|risk" + _S + "ratios?|"
    "relative" + _S + "risks?(?:" + _S + "reduction)?|hazard" + _S + "ratios?|"
    "(?:incidence" + _S + ")?rate" + _S + "ratios?|absolute" + _S + "risk" + _S + "reduction|"
    "risk" + _S + "reduction)"
)
_RM_ABBR = "(?-i:a?OR|RR|HR|IRR|aHR|aRR|RRR|ARR)"
_ES_LONG = (
    "(?:standardi[sz]ed" + _S + "mean" + _S + "differences?|weighted" + _S + "mean" + _S +
    "differences?|mean" + _S + "differences?|cohen['\\u2019]?s" + _S + "d|hedges['\\u2019]?s?"
    + _S + "g|effect" + _S + "sizes?|number" + _S + "needed" + _S + "to" + _S + "(?:treat|harm))"
)
_ES_ABBR = "(?-i:SMD|WMD|MD|NNT|NNH)"
_GAP = "[^\\d\\n.;!?,()]{0,40}?"
_TIGHT = (
    "(?:" + _S0 + "\\(" + _S0 + "|" + _S0 + "[:=,]?" + _S0 + "|" + _S + "(?:of|was|is|were|"
    "of" + _S + "about|was" + _S + "about)" + _S + ")"
)
_MEAN_NAME = (
    "(?:mean|median|average|(?-i:SD|IQR)|standard" + _S + "deviation|interquartile" + _S +
    "range)"
)
_PVAL = "(?:0?[.\\u066b]\\d++(?:" + _S0 + "[x\\u00d7]" + _S0 + "10[-\\u2212^]{1,2}\\d++)?|[01](?![\\d.,]))"

_BARE_OUTCOME = "|".join(
    w.replace(" ", _S) for w in (
        "recovered", "improved", "died", "relapsed", "regained", "responded", "healed",
        "survived", "deteriorated", "worsened", "dropped out", "withdrew", "declined",
    )
)
_MEASURE_UNIT = (
    "(?:m/s|km/h|metres?|meters?|cm|mm|kg|points?|seconds|degrees|\\u00b0|steps|mmHg|"
    "beats|bpm)(?![\\w/])"
)
# (kind, pattern) per anchor group; all are matched at the anchor with .match().
_NUM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, _F))
    for kind, p in (
        ("confidence-interval", "\\d{2}(?:[.]\\d)?" + _S0 + "%" + _S0 + _CI_NAME + _CI_TAIL),
        ("percent-range", _NUM + _S0 + "(?:" + _PCT + ")?" + _RANGE_SEP + _NUM + _S0 + _PCT),
        ("percentage", _NUM + _S0 + _PCT),
        ("natural-frequency", _NUM + _S + "in" + _S + "(?:every" + _S + ")?" + _SCALED + "\\b"),
        (
            "natural-frequency-of",
            _NUM + _S + "(?:out" + _S + ")?of" + _S + "(?:(?:the|these|those|all)" + _S + ")?"
            + _NUM + "(?:" + _S + "(?:" + _PADJ + _S + "){0,3}" + "(?:" + _PNOUN + "|" + _SNOUN
            + ")\\b)?",
        ),
        (
            "rate",
            _SCALED + "(?:" + _RANGE_SEP + _SCALED + ")?" + _S + "(?:(?:new" + _S + ")?(?:"
            + _RATE_NOUN + "|" + _PNOUN + ")" + _S + ")?per" + _S + _DIGNUM +
            "(?:" + _S + "(?:thousand|million))?(?:" + _S + "(?:" + _PNOUN + "|" + _RATE_NOUN +
            "|population|person[- ]years|patient[- ]years|live" + _S + "births|births|"
            "inhabitants|residents|operations|procedures|pregnancies|deliveries)\\b)?(?:" + _S +
            "(?:per|a|each|every)" + _S + "year\\b|" + _S + "annually\\b)?",
        ),
        (
            "rate-year",
            _SCALED + _S + "(?:new" + _S + ")?" + _RATE_NOUN + "(?:" + _S + "of" + _S + "\\w+)?"
            + _S + "(?:(?:per|a|each|every)" + _S + "year|annually|yearly)\\b",
        ),
        ("multiple", _NUM + _S + "times" + _S + "(?:more|less|higher|lower|greater|fewer|"
         "larger|smaller|as" + _S + "\\w+|the" + _S + "(?:risk|odds|rate|number|chance|"
         "likelihood|amount|average|national|usual|normal))\\b(?:" + _S + "(?:likely|common|"
         "often|frequent|frequently))?"),
        ("multiple", _NUM + "(?:-|" + _S0 + ")fold\\b(?:" + _S + "(?:increase[ds]?|higher|"
         "greater|rise|reduction|decrease|lower|risk|difference|more|less))?"),
        ("change", _NUM + _S0 + _MEASURE_UNIT),
        ("mean-median-sd", _SNUM + _S0 + "(?:\\u00b1|\\+/-|\\+-)" + _S0 + _SNUM + _UNIT_TAIL),
        (
            "study-count",
            _SCALED + _S + "(?:" + _SADJ + _S + "){0,3}" + _SNOUN + "\\b",
        ),
        (
            "participant-count",
            _SCALED + _S + "(?:" + _PADJ + _S + "){0,3}" + _PNOUN + "\\b(?:" + _S +
            _OUTCOME_VERB + "\\b)?",
        ),
        ("burden", _NUM + _S + _SCALE_BIG + "\\b"),
        ("bare-outcome", _DIGNUM + _S + "(?:" + _BARE_OUTCOME + ")\\b"),
        (
            "event-count",
            _SCALED + _S + "(?:(?:new|more|fewer|additional|serious|minor|major|recorded|"
            "reported)" + _S + "){0,2}" + _RATE_NOUN + "\\b",
        ),
        (
            "duration-finding",
            _NUM + "(?:" + _RANGE_SEP + _NUM + ")?" + _S + "(?:days?|weeks?|months?|years?)\\b",
        ),
    )
)
_WORD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = _NUM_PATTERNS + tuple(
    (kind, re.compile(p, _F))
    for kind, p in (
        ("multiple", "(?:twice|thrice|half)" + _S + "(?:as" + _S + "(?:likely|many|much|"
         "common|often|high|low|great|frequent|frequently|fast|quickly|slowly|effective|big|"
         "large|long|severe|probable|prone)|the" + _S + "(?:risk|odds|rate|number|chance|"
         "likelihood|amount|average|national|usual|normal|cost)|more" + _S + "likely)\\b"),
        ("multiple", "(?:doubled|halved|tripled|trebled|quadrupled|doubling|halving|tripling)"
         "\\b(?!" + _S + "(?:up|over|back|as|up" + _S + "as)\\b)"),
        ("multiple", "(?:double|triple|treble)" + _S + "the" + _S + "(?:risk|odds|rate|number|"
         "chance|likelihood|amount)\\b"),
        (
            "fraction",
            "(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)(?:-|" + _S + "))?"
            "(?:half|thirds?|quarters?|fifths?|sixths?|tenths?)(?:" + _S0 + "\\([^()\\n]{1,24}\\))?"
            + _S + "(?:of\\b(?:" + _S +
            "(?:the|all|these|those|them)\\b)?(?:" + _S + "(?:" + _PADJ + _S + "){0,3}(?:" +
            _PNOUN + "|" + _SNOUN + ")\\b)?|the" + _S + "(?:" + _PADJ + _S + "){0,3}(?:" +
            _PNOUN + "|" + _SNOUN + ")\\b)",
        ),
    )
)
_KW_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, _F))
    for kind, p in (
        ("confidence-interval", _CI_NAME + _CI_TAIL),
        ("relative-measure", _RM_LONG + "\\b(?:" + _S0 + "\\(" + _S0 + _RM_ABBR + _S0 + "\\))?"
         + _GAP + _SNUM + "(?:" + _S0 + "%)?"),
        ("relative-measure", _RM_ABBR + "\\b" + _TIGHT + _SNUM + "(?!" + _S0 + "(?:bpm|beats))"),
        ("effect-size", _ES_LONG + "\\b(?:" + _S0 + "\\(" + _S0 + _ES_ABBR + _S0 + "\\))?" +
         _GAP + _SNUM + _UNIT_TAIL),
        ("effect-size", _ES_ABBR + "\\b" + _TIGHT + _SNUM + _UNIT_TAIL),
        ("effect-size", "[dg]" + _S0 + "=" + _S0 + _SNUM),
        ("p-value", "p(?:[- ]?values?)?" + _S0 + "(?:[<>=\\u2264\\u2265]=?|(?:of|was|is)" + _S
         + "|:)" + _S0 + "(?:[<>=\\u2264\\u2265]=?" + _S0 + ")?" + _PVAL),
        ("n-equals", "n" + _S0 + "=" + _S0 + _DIGNUM),
        ("on-average", "average," + _S + "[^\\d\\n.;!?()]{0,40}?" + _SNUM + _UNIT_TAIL),
        ("effect-size-diff", "differences?\\b" + _GAP + _SNUM + "(?:" + _S0 + "%|" + _S0
         + _MEASURE_UNIT + ")"),
        ("mean-median-sd", _MEAN_NAME + "\\b" + _GAP + _SNUM + "(?:" + _RANGE_SEP + _SNUM +
         ")?" + _UNIT_TAIL + "(?:" + _S0 + "\\(" + _S0 + "(?-i:SD|IQR|range|SE)" +
         "[^()\\n]{0,30}\\))?"),
    )
)
_CUR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cost-finding",
        re.compile(
            "(?:[\\u00a3$\\u20ac]|(?-i:GBP|USD|EUR))" + _S0 + _DIGNUM + "(?:" + _S0 +
            "(?:" + _SCALE_BIG + "|bn|m|k)\\b)?(?:" + _S + "(?:per|a|each|every|for" + _S +
            "each)" + _S + _COST_NOUN + "\\b)?",
            _F,
        ),
    ),
)
_SCALE_IN = re.compile("(?:" + _SCALE_BIG + "|bn|m|k)\\b|(?:per|a|each|every)" + _S, _F)
_FOLLOW_TIME_OR_DOSE = re.compile(_S + "(?:" + _TIME_UNIT + "|" + _DOSE_UNIT + ")\\b", _F)


def number_value(token: str) -> float | None:
    """The value of a number token: digits (any script, grouped) or words ("twenty-five",
    "a dozen", "two million"); None when it is not a number."""
    if not isinstance(token, str):
        return None
    words = _WORD_SPLIT.split(token.strip().lower())
    if not words or not words[0]:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in ("a", "an"):
            current = current or 1.0
            continue
        if word in _MULTIPLIERS:
            current = (current or 1.0) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1000:
                total, current = total + current, 0.0
            seen = True
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
            continue
        digits = word.replace(",", "").replace("\u00a0", "").replace("\u2009", "")
        digits = digits.replace("\u202f", "").replace("\u066b", ".").replace("\u2212", "-")
        try:
            current += float(digits)
        except ValueError:
            return None
        seen = True
    return total + current if seen else None


def _leading_number(text: str, pos: int) -> str:
    m = _NUM_TOKEN.match(text, pos)
    return m.group(0) if m else ""


def _is_year(token: str) -> bool:
    return bool(_YEAR_TOKEN.fullmatch(token))


def _accept(kind: str, m: re.Match[str], text: str, group: str) -> str | None:
    """Apply the context rules to one anchored match; return the final kind or None."""
    start, end = m.start(), m.end()
    back = text[max(0, start - 40) : start][::-1]
    span = m.group(0)
    first = _leading_number(text, start) if group in ("num", "word") else ""
    first_word = first.split()[0].lower() if first and not first[0].isdigit() else ""

    if group in ("num", "word") and first and _LABEL_REV.match(back):
        return None
    if kind in ("percentage", "percent-range"):
        if _DRUG_AFTER.match(text, end) or _DRUG_BACK_REV.match(back):
            return None
        if kind == "percent-range" and " and" in span.lower() and not _BETWEEN_REV.match(back):
            return None
        return kind
    if kind == "confidence-interval":
        return kind
    if kind == "natural-frequency":
        tail = span.split()[-1]
        if _is_year(tail) or _FOLLOW_TIME_OR_DOSE.match(text, end):
            return None
        return kind
    if kind == "natural-frequency-of":
        parts = _OF_SPLIT.split(span, maxsplit=1)
        second = _NUM_TOKEN.search(parts[1]) if len(parts) == 2 else None
        if second is None:
            return None
        a, b = number_value(first), number_value(second.group(0))
        if a is None or b is None or a > b or b == 0:
            return None
        if _FOLLOW_TIME_OR_DOSE.match(text, end) or _is_year(second.group(0)):
            return None
        if not _COUNT_NOUN_END.search(span) and _SCORE_REV.match(back):
            return None  # "her pain was 7 out of 10": a score for one person
        words_only = not first[:1].isdigit() and not second.group(0)[:1].isdigit()
        if words_only and "out" not in parts[0].lower() and not _COUNT_NOUN_END.search(span):
            return None
        return "natural-frequency"
    if kind in ("rate", "rate-year"):
        if _AGE_REV.match(back):
            return None
        if kind == "rate":
            denominator = _DENOMINATOR.search(span)
            value = number_value(denominator.group(1)) if denominator else None
            if value is None or value < 10:
                return None
        return "rate"
    if kind == "multiple":
        return kind
    if kind == "fraction":
        low = span.lower()
        if not _FRAC_QUANT.match(span) and not low.startswith("half"):
            return None
        if _ORDINAL_NEXT.match(text, end):
            return None
        if low.rstrip().endswith("of") or low.rstrip().endswith("the"):
            after = text[end : end + 20].lstrip().lower()
            if _MEASURE_AFTER_OF.match(after):
                return None  # "half of the tablet", "a third of a mile"
            if not low.rstrip().endswith("of"):
                return None
        return "multiple"
    if kind == "mean-median-sd":
        return kind
    if kind == "change":
        wider = text[max(0, start - 60) : start]
        return "effect-size" if _CHANGE_BACK.search(wider) else None
    if kind == "bare-outcome":
        if _is_year(first) or (number_value(first) or 0) < 1:
            return None
        return "outcome-count"
    if kind == "effect-size-diff":
        return "effect-size"
    if kind == "n-equals":
        return "participant-count"
    if kind == "on-average":
        return "mean-median-sd" if _ON_REV.match(back) else None
    if kind == "event-count":
        if _AGE_REV.match(back) or (_is_year(first) and _YEAR_REV.match(back)):
            return None
        value = number_value(_NUM_TOKEN.match(span).group(0)) or 0
        if value < 10:
            return None  # "he had 2 falls last month": one person's history
        return "burden" if value >= 1000 or _SCALE_BIG_RE.search(span) else "outcome-count"
    if kind in ("study-count", "participant-count", "burden"):
        scaled = _SCALE_BIG_RE.search(span) is not None
        value = number_value(first)
        if not scaled and (
            value == 1 or (kind != "study-count" and first_word == "two")
        ):
            return None  # "one study", "a trial", "two people": not counts worth citing
        if kind != "study-count" and _AGE_REV.match(back):
            return None
        if _is_year(first) and _YEAR_REV.match(back):
            return None
        if kind == "burden" or _SCALE_BIG_RE.search(span):
            return "burden"
        if kind == "participant-count" and _OUTCOME_END.search(span):
            return "outcome-count"
        if kind == "participant-count" and (number_value(first) or 0) < 10 and not (
            _STUDY_CONTEXT_REV.match(back)
        ):
            return None  # "three people can help you": guidance, not a finding
        return kind
    if kind == "duration-finding":
        wider = text[max(0, start - 80) : start]
        prep = _DUR_PREP_BACK.search(wider)
        context_end = len(wider) - (len(prep.group(0)) if prep else 0)
        if not _DUR_CONTEXT.search(wider, 0, context_end) or _DUR_SCHEDULE.search(
            wider, 0, context_end
        ):
            return None
        return kind
    if kind == "cost-finding":
        tail = span[1:] if span[:1] in "\u00a3$\u20ac" else span[3:]
        if _SCALE_IN.search(tail) or _COST_CONTEXT.search(text[max(0, start - 80) : start]):
            return kind
        return None
    return kind


_BARE_OUTCOME_WORDS = (
    "recovered", "improved", "died", "relapsed", "regained", "responded", "healed",
    "survived", "deteriorated", "worsened", "dropped out", "withdrew", "declined",
)
_TIME_WORDS = ("day", "days", "week", "weeks", "month", "months", "year", "years")
# First words (lower-case) that can follow a number in a count, rate or duration pattern.
_COUNT_FIRST = frozenset(
    w.split()[0].split("-")[0].lower()
    for w in _PNOUN_WORDS + _PADJ_WORDS + _SNOUN_WORDS + _SADJ_WORDS + _RATE_NOUN_WORDS
    + _TIME_WORDS + ("new",)
)
_SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_DASHES = frozenset("-\u2010\u2011\u2013\u2014")
# Each table entry gets a name so the dispatch below does not depend on table order.
_N = dict(zip(
    ("ci", "prange", "pct", "freq-in", "freq-of", "rate", "rate-year", "times", "fold",
     "change", "pm", "studies", "people", "burden", "bare-outcome", "events", "duration"),
    _NUM_PATTERNS,
    strict=True,
))
_W = dict(zip(("twice", "mult-verb", "double-the", "fraction"),
              _WORD_PATTERNS[len(_NUM_PATTERNS):], strict=True))
_K = dict(zip(
    ("ci", "rm-long", "rm-abbr", "es-long", "es-abbr", "d-g", "p", "n", "on-average", "diff",
     "mean"),
    _KW_PATTERNS,
    strict=True,
))


def _pick(table: dict, *names: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(table[name] for name in names)


_BY_FOLLOW: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "%": _pick(_N, "ci", "prange", "pct"),
    "per": _pick(_N, "prange", "pct", "rate"),
    "to": _pick(_N, "prange", "duration", "rate"),
    "and": _pick(_N, "prange"),
    "in": _pick(_N, "freq-in"),
    "of": _pick(_N, "freq-of"),
    "out": _pick(_N, "freq-of"),
    "times": _pick(_N, "times"),
    "fold": _pick(_N, "fold"),
    "\u00b1": _pick(_N, "pm"),
    "scale": _pick(_N, "prange", "pct", "rate", "rate-year", "studies", "people", "burden",
                   "events"),
    "count": _pick(_N, "rate", "rate-year", "studies", "people", "events", "duration"),
    "dash": _pick(_N, "prange", "fold", "duration", "rate"),
    "unit": _pick(_N, "change"),
}
for _key in ("\uff05", "\u066a", "percent", "percentage", "pc"):
    _BY_FOLLOW[_key] = _BY_FOLLOW["%"]
for _key in _BARE_OUTCOME_WORDS:
    _BY_FOLLOW[_key.split()[0]] = _pick(_N, "bare-outcome")
for _key in ("m", "km", "metre", "metres", "meter", "meters", "cm", "mm", "kg", "point",
             "points", "seconds", "degrees", "steps", "mmhg", "beats", "bpm"):
    _BY_FOLLOW[_key] = _BY_FOLLOW["unit"]
_BY_FOLLOW["+/-"] = _BY_FOLLOW["+-"] = _BY_FOLLOW["\u00b1"]

_FRACTION = _pick(_W, "fraction", "twice")
_BY_WORD: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
for _w in _FRACTION_WORDS:
    _BY_WORD[_w] = _FRACTION
for _w in ("twice", "thrice"):
    _BY_WORD[_w] = _pick(_W, "twice")
for _w in _MULT_WORDS[2:]:
    _BY_WORD[_w] = _pick(_W, "mult-verb", "double-the")
for _w in ("mean", "median", "standard", "interquartile", "sd", "iqr"):
    _BY_WORD[_w] = _pick(_K, "es-long", "mean")
_BY_WORD["average"] = _pick(_K, "mean", "on-average")
for _w in ("odds", "risk", "relative", "hazard", "rate", "incidence", "adjusted", "pooled",
           "summary", "absolute"):
    _BY_WORD[_w] = _pick(_K, "rm-long")
for _w in ("or", "aor", "rr", "hr", "irr", "ahr", "arr", "rrr"):
    _BY_WORD[_w] = _pick(_K, "rm-abbr")
for _w in ("ci", "cri", "confidence", "credible"):
    _BY_WORD[_w] = _pick(_K, "ci")
for _w in ("standardised", "standardized", "weighted", "cohen", "cohen's", "cohen\u2019s",
           "hedges", "effect", "number"):
    _BY_WORD[_w] = _pick(_K, "es-long")
for _w in ("smd", "wmd", "md", "nnt", "nnh"):
    _BY_WORD[_w] = _pick(_K, "es-abbr")
_BY_WORD["d"] = _BY_WORD["g"] = _pick(_K, "d-g")
_BY_WORD["p"] = _pick(_K, "p")
_BY_WORD["difference"] = _BY_WORD["differences"] = _pick(_K, "diff")
_BY_WORD["n"] = _pick(_K, "n")
for _w in ("gbp", "usd", "eur"):
    _BY_WORD[_w] = _CUR_PATTERNS
del _w, _key


def _after_number(text: str, pos: int):
    """Patterns worth trying for a number at ``pos``, chosen by the token after it."""
    m = _NUM_AT.match(text, pos)
    if m is None:
        return ()
    follow = _FOLLOW.match(text, m.end())
    if follow is None:
        return ()
    token = follow.group(1).lower()
    found = _BY_FOLLOW.get(token)
    if found is not None:
        return found
    if token[0] in _DASHES:
        return _BY_FOLLOW["dash"]
    if token.startswith("fold"):
        return _BY_FOLLOW["fold"]
    if token.startswith("\u00b0"):
        return _BY_FOLLOW["unit"]
    if token in _SCALE_WORDS:
        return _BY_FOLLOW["scale"]
    if token in _COUNT_FIRST:
        return _BY_FOLLOW["count"]
    return ()


def _anchors(text: str):
    """(position, group, word) of every place a statistic can start, in order."""
    digits = [(m.start(), "num", "") for m in _DIGIT_ANCHOR.finditer(text)]
    money = [(m.start(), "cur", "") for m in _CURRENCY_ANCHOR.finditer(text)]
    words = [(m.start(), "word", m.group(0)) for m in _WORD_ANCHOR.finditer(text)]
    return heapq.merge(digits, money, words)


def _candidates(text: str, pos: int, group: str, word: str):
    if group == "num":
        return _after_number(text, pos)
    if group == "cur":
        return _CUR_PATTERNS
    low = word.lower()
    if low in _NUMBER_WORD_SET or low in ("a", "an"):
        return _after_number(text, pos) + _FRACTION
    return _BY_WORD.get(low, ())


def _extend_back(text: str, start: int, floor: int, kind: str) -> int:
    """Include a hedge ("about", "up to") and, for durations, the preposition before it."""
    window_start = max(floor, start - 40)
    window = text[window_start:start]
    if kind == "duration-finding":
        m = _DUR_PREP_BACK.search(window)
        if m:
            start = window_start + m.start()
            window = text[window_start:start]
    m = _HEDGE_REV.match(window[::-1])
    if m:
        start -= m.end()
    return start


def find_statistics(text: str) -> list[Statistic]:
    """All statistics in ``text`` (already masked prose), in order, without overlaps."""
    if not isinstance(text, str) or not text:
        return []
    found: list[Statistic] = []
    last_end = 0
    for pos, group, word in _anchors(text):
        if pos < last_end:
            continue
        best: tuple[int, str] | None = None
        for kind, pattern in _candidates(text, pos, group, word):
            m = pattern.match(text, pos)
            if m is None or (best is not None and m.end() <= best[0]):
                continue
            final = _accept(kind, m, text, group)
            if final is not None:
                best = (m.end(), final)
        if best is None:
            continue
        end, kind = best
        while end > pos and text[end - 1] in " \t\u00a0\u2009\u202f":
            end -= 1
        start = _extend_back(text, pos, last_end, kind)
        found.append(Statistic(start, end, kind, text[start:end]))
        last_end = end
    return found
