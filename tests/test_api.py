"""The stated public API: ``mkdocs_evidence.__all__`` and the ``__all__`` of the modules people
import. A name that disappears, or one added without being stated here, fails this test: change
this list and README's "Python API" section together."""

from __future__ import annotations

import importlib
import subprocess
import sys

import mkdocs_evidence
import pytest

STATED = [
    "__version__",
    # the MkDocs plugin and the Markdown extension
    "EvidencePlugin", "EvidenceConfig", "EvidenceExtension", "makeExtension", "make_extension",
    # checking one text
    "check_text", "CheckOptions", "Located", "TextCheck",
    "find_citations", "find_statistics", "Statistic", "find_attributions", "Attribution",
    # findings
    "Finding", "Severity", "Rule", "RULES",
    # sources
    "Reference", "Bibliography", "load_bibliography",
    # condition guides and ratings
    "Guide", "Treatment", "load_guide", "parse_guide", "parse_treatment",
    "Rating", "check_rating", "compute_ceiling", "find_rating_markers", "get_scale",
    # a whole project and its report
    "Project", "ProjectSettings", "Outcome",
    "Report", "report_to_json", "render_report_html", "write_report_files", "findings_to_sarif",
]

# Modules whose own ``__all__`` is public too; each must keep at least these names.
MODULES = {
    "mkdocs_evidence.core.check": ["CheckOptions", "Located", "TextCheck", "check_text"],
    "mkdocs_evidence.core.findings": ["RULES", "Finding", "Rule", "Severity", "make_finding"],
    "mkdocs_evidence.core.text.citations": ["KEY_PATTERN", "anchor_for", "find_citations", "reference_href"],
    "mkdocs_evidence.core.claims.statistics": ["Statistic", "find_statistics"],
    "mkdocs_evidence.core.claims.attribution": ["Attribution", "find_attributions"],
    "mkdocs_evidence.core.guide.content": ["Guide", "Treatment", "load_guide", "parse_guide", "parse_treatment"],
    "mkdocs_evidence.core.ratings": ["Rating", "check_rating", "compute_ceiling", "find_rating_markers"],
    "mkdocs_evidence.core.ratings.scales": ["Scale", "get_scale", "scale_names"],
    "mkdocs_evidence.core.project": ["Project", "ProjectSettings", "load_bibliography"],
    "mkdocs_evidence.core.report.sarif": ["findings_to_sarif"],
    "mkdocs_evidence.standalone": ["make_extension"],
}


def test_the_package_states_exactly_its_api():
    assert sorted(mkdocs_evidence.__all__) == sorted(STATED)


@pytest.mark.parametrize("name", STATED)
def test_each_stated_name_imports_from_the_package(name):
    namespace: dict = {}
    exec(f"from mkdocs_evidence import {name}", namespace)
    assert namespace[name] is not None
    assert name in dir(mkdocs_evidence)


@pytest.mark.parametrize(("module", "names"), sorted(MODULES.items()))
def test_public_modules_state_their_names(module, names):
    loaded = importlib.import_module(module)
    assert set(names) <= set(loaded.__all__)
    for name in loaded.__all__:
        assert hasattr(loaded, name), f"{module}.__all__ names {name}, which it does not define"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        mkdocs_evidence.no_such_name  # noqa: B018


def test_importing_the_package_imports_no_mkdocs_and_no_finders():
    code = "import sys, mkdocs_evidence; print(sorted(m for m in ('mkdocs', 'mkdocs_evidence.core.check') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_make_extension_renders_a_citation_in_plain_python_markdown(tmp_path):
    import markdown

    (tmp_path / "refs.bib").write_text(
        "@article{lee2020, author = {Lee, Ann}, title = {A trial}, journal = {J Tests}, year = {2020}}\n", encoding="utf-8"
    )
    html = markdown.markdown(
        "Walking got easier [@lee2020].", extensions=[mkdocs_evidence.makeExtension(bibliography=str(tmp_path / "refs.bib"))]
    )
    assert 'href="#ref-lee2020"' in html
