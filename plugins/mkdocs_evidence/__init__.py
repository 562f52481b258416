"""mkdocs-evidence: evidence-checked patient-education guides for MkDocs.

The engine-agnostic core lives in :mod:`mkdocs_evidence.core` and never imports MkDocs;
:mod:`mkdocs_evidence.plugin` is the thin MkDocs adapter and :mod:`mkdocs_evidence.cli`
the command line.
"""

__version__ = "0.1.0"
