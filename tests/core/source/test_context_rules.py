"""The context check's rules for numbers the statistics finder leaves out, durations, totals
that frame a result, and paired counts. Every source and claim here is invented."""

from __future__ import annotations

import pytest
from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.source.cited_numbers import unread_numbers
from mkdocs_evidence.core.source.context_parts import times
from mkdocs_evidence.core.source.source_check import verify
from mkdocs_evidence.core.source.source_text import source_sentences
from mkdocs_evidence.core.source.wording import content_words

REVIEW = Reference(
    "review2030",
    title="An invented review of splints for wrist pain",
    fields={
        "abstract": (
            "Objective: To compare splints without a strap against usual care for wrist pain. "
            "Results: We pooled 9 trials with 640 participants. "
            "Splints eased wrist pain more than usual care. "
            "Grip strength improved in 4 trials (n = 210). "
            "Splints were no better than usual care for sleep. "
            "Trials of people with diabetes were excluded. "
            "Each splint was worn for 8 weeks, and people were followed for 6 months. "
            "Participants were aged 40 to 70 years and took up to 300 mg of ibuprofen a day. "
            "Night splints (8 weeks per person) were worn by 120 wrists."
        )
    },
)


def _state(claim: str, figure: str):
    verdict = verify(figure, claim, [REVIEW])
    return verdict.state, verdict.comparison.kind if verdict.comparison else ""


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The splint was worn for about 8 weeks by people aged 40 to 70.", ["about 8 weeks", "40 to 70"]),
        ("Pain was lower at 3, 6 and 12 months.", ["6 and 12 months"]),
        ("See table 2 for the 2019 data; people took 300 mg.", []),
        ("People rated pain 4 points lower, out of 10.", ["4 points"]),
        ("In one trial the two groups had 18 sessions.", ["18 sessions"]),
        ("Cases fell to 12 per 1,000 people at L5.", ["12"]),
    ],
)
def test_unread_numbers_keep_figures_and_leave_labels_doses_dates_out(sentence, found):
    assert [n.text for n in unread_numbers(sentence)] == found


def test_unread_numbers_leave_the_finders_statistics_alone():
    sentence = "In 9 trials, splints were worn for 8 weeks."
    start = sentence.index("9 trials")
    assert [n.text for n in unread_numbers(sentence, [(start, start + 8)])] == ["8 weeks"]


def test_times_read_lists_ranges_and_skip_ages_and_study_lengths():
    assert times("pain was lower at 6, 12 and 18 months", None) == {180.0, 360.0, 540.0}
    assert times("took 28 vs 56 days", None) == {28.0, 56.0}
    assert times("people aged 45 years or over", None) == set()
    assert times("in a 2-year trial of exercise", None) == set()


def test_a_duration_with_another_unit_is_a_unit_mismatch():
    assert _state("Each splint was worn for 8 months.", "8 months") == ("mismatch", "unit")
    assert _state("Each splint was worn for 8 weeks.", "8 weeks") == ("match", "")
    # a duration never borrows the unit another number of the sentence has
    assert _state("People were followed for 8 months.", "8 months")[1] == "unit"


def test_a_self_describing_bracket_is_read_inside():
    # "(8 weeks per person)": what the 8 weeks are is inside the bracket, not before it
    assert _state("Each person wore a night splint for 8 weeks.", "8 weeks")[0] == "match"


def test_a_dose_is_not_a_count():
    assert _state("The trials took in 300 people.", "300") == ("mismatch", "unit")


def test_a_total_framing_a_result_agrees_when_the_source_states_it_for_everyone():
    assert _state("In 9 trials with 640 people, splints eased wrist pain.", "640 people") == ("match", "")


def test_a_total_framing_a_result_given_for_part_of_it_is_a_subgroup_mismatch():
    verdict = verify("640 people", "In 9 trials with 640 people, splints improved grip strength.", [REVIEW])
    assert verdict.state == "mismatch" and verdict.comparison.kind == "subgroup-total"
    assert "n = 210" in verdict.comparison.reason  # the reason quotes the result sentence


def test_a_total_framing_a_comparison_the_source_found_no_difference_in():
    claim = "In 9 trials with 640 people, splints helped sleep better than usual care."
    assert _state(claim, "640 people") == ("mismatch", "subgroup-total")


