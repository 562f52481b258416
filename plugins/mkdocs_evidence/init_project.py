"""``mkdocs-evidence init DIR --condition NAME [--clinic NAME]``: a working standalone site.

Writes ``mkdocs.yml``, ``docs/index.md``, ``citations/refs.bib``, ``content/<slug>/...`` (the
``new-guide`` scaffold), ``content/waivers.yml``, a CI workflow and a ``.gitignore``. It never
overwrites a file: when any of them exists it refuses, names the file and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .core.guide.guides import md_escape
from .core.templating import template_environment
from .scaffold import EXAMPLE_TREATMENT, ScaffoldError, _yaml_str, scaffold_guide, slugify

__all__ = ["InitResult", "init_project"]

# Files copied as they are, and files rendered from templates/init/ (target -> template).
_STATIC = {
    Path("citations/refs.bib"): "refs.bib",  # empty: a comment-only .bib reads as a non-BibTeX file
    Path("citations/README.md"): "citations-README.md",
    Path("content/waivers.yml"): "waivers.yml",
    Path(".gitignore"): "gitignore",
}
_RENDERED = {
    Path("mkdocs.yml"): "mkdocs.yml.j2",
    Path("docs/index.md"): "index.md.j2",
    Path(".github/workflows/site.yml"): "ci.yml.j2",
}


@dataclass(frozen=True, slots=True)
class InitResult:
    """What ``init`` wrote, and what to do next."""

    directory: Path
    written: tuple[Path, ...]
    slug: str

    def next_steps(self) -> str:
        here = self.directory.resolve() == Path.cwd().resolve()
        return "\n".join(
            [
                "Your site is ready in this folder. Next:"
                if here
                else f"Your site is ready in {self.directory}. Next:",
                *([] if here else [f"  cd {self.directory}"]),
                "  mkdocs serve                      # preview at http://127.0.0.1:8000, rebuilt as you edit",
                f"  edit content/{self.slug}/guide.yml  # replace every 'Replace this with...' (each one is a warning)",
                "  add your sources to citations/refs.bib and cite them as [@key]",
                "  mkdocs-evidence check --production  # what still stops publishing",
                "  mkdocs build                      # the finished site, in site/",
            ]
        )


def init_project(directory: Path, *, condition: str, clinic: str | None = None) -> InitResult:
    """Write a new site into ``directory`` (created if needed); raise :class:`ScaffoldError`
    naming the first file that already exists, before writing anything."""
    condition = " ".join(condition.split())
    clinic = " ".join(clinic.split()) if clinic else None
    slug = slugify(condition)
    if not slug:
        raise ScaffoldError(
            f"cannot make a folder name from {condition!r}; use letters or digits, e.g. 'Carpal tunnel syndrome'"
        )
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} is a file, not a folder; choose a folder for the new site")
    guide_files = [
        Path("content") / slug / "guide.yml",
        Path("content") / slug / "treatments" / f"{EXAMPLE_TREATMENT}.yml",
    ]
    for relative in (*_RENDERED, *_STATIC, *guide_files, Path("content") / slug):
        if (directory / relative).exists():
            raise ScaffoldError(
                f"{directory / relative} already exists; init never overwrites a file (choose an empty folder)"
            )
    # YAML and Markdown output: autoescape off on purpose; values go through yaml_str/md_escape.
    env = template_environment(subdir="init", autoescape=False, keep_trailing_newline=True)
    env.filters.update(yaml_str=_yaml_str, md_escape=md_escape)
    site_name = f"{condition} guide"
    values = {
        "site_name": site_name,
        "description": f"Evidence-checked information about {condition.lower()} for patients and families.",
        "condition": condition,
        "clinic": clinic,
        "slug": slug,
        "version": __version__,
    }
    texts = {target: env.get_template(name).render(**values) for target, name in _RENDERED.items()}
    texts.update({target: env.get_template(name).render() for target, name in _STATIC.items()})
    written = []
    for target, text in texts.items():
        path = directory / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written.extend(scaffold_guide(condition, directory / "content"))
    return InitResult(directory, tuple(written), slug)
