"""Appeals to unnamed research in the wordings real pages use (issue 13), from our own examples,
and named sources reported as named. Each case fails if its form is lost."""

from __future__ import annotations

import pytest
from mkdocs_evidence.core.attribution import find_attributions


def _kinds(text: str, part: str) -> list[str]:
    start = text.index(part)
    end = start + len(part)
    return [a.kind for a in find_attributions(text) if a.start < end and start < a.end]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("New research finds that walking eases back pain.", "research finds"),
        ("A 2019 Canadian study, though, found no such link.", "A 2019 Canadian study, though, found"),
        ("A Danish trial confirms that the splint helps.", "A Danish trial confirms"),
        ("A large, randomised, placebo-controlled trial of 300 adults suggested a small benefit.",
         "A large, randomised, placebo-controlled trial of 300 adults suggested"),
        ("A recent study of 80 patients compared two kinds of brace.", "A recent study of 80 patients compared"),
        ("In a 2015 study, people who swam had less pain.", "In a 2015 study"),
        ("Laboratory studies show that the cream calms nerves.", "Laboratory studies show"),
        ("Trials have shown a small gain in walking speed.", "Trials have shown"),
        ("It is estimated that one in five adults snores.", "It is estimated that"),
        ("Yoga for back pain has been well researched.", "has been well researched"),
        ("Experts recommend a short walk every day.", "Experts recommend"),
        ("Doctors agree that early movement helps.", "Doctors agree"),
        ("A year-long study compared surgery with physiotherapy.", "A year-long study compared"),
        ("The tea is backed by scientific research.", "backed by scientific research"),
        # between the head and its verb: a citation marker, a bracketed abbreviation, an aside
        ("Another study [@lee2020] found a similar answer.", "Another study [@lee2020] found"),
        ("A 2021 study [@kim2021] of 90 runners with sore knees found less pain.",
         "A 2021 study [@kim2021] of 90 runners with sore knees found"),
        ("Several randomised trials (RCTs), mostly from Asia, have tested the herb.",
         "Several randomised trials (RCTs), mostly from Asia, have tested"),
        ("Many large cohort studies, including one of 40,000 nurses, have shown the same link.",
         "Many large cohort studies, including one of 40,000 nurses, have shown"),
        ("Systematic reviews and national guidelines recommend the exercises.",
         "Systematic reviews and national guidelines recommend"),
        ("Later research, though, has given mixed results.", "Later research, though, has given"),
        ("Careful trials of people with chronic headache continue to examine the drug.",
         "Careful trials of people with chronic headache continue to examine"),
        ("An expert panel provisionally recommends the splint.", "An expert panel provisionally recommends"),
        ("Parental reports suggest that many children outgrow it.", "Parental reports suggest"),
        ("Current scientific knowledge shows the disc heals slowly.", "Current scientific knowledge shows"),
        ("This is a theory which some experts support.", "some experts support"),
        # "the" that does not point back
        ("The latest research shows that walking is as good as running.", "The latest research shows"),
        ("In the largest trial so far, the brace did no better than a sleeve.", "In the largest trial"),
        ("The scientific evidence now supports gentle exercise.", "The scientific evidence now supports"),
        ("The majority of studies have found a small effect.", "The majority of studies have found"),
        ("In clinical trials, the drug cut attacks by half.", "In clinical trials"),
        # passives and fixed phrases with no one named
        ("Poor sleep has been linked to weight gain.", "has been linked to"),
        ("Back pain is reported to ease within weeks in most people.", "is reported to"),
        ("Swelling is reported in some patients to last a week.", "is reported in some patients"),
        ("The cream has been found to ease itching.", "has been found to"),
        ("Stretching is proven to lower stiffness.", "is proven"),
        ("Costs to the health service, estimated at two billion pounds a year, keep rising.", "estimated at"),
        ("There is evidence that massage eases pain.", "There is evidence that"),
        ("There are studies showing that tai chi helps balance.", "There are studies showing"),
        ("There is strong evidence for early walking.", "There is strong evidence for"),
        ("It was found that older adults fell less.", "It was found that"),
        ("It's well known that smoking slows healing.", "It's well known that"),
        ("This balm is dermatologist-tested.", "dermatologist-tested"),
        ("A research-backed pillow for neck pain.", "research-backed"),
        ("Backed by solid science, the pillow eases neck pain.", "Backed by solid science"),
        ("Health officials warn that cases are rising.", "Health officials warn"),
        ("One estimate puts the cost at millions.", "One estimate puts"),
        ("A few studies suggest that it eases cramp.", "A few studies suggest"),
        ("There are a small number of studies which found less swelling.", "studies which found"),
        ("Walking after meals lowers blood sugar, finds study.", "finds study"),
        ("Clinical Studies Prove Braces Work", "Clinical Studies Prove"),
        ("Many causes are known, according to the literature.", "according to the literature"),
        ("Physiotherapists recommend daily stretching.", "Physiotherapists recommend"),
        ("The brace is supported by years of research.", "supported by years of research"),
        ("Evidence has emerged that sitting is harmful.", "Evidence has emerged"),
        ("A Danish-led trial confirms the effect.", "A Danish-led trial confirms"),
        ("A UK-based study found fewer falls.", "A UK-based study found"),
        ("A new study released on Monday reveals a link with diet.", "A new study released on Monday reveals"),
        ("The effect was seen in several large trials.", "seen in several large trials"),
        ("In trials of the drug, pain fell by a third.", "In trials"),
        ("Experts caution that the cream can sting.", "Experts caution"),
        ("Twelve risk factors have been identified by researchers.", "identified by researchers"),
        ("Scientists pinpoint two causes of cramp.", "Scientists pinpoint"),
        ("The most scientifically supported herbs are listed below.", "scientifically supported"),
        ("The herb has shown strong calming effects.", "has shown strong calming effects"),
        ("Creams that have shown promise for nerve pain.", "have shown promise"),
        ("It's been shown that naps help.", "It's been shown"),
        ("New Study Finds Walking Eases Back Pain", "New Study Finds"),
        ("Coffee Study Finds Liver Benefit", "Study Finds"),
        ("Doctors Say Rest Is Not Best", "Doctors Say"),
        ("According to a May 2019 study, most adults snore.", "According to a May 2019 study"),
        ("A new Dutch study announced Monday finds fewer deaths.", "A new Dutch study announced Monday finds"),
        ("The results were clear, but researchers insist more work is due.", "researchers insist"),
        ("Last year we covered a Danish study that changed practice.", "a Danish study"),
        ("A recent article named the drug as the most prescribed.", "A recent article"),
        ("Fatigue is common, with studies linking it to poor sleep.", "studies linking"),
    ],
)
def test_unnamed_research_is_a_vague_appeal(text: str, part: str) -> None:
    assert _kinds(text, part) == ["vague-attribution"], find_attributions(text)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The Bureau of Labor Statistics reports that back pain costs many work days.",
         "The Bureau of Labor Statistics reports"),
        ("A 2009 study in the journal Circulation has shown a link.", "study in the journal Circulation"),
        ("Scientists from the University of Leeds concluded that it helps.", "University of Leeds"),
        ("According to WebMD, the pain fades within weeks.", "According to WebMD"),
        ("Pain is common after the operation (Hobson and Lee, 2012).", "(Hobson and Lee, 2012)"),
        ("The results appeared in Neurology last spring.", "appeared in Neurology"),
        ("A Harvard study found that nurses slept less.", "A Harvard study found"),
        ("Harvard researchers found that nurses slept less.", "Harvard researchers found"),
        ("The WHI data, though, showed fewer fractures.", "WHI data, though, showed"),
        ("A national survey by NHS Digital showed that many adults snore.", "by NHS Digital"),
        ("According to new findings by a Leeds University team, it helps.", "Leeds University"),
        ("Women's Health Initiative (WHI) results suggest a small benefit.", "Women's Health Initiative"),
        ("Using UK Biobank data, the team looked at many people.", "UK Biobank data"),
        ("The National Institutes of Health ranks it as a common cause.", "The National Institutes of Health ranks"),
        ("Hundreds of people a week are diagnosed, says the Back Care Forum.", "says the Back Care Forum"),
        ("Rates were higher in towns (all ages, CDC 2017).", "CDC 2017"),
        ("The Alzheimer's Association estimates that millions have it.", "The Alzheimer's Association estimates"),
        ("The results, in the Journal of Foot Care, show fewer falls.", "Journal of Foot Care"),
        ("Rates come from the CDC's national database.", "CDC's national database"),
        ("Acme Health's yearly survey found that most users sleep better.", "Acme Health's yearly survey found"),
        ("The brace helps, said study leader Dr. Ann Roe of Leeds.", "said study leader Dr. Ann Roe"),
        ("According to the NYT, researchers found lower rates.", "According to the NYT"),
        ("Scientists at Oxford found that naps help.", "Scientists at Oxford found"),
        ("Women who nap sleep less at night, Harvard scientists add.", "Harvard scientists add"),
        ("Harvard researchers followed nurses for ten years.", "Harvard researchers followed"),
        ("The Mayo Clinic claims that it helps.", "The Mayo Clinic claims"),
        ("The ATLAS study found that half improved.", "ATLAS study found"),
        ("These findings, published by the Foot Care Commission in a 2024 report, were new.",
         "published by the Foot Care Commission"),
        ("A recent study by Roe et al. (2019) looked at braces.", "A recent study by Roe et al"),
    ],
)
def test_named_sources_are_named_not_vague(text: str, part: str) -> None:
    assert _kinds(text, part) == ["named-but-uncited"], find_attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "More research is needed before we know.",
        "This study found nothing new.",
        "Your doctor may suggest a brace.",
        "There is little evidence either way.",
        "Scientists do not know why it happens.",
        "Researchers are still trying to find out why.",
        "Ask your doctor about taking part in clinical trials.",
        "You can take part in trials run by the hospital.",
        "Swelling was found in some people.",
        "The term is widely used in studies of animals.",
        "Areas of work include comparisons of treatments, such as in clinical trials.",
        "Modern research on the herb is still going on.",
        "We read about new studies and products every week.",
        "What has science found about braces?",
        "Do studies show that it works?",
        "Data on 12,500 women were analysed.",
        "Around 1,500 new cases a year are reported to the registry.",
        "The first case was reported in 1990.",
        "She filled in a self-report form.",
        "Reports of 300 confirmed cases reached the clinic.",
        "He was shown to his room.",
        "It is thought that the nerve is pinched.",
        "A Pilot Study of Foot Drop Braces",
        "Alzheimer's research moves slowly.",
        "There is no evidence that it works.",
        "Students were told they would take part in a study of a new cream.",
        "Customer reviews say it works.",
        "Some trials involve healthy volunteers.",
        "The study used data from earlier trials and found a small effect.",
        "The charity gives a fair, evidence-based look at health stories.",
        "The scan has shown a small tear.",
        "Medical research in the UK still receives considerable support from charities.",
        "Study: a lifetime risk higher than thought",
        "You could join a new study at our clinic.",
        "We are running a new trial of the splint.",
        "Dr Roe leads an international study of sleep.",
        "The Leeds Walking Study (LWS), a 10-year national survey, began in 2001.",
        "Some clinical trials are designed to compare two drugs.",
        "Clinical trials are studies in which people volunteer to help find answers.",
        "This review gathered information from earlier work to see if a pattern emerged.",
        "Daytime sleepiness has been reported.",
        "According to the data in the table, most people recover.",
    ],
)
def test_not_appeals(text: str) -> None:
    assert find_attributions(text) == [], find_attributions(text)


@pytest.mark.parametrize(
    "entry",
    [
        "1. Roe A, Lee B, Kim C. Walking and back pain. J Foot Care. 2019 Mar 2;12(3):45-9.",
        "Roe, A. B., Lee, C. (2004). A trial found less pain. Back Journal, 50(5), 1501-10.",
        "Foot Care Association. (n.d.). Braces help. Retrieved from https://example.org/braces",
        "DOI 10.1000/abc123 Roe A. Studies show it works.",
    ],
)
def test_reference_list_entries_are_data(entry: str) -> None:
    assert find_attributions(entry) == [], find_attributions(entry)


def test_an_appeal_after_a_comma_starts_at_its_own_words() -> None:
    found = find_attributions("For mood and health, new research suggests walking helps.")
    assert [a.text for a in found] == ["new research suggests"]


def test_one_appeal_per_clause() -> None:
    """"In one study, researchers found": one finding, not two."""
    found = find_attributions("In one study, researchers found lower rates.")
    assert [(a.text, a.kind) for a in found] == [("In one study, researchers found", "vague-attribution")]