def test_a_total_put_with_another_count_of_studies():
    assert _state("The review pooled 12 trials with 640 people.", "640 people") == ("mismatch", "subgroup-total")
    assert _state("The review pooled 9 trials with 640 people.", "640 people") == ("match", "")


def test_a_population_the_source_only_excludes_is_not_one_it_names():
    assert _state("In 9 trials with 640 people with diabetes, splints eased wrist pain.", "640 people") == (
        "mismatch",
        "population",
    )


def test_a_follow_up_time_that_is_not_the_sources_follow_up():
    source = Reference("trial2032", fields={"abstract": "The splint was worn for 8 weeks. Follow-up lasted 6 months."})
    verdict = verify("8 weeks", "People were followed up for 8 weeks.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "outcome")
    assert verify("8 weeks", "People wore the splint for 8 weeks.", [source]).state == "match"


def test_statistic_names_are_not_outcome_words():
    source = Reference(
        "cohort2031",
        fields={"abstract": "Smoking went with a higher risk of death (hazard ratio 1.8) and of stroke (HR 1.4)."},
    )
    # "hazard ratio" names the statistic: not an outcome the source gives to the 1.8
    verdict = verify("hazard ratio 1.4", "Smoking raised the risk of stroke (hazard ratio 1.4).", [source])
    assert verdict.state == "match"


TRIAL = Reference(
    "trial2033",
    fields={
        "abstract": (
            "Thirty-six clinics with 2,400 patients took part, with 1,300 in the exercise arm. "
            "Pain fell by 30% at week 4, 35% at week 8 and 25% at week 12. "
            "Systolic pressure fell by 4.2 mm Hg, and diastolic by 2.1 mm Hg. "
            "On average 18.6% of the exercise arm stopped early. "
            "Scores went from 20.5 at the start to 11.2 at week 12. "
            "Whether people improved depended on age (OR 0.91), not on the arm. "
            "People walked at 0.8 m/s or less (n = 40) or faster (n = 35)."
        )
    },
)


def _trial(claim: str, figure: str):
    verdict = verify(figure, claim, [TRIAL])
    return verdict.state, verdict.comparison.kind if verdict.comparison else ""


def test_the_time_of_a_figure_is_read_from_its_own_clause():
    assert _trial("Pain fell by 35% at week 8.", "35%") == ("match", "")
    assert _trial("Pain fell by 35% at 12 weeks.", "35%") == ("mismatch", "time-point")
    # "from 20.5": the value at the start, whatever time the change reached
    assert _trial("Scores went from about 20 to about 11 by week 12.", "about 20")[0] == "match"


def test_a_number_the_finder_leaves_out_in_the_source_is_another_figure():
    # the -2.1 mm Hg is diastolic: a claim giving it to systolic pressure crosses them
    assert _trial("Diastolic pressure fell by 4.2 mm Hg.", "4.2 mm Hg") == ("mismatch", "outcome")
    assert _trial("Systolic pressure fell by 4.2 mm Hg.", "4.2 mm Hg") == ("match", "")


def test_a_source_mean_is_the_sources_own_number():
    assert _trial("About 19% of the exercise arm stopped early.", "About 19%") == ("match", "")


def test_compound_number_words_pair_with_the_right_count():
    assert _trial("There were 2,400 patients in 36 clinics.", "2,400 patients")[0] == "match"


def test_older_people_are_what_an_age_effect_is_about():
    assert _trial("Older people were less likely to improve (OR 0.91).", "OR 0.91") == ("match", "")


def test_a_comparator_does_not_start_another_fact():
    # "0.8 m/s or less (n = 40)": the 40 are the slow walkers
    assert _trial("In 40 people who walked slowly, pain fell.", "40 people")[0] == "match"


GRADES = Reference(
    "cohort2034",
    fields={
        "abstract": (
            "After a severe sprain, full recovery was 54.2%. "
            "After a mild sprain, 92% walked normally at 6 weeks. "
            "Of 80 ankles, 52 (65%) were taped and 28 (35%) braced. "
            "The trial arms were tape 40 (balance), 31 (strength) and 9 (mixed). "
            "Re-injury rates were 12.5% (95% CI 8.1%-17.0%) in the taped group and 20.4% in the braced group. "
            "Pain scores were higher in women (HRs of 1.8 and 1.3 for pain and stiffness)."
        )
    },
)


def _grades(claim: str, figure: str):
    verdict = verify(figure, claim, [GRADES])
    return verdict.state, verdict.comparison.kind if verdict.comparison else ""


def test_a_figure_for_one_grade_of_a_contrast_the_claim_leaves_out():
    assert _grades("After an ankle sprain, 54% recovered fully.", "54%") == ("mismatch", "subgroup-total")
    assert _grades("After a severe sprain, 54% recovered fully.", "54%") == ("match", "")


def test_a_sentence_ending_on_a_figure_is_its_own_sentence():
    # the prose splitter keeps "... was 54%. Of 80 ankles ..." together; a source reads them apart
    texts = [s.text for s in source_sentences(GRADES)]
    assert "After a severe sprain, full recovery was 54.2%." in texts
    assert _grades("After a mild sprain, 92% walked normally at 6 weeks.", "92%") == ("match", "")


def test_a_bracket_of_words_after_a_figure_is_what_it_counts():
    assert _grades("The strength arm had 31 people.", "31") == ("match", "")
    assert _grades("The balance arm had 31 people.", "31") == ("mismatch", "outcome")


def test_an_interval_does_not_end_a_figures_clause():
    # "12.5% (95% CI ...) in the taped group": the braced group's word is "braced"
    assert _grades("Re-injury happened to 12.5% of the braced group.", "12.5%") == ("mismatch", "outcome")
    assert _grades("Re-injury happened to 12.5% of the taped group.", "12.5%") == ("match", "")


def test_plural_ratio_names_are_read_as_ratios():
    assert _grades("Women were 1.8 times as likely to have pain.", "1.8 times as likely")[0] == "match"


GROUPS = Reference(
    "cohort2035",
    fields={
        "abstract": (
            "Background: Creutzfeldt-Jakob disease (CJD) and stiff-person syndrome were compared. "
            "A second group had a frozen shoulder. "
            "Tremor was seen in 12 of 30 patients with CJD."
        )
    },
)


def test_a_group_the_study_names_elsewhere_is_not_the_figures_group():
    verdict = verify("12 of 30 patients", "Tremor was seen in 12 of 30 patients with a frozen shoulder.", [GROUPS])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "population")


