"""Find the statistics stated in prose, so that each one can be required to carry a citation.

The finder is rule-based and precision-first: a number is a statistic only when its context
makes it one (a percent sign, "1 in 5", "twice as likely", "OR 1.4", "815 participants", ...).
Bare numbers are never reported, which is what keeps doses, anatomical levels, acupuncture
points, dates, phone numbers, versions, list numbers and page numbers out. A small negative
lexicon removes the contexts that look like statistics but are not (concentrations such as
"5% dextrose", "page 3 of 10", "three times a week").

Parts: ``lexicon.yml`` (the word lists, data) read by :mod:`.lexicon`; :mod:`.grammar`
(regex pieces); :mod:`.context` (compiled context tests); :mod:`.rules` (one acceptance rule
per function); :mod:`.patterns` (named :class:`~.patterns.Pattern` records and the tables that
pick them); :mod:`.finder` (the linear anchor scan). Number words, number grammar and hedges
are shared with the figure matcher in :mod:`...text.numbers`.

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

from ...text.numbers import NUMBER_WORDS, number_value
from .finder import KINDS, Statistic, find_statistics

__all__ = ["KINDS", "NUMBER_WORDS", "Statistic", "find_statistics", "number_value"]
