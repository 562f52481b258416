"""Prose positions: each prose field located in its YAML file, down to offsets inside folded text.

* block scalars (``|`` and ``>``): the text starts at the first content line below the
  indicator; literal (``|``) scalars map every offset exactly;
* plain and quoted scalars: the text starts at the scalar itself (after the opening quote);
* folded text (``>`` scalars and multi-line plain or quoted scalars) joins lines with spaces,
  so :meth:`ProseField.position` re-finds each source line (each run between quote escapes)
  in the text. That is exact for ordinary prose, including the real foot-drop content; it is
  approximate only *inside* an escape (``\\n``, ``\\u00e9``, ``''``), where the offset maps
  to the run before it, and across a ``\\`` line continuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .fields import ContentModel
from .records import ProseField
from .sourcemap import Loc, ScalarSpan, SourceMap, field_name

_DOUBLE_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")


def _pieces(content: str, style: str | None) -> list[tuple[int, str]]:
    """The literal runs of one source line (between quote escapes), with their offsets."""
    if style == "'":
        pattern = re.compile("''")
    elif style == '"':
        pattern = _DOUBLE_ESCAPE
    else:
        return [(0, content)]
    pieces, start = [], 0
    for match in pattern.finditer(content):
        if match.start() > start:
            pieces.append((start, content[start : match.start()]))
        start = match.end()
    if start < len(content):
        pieces.append((start, content[start:]))
    return pieces


def _prose_segments(source: SourceMap, span: ScalarSpan, value: str) -> tuple[tuple[int, int, int], ...]:
    """Re-find each source line of a scalar in its value to map offsets back to the file."""
    raw = source.text[span.start : span.end]
    lines = raw.split("\n")
    segments: list[tuple[int, int, int]] = []
    cursor = 0
    block = span.style in ("|", ">")
    for number, source_line in enumerate(lines):
        if block and number == 0:
            continue  # the indicator line (| or > with chomping/indent hints)
        file_line = span.line + number
        base_column = span.column if number == 0 else 1
        content = source_line.lstrip(" \t")
        lead = len(source_line) - len(content)
        if number == 0 and span.style in ("'", '"'):
            content, lead = content[1:], lead + 1
        content = content.rstrip(" \t")
        if number == len(lines) - 1 and span.style in ("'", '"') and content.endswith(span.style):
            content = content[:-1]
        if span.style == '"' and content.endswith("\\"):
            content = content[:-1]
        if not content:
            continue
        for piece_offset, piece in _pieces(content, span.style):
            found = value.find(piece, cursor)
            if found >= 0:
                segments.append((found, file_line, base_column + lead + piece_offset))
                cursor = found + len(piece)
    return tuple(segments)


def prose_field(source: SourceMap | None, loc: Loc, text: str, markup: str = "yaml") -> ProseField:
    name = field_name(loc)
    if source is None:
        return ProseField(text, "", 0, 0, name, markup=markup)
    span = source.scalars.get(loc)
    if span is None:
        line, column = source.locate(loc)
        return ProseField(text, source.path, line, column, name, markup=markup)
    segments = _prose_segments(source, span, text)
    if segments and segments[0][0] == 0:
        line, column = segments[0][1], segments[0][2]
    elif segments:
        # Leading blank lines of a block scalar: the first text line is the line above.
        first_offset, first_line, first_column = segments[0]
        line, column = first_line, first_column
        newlines = text.count("\n", 0, first_offset)
        segments = ((0, first_line - newlines, first_column), *segments)
    else:
        quoted = span.style in ("'", '"')
        line, column = span.line, span.column + (1 if quoted else 0)
        segments = ((0, line, column),)
    return ProseField(text, source.path, line, column, name, segments, markup)


def walk_prose(model: ContentModel, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """(location, text, markup) of every prose and plain-text field that reaches a page."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*loc, name)
        if name in model.PROSE or name in model.PLAIN:
            markup = "yaml" if name in model.PROSE else "plain"
            if isinstance(value, str):
                yield here, value, markup
            elif isinstance(value, tuple):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*here, index), item, markup
            continue
        if isinstance(value, ContentModel):
            yield from walk_prose(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, ContentModel):
                    yield from walk_prose(item, (*here, index))


def walk_citations(model: ContentModel, loc: Loc) -> Iterator[tuple[Loc, str]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*loc, name)
        if name == "citations" and isinstance(value, tuple):
            for index, key in enumerate(value):
                yield (*here, index), key
        elif isinstance(value, ContentModel):
            yield from walk_citations(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, ContentModel):
                    yield from walk_citations(item, (*here, index))