def test_accents_and_hyphenated_long_forms_name_the_abbreviation():
    # "Creutzfeldt-Jakob disease (CJD)": the claim's accented, hyphenated long form names the CJD
    claim = "Tremor was seen in 12 of 30 patients with Creutzfeldt-Jakob disease."
    assert verify("12 of 30 patients", claim, [GROUPS]).state == "match"
    assert content_words("Guillain-Barré")[0].key == content_words("Guillain-Barre")[0].key


VALVES = Reference(
    "cohort2036",
    fields={
        "abstract": (
            "In the first 5 years, adjusted hazard ratios were 0.71 [0.65, 0.78] in town A and 0.66 [0.60, 0.73] in "
            "town B, and over 15 years they were 0.85 [0.80, 0.90] in town A and 0.93 [0.88, 0.99] in town B. "
            "After a plastic splint, women healed faster than men (HR 0.6; CI 0.4 to 0.8). "
            "By contrast, after a metal splint, women had more pain than men (HR 1.9; CI 1.2 to 2.6). "
            "The group had 410 women and 380 men."
        )
    },
)


def _valves(claim: str, figure: str):
    verdict = verify(figure, claim, [VALVES])
    return verdict.state, verdict.comparison.kind if verdict.comparison else ""


def test_a_ratio_stated_away_from_its_name_is_found_but_not_an_interval_bound():
    assert _valves("In town B, the risk was lower in the first 5 years (hazard ratio 0.66).", "hazard ratio 0.66")[0] == "match"
    assert _valves("The risk was lower (hazard ratio 0.65).", "hazard ratio 0.65")[0] == "absent"  # a bound


def test_a_list_of_figures_takes_the_nearest_time_before_it():
    claim = "Over 15 years, the risk in town B was lower (hazard ratio 0.66)."
    assert _valves(claim, "hazard ratio 0.66") == ("mismatch", "time-point")


