"""Where every template the plugin renders is looked up: the one override folder, then the package.

A site overrides any template of ``plugins/mkdocs_evidence/templates/`` by putting a file at the
same path under ``<custom_dir>/evidence/`` (``theme.custom_dir`` in ``mkdocs.yml``; the
``templates`` option of the Markdown extension elsewhere)::

    overrides/evidence/citations/cite.html      replaces templates/citations/cite.html
    overrides/evidence/evidence/badge.html      replaces templates/evidence/badge.html
    overrides/evidence/report/_body.html.j2     replaces templates/report/_body.html.j2
    overrides/evidence/guide/overview.md.j2     replaces templates/guide/overview.md.j2

It is one namespace, like Material's ``partials/`` or mkdocstrings' ``custom_templates/``, and
the plugin build and the command line (``mkdocs-evidence report``, ``check``) read the same one.
The first releases read ``citations/``, ``evidence/`` and ``report/`` straight under
``custom_dir``; those places are still read, after the override folder. The packaged
``theme/`` (Material blocks) is overridden from ``custom_dir`` itself, as any theme file is.

No MkDocs here: the plugin, the CLI and other Python-Markdown hosts pass the folder in.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from ..core.io.diskcache import tree_signature
from ..core.templating import TEMPLATES_DIR, template_environment

__all__ = [
    "LEGACY_FOLDERS",
    "OVERRIDE_FOLDER",
    "TEMPLATES_DIR",
    "guide_template_dirs",
    "is_template_override",
    "legacy_override_files",
    "make_environment",
    "overridable_templates",
    "override_dirs",
    "overrides_signature",
    "report_environment",
]

OVERRIDE_FOLDER = "evidence"
"""The folder under ``custom_dir`` that mirrors the package's ``templates/``."""

LEGACY_FOLDERS = ("citations", "evidence", "report")
"""Folders straight under ``custom_dir`` that earlier releases read (still read, after ours)."""

RENDERED_FOLDERS = ("citations", "evidence", "report", "guide")
"""The template folders whose output is a page or a report (``init/`` and ``scaffold/`` write a
new project's files before any site exists, so there is nothing to override them from)."""


def _folder(custom_dir: Path | str | None) -> Path | None:
    return Path(custom_dir) if custom_dir else None


def override_dirs(custom_dir: Path | str | None) -> tuple[Path, ...]:
    """The folders searched before the package for HTML templates: ``<custom_dir>/evidence``,
    then ``custom_dir`` itself for the old ``citations/``, ``evidence/`` and ``report/``."""
    folder = _folder(custom_dir)
    return (folder / OVERRIDE_FOLDER, folder) if folder is not None else ()


def guide_template_dirs(custom_dir: Path | str | None) -> tuple[Path, ...]:
    """The folders searched before the package for the guide pages' templates (``guide/``
    under each); the guide templates had no old place."""
    folder = _folder(custom_dir)
    return (folder / OVERRIDE_FOLDER,) if folder is not None else ()


def make_environment(custom_dir: Path | str | None = None) -> jinja2.Environment:
    """The autoescaping environment for citations, badges, tables, "How we rate" and the report,
    with the site's override folder first. The only factory the adapter and the CLI use."""
    return template_environment(extra_dirs=override_dirs(custom_dir))


def report_environment(custom_dir: Path | str | None = None) -> jinja2.Environment:
    """:func:`make_environment` for the CLI's standalone report, whose templates keep their
    final newlines (the report file and its script digest stay as they were)."""
    return make_environment(custom_dir).overlay(keep_trailing_newline=True)


def overrides_signature(custom_dir: Path | str | None) -> tuple:
    """The contents of every override a build reads: rendered output is cached by it."""
    folder = _folder(custom_dir)
    if folder is None:
        return ()
    return tree_signature(folder / name for name in dict.fromkeys((OVERRIDE_FOLDER, *LEGACY_FOLDERS)))


@lru_cache(maxsize=1)
def overridable_templates() -> tuple[str, ...]:
    """Every template a site can override, as its path under the override folder."""
    return tuple(sorted(
        path.relative_to(TEMPLATES_DIR).as_posix()
        for name in RENDERED_FOLDERS
        for path in (TEMPLATES_DIR / name).rglob("*")
        if path.is_file()
    ))


def legacy_override_files(custom_dir: Path | str | None) -> list[tuple[Path, str]]:
    """Overrides found in an old place, with the path each would have in the override folder
    (``overrides/citations/cite.html`` -> ``evidence/citations/cite.html``)."""
    folder = _folder(custom_dir)
    if folder is None:
        return []
    known = set(overridable_templates())
    found = []
    for name in LEGACY_FOLDERS:
        base = folder / name
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir() if name == OVERRIDE_FOLDER else base.rglob("*")):
            template = f"{name}/{path.relative_to(base).as_posix()}"
            if path.is_file() and template in known:
                found.append((path, f"{OVERRIDE_FOLDER}/{template}"))
    return found


def is_template_override(path: Path | str, custom_dir: Path | str | None) -> bool:
    """Whether a file of ``custom_dir`` is a template override (or a file in the override
    folder): MkDocs would copy it into the site as a theme file, and it is not one."""
    folder = _folder(custom_dir)
    if folder is None:
        return False
    path = Path(path)
    if path.is_relative_to(folder / OVERRIDE_FOLDER):
        return True
    try:
        relative = path.relative_to(folder).as_posix()
    except ValueError:
        return False
    return relative.split("/", 1)[0] in LEGACY_FOLDERS and relative in overridable_templates()
