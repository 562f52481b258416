"""The project checks the same way twice, and its memo never serves stale results."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from mkdocs_evidence.core.io.diskcache import RecordStore
from mkdocs_evidence.core.project import Project, ProjectSettings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def settings(root: Path) -> ProjectSettings:
    return ProjectSettings(root=root, docs_dir=root / "docs", bibliography=(root / "citations",), content_dir=root / "content")


def test_memo_reuses_unchanged_content_and_notices_edits(tmp_path: Path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "citations").mkdir()
    memo = RecordStore()
    first = Project(settings(tmp_path), memo=memo)
    again = Project(settings(tmp_path), memo=memo)
    assert again.guides is first.guides  # nothing changed: not loaded again
    assert again.source_findings() == first.source_findings()

    guide = tmp_path / "content" / "foot-drop" / "guide.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("key_messages:", "what_is_new: 1\nkey_messages:", 1), encoding="utf-8")
    later = time.time() + 5
    os.utime(guide, (later, later))
    edited = Project(settings(tmp_path), memo=memo)
    assert edited.guides is not first.guides
    assert any("what_is_new" in f.message for f in edited.source_findings())


def test_memo_survives_a_new_process_through_its_file(tmp_path: Path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "citations").mkdir()
    store = RecordStore(tmp_path / "sources.json")
    first = Project(settings(tmp_path), memo=store)
    findings = first.source_findings()
    store.save()
    reopened = RecordStore(tmp_path / "sources.json")  # the next build
    again = Project(settings(tmp_path), memo=reopened)
    assert not reopened.changed  # guides and findings came from the file
    assert [p.src_uri for p in again.generated_pages] == [p.src_uri for p in first.generated_pages]
    assert again.source_findings() == findings


def test_checks_cached_one_day_are_valid_all_year_but_not_the_next(tmp_path: Path):
    """Only the age of evidence in years depends on the date: a new day must not recheck the
    site, a new year must (a source may have just become too old)."""
    from dataclasses import replace
    from datetime import date

    from mkdocs_evidence.core.check import CheckOptions

    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "citations").mkdir()
    store = RecordStore()

    def on(day: date) -> Project:
        return Project(replace(settings(tmp_path), options=CheckOptions(today=day)), memo=store)

    spring = on(date(2026, 3, 1))
    assert spring.signature == on(date(2026, 11, 22)).signature
    assert spring.signature != on(date(2027, 1, 2)).signature

    def fresh(day: date) -> list:  # computed, not taken from the store
        return Project(replace(settings(tmp_path), options=CheckOptions(today=day)), memo=RecordStore()).source_findings()

    assert fresh(date(2026, 3, 1)) == fresh(date(2026, 11, 22))
