"""Condition-guide content: pydantic models of ``guide.yml`` and ``treatments/*.yml``.

The YAML is composed (``SafeLoader``) before it is constructed so that every value keeps the
line and column it came from. That serves two readers: an editor, who gets every schema error
as ``file:line:column: field: message`` in plain words, and the claim checker, which checks each
prose field at its own place in the YAML file (see :meth:`Guide.iter_prose`).

The package's parts, one job each: ``fields`` (validated field types and enums), ``schema``
(the models), ``records`` (located results), ``sourcemap`` (YAML positions by path),
``positions`` (prose fields located down to offsets inside folded text), ``errors`` (schema
and YAML errors in plain words) and ``loader`` (reading files, slug checks).
"""

from __future__ import annotations

from .fields import CareLevel, Category, CitationKeyStr
from .loader import load_guide, load_guide_file, load_treatment_file, parse_guide, parse_treatment
from .records import CitationKey, ContentError, GuideLoad, ProseField, RatingEntry
from .schema import Benefit, Guide, Treatment

__all__ = [
    "Benefit",
    "CareLevel",
    "Category",
    "CitationKey",
    "CitationKeyStr",
    "ContentError",
    "Guide",
    "GuideLoad",
    "ProseField",
    "RatingEntry",
    "Treatment",
    "load_guide",
    "load_guide_file",
    "load_treatment_file",
    "parse_guide",
    "parse_treatment",
]
