"""Editor waivers: a reviewed decision that a flagged claim is acceptable until a date.

A waiver names the claim by its text, never by its line, so that it survives edits that move
the claim around the page. It expires, so that every waived claim is looked at again.

The waivers file (``content/waivers.yml``) is a YAML list, or a mapping with a ``waivers:`` list::

    - id: afo-walking-speed           # optional; default: a stable hash of path+kind+text
      path: content/foot-drop/treatments/*.yml   # optional; a file or a glob
      kind: figure-not-in-source
      text: "about 1 in 3 people"     # the flagged span, or a fragment of its sentence
      sentence: "..."                 # optional; tells apart the same text in two sentences
      reviewer: Dr A. Editor
      reason: The figure is in the full text, table 2; the abstract rounds it.
      expires: 2027-06-30             # valid up to and including this day
      created: 2026-11-20             # optional

Matching rules (documented for editors in ``docs/editors.md``):

* kinds must be equal; ``path``, if given, must equal the finding's path or match it as a glob;
* the normalised waiver ``text`` must equal the finding's normalised text, or be a fragment of
  the finding's sentence that contains the finding's text (as whole words);
* ``sentence``, if given, must be similar (``SENTENCE_SIMILARITY``) to the finding's sentence.

One waiver covers **every** finding it matches, so the same claim repeated on a page (or on
several pages, with a glob) is waived once. Occurrence numbers or lines would break as soon as
the page is edited; an editor who wants to waive one occurrence only adds ``sentence``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..findings import RULES, Finding, make_finding, sort_findings
from .fixes import did_you_mean
from .waiver_errors import plain_waiver_error, too_long

# A waiver's sentence matches a finding's sentence at or above this difflib ratio (of the
# normalised texts): tolerant of a reworded word or a changed citation, not of another sentence.
SENTENCE_SIMILARITY = 0.8

# Kinds produced by waiving itself; waiving them would hide stale waivers.
_UNWAIVABLE = frozenset({"waiver-unmatched", "waiver-expired", "waiver-too-long"})

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "*": None, "_": None,  # Markdown emphasis: editors copy claims from the rendered page
    }
)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # every finding is compared with every waiver
def normalise_claim(text: str) -> str:
    """Normalise claim text so that copy-paste from the page or the source compares equal.

    NFKC (non-breaking and thin spaces, ligatures), case-folded, curly quotes and all dashes
    made plain, Markdown emphasis removed, whitespace collapsed.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def contains_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` not glued to a letter or digit.

    So that a waiver for "30%" does not cover "130%" in the same sentence.
    """
    if not needle:
        return False
    left = r"(?<![\w.])" if needle[0].isalnum() else ""
    right = r"(?!\w)" if needle[-1].isalnum() else ""
    return re.search(left + re.escape(needle) + right, haystack) is not None


@dataclass(frozen=True, slots=True)
class Waiver:
    """One validated waiver, located at its entry in the waivers file."""

    id: str
    kind: str
    text: str
    reviewer: str
    reason: str
    expires: date
    path: str | None = None
    sentence: str | None = None
    created: date | None = None
    source: str = ""
    line: int = 0

    def expired(self, today: date) -> bool:
        """A waiver is valid up to and including its ``expires`` day."""
        return today > self.expires

    def matches(self, finding: Finding) -> bool:
        """Whether this waiver covers ``finding`` (by path, kind and claim text; never line)."""
        if finding.kind != self.kind:
            return False
        if self.path is not None and not path_matches(self.path, finding.path):
            return False
        wanted = normalise_claim(self.text)
        text = normalise_claim(finding.text)
        sentence = normalise_claim(finding.sentence)
        if wanted != text and not (
            text and contains_words(wanted, text) and contains_words(sentence, wanted)
        ):
            return False
        if self.sentence:
            ratio = SequenceMatcher(None, normalise_claim(self.sentence), sentence).ratio()
            if ratio < SENTENCE_SIMILARITY:
                return False
        return True

    def to_dict(self) -> dict:
        """The waiver as recorded in a waived finding's ``data['waiver']`` (JSON-safe)."""
        return {
            "id": self.id,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "expires": self.expires.isoformat(),
            "created": self.created.isoformat() if self.created else None,
            "source": self.source,
            "line": self.line,
        }


def _posix(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def path_matches(pattern: str, path: str) -> bool:
    """Exact path, or a glob (``*`` crosses folders, as in ``content/**/*.yml``)."""
    pattern, path = _posix(pattern), _posix(path)
    if pattern == path:
        return True
    return any(ch in pattern for ch in "*?[") and fnmatchcase(path, pattern.replace("**/", "*"))


class _WaiverModel(BaseModel):
    """The schema of one waivers-file entry; unknown keys are errors (typos would be silent)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)  # see content.py

    id: str | None = Field(default=None, min_length=1)
    path: str | None = Field(default=None, min_length=1)
    kind: str
    text: str = Field(min_length=1)
    sentence: str | None = None
    reviewer: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    expires: date
    created: date | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in RULES:
            hint = did_you_mean(kind, RULES)
            raise ValueError(f"{kind!r} is not a finding kind; {hint + ' ' if hint else ''}copy the kind in [brackets] from the report or the check output")
        if kind in _UNWAIVABLE:
            raise ValueError(f"{kind!r} findings cannot be waived")
        return kind

    @field_validator("expires", "created", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        # YAML already gives dates for 2027-06-30; a quoted date must still be ISO, not "next year".
        if isinstance(value, str):
            return date.fromisoformat(value.strip())
        return value


@dataclass(frozen=True, slots=True)
class WaiverLoad:
    """The waivers that validated, and errors (``content-error`` findings at file:line)."""

    waivers: tuple[Waiver, ...] = ()
    errors: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class WaiverResult:
    """Findings with matched waivers applied, and findings about the waivers themselves."""

    findings: tuple[Finding, ...]
    extra: tuple[Finding, ...]

    @property
    def all(self) -> list[Finding]:
        return sort_findings([*self.findings, *self.extra])


def default_waiver_id(kind: str, path: str | None, text: str) -> str:
    """A stable id, so that reordering the waivers file does not rename waivers."""
    digest = hashlib.sha256(f"{kind}\0{path or ''}\0{normalise_claim(text)}".encode()).hexdigest()
    return f"w-{digest[:10]}"


def _error(source: str, line: int, message: str) -> Finding:
    return make_finding(
        "content-error",
        path=source,
        line=line,
        column=1,
        end_line=line,
        end_column=1,
        text="",
        sentence="",
        message=f"Waivers file: {message}",
    )


def _field_lines(node: yaml.Node) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def _waiver_items(text: str, source: str) -> tuple[list, list[yaml.Node], Finding | None]:
    """The raw waiver items with their YAML nodes, or the one error that stops reading."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        return [], [], _error(source, line, f"invalid YAML: {problem}")
    if root is None or data is None:
        return [], [], None
    items_node: yaml.Node = root
    if isinstance(data, dict):
        if set(data) != {"waivers"}:
            return [], [], _error(source, 1, "expected a list, or a mapping with only 'waivers:'")
        data = data["waivers"]
        items_node = next(v for k, v in root.value if k.value == "waivers")
    if data is None or data == []:
        return [], [], None
    if not isinstance(data, list) or not isinstance(items_node, yaml.SequenceNode):
        return [], [], _error(source, root.start_mark.line + 1, "expected a list of waivers")
    return data, list(items_node.value), None


def _read_waiver(raw: object, node: yaml.Node, source: str, seen: dict[str, int]) -> Waiver | list[Finding]:
    """One waiver item as a :class:`Waiver`, or the errors that refuse it."""
    line = node.start_mark.line + 1
    if not isinstance(raw, dict):
        return [_error(source, line, "each waiver must be a mapping of fields")]
    lines = _field_lines(node)
    try:
        model = _WaiverModel.model_validate(raw)
    except ValidationError as exc:
        return [
            _error(source, lines.get(str(err["loc"][0]) if err["loc"] else "", line), plain_waiver_error(err))
            for err in exc.errors()
        ]
    if model.created and model.created > model.expires:
        return [_error(source, lines.get("created", line), "'created' is after 'expires'")]
    waiver_id = model.id or default_waiver_id(model.kind, model.path, model.text)
    if waiver_id in seen:
        return [_error(source, lines.get("id", line), f"duplicate waiver id {waiver_id!r} (first at line {seen[waiver_id]})")]
    seen[waiver_id] = line
    return Waiver(
        id=waiver_id,
        kind=model.kind,
        text=model.text,
        reviewer=model.reviewer,
        reason=model.reason,
        expires=model.expires,
        path=_posix(model.path) if model.path else None,
        sentence=model.sentence or None,
        created=model.created,
        source=source,
        line=line,
    )


def parse_waivers(text: str, source: str) -> WaiverLoad:
    """Parse and validate a waivers file's text; pure, so tests need no files."""
    data, nodes, stop = _waiver_items(text, source)
    if stop is not None:
        return WaiverLoad(errors=(stop,))
    waivers: list[Waiver] = []
    errors: list[Finding] = []
    seen: dict[str, int] = {}
    for raw, node in zip(data, nodes, strict=False):
        read = _read_waiver(raw, node, source, seen)
        if isinstance(read, Waiver):
            waivers.append(read)
        else:
            errors.extend(read)
    return WaiverLoad(tuple(waivers), tuple(errors))


def load_waivers(path: Path, *, display_path: str | None = None, required: bool = False) -> WaiverLoad:
    """Read and validate a waivers file; never raises.

    ``display_path`` is the path findings should name (relative to the project). A missing file
    is no waivers (the file is optional) unless ``required``.
    """
    source = display_path or Path(path).as_posix()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            return WaiverLoad(errors=(_error(source, 1, "file not found"),))
        return WaiverLoad()
    except (OSError, UnicodeDecodeError) as exc:
        return WaiverLoad(errors=(_error(source, 1, f"cannot be read: {exc}"),))
    return parse_waivers(text, source)


def apply_waivers(findings: Iterable[Finding], waivers: Sequence[Waiver], *, today: date) -> WaiverResult:
    """Waive findings covered by an unexpired waiver; report waivers that are stale.

    The first unexpired matching waiver (file order) waives a finding and is recorded in
    ``finding.data['waiver']``. An expired waiver that matches gives one ``waiver-expired``
    finding (and its findings count again); a waiver matching nothing gives ``waiver-unmatched``.
    Both are located at the waiver's line in the waivers file, where the editor fixes them.
    """
    matched: dict[str, list[Finding]] = {w.id: [] for w in waivers}
    out: list[Finding] = []
    for finding in findings:
        if finding.waived_by is not None or finding.kind in _UNWAIVABLE:
            out.append(finding)
            continue
        covering = [w for w in waivers if w.matches(finding)]
        for waiver in covering:
            matched[waiver.id].append(finding)
        active = next((w for w in covering if not w.expired(today)), None)
        if active is None:
            out.append(finding)
            continue
        waived = finding.waive(active.id)
        out.append(replace(waived, data={**finding.data, "waiver": active.to_dict()}))

    extra: list[Finding] = []
    for waiver in waivers:
        long = too_long(waiver.expires, waiver.created, today)
        if long:
            extra.append(_waiver_finding("waiver-too-long", waiver, f"Waiver {waiver.id} {long}."))
        hits = matched[waiver.id]
        if not hits:
            extra.append(
                _waiver_finding(
                    "waiver-unmatched",
                    waiver,
                    f"Waiver {waiver.id} ({waiver.kind}) matches no finding: is the claim "
                    f"{waiver.text!r} still on the page?",
                )
            )
        elif waiver.expired(today):
            where = ", ".join(f.location for f in hits[:3]) + (" ..." if len(hits) > 3 else "")
            extra.append(
                _waiver_finding(
                    "waiver-expired",
                    waiver,
                    f"Waiver {waiver.id} by {waiver.reviewer} expired on {waiver.expires.isoformat()}; "
                    f"{len(hits)} finding(s) count again: {where}",
                    data={"covers": [f.location for f in hits]},
                )
            )
    return WaiverResult(tuple(out), tuple(extra))


def _waiver_finding(kind: str, waiver: Waiver, message: str, data: dict | None = None) -> Finding:
    return make_finding(
        kind,
        path=waiver.source,
        line=waiver.line,
        column=1,
        end_line=waiver.line,
        end_column=1,
        text=waiver.text,
        sentence=waiver.sentence or "",
        message=message,
        data={"waiver": waiver.to_dict(), **(data or {})},
    )
