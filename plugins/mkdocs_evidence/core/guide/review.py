"""Review dates: which pages are overdue for clinical review, and which have no dates.

Dates come only from content metadata (``review.last_reviewed`` / ``next_review_due`` in a
guide, or front matter): a build date or a git commit time says when a file was touched, not
when a clinician last checked it. ``today`` is passed in so results are reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from ..findings import Finding, Severity, make_finding


class ReviewState(str, Enum):
    """Review state of a page, in the order the dashboard lists them (worst first)."""

    OVERDUE = "overdue"
    MISSING = "missing"
    DUE_SOON = "due-soon"
    CURRENT = "current"

    @property
    def label(self) -> str:
        return {"overdue": "Overdue", "missing": "No review dates", "due-soon": "Due soon", "current": "Current"}[
            self.value
        ]

    @property
    def rank(self) -> int:
        return list(ReviewState).index(self)


@dataclass(frozen=True, slots=True)
class PageReview:
    """A page's review metadata, located at the file and line that hold it (for findings)."""

    path: str
    title: str
    last_reviewed: date | None
    next_review_due: date | None
    line: int = 1
    # The file that holds the dates when it is not the page (a guide's YAML for its generated
    # pages); ``line`` is then the line of ``next_review_due`` there. Pages sharing a source
    # share one finding, at that line, naming every page it covers.
    source: str = ""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One dashboard row: the page's review state on ``today`` and the finding it gives, if any."""

    path: str
    title: str
    state: ReviewState
    last_reviewed: date | None
    next_review_due: date | None
    days_until_due: int | None
    line: int
    finding: Finding | None = None
    source: str = ""

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "state": self.state.value,
            "last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
            "next_review_due": self.next_review_due.isoformat() if self.next_review_due else None,
            "days_until_due": self.days_until_due,
        }


def _row(page: PageReview, today: date, production: bool, due_soon_days: int) -> ReviewRow:
    def finding(kind: str, message: str, severity: Severity | None = None) -> Finding:
        return make_finding(
            kind,
            severity=severity,
            path=page.source or page.path,
            line=page.line,
            column=1,
            end_line=page.line,
            end_column=1,
            text=page.title,  # page-level findings are waived by page title
            sentence="",
            message=message,
        )

    common: dict[str, Any] = dict(
        path=page.path, title=page.title, last_reviewed=page.last_reviewed, line=page.line, source=page.source
    )
    if page.last_reviewed is None or page.next_review_due is None:
        missing = [
            name
            for name, value in (("last_reviewed", page.last_reviewed), ("next_review_due", page.next_review_due))
            if value is None
        ]
        days = (page.next_review_due - today).days if page.next_review_due else None
        return ReviewRow(
            **common,
            state=ReviewState.MISSING,
            next_review_due=page.next_review_due,
            days_until_due=days,
            finding=finding("review-missing", f"'{page.title}' has no {' or '.join(missing)} date."),
        )
    days = (page.next_review_due - today).days
    if days < 0:
        late = -days
        return ReviewRow(
            **common,
            state=ReviewState.OVERDUE,
            next_review_due=page.next_review_due,
            days_until_due=days,
            finding=finding(
                "review-overdue",
                f"'{page.title}' was due for review on {page.next_review_due.isoformat()} "
                f"({late} day{'s' if late != 1 else ''} ago); last reviewed {page.last_reviewed.isoformat()}.",
                Severity.ERROR if production else Severity.WARNING,
            ),
        )
    state = ReviewState.DUE_SOON if days <= due_soon_days else ReviewState.CURRENT
    return ReviewRow(**common, state=state, next_review_due=page.next_review_due, days_until_due=days)


def review_status(
    pages: Sequence[PageReview], today: date, *, production: bool, due_soon_days: int = 30
) -> list[ReviewRow]:
    """Review rows for ``pages`` on ``today``, worst first.

    A page is overdue the day after ``next_review_due``; due soon within ``due_soon_days``.
    Overdue is a warning while drafting and an error for a production build, where a stale
    medical page must not ship silently. Missing dates are a warning in both.
    """
    rows = [_row(page, today, production, due_soon_days) for page in pages]
    return sorted(rows, key=lambda r: (r.state.rank, r.days_until_due if r.days_until_due is not None else 0, r.path))


def review_findings(rows: Sequence[ReviewRow], sources: Mapping[str, str] | None = None) -> list[Finding]:
    """The ``review-overdue`` / ``review-missing`` findings of ``rows``.

    Rows whose dates live in a shared ``source`` give one finding per source line, not one per
    page: the fix is one date. ``sources`` names each source for the message (a guide's title);
    the finding's text is that name, so a waiver names the guide, not every page.
    """
    out: list[Finding] = []
    shared: dict[tuple[str, int, str], list[ReviewRow]] = {}
    for row in rows:
        if row.finding is None:
            continue
        if row.source:
            shared.setdefault((row.source, row.line, row.finding.kind), []).append(row)
        else:
            out.append(row.finding)
    for (source, _line, _kind), group in shared.items():
        out.append(_shared_finding(group, (sources or {}).get(source, source)))
    return out


def _shared_finding(rows: Sequence[ReviewRow], name: str) -> Finding:
    first = rows[0].finding
    assert first is not None
    pages = sorted(row.path for row in rows)
    covered = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
    if first.kind == "review-overdue":
        due, late = rows[0].next_review_due, -(rows[0].days_until_due or 0)
        days = f"{late} day{'s' if late != 1 else ''} ago"
        head = f"'{name}' was due for review on {due.isoformat() if due else '?'} ({days})"
        if rows[0].last_reviewed:
            head += f"; last reviewed {rows[0].last_reviewed.isoformat()}"
    else:
        head = f"'{name}' has no complete review dates"
    return replace(first, text=name, message=f"{head}. It covers {covered}: {', '.join(pages)}.")
