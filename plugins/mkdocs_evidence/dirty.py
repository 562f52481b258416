"""``mkdocs build --dirty``: pages MkDocs did not convert keep their findings.

A dirty build converts only the pages whose files changed since the last build, so the plugin
never sees the others' Markdown; without this their findings vanished from the log and the
report. Each page left out is checked from its file here, as the CLI checks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from .core.bib.bibliography import display
from .core.project import PageCheck, Project

__all__ = ["check_skipped_pages"]


def _title(markdown: str, meta: dict, fallback: str) -> str:
    if isinstance(meta.get("title"), str):
        return meta["title"]
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip().rstrip("#").strip()
    return fallback


def check_skipped_pages(
    project: Project, files: Iterable[File], checked: dict[str, PageCheck], skip: set[str]
) -> dict[str, PageCheck]:
    """Checks of the hand-written pages that are not in ``checked`` (and not in ``skip``)."""
    found: dict[str, PageCheck] = {}
    for file in files:
        if file.src_uri in checked or file.src_uri in skip or file.generated_by is not None or not file.abs_src_path:
            continue
        try:
            source = file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # reported by on_files as unreadable
        markdown, meta = get_data(source)
        path = display(Path(file.abs_src_path), project.settings.root)
        title = _title(markdown, meta, Path(file.src_uri).stem)
        found[file.src_uri] = project.check_page(path, source, title=title, url=file.url, rendered_markdown=markdown, meta=meta)
    return found
