"""The build log: a line per kind of finding, each finding only in a verbose log and the report."""

from __future__ import annotations

from factories import finding
from mkdocs_evidence.core.findings import Severity
from mkdocs_evidence.core.report.editor_report import build_report, report_to_json
from mkdocs_evidence.core.report.findings_log import MORE_LOCATIONS, each_finding, log_summary


def _many(count: int) -> list:
    return [finding(path=f"docs/p{n:03d}.md", line=n + 1, column=2) for n in range(count)]


def test_thousands_of_findings_of_one_kind_make_one_line():
    findings = _many(2000)
    (line,) = log_summary(findings)
    assert line.severity is Severity.ERROR
    assert line.text.startswith("2000 errors [uncited-statistic] (statistic with no citation): docs/p000.md:1:2: No citation.")
    assert f"docs/p{MORE_LOCATIONS:03d}.md" in line.text and f"docs/p{MORE_LOCATIONS + 1:03d}.md" not in line.text
    assert f"and {2000 - 1 - MORE_LOCATIONS} more" in line.text and "--verbose" in line.text


def test_a_kind_found_once_reads_as_that_finding():
    (line,) = log_summary([finding("vague-attribution", text="Studies show", message="Appeals to research.")])
    assert line.text == "docs/afo.md:3:7: Appeals to research. [vague-attribution]"


def test_one_line_per_kind_worst_first_and_waived_findings_left_out():
    findings = [*_many(3), finding("uncertain-statistic"), finding("reading-level"), finding(waived_by="w1")]
    lines = log_summary(findings)
    assert [(line.severity, line.text.split(" [")[0].split(" ")[0]) for line in lines] == [
        (Severity.ERROR, "3"), (Severity.WARNING, "docs/afo.md:3:7:"), (Severity.INFO, "docs/afo.md:3:7:")]
    assert all("waived" not in line.text for line in lines)


def test_every_finding_in_the_verbose_lines_and_in_the_report():
    findings = [*_many(50), finding(waived_by="w1", line=99)]
    verbose = each_finding(findings)
    assert len(verbose) == 51 and verbose[0] == "docs/p000.md:1:2: No citation. [uncited-statistic]"
    assert verbose[-1] == "docs/afo.md:99:7: waived uncited-statistic: No citation."
    data = report_to_json(build_report(findings, []))
    assert len(data["findings"]) == 51 and "span" not in data["findings"][0]


def test_the_span_is_found_when_the_finding_is_made():
    made = finding(text="30%", sentence="About 30% of people recover.")
    assert made.span == (6, 9)
    assert finding(text="STUDIES show", sentence="Studies show it.").span == (0, 12)  # any case
    assert finding(text="40%", sentence="About 30% recover.").span == (-1, -1)
    from dataclasses import replace

    assert replace(made, text="people", sentence=made.sentence).span == (13, 19)  # made again
