"""One reading of a site's configuration for the plugin and the CLI, so that ``check`` and
``build`` agree on which files and options apply.

``mkdocs.yml`` is read by MkDocs' own :func:`mkdocs.config.load_config` (``INHERIT``, ``!ENV``,
``!relative``, every option validated by its schema) and its pages are listed by
:func:`mkdocs.structure.files.get_files` (``exclude_docs``, ``draft_docs``, ``not_in_nav``, hidden
files, ``README.md`` beside ``index.md``). The plugin's options come from the one schema,
:class:`~mkdocs_evidence.config.EvidenceConfig`: defaults live there and nowhere else.
``zensical.toml`` has no MkDocs loader; :func:`zensical_site` reads it (``zensical_config.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import EvidenceConfig, resolve, validate_options
from .core.check import CheckOptions
from .core.project import ProjectSettings

__all__ = [
    "MARKDOWN_SUFFIXES",
    "SiteConfig",
    "SiteConfigError",
    "check_options",
    "project_settings",
    "read_site_config",
    "zensical_site",
]

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs reads as pages


class SiteConfigError(Exception):
    """The site's configuration cannot be read or is invalid: one message, no traceback."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """What a site configures: its folders, the plugin's validated options and its pages.

    ``pages`` are the Markdown pages a build renders (``None`` for a Zensical site, whose pages
    are found by walking ``docs_dir`` and leaving out ``exclude_docs``).
    """

    config_file: Path
    root: Path
    docs_dir: Path
    options: Mapping[str, Any]
    pages: tuple[Path, ...] | None = None
    exclude_docs: str = ""
    explicit: frozenset[str] = field(default_factory=frozenset)

    def site_pages(self) -> list[Path]:
        """The Markdown pages a build of this site renders, in MkDocs' order."""
        if self.pages is not None:
            return list(self.pages)
        import pathspec  # a MkDocs dependency: the same gitignore-style matching MkDocs uses

        spec = pathspec.GitIgnoreSpec.from_lines([".*", "/templates/", *self.exclude_docs.splitlines()])
        found = sorted(p for p in self.docs_dir.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file())
        return [p for p in found if not spec.match_file(p.relative_to(self.docs_dir).as_posix())]


class _Collect(logging.Handler):
    """Keeps the messages MkDocs logs while it validates a configuration."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


def _load(config_file: Path) -> Any:
    """MkDocs' own loading and validation, its error messages turned into one exception."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False  # MkDocs' messages go into the one error
    try:
        return load_config(str(config_file))
    except (Abort, ConfigurationError) as error:
        problems = collect.errors or [str(error)]
        raise SiteConfigError(f"{config_file}: " + "; ".join(" ".join(p.split()) for p in problems)) from None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
        raise SiteConfigError(f"{config_file}: cannot read: {' '.join(str(error).split())}") from None
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


def read_site_config(config_file: Path) -> SiteConfig:
    """Read ``mkdocs.yml`` the way ``mkdocs build`` does, without building."""
    from mkdocs.structure.files import get_files

    from .core.guide.clinic import ClinicError, validate_clinic

    config = _load(config_file)
    clinic = config.extra.get("clinic") if isinstance(config.extra, Mapping) else None
    try:
        validate_clinic(clinic)
    except ClinicError as error:
        raise SiteConfigError(f"{config_file}: {error}") from error
    plugin = config.plugins.get("evidence")
    options = plugin.config if plugin is not None else validate_options({}, "plugins.evidence")
    docs_dir = Path(config.docs_dir)
    files = get_files(config)
    pages = tuple(Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path)
    explicit = frozenset(name for name in options if _set(options, name))
    return SiteConfig(config_file, config_file.parent, docs_dir, options, pages, explicit=explicit)


def _set(options: Mapping[str, Any], name: str) -> bool:
    """Whether an option differs from the schema's default (the only sign MkDocs keeps of what
    ``mkdocs.yml`` set itself)."""
    option = dict(EvidenceConfig._schema).get(name)
    return option is not None and options[name] != option.default


def zensical_site(config_file: Path) -> SiteConfig:
    """A Zensical site's ``zensical.toml``, read for ``check``."""
    from .zensical_config import ZensicalConfigError, read_zensical_config

    try:
        docs_dir, options, exclude = read_zensical_config(config_file)
    except ZensicalConfigError as error:
        raise SiteConfigError(str(error)) from error
    return SiteConfig(config_file, config_file.parent, docs_dir, options, None, exclude_docs=exclude)


def check_options(options: Mapping[str, Any]) -> CheckOptions:
    """The checks' options from the plugin's validated options."""
    return CheckOptions(
        rating_scale=options["rating_scale"],
        max_evidence_age_years=options["max_evidence_age_years"],
        **({"today": options["today"]} if options["today"] else {}),
    )


def project_settings(
    options: Mapping[str, Any],
    *,
    config_file: str | Path | None,
    docs_dir: Path,
    bibliography: Sequence[Path] | None = None,
    content: bool = True,
    waivers: bool = True,
    production: bool = False,
) -> ProjectSettings:
    """The project the plugin builds and the CLI checks, from the same options.

    ``bibliography`` replaces the configured files (the CLI's ``--bib``); ``content=False``
    leaves the guides out (the CLI checking only the files it was given), ``waivers=False`` the
    waivers file (files checked with no site around them).
    """
    config_path = str(config_file) if config_file else None
    root = Path(config_path).parent if config_path else Path.cwd()
    bib = tuple(bibliography) if bibliography is not None else tuple(resolve(config_path, p) for p in options["bibliography"])
    return ProjectSettings(
        root=root,
        docs_dir=docs_dir,
        bibliography=bib,
        content_dir=resolve(config_path, options["content"]) if content else None,
        waivers=resolve(config_path, options["waivers"]) if waivers else None,
        options=check_options(options),
        reading_target=options["reading_level_target"],
        production=bool(production or options["production"]),
    )
