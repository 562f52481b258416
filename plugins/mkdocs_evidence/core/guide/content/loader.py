"""Loading content files: decode, refuse what YAML should not hold, parse, validate, check slugs.

I/O happens only in :func:`load_guide` and the ``load_*_file`` functions; the rest is pure.
"""

from __future__ import annotations

import typing
from pathlib import Path

import yaml
from pydantic import ValidationError

from ...io.yamldepth import first_too_deep
from .errors import validation_errors, yaml_error
from .records import ContentError, GuideLoad
from .schema import Guide, Treatment
from .sourcemap import TimestampTextLoader, build_map

M = typing.TypeVar("M", Guide, Treatment)


def _decode(data: bytes, path: str) -> tuple[str | None, ContentError | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, ContentError(
            path, line, column, "", f"the file is not UTF-8 text (byte {data[exc.start]:#04x}); save it as UTF-8"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _first_alias(text: str) -> tuple[int, int] | None:
    """Where the first YAML alias is, if any. Aliases are refused: nested ones expand
    exponentially ("billion laughs") and content has no need for them. Scanning events is
    linear and expands nothing."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
    except (yaml.YAMLError, RecursionError):
        return None  # the loader below reports the syntax error with its line
    return None


_CHARACTER_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\x7f": "DEL"}


def _first_control_character(text: str, path: str) -> ContentError | None:
    """A character YAML refuses (NUL, form feed, DEL...), located, with how to fix it."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    name = _CHARACTER_NAMES.get(char, "a control character")
    return ContentError(path, line, column, "", f"U+{ord(char):04X} ({name}) is not allowed in YAML; delete it (often pasted from another program)")


MAX_DEPTH = 32  # guide.yml needs five; PyYAML and the source map are quadratic in depth


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the document first nests deeper than ``MAX_DEPTH`` (a linear scan: PyYAML itself
    is quadratic in nesting, see ``core/io/yamldepth.py``)."""
    return first_too_deep(text, MAX_DEPTH)


def _parse(model: type[M], text: str, path: str) -> tuple[M | None, list[ContentError]]:
    """Parse and validate one document; never raises on bad input."""
    errors: list[ContentError] = []
    control = _first_control_character(text, path)
    if control is not None:
        return None, [control]
    deep = _too_deep(text)
    if deep is not None:
        return None, [ContentError(path, deep[0], deep[1], "", f"values are nested more than {MAX_DEPTH} levels deep; content needs a few levels at most")]
    alias = _first_alias(text)
    if alias is not None:
        line, column = alias
        return None, [
            ContentError(path, line, column, "", "YAML aliases (*name) are not allowed in content files; write the value out in full")
        ]
    loader = TimestampTextLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        source = build_map(node, loader, path, text, errors)
    except yaml.YAMLError as exc:
        return None, [yaml_error(exc, path)]
    except (ValueError, TypeError, RecursionError) as exc:
        return None, [ContentError(path, 1, 1, "", f"the YAML cannot be read: {exc}")]
    finally:
        loader.dispose()
    if data is None:
        return None, [ContentError(path, 1, 1, "", "the file is empty")]
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        return None, errors + validation_errors(exc, model, source)
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. unhashable odd input
        return None, [*errors, ContentError(path, 1, 1, "", f"the content cannot be read: {exc}")]
    document._source = source
    return document, errors


def parse_guide(text: str, path: str = "guide.yml") -> tuple[Guide | None, list[ContentError]]:
    """Validate ``guide.yml`` text; ``path`` is only used in messages and locations."""
    return _parse(Guide, text.replace("\r\n", "\n").replace("\r", "\n"), path)


def parse_treatment(text: str, path: str = "treatment.yml") -> tuple[Treatment | None, list[ContentError]]:
    """Validate one treatment file's text."""
    return _parse(Treatment, text.replace("\r\n", "\n").replace("\r", "\n"), path)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_file(model: type[M], file: Path, root: Path) -> tuple[M | None, list[ContentError]]:
    shown = _relative(file, root)
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, [ContentError(shown, 1, 1, "", f"the file cannot be read: {exc.strerror or exc}")]
    text, error = _decode(data, shown)
    if error is not None or text is None:
        return None, [error] if error else []
    return _parse(model, text, shown)


def load_guide_file(file: Path, root: Path) -> tuple[Guide | None, list[ContentError]]:
    return _load_file(Guide, file, root)


def load_treatment_file(file: Path, root: Path) -> tuple[Treatment | None, list[ContentError]]:
    return _load_file(Treatment, file, root)


def load_guide(folder: Path, root: Path) -> GuideLoad:
    """Load ``<folder>/guide.yml`` and ``<folder>/treatments/*.yml``; never raises on bad input.
    ``.yaml`` is read as well as ``.yml`` (both are YAML; neither is ever skipped).

    A failing treatment does not stop the others. Besides the schema, it checks that the
    guide's slug names its folder and each treatment's slug names its file, because page URLs
    come from slugs and a mismatch would confuse editors.
    """
    errors: list[ContentError] = []
    guide_file = folder / "guide.yml"
    if not guide_file.is_file() and (folder / "guide.yaml").is_file():
        guide_file = folder / "guide.yaml"
    guide: Guide | None = None
    if guide_file.is_file():
        guide, found = load_guide_file(guide_file, root)
        errors += found
        if guide is not None and guide.slug != folder.name:
            line, column = guide._source.locate(("slug",)) if guide._source else (1, 1)
            errors.append(
                ContentError(
                    guide.source_path, line, column, "slug",
                    f"slug '{guide.slug}' does not match the folder name '{folder.name}'; make them the same",
                )
            )
    else:
        errors.append(ContentError(_relative(guide_file, root), 1, 1, "", "guide.yml is missing from this folder"))

    treatments: list[Treatment] = []
    seen: dict[str, str] = {}
    treatment_dir = folder / "treatments"
    files = sorted([*treatment_dir.glob("*.yml"), *treatment_dir.glob("*.yaml")]) if treatment_dir.is_dir() else []
    for file in files:
        treatment, found = load_treatment_file(file, root)
        errors += found
        if treatment is None:
            continue
        line, column = treatment._source.locate(("slug",)) if treatment._source else (1, 1)
        if treatment.slug != file.stem:
            errors.append(
                ContentError(
                    treatment.source_path, line, column, "slug",
                    f"slug '{treatment.slug}' does not match the file name '{file.name}'; make them the same",
                )
            )
        if treatment.slug in seen:
            errors.append(
                ContentError(
                    treatment.source_path, line, column, "slug",
                    f"slug '{treatment.slug}' is already used by {seen[treatment.slug]}",
                )
            )
            continue
        seen[treatment.slug] = treatment.source_path
        treatments.append(treatment)
    return GuideLoad(guide, treatments, errors)

