"""Settings that point at nothing: a misspelt ``content:`` folder is an error, never silence.

Without this, a typo in ``content:`` made every generated guide page vanish from the site with
no message. The default folder (``content``) may be absent: a site without structured guides.
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding, make_finding

__all__ = ["missing_content"]


def missing_content(config_file: str, content_dir: Path | None, value: str, *, explicit: bool) -> Finding | None:
    """A finding when the configured content folder does not exist (and was set on purpose)."""
    if content_dir is None or content_dir.is_dir() or not explicit:
        return None
    what = "is a file, not a folder" if content_dir.exists() else "does not exist"
    return make_finding(
        "content-error",
        path=config_file,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        text="content",
        sentence="",
        message=f"plugins.evidence.content: '{value}' {what}; fix the path, or the guide pages are missing",
    )
