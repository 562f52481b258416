"""Review dates: overdue, due soon, missing, with a fixed today."""

from __future__ import annotations

from datetime import date

from mkdocs_evidence.core.findings import Severity
from mkdocs_evidence.core.guide.review import PageReview, ReviewState, review_findings, review_status

TODAY = date(2026, 11, 22)


def page(path: str, last: date | None, due: date | None, line: int = 7) -> PageReview:
    return PageReview(path=path, title=path.split("/")[-1], last_reviewed=last, next_review_due=due, line=line)


def test_overdue_detection_with_a_fixed_today():
    rows = review_status([page("a.yml", date(2025, 11, 1), date(2026, 11, 21))], TODAY, production=False)
    [row] = rows
    assert row.state is ReviewState.OVERDUE and row.days_until_due == -1
    assert row.finding is not None
    assert row.finding.kind == "review-overdue" and row.finding.severity is Severity.WARNING
    assert (row.finding.path, row.finding.line) == ("a.yml", 7)
    assert "2026-11-21" in row.finding.message and "1 day ago" in row.finding.message


def test_due_today_is_not_overdue():
    [row] = review_status([page("a.yml", date(2025, 11, 22), TODAY)], TODAY, production=True)
    assert row.state is ReviewState.DUE_SOON and row.finding is None and row.days_until_due == 0


def test_overdue_is_an_error_in_production():
    [row] = review_status([page("a.yml", date(2024, 1, 1), date(2025, 1, 1))], TODAY, production=True)
    assert row.finding.severity is Severity.ERROR


def test_due_soon_window_and_current():
    pages = [
        page("soon.yml", date(2026, 1, 1), date(2026, 12, 22)),  # 30 days
        page("later.yml", date(2026, 1, 1), date(2026, 12, 23)),  # 31 days
    ]
    states = {r.path: r.state for r in review_status(pages, TODAY, production=False)}
    assert states == {"soon.yml": ReviewState.DUE_SOON, "later.yml": ReviewState.CURRENT}
    states = {r.path: r.state for r in review_status(pages, TODAY, production=False, due_soon_days=60)}
    assert states["later.yml"] is ReviewState.DUE_SOON


def test_missing_dates():
    rows = review_status(
        [page("none.md", None, None), page("half.md", date(2026, 1, 1), None)], TODAY, production=True
    )
    assert all(r.state is ReviewState.MISSING for r in rows)
    findings = review_findings(rows)
    assert [f.kind for f in findings] == ["review-missing", "review-missing"]
    assert all(f.severity is Severity.WARNING for f in findings)
    half = next(f for f in findings if f.path == "half.md")
    assert "next_review_due" in half.message and "last_reviewed" not in half.message


def test_rows_are_sorted_worst_first_and_findings_collected():
    pages = [
        page("current.md", date(2026, 6, 1), date(2027, 6, 1)),
        page("missing.md", None, None),
        page("overdue-a-little.md", date(2025, 1, 1), date(2026, 11, 1)),
        page("overdue-a-lot.md", date(2024, 1, 1), date(2025, 1, 1)),
        page("soon.md", date(2026, 1, 1), date(2026, 12, 1)),
    ]
    rows = review_status(pages, TODAY, production=False)
    assert [r.path for r in rows] == [
        "overdue-a-lot.md",
        "overdue-a-little.md",
        "missing.md",
        "soon.md",
        "current.md",
    ]
    assert [f.path for f in review_findings(rows)] == ["overdue-a-lot.md", "overdue-a-little.md", "missing.md"]
    assert rows[0].to_dict()["state"] == "overdue"
    assert rows[0].to_dict()["next_review_due"] == "2025-01-01"
