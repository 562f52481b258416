"""Find the statistics stated in prose, so that each one can be required to carry a citation.

Two passes. The precise patterns find statistics whose form makes them one (a percent sign,
"1 in 5", "twice as likely", "OR 1.4", "815 participants", ...). A second pass
(:mod:`.broad`) then treats every other number and quantity word as a candidate ("214,000
males", "the third most common cause", "most people", "aged 65 and over", "3:1") and decides
from context with the negative lexicon, which keeps doses, anatomical levels, acupuncture
points, dates, phone numbers, identifiers, versions, list and page numbers, schedules, one
person's case and reference-list entries out. Each statistic is ``sure`` (an uncited one is an
error) or ``uncertain`` with a reason (a warning): a missed unsourced figure reaches patients,
a false alarm costs an editor one waiver.

Parts: ``lexicon.yml`` (the word lists, data) read by :mod:`.lexicon`; :mod:`.grammar`
(regex pieces); :mod:`.context` (compiled context tests); :mod:`.rules` (one acceptance rule
per function); :mod:`.patterns` (named :class:`~.patterns.Pattern` records and the tables that
pick them); :mod:`.finder` (the linear anchor scan); the second pass: :mod:`.scan` (what is known
about the whole text, found in one word scan that serves both passes), :mod:`.broad` (quantity
words, ranks, ages), :mod:`.bare` (bare numbers), :mod:`.comparisons` (comparisons between
groups, ranks against all others). Number words, number grammar and hedges are shared with the
figure matcher in :mod:`...text.numbers`.

Policy decisions (documented so the corpus and the rules agree):

* vague magnitudes ("hundreds of patients", "thousands of people") are not statistics; vague
  proportions of a group ("most people", "many patients", "the majority") are uncertain ones;
* "one study", "a trial" and "two people" are not counts; "three trials" is. A count of
  people under 10 needs an outcome verb ("6 children needed surgery") or a study context
  ("a study of 5 patients"), so guidance such as "three people can help you" is not one;
  an event count needs at least 10 events ("14 falls", not "he had 2 falls");
* a bare number with a strong outcome verb is an outcome count ("61 improved", "12 died");
* a change with a measurement unit after a change verb is an effect ("improved by 0.15 m/s",
  "the difference was 3.4 points");
* scores for one person ("her pain was 7 out of 10", "strength 3/5") are not frequencies;
  age groups ("people aged 65 and over") are uncertain statistics, one person's age is none;
* a term's definition is not a finding ("acute means it has lasted less than six weeks");
* a duration is a finding only after an outcome word ("recovered within 4 months", "recovery
  took 6 months"); schedules ("for 6 weeks", "sessions last 30 minutes") are not;
* money is a finding only with a per-unit or population scale ("£2,000 per patient", "£1.2
  billion a year") or next to the NHS / health service; a shop price is not;
* "1 in 2019" is read as a year, so natural frequencies with a year-like denominator need a
  comma ("1 in 2,000");
* a bare number that nothing else explains, in a sentence that is not guidance or one person's
  story, is an uncertain statistic ("for 59 they were higher"); small whole numbers (under 10)
  and number words are not flagged on their own;
* a comparison is a finding when it names both groups ("more likely in men than in women"),
  reports a study's group ("were less likely") or ranks against all others ("than any other");
  bare comparatives ("a higher risk", "more likely to break") are not;
* targets and goals ("aims for 85% by 2020") and percentages inside a definition are not
  findings; ages in chart titles and label lines are not age groups.
"""

from __future__ import annotations

from ...text.numbers import NUMBER_WORDS, number_value
from .finder import KINDS, Statistic, find_statistics

__all__ = ["KINDS", "NUMBER_WORDS", "Statistic", "find_statistics", "number_value"]
