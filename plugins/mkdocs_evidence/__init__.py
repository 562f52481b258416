"""mkdocs-evidence: evidence-checked patient-education guides for MkDocs.

The engine-agnostic core lives in :mod:`mkdocs_evidence.core` and never imports MkDocs;
:mod:`mkdocs_evidence.plugin` is the thin MkDocs adapter and :mod:`mkdocs_evidence.cli`
the command line.

The public API is the names in ``__all__`` below (README.md, "Python API"); each is imported
from here on first use, so ``import mkdocs_evidence`` stays cheap and imports no MkDocs. Every
other module is the package's inside and may change between releases. A test
(``tests/test_api.py``) fails if one of these names disappears.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it (absolute, so tools/regroup_core.py can rewrite it)
_API: dict[str, str] = {
    # the MkDocs plugin and the Markdown extension
    "EvidencePlugin": "mkdocs_evidence.plugin",
    "EvidenceConfig": "mkdocs_evidence.config",
    "EvidenceExtension": "mkdocs_evidence.markdown_ext",
    "makeExtension": "mkdocs_evidence.markdown_ext",
    "make_extension": "mkdocs_evidence.standalone",
    # checking one text
    "check_text": "mkdocs_evidence.core.check",
    "CheckOptions": "mkdocs_evidence.core.check",
    "Located": "mkdocs_evidence.core.check",
    "TextCheck": "mkdocs_evidence.core.check",
    "find_citations": "mkdocs_evidence.core.text.citations",
    "find_statistics": "mkdocs_evidence.core.claims.statistics",
    "Statistic": "mkdocs_evidence.core.claims.statistics",
    "find_attributions": "mkdocs_evidence.core.claims.attribution",
    "Attribution": "mkdocs_evidence.core.claims.attribution",
    # findings
    "Finding": "mkdocs_evidence.core.findings",
    "Severity": "mkdocs_evidence.core.findings",
    "Rule": "mkdocs_evidence.core.findings",
    "RULES": "mkdocs_evidence.core.findings",
    # sources
    "Reference": "mkdocs_evidence.core.bib.references",
    "Bibliography": "mkdocs_evidence.core.bib.bibliography",
    "load_bibliography": "mkdocs_evidence.core.project",
    # condition guides and ratings
    "Guide": "mkdocs_evidence.core.guide.content",
    "Treatment": "mkdocs_evidence.core.guide.content",
    "load_guide": "mkdocs_evidence.core.guide.content",
    "parse_guide": "mkdocs_evidence.core.guide.content",
    "parse_treatment": "mkdocs_evidence.core.guide.content",
    "Rating": "mkdocs_evidence.core.ratings",
    "check_rating": "mkdocs_evidence.core.ratings",
    "compute_ceiling": "mkdocs_evidence.core.ratings",
    "find_rating_markers": "mkdocs_evidence.core.ratings",
    "get_scale": "mkdocs_evidence.core.ratings.scales",
    # a whole project and its report
    "Project": "mkdocs_evidence.core.project",
    "ProjectSettings": "mkdocs_evidence.core.project",
    "Outcome": "mkdocs_evidence.core.project",
    "Report": "mkdocs_evidence.core.report.editor_report",
    "report_to_json": "mkdocs_evidence.core.report.editor_report",
    "render_report_html": "mkdocs_evidence.core.report.editor_report",
    "write_report_files": "mkdocs_evidence.core.report.editor_report",
    "findings_to_sarif": "mkdocs_evidence.core.report.sarif",
}

__all__ = [
    "RULES",
    "Attribution",
    "Bibliography",
    "CheckOptions",
    "EvidenceConfig",
    "EvidenceExtension",
    "EvidencePlugin",
    "Finding",
    "Guide",
    "Located",
    "Outcome",
    "Project",
    "ProjectSettings",
    "Rating",
    "Reference",
    "Report",
    "Rule",
    "Severity",
    "Statistic",
    "TextCheck",
    "Treatment",
    "__version__",
    "check_rating",
    "check_text",
    "compute_ceiling",
    "find_attributions",
    "find_citations",
    "find_rating_markers",
    "find_statistics",
    "findings_to_sarif",
    "get_scale",
    "load_bibliography",
    "load_guide",
    "makeExtension",
    "make_extension",
    "parse_guide",
    "parse_treatment",
    "render_report_html",
    "report_to_json",
    "write_report_files",
]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'mkdocs_evidence' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


if TYPE_CHECKING:
    from .config import EvidenceConfig
    from .core.bib.bibliography import Bibliography
    from .core.bib.references import Reference
    from .core.check import CheckOptions, Located, TextCheck, check_text
    from .core.claims.attribution import Attribution, find_attributions
    from .core.claims.statistics import Statistic, find_statistics
    from .core.findings import RULES, Finding, Rule, Severity
    from .core.guide.content import Guide, Treatment, load_guide, parse_guide, parse_treatment
    from .core.project import Outcome, Project, ProjectSettings, load_bibliography
    from .core.ratings import Rating, check_rating, compute_ceiling, find_rating_markers
    from .core.ratings.scales import get_scale
    from .core.report.editor_report import Report, render_report_html, report_to_json, write_report_files
    from .core.report.sarif import findings_to_sarif
    from .core.text.citations import find_citations
    from .markdown_ext import EvidenceExtension, makeExtension
    from .plugin import EvidencePlugin
    from .standalone import make_extension
