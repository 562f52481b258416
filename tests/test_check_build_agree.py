"""``mkdocs-evidence check`` and ``mkdocs build`` read one configuration: the same pages
(MkDocs' ``get_files``: ``exclude_docs``, ``draft_docs``, ``not_in_nav``) and the same options
(MkDocs' ``load_config`` and the plugin's schema)."""

from __future__ import annotations

import json

import pytest
from mkdocs_evidence.cli import main

UNCITED = "About 42% of the people we asked felt better after a week.\n"
RATED = (
    "A splint helps some people walk.\n"
    "{rating: low | splint -> walking | @aprile2005}\n"
)


def _checked(site, capsys, monkeypatch) -> list[dict]:
    monkeypatch.chdir(site.root)
    main(["check", "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]


def _built(site, build_site) -> list[dict]:
    build_site(site)
    return json.loads(site.page("editor/report/report.json"))["findings"]


def _paths(findings: list[dict], kind: str) -> set[str]:
    return {f["path"] for f in findings if f["kind"] == kind}


def test_excluded_draft_and_not_in_nav_pages_are_checked_alike(make_site, build_site, capsys, monkeypatch):
    pages = {"index.md": "# Home\n\nPlain words.\n", "excluded.md": UNCITED, "draft.md": UNCITED, "hidden.md": UNCITED}
    extra = {"exclude_docs": "excluded.md\n", "draft_docs": "draft.md\n", "not_in_nav": "hidden.md\n"}
    site = make_site(pages, extra=extra)
    checked = _paths(_checked(site, capsys, monkeypatch), "uncited-statistic")
    built = _paths(_built(site, build_site), "uncited-statistic")
    assert checked == built == {"docs/hidden.md"}  # built, though not in the nav; the others are not


@pytest.mark.parametrize(("years", "expected"), [(30, set()), (None, {"docs/index.md"})])
def test_an_option_in_mkdocs_yml_applies_to_check_and_build(make_site, build_site, capsys, monkeypatch, years, expected):
    options = {"max_evidence_age_years": years} if years else {}  # the default (15) flags a 2005 source
    site = make_site({"index.md": RATED}, options=options)
    checked = _paths(_checked(site, capsys, monkeypatch), "rating-old-evidence")
    built = _paths(_built(site, build_site), "rating-old-evidence")
    assert checked == built == expected


def test_an_invalid_mkdocs_yml_is_one_message_from_mkdocs_schema(make_site, capsys, monkeypatch):
    site = make_site({"index.md": "# Home\n"}, options={"max_evidence_age_years": "ten"})
    monkeypatch.chdir(site.root)
    assert main(["check"]) == 2
    error = capsys.readouterr().err
    assert "mkdocs.yml" in error and "max_evidence_age_years" in error and "Traceback" not in error
