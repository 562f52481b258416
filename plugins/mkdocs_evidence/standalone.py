"""The Markdown extension from configuration alone, for any Python-Markdown host.

MkDocs sites get the extension from the plugin, already wired to its caches. Other hosts
(Zensical, a script calling ``markdown.markdown``) name it in their configuration and pass
plain values, which Python-Markdown hands to ``makeExtension``::

    markdown.Markdown(extensions=["mkdocs_evidence.markdown_ext"],
                      extension_configs={"mkdocs_evidence.markdown_ext": {"bibliography": "citations/"}})

Citations, reference lists and rating badges render; the claim checker does not run inside the
host (run ``mkdocs-evidence check`` for that).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .core.bib.bibliography import BibliographyCache
from .core.ratings import find_rating_markers
from .core.ratings.scales import get_scale
from .markdown_ext import EvidenceExtension
from .rating_render import RatingRenderer
from .rendering import make_environment

__all__ = ["make_extension"]


def make_extension(
    *,
    bibliography: str | Sequence[str] = "citations",
    base_dir: str = ".",
    rating_scale: str = "grade",
    references_title: str = "References",
    how_we_rate_url: str | None = None,
    templates: str | None = None,
    citation_style: str | None = None,
) -> EvidenceExtension:
    """An :class:`EvidenceExtension` from plain values.

    ``bibliography``: a ``.bib``/``.json`` file or folder, or a list of them, relative to ``base_dir``
    (default: the folder the host runs in). ``templates``: a folder whose ``citations/`` and
    ``evidence/`` templates replace the package's. ``how_we_rate_url``: where badges link for
    "how we rate evidence" (no link when unset). ``citation_style``: as the plugin's option.
    """
    root = Path(base_dir).absolute()
    sources = [bibliography] if isinstance(bibliography, str) else list(bibliography)
    loaded = BibliographyCache().load([root / s for s in sources], root)
    for problem in loaded.problems:
        # No logger is shared by every host: a problem in a .bib file is raised, not lost.
        if problem.severity.value == "error":
            raise ValueError(f"mkdocs_evidence.markdown_ext: {problem.location}: {problem.message}")
    env = make_environment([root / templates] if templates else [])
    renderer = RatingRenderer(scale=get_scale(rating_scale), bibliography=loaded, env=env)
    return EvidenceExtension(
        bibliography=loaded,
        env=env,
        find_rating_markers=find_rating_markers,
        render_rating=lambda raw: renderer.badge(raw, how_we_rate_url),
        references_title=references_title,
        citation_style=citation_style,
    )