def test_a_claim_naming_the_other_grade_of_a_contrast():
    assert _valves("After a metal splint, women had more pain than men (HR 1.9).", "HR 1.9") == ("match", "")
    assert _valves("After a plastic splint, women had more pain than men (HR 1.9).", "HR 1.9") == (
        "mismatch",
        "subgroup-total",
    )


def test_a_count_after_were_names_what_it_counts():
    assert _valves("Of those in the group, 410 were men.", "410")[1] == "unit"


def test_a_share_after_a_count_is_labelled_by_the_words_after_its_bracket():
    source = Reference(
        "trial2037",
        fields={"abstract": "Of the 90 patients, 63 of 90 patients (70%) sent back their diaries, and 40% (30%-50%) of the rest wrote in."},
    )
    assert verify("70%", "After a year, 70% of the patients sent back their diaries.", [source]).state == "match"
    verdict = verify("70%", "After a year, 70% of the patients felt better.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "outcome")


def test_plural_abbreviations_are_their_singular():
    assert content_words("340 TKRs")[0].key == content_words("one TKR")[0].key
    source = Reference("registry2038", fields={"abstract": "We studied 2,410 primary TKRs done in a row."})
    assert verify("2,410", "The registry covered 2,410 knee replacements.", [source]).state == "match"


def test_a_rate_of_events_is_not_a_count_of_people():
    source = Reference("review2039", fields={"abstract": "Tai chi cut the rate of falls by 19% (12 trials)."})
    verdict = verify("19%", "Tai chi cut the number of people who had a fall by 19%.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "outcome")
    assert verify("19%", "Tai chi cut the rate of falls by 19%.", [source]).state == "match"


def test_study_counts_that_report_a_finding_are_not_other_outcomes():
    source = Reference(
        "review2040", fields={"abstract": "Data from 30 trials showed that regular yoga eased back pain (8 points/100)."}
    )
    assert verify("8 points", "Regular yoga eased back pain by 8 points out of 100.", [source]).state == "match"


def test_a_figure_for_all_the_patients_given_to_one_group():
    source = Reference("trial2041", fields={"abstract": "At 1 year, 60% of all the patients were back at work."})
    verdict = verify("60%", "At 1 year, 60% of the people given the new brace were back at work.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "subgroup-total")
    assert verify("60%", "At 1 year, 60% of the patients were back at work.", [source]).state == "match"


def test_a_comparison_bracket_is_labelled_by_the_words_before_it():
    # "(48.5% versus 20.1%)": "versus" says nothing; the group before the bracket owns both
    source = Reference(
        "cohort2042",
        fields={"abstract": "Falls happened in 25.3%, and were more common among the night-shift nurses (48.5% versus 20.1%)."},
    )
    verdict = verify("25%", "Among night-shift nurses, 25% had a fall.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "outcome")


def test_enrolled_and_followed_are_read_from_the_figures_own_clause():
    source = Reference("cohort2043", fields={"abstract": "In all, 80 patients were enrolled, and 52 of them were followed for 2 years."})
    verdict = verify("80 people", "The study followed 80 people for 2 years.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "subgroup-total")
    assert verify("52 people", "The study followed 52 people for 2 years.", [source]).state == "match"


def test_a_coded_bracket_is_labelled_by_the_words_before_it_and_day_is_not_night():
    source = Reference(
        "survey2044",
        fields={"abstract": "Cramp during the day (Q2, explaining 7.5% of the variance) and cramp at night (Q5, explaining 18.4%) predicted sleep."},
    )
    assert verify("18%", "Cramp at night explained 18% of the variance.", [source]).state == "match"
    verdict = verify("18%", "Cramp during the day explained 18% of the variance.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "subgroup-total")


def test_right_after_treatment_is_a_time_of_its_own():
    source = Reference("review2045", fields={"abstract": "Right after treatment, exercise lowered pain by 14 points/100."})
    assert verify("14 points", "Straight after a course of treatment, exercise lowered pain by 14 points.", [source]).state == "match"
    verdict = verify("14 points", "Three months after treatment, exercise lowered pain by 14 points.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "time-point")


def test_test_names_spreads_and_frequencies():
    # "the 10-metre walk" names a test; "a week" after "3 times" is a frequency, read as 3
    assert [n.text for n in unread_numbers("They did the 10-metre walk 3 times a week.")] == ["3"]
    assert times("mean age 51.8 ± 10.2 years, ill for 9.0 ± 7.9 years", None) == set()


def test_a_located_sentence_outweighs_one_where_the_number_was_not_found():
    source = Reference(
        "pilot2046",
        fields={"abstract": "Nine pwMS (2 males, 7 females) took part. Each wore a monitor for seven days and seven nights."},
    )
    verdict = verify("7", "Of the nine people, 7 were men.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "unit")


def test_who_a_count_is_about_is_not_what_it_counts():
    source = Reference(
        "pilot2047",
        fields={"abstract": "People with multiple sclerosis (pwMS) were studied. Nine pwMS aged 35 to 64 took part."},
    )
    assert verify("nine", "In a pilot study, nine people tried the device.", [source]).state == "match"


def test_a_count_is_located_as_written_and_took_part_is_everyone():
    source = Reference(
        "pilot2048",
        fields={
            "abstract": (
                "In all, 21 people (12 female, 9 male) finished; their mean age was 50.2 ± 12.4 years. "
                "Thirty people with a stiff knee, all able to walk, took part."
            )
        },
    )
    assert verify("12 were men", "Of those who finished, 12 were men.", [source]).comparison.kind == "unit"
    verdict = verify("30 people", "All 30 people finished the trial.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "subgroup-total")


def test_a_count_of_another_of_the_sources_abbreviations():
    source = Reference(
        "registry2049",
        fields={
            "abstract": (
                "We studied hip fracture repair (HFR) and knee fracture repair (KFR). "
                "There were 900 operations (610 HFR, 290 KFR)."
            )
        },
    )
    verdict = verify("290", "The registry held 290 hip fracture repairs.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "unit")
    assert verify("290", "The registry held 290 knee fracture repairs.", [source]).state == "match"


def test_part_of_a_total_stated_in_two_sentences():
    source = Reference(
        "series2050",
        fields={"abstract": "We followed 31 people with a new hip. Four hips dislocated in the first year."},
    )
    assert verify("Four of the 31 people", "Four of the 31 people had a hip dislocate.", [source]).state != "absent"
    verdict = verify("Four of the 31 people", "Four of the 31 people fell in the first year.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "unit")


def test_a_total_of_several_populations_given_to_one():
    source = Reference(
        "review2051",
        fields={"abstract": "Five trials had people with stroke and 2 had children with cerebral palsy. In all, 7 trials (n = 380) were pooled."},
    )
    verdict = verify("380 people", "The review pooled 7 trials with 380 people with stroke.", [source])
    assert (verdict.state, verdict.comparison.kind) == ("mismatch", "population")
    assert verify("380 people", "The review pooled 7 trials with 380 people.", [source]).state == "match"


def test_of_them_shares_the_groups_words_and_younger_is_a_comparison():
    source = Reference(
        "series2052",
        fields={
            "abstract": (
                "Only 40 patients could be followed; 30 had a partial tear, and 21 (70%) of them healed, "
                "while 2 with a full tear healed. Patients with a tear were younger on average (48.5 years) than the rest."
            )
        },
    )
    assert verify("70%", "Of the people with a partial tear, 70% healed.", [source]).state == "match"
    assert verify("48.5 years", "People with a tear were 48.5 years old on average.", [source]).state == "match"
    assert verify("Only 36 of the 40 people", "Only 36 of the 40 people were followed.", [source]).state == "absent"


def test_durations_lists_and_findings_do_not_cross_words():
    trial = Reference(
        "trial2053",
        fields={"abstract": "Of 200 people, 104 took drug A and 96 took a placebo, for up to 10 weeks."},
    )
    # "after 10 weeks, pain was no lower with drug A": the words around a duration are the result's
    assert verify("10 weeks", "After 10 weeks, pain was no lower with drug A than with placebo.", [trial]).state == "match"
    listed = Reference(
        "series2054",
        fields={"abstract": "One, two and three levels were fused in 40, 70 and 10 patients (33.3%, 58.3% and 8.3%)."},
    )
    assert verify("58%", "Two levels were fused in 58% of patients.", [listed]).state == "match"
    review = Reference(
        "review2055",
        fields={"abstract": "Of 900 records, 60 studies qualified, and 50 (pain) and 12 (mood) were compared. Yoga eased pain the most."},
    )
    assert verify("60 studies", "A review of 60 studies found yoga eased pain the most.", [review]).state == "match"
