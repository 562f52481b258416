"""Condition guide -> generated Markdown pages, one per section a reader navigates.

The output is Markdown, so the templates (``templates/guide/*.md.j2``) run in their own Jinja2
environment with autoescape off: author prose fields are Markdown and go in as written (they
are rendered later by Python-Markdown with the site's extensions, including our citation and
rating syntax). Everything that is *not* Markdown (names, titles, URLs) goes through the
``md_escape`` / ``md_url`` filters so it cannot inject markup.

Pages are generated, not hand-written: their prose is checked by the claim checker at the YAML
lines (see :meth:`Guide.iter_prose`), so the plugin should not check the generated Markdown
again. ``meta["evidence"]["generated"]`` marks them.

Care cards are Material admonitions (``!!! danger`` / ``warning`` / ``info``; the site needs
the ``admonition`` extension). The title starts with the level in words ("Emergency:") so the
level never depends on colour alone, and the call to action is a bold paragraph.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import escape

from ..templating import template_environment
from ..text.inert import inert_prose
from ..text.numbers import MONTHS
from ..text.readability import strip_markdown
from .content import Benefit, CareLevel, Guide, Treatment

__all__ = [
    "COMPARISON_PLACEHOLDER",
    "GeneratedPage",
    "guide_nav",
    "html_escape",
    "md_escape",
    "md_url",
    "mkdocs_nav",
    "rating_marker",
    "render_guide_pages",
]

COMPARISON_PLACEHOLDER = "<!-- evidence:comparison -->"
RANGES_PLACEHOLDER = "<!-- evidence:ranges -->"
"""The plugin replaces this line with the treatment comparison table."""


_ADMONITION = {CareLevel.EMERGENCY: "danger", CareLevel.URGENT: "warning", CareLevel.NON_URGENT: "info"}
_LEVEL_LABEL = {CareLevel.EMERGENCY: "Emergency", CareLevel.URGENT: "Urgent", CareLevel.NON_URGENT: "Not urgent"}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """One generated page: where it goes in ``docs``, its Markdown, and the meta to attach."""

    src_uri: str
    markdown: str
    title: str
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    def source(self) -> str:
        """The page as a Markdown file with YAML front matter (for ``File.generated``)."""
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True)
        return f"---\n{front}---\n\n{self.markdown}"


@dataclass(frozen=True, slots=True)
class _Section:
    key: str
    nav_title: str
    filename: str
    template: str


_SECTIONS = (
    _Section("overview", "Overview", "index.md", "overview.md.j2"),
    _Section("what-is-it", "What is it?", "what-is-it.md", "what-is-it.md.j2"),
    _Section("symptoms", "Symptoms", "symptoms.md", "symptoms.md.j2"),
    _Section("causes", "Causes", "causes.md", "causes.md.j2"),
    _Section("when-to-get-help", "When to get help", "when-to-get-help.md", "when-to-get-help.md.j2"),
    _Section("diagnosis", "Diagnosis", "diagnosis.md", "diagnosis.md.j2"),
    _Section("treatments", "Treatments", "treatments/index.md", "treatments.md.j2"),
    _Section("outlook", "Outlook", "outlook.md", "outlook.md.j2"),
    _Section("living-with", "Living with it", "living-with.md", "living-with.md.j2"),
    _Section("questions", "Questions to ask", "questions.md", "questions.md.j2"),
    _Section("support", "Support", "support.md", "support.md.j2"),
    _Section("glossary", "Glossary", "glossary.md", "glossary.md.j2"),
    _Section("handout", "Printable summary", "handout.md", "handout.md.j2"),
    _Section("about-this-guide", "About this guide", "about-this-guide.md", "about-this-guide.md.j2"),
)


# --------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------


def html_escape(value: Any) -> str:
    """HTML-escape plain text (``& < > " '``) for Markdown output, where autoescape is off."""
    return str(escape(str(value)))


_MD_INLINE = re.compile(r"([\\`*_\[\]{}])")
_MD_LINE_START = re.compile(r"^([#+\->=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md_escape(value: Any) -> str:
    """Plain text made inert in Markdown: HTML-escaped, one line, syntax characters escaped."""
    text = " ".join(str(value).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\\\1", text)
    text = _MD_ORDERED.sub(r"\1\\\2", text)
    return html_escape(text)


def md_url(value: Any) -> str:
    """A URL safe inside a Markdown link destination ``(...)``."""
    table = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", '"': "%22", "\\": "%5C", "`": "%60"}
    return "".join(table.get(char, char) for char in str(value).strip())


def _prose(value: str | None) -> str:
    """Author prose from YAML, as Markdown without raw HTML or attribute lists (see
    ``core/text/inert.py``). Hand-written pages in ``docs/`` may still hold HTML."""
    return inert_prose(value)


def _bullet(value: str, marker: str = "-") -> str:
    """A list item whose continuation lines are indented to stay inside the item."""
    lines = _prose(value).split("\n")
    pad = " " * 4
    rest = [pad + line if line.strip() else "" for line in lines[1:]]
    return "\n".join([f"{marker} {lines[0]}", *rest])


def _indent_block(value: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in value.split("\n"))


def _long_date(value: Any) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _capitalise(value: str) -> str:
    return value[:1].upper() + value[1:]


def _in_sentence(title: str) -> str:
    """'Foot drop' -> 'foot drop' (but keep 'Charcot-Marie-Tooth disease', 'ALS')."""
    if title[:1].isupper() and not any(char.isupper() for char in title[1:]):
        return title[:1].lower() + title[1:]
    return title


def _marker_part(value: str) -> str:
    """Text safe inside a ``{rating: ...}`` marker (no separators or braces)."""
    text = " ".join(value.split())
    for arrow in ("->", "→"):  # the marker splits TREATMENT -> OUTCOME on the first arrow
        text = text.replace(arrow, "–")
    return text.replace("|", "/").replace("{", "(").replace("}", ")")


def rating_marker(treatment: Treatment, benefit: Benefit) -> str:
    """The inline rating marker of CONTRIBUTING.md for one benefit."""
    level = benefit.rating
    if benefit.upgrade:
        level += " up: " + ", ".join(benefit.upgrade.reasons)
    claim = f"{_marker_part(treatment.name)} -> {_marker_part(benefit.outcome)}"
    if not benefit.citations:  # a rating that rests on no studies ("we found none")
        return f"{{rating: {level} | {claim}}}"
    keys = "; ".join(f"@{key}" for key in benefit.citations)
    return f"{{rating: {level} | {claim} | {keys}}}"


@lru_cache(maxsize=1)
def _package_environment() -> jinja2.Environment:
    return _environment(())


def _environment(template_dirs: tuple[Path, ...]) -> jinja2.Environment:
    """Markdown templates: autoescape off on purpose (plain values go through md_escape).
    A site's ``template_dirs`` (each with a ``guide/`` folder) are searched first; such an
    environment is made afresh, so an edited override is read on the next rebuild."""
    env = template_environment(extra_dirs=template_dirs, subdir="guide", autoescape=False, keep_trailing_newline=True)
    env.filters.update(
        html_escape=html_escape,
        md_escape=md_escape,
        md_url=md_url,
        prose=_prose,
        bullet=_bullet,
        indent_block=_indent_block,
        long_date=_long_date,
        capitalise=_capitalise,
    )
    env.globals.update(
        admonition=_ADMONITION,
        level_label=_LEVEL_LABEL,
        rating_marker=rating_marker,
        comparison_placeholder=COMPARISON_PLACEHOLDER,
        ranges_placeholder=RANGES_PLACEHOLDER,
    )
    return env


# --------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------


def _base(base_uri: str, guide: Guide) -> str:
    base = base_uri.strip("/")
    return f"{base}/{guide.slug}" if base else guide.slug


def _present(guide: Guide) -> list[_Section]:
    """Sections with content: support and glossary are optional and get no empty page."""
    skip = {"support"} if not guide.support else set()
    if not guide.glossary:
        skip.add("glossary")
    return [section for section in _SECTIONS if section.key not in skip]


def _page_titles(guide: Guide) -> dict[str, str]:
    name = _in_sentence(guide.title)
    return {
        "overview": guide.title,
        "what-is-it": f"What is {name}?",
        "symptoms": f"Symptoms of {name}",
        "causes": f"Causes of {name}",
        "when-to-get-help": "When to get help",
        "diagnosis": f"How {name} is diagnosed",
        "treatments": f"Treatments for {name}",
        "outlook": "Outlook",
        "living-with": f"Living with {name}",
        "questions": "Questions to ask",
        "support": "Support",
        "glossary": "Glossary",
        "handout": f"{guide.title}: a summary to print",
        "about-this-guide": "About this guide",
    }


def _review_meta(guide: Guide) -> dict:
    review = guide.review
    return {
        "last_reviewed": review.last_reviewed,
        "next_review_due": review.next_review_due,
        "authors": [{"name": p.name, "qualifications": p.qualifications} for p in review.authors],
        "clinical_reviewer": {
            "name": review.clinical_reviewer.name,
            "qualifications": review.clinical_reviewer.qualifications,
        }
        if review.clinical_reviewer
        else None,
        "last_updated": max((entry.date for entry in review.history), default=None),
        "funding": review.funding,
        "conflicts": review.conflicts,
    }


# Terms the abbr extension can define safely: words, spaces and light punctuation only.
_ABBREVIATION_TERM = re.compile(r"[^\W_][\w .'/-]*")


def glossary_abbreviations(guide: Guide) -> str:
    """Abbreviation definitions (``*[term]: definition``) so that the ``abbr`` extension explains
    each glossary term where it is used. "Ankle-foot orthosis (AFO)" defines both the long form
    and "AFO"; a lower-case form is added because ``abbr`` matches case-sensitively."""
    lines: list[str] = []
    seen: set[str] = set()
    for item in guide.glossary:
        definition = " ".join(strip_markdown(item.definition).split())
        match = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", item.term)
        forms = [match.group(1), match.group(2)] if match else [item.term]
        for form in forms:
            for variant in (form, form.lower()):
                variant = variant.strip()
                if variant and variant not in seen and _ABBREVIATION_TERM.fullmatch(variant):
                    seen.add(variant)
                    lines.append(f"*[{variant}]: {definition}")
    return "\n".join(lines)


def _description(markdown_text: str) -> str:
    return " ".join(strip_markdown(markdown_text).split())


def _sorted_care(guide: Guide) -> list:
    order = list(CareLevel)
    return sorted(guide.care, key=lambda card: order.index(card.level))


class _GuideRenderer:
    """What every page of one guide shares (links, titles, review, abbreviations), and
    :meth:`page`, which renders one of them."""

    def __init__(self, guide: Guide, treatments: list[Treatment], base_uri: str, template_dirs: tuple[Path, ...] = ()) -> None:
        self.guide, self.treatments = guide, treatments
        base = _base(base_uri, guide)
        self.sections = _present(guide)
        self.titles = _page_titles(guide)
        self.uris = {section.key: f"{base}/{section.filename}" for section in self.sections}
        self.treatment_uris = {t.slug: f"{base}/treatments/{t.slug}.md" for t in treatments}
        self.env = _environment(template_dirs) if template_dirs else _package_environment()
        self.review = _review_meta(guide)
        self.care = _sorted_care(guide)
        self.abbreviations = glossary_abbreviations(guide)
        self.contents = [
            {"key": s.key, "title": self.titles[s.key], "nav_title": s.nav_title} for s in self.sections if s.key != "overview"
        ]

    def page(self, template: str, src_uri: str, title: str, description: str, extra: dict, **context: Any) -> GeneratedPage:
        def link(key: str) -> str:
            target = self.uris.get(key) or self.treatment_uris[key]
            return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")

        markdown = self.env.get_template(template).render(
            guide=self.guide,
            treatments=self.treatments,
            title=title,
            titles=self.titles,
            care=self.care,
            contents=self.contents,
            has=set(self.uris),
            link=link,
            **context,
        )
        markdown = "\n".join(line.rstrip() for line in markdown.strip().split("\n")) + "\n"
        if self.abbreviations and extra.get("section") != "glossary":
            markdown += "\n" + self.abbreviations + "\n"
        meta = {
            "title": html_escape(title),  # themes print titles unescaped (MkDocs: no autoescape)
            "description": description,
            "condition": self.guide.slug,
            "condition_title": self.guide.title,
            "review": self.review,
            "evidence": {"generated": True, "source": self.guide.source_path, **extra},
        }
        return GeneratedPage(src_uri, markdown, title, meta)

    def treatment_page(self, treatment: Treatment) -> GeneratedPage:
        extra = {
            "section": "treatment",
            "treatment": treatment.slug,
            "category": treatment.category.value,
            "source": treatment.source_path,
        }
        return self.page(
            "treatment.md.j2",
            self.treatment_uris[treatment.slug],
            f"{treatment.name} – {self.guide.title}",
            _description(treatment.summary),
            extra,
            heading=treatment.name,
            treatment=treatment,
        )


def render_guide_pages(guide: Guide, treatments: Iterable[Treatment], *, base_uri: str, template_dirs: tuple[Path, ...] = ()) -> list[GeneratedPage]:
    """All pages of one guide, in reading order.

    ``base_uri`` is the docs folder that holds condition folders (``""`` for the docs root):
    with ``base_uri="conditions"`` the overview is ``conditions/foot-drop/index.md``.
    Links between the pages are relative ``.md`` links, which MkDocs resolves and checks.
    """
    renderer = _GuideRenderer(guide, list(treatments), base_uri, template_dirs)
    summary = _description(guide.summary)
    pages: list[GeneratedPage] = []
    for section in renderer.sections:
        title = renderer.titles[section.key]
        named = section.key == "overview" or _in_sentence(guide.title) in title
        page_title = title if named else f"{title} – {guide.title}"
        page = renderer.page(
            section.template, renderer.uris[section.key], page_title, summary, {"section": section.key}, heading=title
        )
        if section.key == "handout":
            page.meta["template"] = "handout.html"  # theme/handout.html: print letterhead
        pages.append(page)
        if section.key == "treatments":
            pages.extend(renderer.treatment_page(treatment) for treatment in renderer.treatments)
    return pages


def guide_nav(guide: Guide, treatments: Iterable[Treatment], *, base_uri: str) -> list[tuple[str, str]]:
    """Reading-order navigation: ``(short title, src_uri)`` for every generated page."""
    base = _base(base_uri, guide)
    nav: list[tuple[str, str]] = []
    for section in _present(guide):
        nav.append((section.nav_title, f"{base}/{section.filename}"))
        if section.key == "treatments":
            nav.extend((t.name, f"{base}/treatments/{t.slug}.md") for t in treatments)
    return nav


def mkdocs_nav(guide: Guide, treatments: Iterable[Treatment], *, base_uri: str) -> dict[str, list]:
    """The same navigation in ``mkdocs.yml`` form, treatments nested under their index."""
    treatments = list(treatments)
    base = _base(base_uri, guide)
    items: list[Any] = []
    for section in _present(guide):
        uri = f"{base}/{section.filename}"
        if section.key == "treatments" and treatments:
            children = [{"All treatments": uri}] + [{html_escape(t.name): f"{base}/treatments/{t.slug}.md"} for t in treatments]
            items.append({section.nav_title: children})
        else:
            items.append({section.nav_title: uri})
    return {html_escape(guide.title): items}
