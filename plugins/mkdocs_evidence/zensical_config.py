"""What ``mkdocs-evidence check`` needs from a Zensical site's ``zensical.toml``.

A Zensical site uses the Markdown extension, named in its configuration with plain values::

    [project.markdown_extensions."mkdocs_evidence.markdown_ext"]
    bibliography = "citations"

The checker reads ``docs_dir`` and that table; the options the MkDocs plugin takes (``content``,
``waivers``, ``rating_scale``...) may be given in the same table. Keys the extension takes for
rendering only (``references_title``, ``how_we_rate_url``, ``templates``, ``base_dir``) are not
options of the checker and are left out.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

__all__ = ["EXTENSION_NAME", "ZensicalConfigError", "read_zensical_config"]

EXTENSION_NAME = "mkdocs_evidence.markdown_ext"
_RENDER_ONLY = frozenset({"references_title", "how_we_rate_url", "templates", "base_dir"})


class ZensicalConfigError(Exception):
    """``zensical.toml`` cannot be read or its options are wrong: one message."""


def read_zensical_config(path: Path) -> tuple[Path, dict, str]:
    """``(docs_dir, plugin options validated like the MkDocs plugin's, exclude_docs)``."""
    from .config import validate_options

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ZensicalConfigError(f"{path}: cannot read: {error}") from error
    project: dict = raw["project"] if isinstance(raw.get("project"), dict) else {}
    extensions = project.get("markdown_extensions") or {}
    table = extensions.get(EXTENSION_NAME) if isinstance(extensions, dict) else None
    options = {k: v for k, v in (table or {}).items() if k not in _RENDER_ONLY}
    try:
        schema = validate_options(options, f'project.markdown_extensions."{EXTENSION_NAME}"')
    except ValueError as problem:
        raise ZensicalConfigError(f"{path}: {problem}") from None
    docs_dir = path.parent / str(project.get("docs_dir", "docs"))
    exclude = project.get("exclude_docs") or ""
    return docs_dir, dict(schema), exclude if isinstance(exclude, str) else ""
